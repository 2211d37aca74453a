// Batched LU (LAPACK-like): getrfBatched, getrsBatched, getriBatched and
// matinvBatched (S and D). See core/batched_lu.h for the semantics; a null
// handle -> CUBLAS_STATUS_NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/batched_lu.h"

CUBLAS_EXPORT cublasStatus_t cublasSgetrfBatched(cublasHandle_t handle, int n, float *const A[],
                                                 int lda, int *P, int *info, int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getrfBatched(*handle, n, A, lda, P, info, batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasDgetrfBatched(cublasHandle_t handle, int n, double *const A[],
                                                 int lda, int *P, int *info, int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getrfBatched(*handle, n, A, lda, P, info, batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasSgetrsBatched(cublasHandle_t handle, cublasOperation_t trans,
                                                 int n, int nrhs, const float *const Aarray[],
                                                 int lda, const int *devIpiv, float *const Barray[],
                                                 int ldb, int *info, int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getrsBatched(*handle, trans, n, nrhs, Aarray, lda, devIpiv, Barray, ldb, info,
                                  batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasDgetrsBatched(cublasHandle_t handle, cublasOperation_t trans,
                                                 int n, int nrhs, const double *const Aarray[],
                                                 int lda, const int *devIpiv,
                                                 double *const Barray[], int ldb, int *info,
                                                 int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getrsBatched(*handle, trans, n, nrhs, Aarray, lda, devIpiv, Barray, ldb, info,
                                  batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasSgetriBatched(cublasHandle_t handle, int n,
                                                 const float *const A[], int lda, const int *P,
                                                 float *const C[], int ldc, int *info,
                                                 int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getriBatched(*handle, n, A, lda, P, C, ldc, info, batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasDgetriBatched(cublasHandle_t handle, int n,
                                                 const double *const A[], int lda, const int *P,
                                                 double *const C[], int ldc, int *info,
                                                 int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::getriBatched(*handle, n, A, lda, P, C, ldc, info, batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasSmatinvBatched(cublasHandle_t handle, int n,
                                                  const float *const A[], int lda,
                                                  float *const Ainv[], int lda_inv, int *info,
                                                  int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::matinvBatched(*handle, n, A, lda, Ainv, lda_inv, info, batchSize);
}

CUBLAS_EXPORT cublasStatus_t cublasDmatinvBatched(cublasHandle_t handle, int n,
                                                  const double *const A[], int lda,
                                                  double *const Ainv[], int lda_inv, int *info,
                                                  int batchSize) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::matinvBatched(*handle, n, A, lda, Ainv, lda_inv, info, batchSize);
}
