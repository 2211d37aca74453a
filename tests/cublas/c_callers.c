/* Calls the API from C, where an enum parameter is just an int: lets tests
 * pass values outside the enumerators' range without undefined behaviour
 * (and shows the headers and library work from C). */
#include <cublas_v2.h>

#include "c_callers.h"

cublasStatus_t c_set_pointer_mode(cublasHandle_t handle, int mode) {
  return cublasSetPointerMode(handle, (cublasPointerMode_t)mode);
}
cublasStatus_t c_set_math_mode(cublasHandle_t handle, int mode) {
  return cublasSetMathMode(handle, (cublasMath_t)mode);
}
cublasStatus_t c_set_atomics_mode(cublasHandle_t handle, int mode) {
  return cublasSetAtomicsMode(handle, (cublasAtomicsMode_t)mode);
}
cublasStatus_t c_get_property(int type, int *value) {
  return cublasGetProperty((libraryPropertyType)type, value);
}
const char *c_status_name(int status) {
  return cublasGetStatusName((cublasStatus_t)status);
}
const char *c_status_string(int status) {
  return cublasGetStatusString((cublasStatus_t)status);
}

cublasStatus_t c_sgemv(cublasHandle_t handle, int trans, int m, int n, const float *alpha,
                       const float *A, int lda, const float *x, int incx, const float *beta,
                       float *y, int incy) {
  return cublasSgemv(handle, (cublasOperation_t)trans, m, n, alpha, A, lda, x, incx, beta, y, incy);
}
cublasStatus_t c_sgemm(cublasHandle_t handle, int transa, int transb, int m, int n, int k,
                       const float *alpha, const float *A, int lda, const float *B, int ldb,
                       const float *beta, float *C, int ldc) {
  return cublasSgemm(handle, (cublasOperation_t)transa, (cublasOperation_t)transb, m, n, k, alpha,
                     A, lda, B, ldb, beta, C, ldc);
}
cublasStatus_t c_gemm_ex(cublasHandle_t handle, int transa, int transb, int m, int n, int k,
                         const void *alpha, const void *A, int Atype, int lda, const void *B,
                         int Btype, int ldb, const void *beta, void *C, int Ctype, int ldc,
                         int computeType, int algo) {
  return cublasGemmEx(handle, (cublasOperation_t)transa, (cublasOperation_t)transb, m, n, k, alpha,
                      A, (cudaDataType)Atype, lda, B, (cudaDataType)Btype, ldb, beta, C,
                      (cudaDataType)Ctype, ldc, (cublasComputeType_t)computeType,
                      (cublasGemmAlgo_t)algo);
}
