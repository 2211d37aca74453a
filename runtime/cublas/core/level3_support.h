// What the blocked level-3 routines share: sub-blocks of resolved matrices
// as GEMM operands, host scalars, and their small kernels' launches.
#ifndef CUCL_CUBLAS_CORE_LEVEL3_SUPPORT_H
#define CUCL_CUBLAS_CORE_LEVEL3_SUPPORT_H

#include <algorithm>
#include <cstdint>

#include "core/arguments.h"
#include "core/kernel_set.h"
#include "gemm/gemm.h"

namespace cucl::blas::level3 {

// The block size of the blocked routines: GEMM updates then have k >= 128,
// where the engine runs near its peak, and the substitution kernels stay small.
inline constexpr int kBlock = 128;

template <class T> constexpr DataType dataTypeOf() {
  return sizeof(T) == sizeof(double) ? DataType::F64 : DataType::F32;
}

// Element (row, col) of a resolved column-major matrix as a GEMM operand.
template <class T>
MatrixArg block(const BufferArg &matrix, std::int64_t ld, std::int64_t row, std::int64_t col) {
  MatrixArg out;
  out.buffer = matrix.buffer;
  out.offsetBytes = matrix.offset + static_cast<std::size_t>(row + col * ld) * sizeof(T);
  out.ld = ld;
  return out;
}

// The same block as a kernel argument (buffer, byte offset).
template <class T>
BufferArg blockArg(const BufferArg &matrix, std::int64_t ld, std::int64_t row, std::int64_t col) {
  return BufferArg{matrix.buffer,
                   matrix.offset + static_cast<cl_ulong>(row + col * ld) * sizeof(T)};
}

inline ScalarArg hostScalar(double value) {
  ScalarArg scalar;
  scalar.host = value;
  return scalar;
}

// A beta of 0 to pass with `alpha` to the GEMM engine, which takes both
// scalars in the same pointer mode: in device memory when alpha is. False
// when that memory cannot be had.
template <class T>
bool zeroLike(const cublasContext &handle, const ScalarArg &alpha, ScalarArg *out) {
  *out = hostScalar(0);
  if (!alpha.onDevice)
    return true;
  T value = 0;
  cl_int made = CL_SUCCESS;
  out->onDevice = true;
  out->buffer =
      cl::Buffer(handle.context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, sizeof(T), &value, &made);
  return made == CL_SUCCESS;
}

// C = alpha op(A) op(B) + beta C on sub-blocks (m x n, inner k).
template <class T>
cublasStatus_t gemmBlocks(cublasContext &handle, bool transA, bool transB, std::int64_t m,
                          std::int64_t n, std::int64_t k, const ScalarArg &alpha,
                          const MatrixArg &a, const MatrixArg &b, const ScalarArg &beta,
                          const MatrixArg &c) {
  if (m <= 0 || n <= 0)
    return CUBLAS_STATUS_SUCCESS;
  GemmCall call;
  call.abType = call.cType = dataTypeOf<T>();
  call.transA = transA;
  call.transB = transB;
  call.m = m;
  call.n = n;
  call.k = k;
  call.a = a;
  call.b = b;
  call.c = c;
  call.alpha = alpha;
  call.beta = beta;
  return enqueueGemm(handle, call);
}

// Runs kernel `name` of kernels/level3.cl over `items` work-items (a grid
// stride covers more), its arguments set by setArgs, under the handle's
// mutex.
template <class T, class SetArgs>
cublasStatus_t launchLevel3(cublasContext &handle, const char *name, std::int64_t items,
                            SetArgs setArgs) {
  return withKernel<T>(handle, KernelFamily::Level3, name, [&](cl::Kernel &kernel) {
    if (setArgs(kernel) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    const std::size_t local = workGroupSize(handle, kernel, 64);
    const std::size_t groups =
        std::min<std::size_t>((static_cast<std::size_t>(items) + local - 1) / local, 4096);
    return launchKernel(handle, kernel, std::max<std::size_t>(groups, 1) * local, local);
  });
}

// A resolved column-major matrix argument (rows x cols, ld) of T.
template <class T>
cublasStatus_t resolveMatrixArg(const cublasContext &handle, const void *pointer, std::int64_t rows,
                                std::int64_t cols, std::int64_t ld, BufferArg *out) {
  ByteSpan span;
  if (!matrixSpan(rows, cols, ld, 0, 1, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return resolveDevice(handle, pointer, span, sizeof(T), out);
}

} // namespace cucl::blas::level3

#endif // CUCL_CUBLAS_CORE_LEVEL3_SUPPORT_H
