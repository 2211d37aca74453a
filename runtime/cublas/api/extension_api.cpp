// BLAS-like extensions geam and dgmm, and the level-2 rank-1 update ger
// (S and D). See core/extensions.h for the semantics; a null handle ->
// CUBLAS_STATUS_NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/extensions.h"

CUBLAS_EXPORT cublasStatus_t cublasSgeam(cublasHandle_t handle, cublasOperation_t transa,
                                         cublasOperation_t transb, int m, int n, const float *alpha,
                                         const float *A, int lda, const float *beta, const float *B,
                                         int ldb, float *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::geam(*handle, transa, transb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasDgeam(cublasHandle_t handle, cublasOperation_t transa,
                                         cublasOperation_t transb, int m, int n,
                                         const double *alpha, const double *A, int lda,
                                         const double *beta, const double *B, int ldb, double *C,
                                         int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::geam(*handle, transa, transb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasSdgmm(cublasHandle_t handle, cublasSideMode_t mode, int m, int n,
                                         const float *A, int lda, const float *x, int incx,
                                         float *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::dgmm(*handle, mode, m, n, A, lda, x, incx, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasDdgmm(cublasHandle_t handle, cublasSideMode_t mode, int m, int n,
                                         const double *A, int lda, const double *x, int incx,
                                         double *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::dgmm(*handle, mode, m, n, A, lda, x, incx, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasSger_v2(cublasHandle_t handle, int m, int n, const float *alpha,
                                           const float *x, int incx, const float *y, int incy,
                                           float *A, int lda) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::ger(*handle, m, n, alpha, x, incx, y, incy, A, lda);
}

CUBLAS_EXPORT cublasStatus_t cublasDger_v2(cublasHandle_t handle, int m, int n, const double *alpha,
                                           const double *x, int incx, const double *y, int incy,
                                           double *A, int lda) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::ger(*handle, m, n, alpha, x, incx, y, incy, A, lda);
}
