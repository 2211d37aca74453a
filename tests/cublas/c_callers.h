// C wrappers (c_callers.c) that take enum arguments as plain ints.
#ifndef CUCL_TESTS_CUBLAS_C_CALLERS_H
#define CUCL_TESTS_CUBLAS_C_CALLERS_H

#include <cublas_v2.h>

#ifdef __cplusplus
extern "C" {
#endif

cublasStatus_t c_set_pointer_mode(cublasHandle_t handle, int mode);
cublasStatus_t c_set_math_mode(cublasHandle_t handle, int mode);
cublasStatus_t c_set_atomics_mode(cublasHandle_t handle, int mode);
cublasStatus_t c_get_property(int type, int *value);
const char *c_status_name(int status);
const char *c_status_string(int status);
cublasStatus_t c_sgemv(cublasHandle_t handle, int trans, int m, int n, const float *alpha,
                       const float *A, int lda, const float *x, int incx, const float *beta,
                       float *y, int incy);
cublasStatus_t c_sgemm(cublasHandle_t handle, int transa, int transb, int m, int n, int k,
                       const float *alpha, const float *A, int lda, const float *B, int ldb,
                       const float *beta, float *C, int ldc);
cublasStatus_t c_gemm_ex(cublasHandle_t handle, int transa, int transb, int m, int n, int k,
                         const void *alpha, const void *A, int Atype, int lda, const void *B,
                         int Btype, int ldb, const void *beta, void *C, int Ctype, int ldc,
                         int computeType, int algo);

#ifdef __cplusplus
}
#endif

#endif // CUCL_TESTS_CUBLAS_C_CALLERS_H
