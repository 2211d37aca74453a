// Level 3: {S,D}gemm, {S,D}gemmStridedBatched, {S,D}gemmBatched, GemmEx,
// GemmStridedBatchedEx.
//
// Validates as cuBLAS does, resolves every pointer (a kernel never sees
// memory the call may not touch), and hands a GemmCall to the GEMM engine
// (gemm/gemm.h), which picks and enqueues the kernel.
//   null handle                                   -> CUBLAS_STATUS_NOT_INITIALIZED
//   bad transa/transb, m/n/k/batchCount < 0,
//   lda/ldb/ldc below their minimum               -> CUBLAS_STATUS_INVALID_VALUE
//   type/compute combination or algo unsupported  -> CUBLAS_STATUS_NOT_SUPPORTED
//   double on a device without cl_khr_fp64        -> CUBLAS_STATUS_ARCH_MISMATCH
//   m == 0, n == 0 or batchCount == 0             -> CUBLAS_STATUS_SUCCESS, nothing runs
//   alpha/beta/A/B/C null, on the wrong side of the pointer mode, of another
//   device, misaligned, or a span past its allocation -> CUBLAS_STATUS_INVALID_VALUE
#include "api/cublas_export.h"

#include <algorithm>

#include "core/arguments.h"
#include "core/handle.h"
#include "core/pointer_arrays.h"
#include "gemm/gemm.h"

