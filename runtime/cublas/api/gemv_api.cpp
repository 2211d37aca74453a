// Level 2: gemv (S and D). See core/gemv.h for the semantics; a null handle
// -> CUBLAS_STATUS_NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/gemv.h"

CUBLAS_EXPORT cublasStatus_t cublasSgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m,
                                            int n, const float *alpha, const float *A, int lda,
                                            const float *x, int incx, const float *beta, float *y,
                                            int incy) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  return cucl::blas::gemv(*handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasDgemv_v2(cublasHandle_t handle, cublasOperation_t trans, int m,
                                            int n, const double *alpha, const double *A, int lda,
                                            const double *x, int incx, const double *beta,
                                            double *y, int incy) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  return cucl::blas::gemv(*handle, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
