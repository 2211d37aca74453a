// End to end: __CUDA_ARCH__ branches run their device side on the OpenCL
// device and their host side on the host.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: device=41 arch=700 host=2 hostArch=none
// CHECK: template=706
#include <cstdio>

__device__ int plusForty(int x) { return x + 40; }

__host__ __device__ int whereAmI() {
#ifdef __CUDA_ARCH__
  return plusForty(1);
#else
  return 2;
#endif
}

__host__ __device__ int arch() {
#if __CUDA_ARCH__ >= 600
  return __CUDA_ARCH__;
#elif defined(__CUDA_ARCH__)
  return 1;
#else
  return -1;
#endif
}

__global__ void report(int *p) {
  p[0] = whereAmI();
  p[1] = arch();
}

template <int Add> __global__ void addArch(int *p) { p[0] = arch() + Add; }

int main() {
  int *d = nullptr, h[2] = {-1, -1};
  cudaMalloc(&d, sizeof h);
  report<<<1, 1>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
#ifndef __CUDA_ARCH__
  std::printf("device=%d arch=%d host=%d hostArch=%s\n", h[0], h[1], whereAmI(), arch() < 0 ? "none" : "set");
#endif
  addArch<6><<<1, 1>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("template=%d\n", h[0]);
  cudaFree(d);
  return 0;
}
