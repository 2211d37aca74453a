/* cuBLAS's headers in C, before cuda_runtime.h (gcc -std=c11 -Wall -Wextra
 * -Wpedantic -Werror -fsyntax-only). */
#include <cublas_v2.h>
#include <cuda_runtime.h>

int main(void) {
  cublasHandle_t handle = 0;
  cublasStatus_t status = cublasCreate(&handle);
  cublasOperation_t op = CUBLAS_OP_T;
  cublasComputeType_t compute = CUBLAS_COMPUTE_32F;
  cudaDataType_t type = CUDA_R_16F;
  cublasDataType_t legacy = CUDA_R_32F;
  libraryPropertyType_t property = MAJOR_VERSION;
  cublasGemmAlgo_t algo = CUBLAS_GEMM_DEFAULT;
  cublasMath_t math = CUBLAS_DEFAULT_MATH;
  float one = 1.0f;
  status = cublasGemmEx(handle, op, CUBLAS_OP_N, 0, 0, 0, &one, 0, type, 1, 0, type, 1, &one, 0,
                        legacy, 1, compute, algo);
  status = cublasSetMathMode(handle, math);
  (void)property;
  return (int)status + CUBLAS_VERSION * 0;
}
