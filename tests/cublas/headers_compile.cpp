// cuBLAS's headers in C++, before cuda_runtime.h, and cublas_api.h alone
// (g++ -std=c++17 -Wall -Wextra -Wpedantic -Werror -fsyntax-only).
#include <cublas_api.h>
#include <cublas_v2.h>
#include <cuda_runtime.h>

#if !defined(CUBLAS_API_H_) || !defined(CUBLAS_V2_H_) || !defined(__LIBRARY_TYPES_H__)
#error "include guards are NVIDIA's"
#endif

int main() {
  cublasHandle_t handle = nullptr;
  cublasStatus_t status = cublasCreate_v2(&handle);
  // The plain names map onto the _v2 symbols.
  static_assert(sizeof(&cublasSgemm) == sizeof(&cublasSgemm_v2), "");
  const float one = 1.0f;
  // C++ callers may pass a cudaDataType as compute type (cuBLAS 10 code).
  status =
      cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 0, 0, &one, nullptr, CUDA_R_32F, 1, nullptr,
                   CUDA_R_32F, 1, &one, nullptr, CUDA_R_32F, 1, CUDA_R_32F, CUBLAS_GEMM_DEFAULT);
  status = cublasGemmEx(handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 0, 0, &one, nullptr, CUDA_R_32F, 1,
                        nullptr, CUDA_R_32F, 1, &one, nullptr, CUDA_R_32F, 1, CUBLAS_COMPUTE_32F,
                        CUBLAS_GEMM_DEFAULT);
  cudaStream_t stream = nullptr;
  status = cublasGetStream(handle, &stream);
  return static_cast<int>(status);
}
