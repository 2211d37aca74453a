// syrk, recursively: C's triangle is split in two halves (at a multiple of
// the block size) and the square block between them, which is one large
// GEMM on C; halves at most one block wide are computed whole into a
// scratch block by the GEMM engine and merged into C by their triangle only
// (kernels/level3.cl, triangle_merge). So the other triangle is never
// written, every multiply-add runs on the GEMM engine, and most of them in
// GEMMs as large as the problem allows.
#include "core/level3.h"

#include <functional>

#include "core/level3_support.h"

namespace cucl::blas {

using namespace level3;

template <class T>
cublasStatus_t syrk(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans, int n,
                    int k, const T *alpha, const T *A, int lda, const T *beta, T *C, int ldc) {
  const bool transposed = trans != CUBLAS_OP_N; // op(A) = A^T: A is k x n
  if ((uplo != CUBLAS_FILL_MODE_LOWER && uplo != CUBLAS_FILL_MODE_UPPER) ||
      (trans != CUBLAS_OP_N && trans != CUBLAS_OP_T && trans != CUBLAS_OP_C) || n < 0 || k < 0 ||
      lda < std::max(1, transposed ? k : n) || ldc < std::max(1, n))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0)
    return status;
  ScalarArg alphaArg, betaArg;
  BufferArg a, c;
  status = resolveScalars(handle, alpha, beta, &alphaArg, &betaArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, C, n, n, ldc, &c);
  // A is read only when there is a product (as GEMM: k > 0, alpha != 0).
  const bool readsA = k > 0 && (alphaArg.onDevice || alphaArg.host != 0);
  if (status == CUBLAS_STATUS_SUCCESS && readsA)
    status = resolveMatrixArg<T>(handle, A, transposed ? k : n, transposed ? n : k, lda, &a);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  // The diagonal blocks' scratch, and the beta = 0 it is computed with (in
  // device memory in device pointer mode: GEMM takes both scalars alike).
  cl_int made = CL_SUCCESS;
  cl::Buffer scratch(handle.context, CL_MEM_READ_WRITE, sizeof(T) * kBlock * kBlock, nullptr,
                     &made);
  ScalarArg zero;
  if (made != CL_SUCCESS || !zeroLike<T>(handle, alphaArg, &zero))
    return CUBLAS_STATUS_ALLOC_FAILED;
  const BufferArg scratchArg{scratch, 0};
  const bool lower = uplo == CUBLAS_FILL_MODE_LOWER;
  // op(A)'s rows [row, row + count) as a GEMM operand (A's rows, or columns).
  auto rowsOfOpA = [&](int row) {
    return transposed ? block<T>(a, lda, 0, row) : block<T>(a, lda, row, 0);
  };
  // The triangle of C over rows and columns [first, first + size).
  std::function<cublasStatus_t(int, int)> triangle = [&](int first, int size) {
    if (size <= kBlock) {
      cublasStatus_t result =
          gemmBlocks<T>(handle, transposed, !transposed, size, size, k, alphaArg, rowsOfOpA(first),
                        rowsOfOpA(first), zero, block<T>(scratchArg, size, 0, 0));
      if (result != CUBLAS_STATUS_SUCCESS)
        return result;
      return launchLevel3<T>(
          handle, "triangle_merge", std::int64_t(size) * size, [&](cl::Kernel &kernel) {
            return setKernelArgs(kernel, cl_int(size), cl_int(lower), toKernelArg<T>(betaArg),
                                 scratchArg, cl_int(size), blockArg<T>(c, ldc, first, first),
                                 cl_int(ldc));
          });
    }
    const int half = (size / 2 + kBlock - 1) / kBlock * kBlock;
    cublasStatus_t result = triangle(first, half);
    // The square between the halves: below the first (lower) or right of it.
    const int second = first + half, rest = size - half;
    if (result == CUBLAS_STATUS_SUCCESS)
      result = lower ? gemmBlocks<T>(handle, transposed, !transposed, rest, half, k, alphaArg,
                                     rowsOfOpA(second), rowsOfOpA(first), betaArg,
                                     block<T>(c, ldc, second, first))
                     : gemmBlocks<T>(handle, transposed, !transposed, half, rest, k, alphaArg,
                                     rowsOfOpA(first), rowsOfOpA(second), betaArg,
                                     block<T>(c, ldc, first, second));
    return result == CUBLAS_STATUS_SUCCESS ? triangle(second, rest) : result;
  };
  status = triangle(0, n);
  return status;
}

#define CUCL_INSTANTIATE_SYRK(T)                                                                   \
  template cublasStatus_t syrk<T>(cublasContext &, cublasFillMode_t, cublasOperation_t, int, int,  \
                                  const T *, const T *, int, const T *, T *, int);
CUCL_INSTANTIATE_SYRK(float)
CUCL_INSTANTIATE_SYRK(double)
#undef CUCL_INSTANTIATE_SYRK

} // namespace cucl::blas
