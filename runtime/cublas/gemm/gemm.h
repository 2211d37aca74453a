// The GEMM engine behind cublas{S,D}gemm, the strided-batched variants and
// cublasGemm(StridedBatched)Ex. Arguments arrive validated (API layer); the
// engine picks a kernel for the device and shape, and enqueues it on the
// handle's stream. beta == 0 never reads C; k == 0 or alpha == 0 scales C.
#ifndef CUCL_CUBLAS_GEMM_GEMM_H
#define CUCL_CUBLAS_GEMM_GEMM_H

#include <cstddef>
#include <cstdint>

#include "backend/cl.h"
#include "cublas_v2.h"

struct cublasContext;

namespace cucl::blas {

enum class DataType { F16, F32, F64 }; // F16 is storage only: it computes in fp32

// A matrix operand: buffer + byte offset of element (0,0) of batch 0.
struct MatrixArg {
  cl::Buffer buffer;
  std::size_t offsetBytes = 0;
  std::int64_t ld = 0;     // leading dimension, in elements
  std::int64_t stride = 0; // between batches, in elements (may be 0 or negative)
};

// alpha/beta: a host value (host pointer mode) or a device location
// (device pointer mode, read by the kernel when it runs).
struct ScalarArg {
  bool onDevice = false;
  double host = 0;
  cl::Buffer buffer;
  std::size_t offsetBytes = 0;
};

struct GemmCall {
  DataType abType = DataType::F32; // A and B
  DataType cType = DataType::F32;  // C: == abType, or F32 with abType F16
  bool transA = false, transB = false;
  std::int64_t m = 0, n = 0, k = 0;
  MatrixArg a, b, c;
  ScalarArg alpha, beta;
  std::int64_t batchCount = 1;
};

// m, n, batchCount > 0 (the API returns early otherwise).
cublasStatus_t enqueueGemm(cublasContext &handle, const GemmCall &call);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_H
