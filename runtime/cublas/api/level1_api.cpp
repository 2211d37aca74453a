// Level 1: axpy, scal, dot, nrm2, asum, iamax, copy, swap, rot, rotg (S and D). See core/level1.h
// for the semantics; a null handle -> CUBLAS_STATUS_NOT_INITIALIZED.
#include "api/cublas_export.h"

#include "core/level1.h"

CUBLAS_EXPORT cublasStatus_t cublasSaxpy_v2(cublasHandle_t handle, int n, const float *alpha,
                                            const float *x, int incx, float *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::axpy(*handle, n, alpha, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasDaxpy_v2(cublasHandle_t handle, int n, const double *alpha,
                                            const double *x, int incx, double *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::axpy(*handle, n, alpha, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasSscal_v2(cublasHandle_t handle, int n, const float *alpha,
                                            float *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::scal(*handle, n, alpha, x, incx);
}

CUBLAS_EXPORT cublasStatus_t cublasDscal_v2(cublasHandle_t handle, int n, const double *alpha,
                                            double *x, int incx) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::scal(*handle, n, alpha, x, incx);
}

CUBLAS_EXPORT cublasStatus_t cublasSdot_v2(cublasHandle_t handle, int n, const float *x, int incx,
                                           const float *y, int incy, float *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::dot(*handle, n, x, incx, y, incy, result);
}

CUBLAS_EXPORT cublasStatus_t cublasDdot_v2(cublasHandle_t handle, int n, const double *x, int incx,
                                           const double *y, int incy, double *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::dot(*handle, n, x, incx, y, incy, result);
}

CUBLAS_EXPORT cublasStatus_t cublasSnrm2_v2(cublasHandle_t handle, int n, const float *x, int incx,
                                            float *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::nrm2(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasDnrm2_v2(cublasHandle_t handle, int n, const double *x, int incx,
                                            double *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::nrm2(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasSasum_v2(cublasHandle_t handle, int n, const float *x, int incx,
                                            float *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::asum(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasDasum_v2(cublasHandle_t handle, int n, const double *x, int incx,
                                            double *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::asum(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasIsamax_v2(cublasHandle_t handle, int n, const float *x, int incx,
                                             int *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::iamax(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasIdamax_v2(cublasHandle_t handle, int n, const double *x,
                                             int incx, int *result) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::iamax(*handle, n, x, incx, result);
}

CUBLAS_EXPORT cublasStatus_t cublasScopy_v2(cublasHandle_t handle, int n, const float *x, int incx,
                                            float *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::copy(*handle, n, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasDcopy_v2(cublasHandle_t handle, int n, const double *x, int incx,
                                            double *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::copy(*handle, n, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasSswap_v2(cublasHandle_t handle, int n, float *x, int incx,
                                            float *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::swap(*handle, n, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasDswap_v2(cublasHandle_t handle, int n, double *x, int incx,
                                            double *y, int incy) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::swap(*handle, n, x, incx, y, incy);
}

CUBLAS_EXPORT cublasStatus_t cublasSrot_v2(cublasHandle_t handle, int n, float *x, int incx,
                                           float *y, int incy, const float *c, const float *s) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::rot(*handle, n, x, incx, y, incy, c, s);
}

CUBLAS_EXPORT cublasStatus_t cublasDrot_v2(cublasHandle_t handle, int n, double *x, int incx,
                                           double *y, int incy, const double *c, const double *s) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::rot(*handle, n, x, incx, y, incy, c, s);
}

CUBLAS_EXPORT cublasStatus_t cublasSrotg_v2(cublasHandle_t handle, float *a, float *b, float *c,
                                            float *s) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::rotg(*handle, a, b, c, s);
}

CUBLAS_EXPORT cublasStatus_t cublasDrotg_v2(cublasHandle_t handle, double *a, double *b, double *c,
                                            double *s) {
  CUCL_REQUIRE_HANDLE(handle);
  return cucl::blas::rotg(*handle, a, b, c, s);
}
