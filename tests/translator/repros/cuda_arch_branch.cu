// Repro (QA): a __host__ __device__ function that picks a device path with
// `#ifdef __CUDA_ARCH__` used to run its HOST branch on the device (the
// translator parsed the host view only). Device code now comes from a
// device-side parse where __CUDA_ARCH__ is defined, so CUDA's result holds.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: device=1 host=0
#include <cstdio>

__host__ __device__ int whereAmI() {
#ifdef __CUDA_ARCH__
  return 1;
#else
  return 0;
#endif
}

__global__ void report(int *p) { p[0] = whereAmI(); }

int main() {
  int *d = nullptr, h = -1;
  cudaMalloc(&d, sizeof(int));
  report<<<1, 1>>>(d);
  cudaMemcpy(&h, d, sizeof(int), cudaMemcpyDeviceToHost);
  std::printf("device=%d host=%d\n", h, whereAmI());
  return 0;
}
