// Level 3 beyond GEMM: {S,D}trsm, {S,D}trmm, {S,D}syrk, {S,D}symm (core/level3.h for
// the semantics and the blocking); a null handle -> NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/level3.h"

CUBLAS_EXPORT cublasStatus_t cublasStrsm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, cublasOperation_t trans,
                                            cublasDiagType_t diag, int m, int n, const float *alpha,
                                            const float *A, int lda, float *B, int ldb) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trsm(*handle, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}

CUBLAS_EXPORT cublasStatus_t cublasDtrsm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, cublasOperation_t trans,
                                            cublasDiagType_t diag, int m, int n,
                                            const double *alpha, const double *A, int lda,
                                            double *B, int ldb) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trsm(*handle, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}

CUBLAS_EXPORT cublasStatus_t cublasSsyrk_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, int n, int k,
                                            const float *alpha, const float *A, int lda,
                                            const float *beta, float *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::syrk(*handle, uplo, trans, n, k, alpha, A, lda, beta, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasDsyrk_v2(cublasHandle_t handle, cublasFillMode_t uplo,
                                            cublasOperation_t trans, int n, int k,
                                            const double *alpha, const double *A, int lda,
                                            const double *beta, double *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::syrk(*handle, uplo, trans, n, k, alpha, A, lda, beta, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasSsymm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, int m, int n, const float *alpha,
                                            const float *A, int lda, const float *B, int ldb,
                                            const float *beta, float *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::symm(*handle, side, uplo, m, n, alpha, A, lda, B, ldb, beta, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasDsymm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, int m, int n,
                                            const double *alpha, const double *A, int lda,
                                            const double *B, int ldb, const double *beta, double *C,
                                            int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::symm(*handle, side, uplo, m, n, alpha, A, lda, B, ldb, beta, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasStrmm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, cublasOperation_t trans,
                                            cublasDiagType_t diag, int m, int n, const float *alpha,
                                            const float *A, int lda, const float *B, int ldb,
                                            float *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trmm(*handle, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb, C, ldc);
}

CUBLAS_EXPORT cublasStatus_t cublasDtrmm_v2(cublasHandle_t handle, cublasSideMode_t side,
                                            cublasFillMode_t uplo, cublasOperation_t trans,
                                            cublasDiagType_t diag, int m, int n,
                                            const double *alpha, const double *A, int lda,
                                            const double *B, int ldb, double *C, int ldc) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::trmm(*handle, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb, C, ldc);
}