namespace {

using cucl::blas::DataType;

// One GEMM request as the API functions receive it.
struct GemmRequest {
  cublasHandle_t handle = nullptr;
  cublasOperation_t transa = CUBLAS_OP_N, transb = CUBLAS_OP_N;
  int m = 0, n = 0, k = 0;
  const void *alpha = nullptr, *beta = nullptr;
  const void *A = nullptr, *B = nullptr;
  void *C = nullptr;
  int lda = 0, ldb = 0, ldc = 0;
  long long strideA = 0, strideB = 0, strideC = 0;
  int batchCount = 1;
  DataType abType = DataType::F32, cType = DataType::F32;
  bool doubleScalars = false; // alpha/beta are double (64F compute), else float
};

bool validOperation(cublasOperation_t op) {
  return op == CUBLAS_OP_N || op == CUBLAS_OP_T || op == CUBLAS_OP_C;
}

std::size_t sizeOf(DataType type) {
  switch (type) {
  case DataType::F16:
    return 2;
  case DataType::F32:
    return 4;
  case DataType::F64:
    return 8;
  }
  return 0;
}

bool isPlainFp32Compute(cublasComputeType_t compute) {
  return compute == CUBLAS_COMPUTE_32F || compute == CUBLAS_COMPUTE_32F_PEDANTIC;
}

// The reduced-precision fp32 compute types, which cuBLAS offers for fp32
// A/B/C only (here they compute as CUBLAS_COMPUTE_32F).
bool isFastFp32Compute(cublasComputeType_t compute) {
  return compute == CUBLAS_COMPUTE_32F_FAST_16F || compute == CUBLAS_COMPUTE_32F_FAST_16BF ||
         compute == CUBLAS_COMPUTE_32F_FAST_TF32 || compute == CUBLAS_COMPUTE_32F_EMULATED_16BFX9;
}

bool isFp64Compute(cublasComputeType_t compute) {
  return compute == CUBLAS_COMPUTE_64F || compute == CUBLAS_COMPUTE_64F_PEDANTIC ||
         compute == CUBLAS_COMPUTE_64F_EMULATED_FIXEDPOINT;
}

// The *Ex type combinations the engine runs, each one cuBLAS accepts too:
// A/B/C fp32 with any fp32 compute type; A/B fp16 with C fp16 or fp32 and
// CUBLAS_COMPUTE_32F(_PEDANTIC); A/B/C fp64 with an fp64 compute type.
bool exTypes(cudaDataType a, cudaDataType b, cudaDataType c, cublasComputeType_t compute,
             GemmRequest *out) {
  if (a != b)
    return false;
  if (a == CUDA_R_32F && c == CUDA_R_32F &&
      (isPlainFp32Compute(compute) || isFastFp32Compute(compute))) {
    out->abType = out->cType = DataType::F32;
    return true;
  }
  if (a == CUDA_R_16F && (c == CUDA_R_16F || c == CUDA_R_32F) && isPlainFp32Compute(compute)) {
    out->abType = DataType::F16;
    out->cType = c == CUDA_R_16F ? DataType::F16 : DataType::F32;
    return true;
  }
  if (a == CUDA_R_64F && c == CUDA_R_64F && isFp64Compute(compute)) {
    out->abType = out->cType = DataType::F64;
    out->doubleScalars = true;
    return true;
  }
  return false;
}

// cuBLAS 12 ignores the algorithm, but only its own enumerators are valid.
bool knownAlgorithm(cublasGemmAlgo_t algo) {
  const int value = static_cast<int>(algo);
  return value == CUBLAS_GEMM_DEFAULT ||
         (value >= CUBLAS_GEMM_ALGO0 && value <= CUBLAS_GEMM_ALGO23) ||
         (value >= CUBLAS_GEMM_DEFAULT_TENSOR_OP && value <= CUBLAS_GEMM_ALGO15_TENSOR_OP) ||
         value == CUBLAS_GEMM_AUTOTUNE;
}

// Sizes and leading dimensions, as cuBLAS checks them.
bool validShape(const GemmRequest &r) {
  const int rowsA = r.transa == CUBLAS_OP_N ? r.m : r.k;
  const int rowsB = r.transb == CUBLAS_OP_N ? r.k : r.n;
  return validOperation(r.transa) && validOperation(r.transb) && r.m >= 0 && r.n >= 0 && r.k >= 0 &&
         r.batchCount >= 0 && r.lda >= std::max(1, rowsA) && r.ldb >= std::max(1, rowsB) &&
         r.ldc >= std::max(1, r.m);
}

cublasStatus_t resolveMatrix(const cublasContext &handle, const void *pointer, std::int64_t rows,
                             std::int64_t cols, std::int64_t ld, std::int64_t stride,
                             std::int64_t batches, DataType type, cucl::blas::MatrixArg *out) {
  cucl::blas::ByteSpan span;
  if (!cucl::blas::matrixSpan(rows, cols, ld, stride, batches, sizeOf(type), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  cucl::blas::BufferArg resolved;
  cublasStatus_t status = cucl::blas::resolveDevice(handle, pointer, span, sizeOf(type), &resolved);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  out->buffer = resolved.buffer;
  out->offsetBytes = resolved.offset;
  out->ld = ld;
  out->stride = batches > 1 ? stride : 0;
  return CUBLAS_STATUS_SUCCESS;
}

template <class T>
cublasStatus_t resolveScalars(const cublasContext &handle, const GemmRequest &r,
                              cucl::blas::GemmCall *call) {
  cublasStatus_t status =
      cucl::blas::resolveScalar(handle, static_cast<const T *>(r.alpha), &call->alpha);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return cucl::blas::resolveScalar(handle, static_cast<const T *>(r.beta), &call->beta);
}

cublasStatus_t gemm(const GemmRequest &r) {
  if (r.handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (!validShape(r))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasContext &handle = *r.handle;
  if ((r.abType == DataType::F64 || r.doubleScalars) && !handle.fp64)
    return CUBLAS_STATUS_ARCH_MISMATCH;
  if (r.m == 0 || r.n == 0 || r.batchCount == 0)
    return CUBLAS_STATUS_SUCCESS;

  cucl::blas::GemmCall call;
  call.abType = r.abType;
  call.cType = r.cType;
  call.transA = r.transa != CUBLAS_OP_N;
  call.transB = r.transb != CUBLAS_OP_N;
  call.m = r.m;
  call.n = r.n;
  call.k = r.k;
  call.batchCount = r.batchCount;
  cublasStatus_t status = r.doubleScalars ? resolveScalars<double>(handle, r, &call)
                                          : resolveScalars<float>(handle, r, &call);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  // A and B are not read when k == 0 or alpha == 0 (host mode): they may be
  // anything then, and their buffers stay empty.
  const bool readsAB = r.k > 0 && (call.alpha.onDevice || call.alpha.host != 0);
  if (readsAB) {
    const std::int64_t rowsA = call.transA ? r.k : r.m, colsA = call.transA ? r.m : r.k;
    const std::int64_t rowsB = call.transB ? r.n : r.k, colsB = call.transB ? r.k : r.n;
    status =
        resolveMatrix(handle, r.A, rowsA, colsA, r.lda, r.strideA, r.batchCount, r.abType, &call.a);
    if (status == CUBLAS_STATUS_SUCCESS)
      status = resolveMatrix(handle, r.B, rowsB, colsB, r.ldb, r.strideB, r.batchCount, r.abType,
                             &call.b);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  } else {
    call.a.ld = r.lda;
    call.b.ld = r.ldb;
  }
  status = resolveMatrix(handle, r.C, r.m, r.n, r.ldc, r.strideC, r.batchCount, r.cType, &call.c);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return cucl::blas::enqueueGemm(handle, call);
}

// A batch given as pointer arrays whose matrices lie evenly spaced in one
// buffer (one allocation cut into matrices, the usual layout) as a strided
// batch: start and stride in elements. False for any other layout.
bool asStrided(const cucl::blas::PointerBatch &batch, std::size_t elementSize,
               cucl::blas::MatrixArg *out) {
  if (!batch.shared)
    return false;
  const auto &m = batch.matrices;
  const auto delta = static_cast<std::int64_t>(m.size() > 1 ? m[1].offset - m[0].offset : 0);
  if (delta % static_cast<std::int64_t>(elementSize) != 0)
    return false;
  for (std::size_t i = 1; i < m.size(); ++i)
    if (static_cast<std::int64_t>(m[i].offset - m[i - 1].offset) != delta)
      return false;
  out->buffer = m[0].buffer;
  out->offsetBytes = m[0].offset;
  out->stride = delta / static_cast<std::int64_t>(elementSize);
  return true;
}

// {S,D}gemmBatched: the pointer arrays are read when the stream reaches the
// call (core/pointer_arrays.h); one strided-batched GEMM when every array
// is evenly spaced in one buffer, else one GEMM per matrix.
cublasStatus_t gemmBatched(GemmRequest r, const void *const *A, const void *const *B,
                           void *const *C) {
  if (r.handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (!validShape(r))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasContext &handle = *r.handle;
  if (r.abType == DataType::F64 && !handle.fp64)
    return CUBLAS_STATUS_ARCH_MISMATCH;
  if (r.m == 0 || r.n == 0 || r.batchCount == 0)
    return CUBLAS_STATUS_SUCCESS;
  cucl::blas::GemmCall call;
  call.abType = call.cType = r.abType;
  call.transA = r.transa != CUBLAS_OP_N;
  call.transB = r.transb != CUBLAS_OP_N;
  call.m = r.m;
  call.n = r.n;
  call.k = r.k;
  cublasStatus_t status = r.doubleScalars ? resolveScalars<double>(handle, r, &call)
                                          : resolveScalars<float>(handle, r, &call);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const std::size_t size = sizeOf(r.abType);
  const bool readsAB = r.k > 0 && (call.alpha.onDevice || call.alpha.host != 0);
  const std::int64_t rowsA = call.transA ? r.k : r.m, colsA = call.transA ? r.m : r.k;
  const std::int64_t rowsB = call.transB ? r.n : r.k, colsB = call.transB ? r.k : r.n;
  cucl::blas::PointerBatch a, b, c;
  cucl::blas::ByteSpan spanA, spanB, spanC;
  if ((readsAB && (!cucl::blas::matrixSpan(rowsA, colsA, r.lda, 0, 1, size, &spanA) ||
                   !cucl::blas::matrixSpan(rowsB, colsB, r.ldb, 0, 1, size, &spanB))) ||
      !cucl::blas::matrixSpan(r.m, r.n, r.ldc, 0, 1, size, &spanC))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (readsAB) {
    status = cucl::blas::readPointerBatch(handle, A, r.batchCount, spanA, size, &a);
    if (status == CUBLAS_STATUS_SUCCESS)
      status = cucl::blas::readPointerBatch(handle, B, r.batchCount, spanB, size, &b);
  }
  if (status == CUBLAS_STATUS_SUCCESS)
    status = cucl::blas::readPointerBatch(handle, const_cast<const void *const *>(C), r.batchCount,
                                          spanC, size, &c);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  call.a.ld = r.lda;
  call.b.ld = r.ldb;
  call.c.ld = r.ldc;
  if ((!readsAB || (asStrided(a, size, &call.a) && asStrided(b, size, &call.b))) &&
      asStrided(c, size, &call.c)) {
    call.batchCount = r.batchCount;
    return cucl::blas::enqueueGemm(handle, call);
  }
  call.batchCount = 1;
  call.a.stride = call.b.stride = call.c.stride = 0;
  for (int i = 0; i < r.batchCount && status == CUBLAS_STATUS_SUCCESS; ++i) {
    if (readsAB) {
      call.a.buffer = a.matrices[i].buffer;
      call.a.offsetBytes = a.matrices[i].offset;
      call.b.buffer = b.matrices[i].buffer;
      call.b.offsetBytes = b.matrices[i].offset;
    }
    call.c.buffer = c.matrices[i].buffer;
    call.c.offsetBytes = c.matrices[i].offset;
    status = cucl::blas::enqueueGemm(handle, call);
  }
  return status;
}

GemmRequest request(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb,
                    int m, int n, int k, const void *alpha, const void *A, int lda,
                    long long strideA, const void *B, int ldb, long long strideB, const void *beta,
                    void *C, int ldc, long long strideC, int batchCount) {
  GemmRequest r;
  r.handle = handle;
  r.transa = transa;
  r.transb = transb;
  r.m = m;
  r.n = n;
  r.k = k;
  r.alpha = alpha;
  r.A = A;
  r.lda = lda;
  r.strideA = strideA;
  r.B = B;
  r.ldb = ldb;
  r.strideB = strideB;
  r.beta = beta;
  r.C = C;
  r.ldc = ldc;
  r.strideC = strideC;
  r.batchCount = batchCount;
  return r;
}

GemmRequest typed(GemmRequest r, DataType type) {
  r.abType = r.cType = type;
  r.doubleScalars = type == DataType::F64;
  return r;
}

// The *Ex calls: validation first (as the typed calls), then the types.
cublasStatus_t gemmEx(GemmRequest r, cudaDataType Atype, cudaDataType Btype, cudaDataType Ctype,
                      cublasComputeType_t computeType, cublasGemmAlgo_t algo) {
  if (r.handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  if (!validShape(r))
    return CUBLAS_STATUS_INVALID_VALUE;
  if (!exTypes(Atype, Btype, Ctype, computeType, &r) || !knownAlgorithm(algo))
    return CUBLAS_STATUS_NOT_SUPPORTED;
  return gemm(r);
}

} // namespace

CUBLAS_EXPORT cublasStatus_t cublasSgemm_v2(cublasHandle_t handle, cublasOperation_t transa,
                                            cublasOperation_t transb, int m, int n, int k,
                                            const float *alpha, const float *A, int lda,
                                            const float *B, int ldb, const float *beta, float *C,
                                            int ldc) {
  return gemm(typed(
      request(handle, transa, transb, m, n, k, alpha, A, lda, 0, B, ldb, 0, beta, C, ldc, 0, 1),
      DataType::F32));
}

CUBLAS_EXPORT cublasStatus_t cublasDgemm_v2(cublasHandle_t handle, cublasOperation_t transa,
                                            cublasOperation_t transb, int m, int n, int k,
                                            const double *alpha, const double *A, int lda,
                                            const double *B, int ldb, const double *beta, double *C,
                                            int ldc) {
  return gemm(typed(
      request(handle, transa, transb, m, n, k, alpha, A, lda, 0, B, ldb, 0, beta, C, ldc, 0, 1),
      DataType::F64));
}

CUBLAS_EXPORT cublasStatus_t cublasSgemmStridedBatched(
    cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k,
    const float *alpha, const float *A, int lda, long long int strideA, const float *B, int ldb,
    long long int strideB, const float *beta, float *C, int ldc, long long int strideC,
    int batchCount) {
  return gemm(typed(request(handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                            strideB, beta, C, ldc, strideC, batchCount),
                    DataType::F32));
}

CUBLAS_EXPORT cublasStatus_t cublasDgemmStridedBatched(
    cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k,
    const double *alpha, const double *A, int lda, long long int strideA, const double *B, int ldb,
    long long int strideB, const double *beta, double *C, int ldc, long long int strideC,
    int batchCount) {
  return gemm(typed(request(handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb,
                            strideB, beta, C, ldc, strideC, batchCount),
                    DataType::F64));
}

CUBLAS_EXPORT cublasStatus_t cublasGemmEx(cublasHandle_t handle, cublasOperation_t transa,
                                          cublasOperation_t transb, int m, int n, int k,
                                          const void *alpha, const void *A, cudaDataType Atype,
                                          int lda, const void *B, cudaDataType Btype, int ldb,
                                          const void *beta, void *C, cudaDataType Ctype, int ldc,
                                          cublasComputeType_t computeType, cublasGemmAlgo_t algo) {
  return gemmEx(
      request(handle, transa, transb, m, n, k, alpha, A, lda, 0, B, ldb, 0, beta, C, ldc, 0, 1),
      Atype, Btype, Ctype, computeType, algo);
}

CUBLAS_EXPORT cublasStatus_t cublasGemmStridedBatchedEx(
    cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m, int n, int k,
    const void *alpha, const void *A, cudaDataType Atype, int lda, long long int strideA,
    const void *B, cudaDataType Btype, int ldb, long long int strideB, const void *beta, void *C,
    cudaDataType Ctype, int ldc, long long int strideC, int batchCount,
    cublasComputeType_t computeType, cublasGemmAlgo_t algo) {
  return gemmEx(request(handle, transa, transb, m, n, k, alpha, A, lda, strideA, B, ldb, strideB,
                        beta, C, ldc, strideC, batchCount),
                Atype, Btype, Ctype, computeType, algo);
}

CUBLAS_EXPORT cublasStatus_t cublasSgemmBatched(cublasHandle_t handle, cublasOperation_t transa,
                                                cublasOperation_t transb, int m, int n, int k,
                                                const float *alpha, const float *const Aarray[],
                                                int lda, const float *const Barray[], int ldb,
                                                const float *beta, float *const Carray[], int ldc,
                                                int batchCount) {
  return gemmBatched(typed(request(handle, transa, transb, m, n, k, alpha, nullptr, lda, 0, nullptr,
                                   ldb, 0, beta, nullptr, ldc, 0, batchCount),
                           DataType::F32),
                     reinterpret_cast<const void *const *>(Aarray),
                     reinterpret_cast<const void *const *>(Barray),
                     reinterpret_cast<void *const *>(Carray));
}

CUBLAS_EXPORT cublasStatus_t cublasDgemmBatched(cublasHandle_t handle, cublasOperation_t transa,
                                                cublasOperation_t transb, int m, int n, int k,
                                                const double *alpha, const double *const Aarray[],
                                                int lda, const double *const Barray[], int ldb,
                                                const double *beta, double *const Carray[], int ldc,
                                                int batchCount) {
  return gemmBatched(typed(request(handle, transa, transb, m, n, k, alpha, nullptr, lda, 0, nullptr,
                                   ldb, 0, beta, nullptr, ldc, 0, batchCount),
                           DataType::F64),
                     reinterpret_cast<const void *const *>(Aarray),
                     reinterpret_cast<const void *const *>(Barray),
                     reinterpret_cast<void *const *>(Carray));
}
