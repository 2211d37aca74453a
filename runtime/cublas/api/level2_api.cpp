// Level 2 beyond gemv: symv, trmv, trsv (S and D). See core/level2.h for the
// semantics; a null handle -> CUBLAS_STATUS_NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/level2.h"

CUBLAS_EXPORT cublasStatus_t cublasSsymv_v2(cublasHandle_t handle, cublasFillMode_t uplo, int n,
                                            const float *alpha, const float *A, int lda,
                                            const float *x, int incx, const float *beta, float *y,
                                            int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::symv(*handle, uplo, n, alpha, A, lda, x, incx, beta, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasDsymv_v2(cublasHandle_t handle, cublasFillMode_t uplo, int n,
                                            const double *alpha, const double *A, int lda,
                                            const double *x, int incx, const double *beta,
                                            double *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::symv(*handle, uplo, n, alpha, A, lda, x, incx, beta, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasStrmv_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, cublasDiagType_t diag, int n,
                                            const float *A, int lda, float *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trmv(*handle, uplo, trans, diag, n, A, lda, x, incx);
}

CUBLAS_EXPORT cublasStatus_t cublasDtrmv_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, cublasDiagType_t diag, int n,
                                            const double *A, int lda, double *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trmv(*handle, uplo, trans, diag, n, A, lda, x, incx);
}

CUBLAS_EXPORT cublasStatus_t cublasStrsv_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, cublasDiagType_t diag, int n,
                                            const float *A, int lda, float *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trsv(*handle, uplo, trans, diag, n, A, lda, x, incx);
}

CUBLAS_EXPORT cublasStatus_t cublasDtrsv_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, cublasDiagType_t diag, int n,
                                            const double *A, int lda, double *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trsv(*handle, uplo, trans, diag, n, A, lda, x, incx);
}
