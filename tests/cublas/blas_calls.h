// The S and D routines under one overloaded name each, so typed tests run
// the same code for float and double.
#ifndef CUCL_TESTS_CUBLAS_BLAS_CALLS_H
#define CUCL_TESTS_CUBLAS_BLAS_CALLS_H

#include <cublas_v2.h>

namespace blastest {

inline cublasStatus_t axpy(cublasHandle_t h, int n, const float *alpha, const float *x, int incx,
                           float *y, int incy) {
  return cublasSaxpy(h, n, alpha, x, incx, y, incy);
}
inline cublasStatus_t axpy(cublasHandle_t h, int n, const double *alpha, const double *x, int incx,
                           double *y, int incy) {
  return cublasDaxpy(h, n, alpha, x, incx, y, incy);
}
inline cublasStatus_t scal(cublasHandle_t h, int n, const float *alpha, float *x, int incx) {
  return cublasSscal(h, n, alpha, x, incx);
}
inline cublasStatus_t scal(cublasHandle_t h, int n, const double *alpha, double *x, int incx) {
  return cublasDscal(h, n, alpha, x, incx);
}
inline cublasStatus_t dot(cublasHandle_t h, int n, const float *x, int incx, const float *y,
                          int incy, float *result) {
  return cublasSdot(h, n, x, incx, y, incy, result);
}
inline cublasStatus_t dot(cublasHandle_t h, int n, const double *x, int incx, const double *y,
                          int incy, double *result) {
  return cublasDdot(h, n, x, incx, y, incy, result);
}
inline cublasStatus_t nrm2(cublasHandle_t h, int n, const float *x, int incx, float *result) {
  return cublasSnrm2(h, n, x, incx, result);
}
inline cublasStatus_t nrm2(cublasHandle_t h, int n, const double *x, int incx, double *result) {
  return cublasDnrm2(h, n, x, incx, result);
}
inline cublasStatus_t asum(cublasHandle_t h, int n, const float *x, int incx, float *result) {
  return cublasSasum(h, n, x, incx, result);
}
inline cublasStatus_t asum(cublasHandle_t h, int n, const double *x, int incx, double *result) {
  return cublasDasum(h, n, x, incx, result);
}
inline cublasStatus_t iamax(cublasHandle_t h, int n, const float *x, int incx, int *result) {
  return cublasIsamax(h, n, x, incx, result);
}
inline cublasStatus_t iamax(cublasHandle_t h, int n, const double *x, int incx, int *result) {
  return cublasIdamax(h, n, x, incx, result);
}
inline cublasStatus_t gemv(cublasHandle_t h, cublasOperation_t trans, int m, int n,
                           const float *alpha, const float *A, int lda, const float *x, int incx,
                           const float *beta, float *y, int incy) {
  return cublasSgemv(h, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
inline cublasStatus_t gemv(cublasHandle_t h, cublasOperation_t trans, int m, int n,
                           const double *alpha, const double *A, int lda, const double *x, int incx,
                           const double *beta, double *y, int incy) {
  return cublasDgemv(h, trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
inline cublasStatus_t gemm(cublasHandle_t h, cublasOperation_t transa, cublasOperation_t transb,
                           int m, int n, int k, const float *alpha, const float *A, int lda,
                           const float *B, int ldb, const float *beta, float *C, int ldc) {
  return cublasSgemm(h, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}
inline cublasStatus_t gemm(cublasHandle_t h, cublasOperation_t transa, cublasOperation_t transb,
                           int m, int n, int k, const double *alpha, const double *A, int lda,
                           const double *B, int ldb, const double *beta, double *C, int ldc) {
  return cublasDgemm(h, transa, transb, m, n, k, alpha, A, lda, B, ldb, beta, C, ldc);
}

} // namespace blastest

#endif // CUCL_TESTS_CUBLAS_BLAS_CALLS_H
