// syrk, blocked by columns of C: the blocks strictly inside the triangle are
// plain GEMMs on C; each diagonal block is computed whole into a scratch
// block by the GEMM engine and merged into C by its triangle only
// (kernels/level3.cl, triangle_merge), so the other triangle is never
// written and every multiply-add runs on the GEMM engine.
#include "core/level3.h"

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
  status = resolveScalar(handle, alpha, &alphaArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveScalar(handle, beta, &betaArg);
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
  ScalarArg zero = hostScalar(0);
  if (made == CL_SUCCESS && alphaArg.onDevice) {
    T value = 0;
    zero.onDevice = true;
    zero.buffer = cl::Buffer(handle.context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, sizeof(T),
                             &value, &made);
  }
  if (made != CL_SUCCESS)
    return CUBLAS_STATUS_ALLOC_FAILED;
  const BufferArg scratchArg{scratch, 0};
  const bool lower = uplo == CUBLAS_FILL_MODE_LOWER;
  // op(A)'s rows [row, row + count) as a GEMM operand (A's rows, or columns).
  auto rowsOfOpA = [&](int row) {
    return transposed ? block<T>(a, lda, 0, row) : block<T>(a, lda, row, 0);
  };
  for (int j0 = 0; j0 < n && status == CUBLAS_STATUS_SUCCESS; j0 += kBlock) {
    const int jb = std::min(kBlock, n - j0);
    status = gemmBlocks<T>(handle, transposed, !transposed, jb, jb, k, alphaArg, rowsOfOpA(j0),
                           rowsOfOpA(j0), zero, block<T>(scratchArg, jb, 0, 0));
    if (status == CUBLAS_STATUS_SUCCESS)
      status =
          launchLevel3<T>(handle, "triangle_merge", std::int64_t(jb) * jb, [&](cl::Kernel &kernel) {
            return setKernelArgs(kernel, cl_int(jb), cl_int(lower), toKernelArg<T>(betaArg),
                                 scratchArg, cl_int(jb), blockArg<T>(c, ldc, j0, j0), cl_int(ldc));
          });
    // The rest of this block column inside the triangle: below or above.
    const int i0 = lower ? j0 + jb : 0, rows = lower ? n - j0 - jb : j0;
    if (status == CUBLAS_STATUS_SUCCESS && rows > 0)
      status = gemmBlocks<T>(handle, transposed, !transposed, rows, jb, k, alphaArg, rowsOfOpA(i0),
                             rowsOfOpA(j0), betaArg, block<T>(c, ldc, i0, j0));
  }
  return status;
}

#define CUCL_INSTANTIATE_SYRK(T)                                                                   \
  template cublasStatus_t syrk<T>(cublasContext &, cublasFillMode_t, cublasOperation_t, int, int,  \
                                  const T *, const T *, int, const T *, T *, int);
CUCL_INSTANTIATE_SYRK(float)
CUCL_INSTANTIATE_SYRK(double)
#undef CUCL_INSTANTIATE_SYRK

} // namespace cucl::blas
