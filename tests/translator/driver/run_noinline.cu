// End to end: `__noinline__` (and __forceinline__) on functions used by both
// host and device code builds with the host compiler and runs.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: host 7 device 7
#include <cstdio>

__host__ __device__ __noinline__ int addThree(int x) { return x + 3; }
__host__ __device__ __forceinline__ int doubled(int x) { return 2 * x; }

__global__ void compute(int *out, int x) { out[0] = addThree(doubled(x)); }

int main() {
  int *d = nullptr, result = 0;
  cudaMalloc(&d, sizeof(int));
  compute<<<1, 1>>>(d, 2);
  cudaMemcpy(&result, d, sizeof result, cudaMemcpyDeviceToHost);
  std::printf("host %d device %d\n", addThree(doubled(2)), result);
  return 0;
}
