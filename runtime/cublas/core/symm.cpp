// symm: the symmetric operand written out whole once (kernels/level3.cl,
// symmetrize: one pass over ka^2 elements), then one GEMM on the engine,
// which does all 2 m n ka flops at its tuned speed.
#include "core/level3.h"

#include "core/level3_support.h"

namespace cucl::blas {

using namespace level3;

template <class T>
cublasStatus_t symm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo, int m,
                    int n, const T *alpha, const T *A, int lda, const T *B, int ldb, const T *beta,
                    T *C, int ldc) {
  const bool left = side == CUBLAS_SIDE_LEFT;
  const int ka = left ? m : n;
  if ((side != CUBLAS_SIDE_LEFT && side != CUBLAS_SIDE_RIGHT) ||
      (uplo != CUBLAS_FILL_MODE_LOWER && uplo != CUBLAS_FILL_MODE_UPPER) || m < 0 || n < 0 ||
      lda < std::max(1, ka) || ldb < std::max(1, m) || ldc < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg, betaArg;
  BufferArg a, b, c;
  status = resolveScalars(handle, alpha, beta, &alphaArg, &betaArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, C, m, n, ldc, &c);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  // alpha == 0 (host): C = beta C, A and B not read (GEMM with k = 0 does it).
  if (!alphaArg.onDevice && alphaArg.host == 0)
    return gemmBlocks<T>(handle, false, false, m, n, 0, alphaArg, MatrixArg{}, MatrixArg{}, betaArg,
                         block<T>(c, ldc, 0, 0));
  status = resolveMatrixArg<T>(handle, A, ka, ka, lda, &a);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, B, m, n, ldb, &b);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  cl_int made = CL_SUCCESS;
  cl::Buffer full(handle.context, CL_MEM_READ_WRITE, sizeof(T) * std::size_t(ka) * ka, nullptr,
                  &made);
  if (made != CL_SUCCESS)
    return CUBLAS_STATUS_ALLOC_FAILED;
  const BufferArg fullArg{full, 0};
  status = launchLevel3<T>(handle, "symmetrize", std::int64_t(ka) * ka, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(ka), cl_int(uplo == CUBLAS_FILL_MODE_LOWER), a, cl_int(lda),
                         fullArg, cl_int(ka));
  });
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const MatrixArg symmetric = block<T>(fullArg, ka, 0, 0), other = block<T>(b, ldb, 0, 0);
  return gemmBlocks<T>(handle, false, false, m, n, ka, alphaArg, left ? symmetric : other,
                       left ? other : symmetric, betaArg, block<T>(c, ldc, 0, 0));
}

#define CUCL_INSTANTIATE_SYMM(T)                                                                   \
  template cublasStatus_t symm<T>(cublasContext &, cublasSideMode_t, cublasFillMode_t, int, int,   \
                                  const T *, const T *, int, const T *, int, const T *, T *, int);
CUCL_INSTANTIATE_SYMM(float)
CUCL_INSTANTIATE_SYMM(double)
#undef CUCL_INSTANTIATE_SYMM

} // namespace cucl::blas
