// Old CUDA code as it was written for CUDA 2-4 (nvcc 12/13 no longer take all
// of it): split launch brackets, the thread API and the device properties
// newer headers dropped. It builds and runs unchanged.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
//
// CHECK: device: clock rate known, overlap 1, compute mode default, memory clock known
// CHECK-NEXT: squares: correct
// CHECK-NEXT: limits: stack 4096
// CHECK-NEXT: exit: no error

#include <cstdio>
#include <cuda_runtime.h>

#define CUDA_SAFE_CALL(call)                                                                       \
  do {                                                                                             \
    cudaError err = call;                                                                          \
    if (err != cudaSuccess) {                                                                      \
      printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err));                          \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

template <typename T> __global__ void square(T *data, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    data[i] = data[i] * data[i];
}

int main() {
  cudaDeviceProp prop;
  CUDA_SAFE_CALL(cudaGetDeviceProperties(&prop, 0));
  printf("device: clock rate %s, overlap %d, compute mode %s, memory clock %s\n",
         prop.clockRate > 0 ? "known" : "unknown", prop.deviceOverlap,
         prop.computeMode == cudaComputeModeDefault ? "default" : "other",
         prop.memoryClockRate > 0 ? "known" : "unknown");

  const int n = 1000;
  float host[n];
  for (int i = 0; i < n; ++i)
    host[i] = i * 0.5f;
  float *device;
  CUDA_SAFE_CALL(cudaMalloc((void **)&device, n * sizeof(float)));
  CUDA_SAFE_CALL(cudaMemcpy(device, host, n * sizeof(float), cudaMemcpyHostToDevice));
  dim3 threads(128), grid((n + threads.x - 1) / threads.x);
  square<float><< <grid, threads>> >(device, n);
  CUDA_SAFE_CALL(cudaThreadSynchronize());
  CUDA_SAFE_CALL(cudaMemcpy(host, device, n * sizeof(float), cudaMemcpyDeviceToHost));
  bool right = true;
  for (int i = 0; i < n; ++i)
    right &= host[i] == (i * 0.5f) * (i * 0.5f);
  printf("squares: %s\n", right ? "correct" : "WRONG");

  size_t stack = 0;
  CUDA_SAFE_CALL(cudaThreadSetLimit(cudaLimitStackSize, 4096));
  CUDA_SAFE_CALL(cudaThreadGetLimit(&stack, cudaLimitStackSize));
  printf("limits: stack %zu\n", stack);
  CUDA_SAFE_CALL(cudaFree(device));
  printf("exit: %s\n", cudaThreadExit() == cudaSuccess ? "no error" : "failed");
  return 0;
}
