// trmm: the triangle written out whole once (kernels/level3.cl,
// triangle_full), then one GEMM on the engine. That is twice the flops of a
// triangular product, but at the tuned GEMM's speed; C == B (cuBLAS allows
// it) goes through a scratch product copied back.
#include "core/level3.h"

#include "core/level3_support.h"

namespace cucl::blas {

using namespace level3;

template <class T>
cublasStatus_t trmm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo,
                    cublasOperation_t trans, cublasDiagType_t diag, int m, int n, const T *alpha,
                    const T *A, int lda, const T *B, int ldb, T *C, int ldc) {
  const bool left = side == CUBLAS_SIDE_LEFT;
  const int k = left ? m : n;
  if ((side != CUBLAS_SIDE_LEFT && side != CUBLAS_SIDE_RIGHT) ||
      (uplo != CUBLAS_FILL_MODE_LOWER && uplo != CUBLAS_FILL_MODE_UPPER) ||
      (trans != CUBLAS_OP_N && trans != CUBLAS_OP_T && trans != CUBLAS_OP_C) ||
      (diag != CUBLAS_DIAG_NON_UNIT && diag != CUBLAS_DIAG_UNIT) || m < 0 || n < 0 ||
      lda < std::max(1, k) || ldb < std::max(1, m) || ldc < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg;
  BufferArg a, b, c;
  status = resolveScalar(handle, alpha, &alphaArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, C, m, n, ldc, &c);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const ScalarArg zero = hostScalar(0);
  if (!alphaArg.onDevice && alphaArg.host == 0) // C = 0; A and B are not read
    return gemmBlocks<T>(handle, false, false, m, n, 0, alphaArg, MatrixArg{}, MatrixArg{}, zero,
                         block<T>(c, ldc, 0, 0));
  status = resolveMatrixArg<T>(handle, A, k, k, lda, &a);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, B, m, n, ldb, &b);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  // In place when C overlaps B (the same allocation; in the arena every
  // allocation shares one buffer): the product lands in scratch first.
  const auto end = [m, n](const BufferArg &x, int ld) {
    return x.offset + (std::size_t(ld) * (n - 1) + m) * sizeof(T);
  };
  const bool inPlace = c.buffer() == b.buffer() && c.offset < end(b, ldb) && b.offset < end(c, ldc);
  const std::size_t full = std::size_t(k) * k, product = inPlace ? std::size_t(m) * n : 0;
  cl_int made = CL_SUCCESS;
  cl::Buffer scratch(handle.context, CL_MEM_READ_WRITE, sizeof(T) * (full + product), nullptr,
                     &made);
  ScalarArg beta;
  if (made != CL_SUCCESS || !zeroLike<T>(handle, alphaArg, &beta))
    return CUBLAS_STATUS_ALLOC_FAILED;
  const BufferArg fullArg{scratch, 0}, productArg{scratch, full * sizeof(T)};
  status = launchLevel3<T>(handle, "triangle_full", std::int64_t(full), [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(k), cl_int(uplo == CUBLAS_FILL_MODE_LOWER),
                         cl_int(diag == CUBLAS_DIAG_UNIT), a, cl_int(lda), fullArg, cl_int(k));
  });
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const bool transposed = trans != CUBLAS_OP_N;
  const MatrixArg triangle = block<T>(fullArg, k, 0, 0), other = block<T>(b, ldb, 0, 0);
  const MatrixArg out = inPlace ? block<T>(productArg, m, 0, 0) : block<T>(c, ldc, 0, 0);
  status = gemmBlocks<T>(handle, left && transposed, !left && transposed, m, n, k, alphaArg,
                         left ? triangle : other, left ? other : triangle, beta, out);
  if (status != CUBLAS_STATUS_SUCCESS || !inPlace)
    return status;
  return launchLevel3<T>(handle, "copy_block", std::int64_t(m) * n, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(m), cl_int(n), productArg, cl_int(m), c, cl_int(ldc));
  });
}

#define CUCL_INSTANTIATE_TRMM(T)                                                                   \
  template cublasStatus_t trmm<T>(cublasContext &, cublasSideMode_t, cublasFillMode_t,             \
                                  cublasOperation_t, cublasDiagType_t, int, int, const T *,        \
                                  const T *, int, const T *, int, T *, int);
CUCL_INSTANTIATE_TRMM(float)
CUCL_INSTANTIATE_TRMM(double)
#undef CUCL_INSTANTIATE_TRMM

} // namespace cucl::blas
