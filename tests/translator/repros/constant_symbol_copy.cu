// Repro (QA): the usual __constant__ pattern (fill it with
// cudaMemcpyToSymbol, read it in a kernel) was first rejected, then only
// diagnosed. It now translates and runs: the kernel reads what the host copied.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: scaled 1 4 9 16 5
// CHECK-NOT: error

#include <cstdio>

__constant__ float coefficients[4];

__global__ void scale(float *out) { out[threadIdx.x] *= coefficients[threadIdx.x % 4]; }

int main() {
  const float host[4] = {1.0f, 2.0f, 3.0f, 4.0f};
  if (cudaMemcpyToSymbol(coefficients, host, sizeof(host)) != cudaSuccess)
    return 1;
  float values[5] = {1.0f, 2.0f, 3.0f, 4.0f, 5.0f}, *device = nullptr;
  cudaMalloc(&device, sizeof values);
  cudaMemcpy(device, values, sizeof values, cudaMemcpyHostToDevice);
  scale<<<1, 5>>>(device);
  if (cudaMemcpy(values, device, sizeof values, cudaMemcpyDeviceToHost) != cudaSuccess)
    return 1;
  std::printf("scaled %g %g %g %g %g\n", values[0], values[1], values[2], values[3], values[4]);
  cudaFree(device);
  return 0;
}
