// Repro (QA, memcheck testing): a kernel given an end pointer (`d + n`, one
// past the end of its allocation, as iterator-style code does) failed to
// launch with cudaErrorInvalidValue; CUDA passes it as it is.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: sum 10 cudaSuccess

#include <cstdio>

__global__ void sumRange(const int *first, const int *last, int *out) {
  int sum = 0;
  for (const int *p = first; p != last; ++p)
    sum += *p;
  *out = sum;
}

int main() {
  const int n = 4;
  int host[n] = {1, 2, 3, 4}, *d, *out, sum = -1;
  cudaMalloc(&d, sizeof host);
  cudaMalloc(&out, sizeof(int));
  cudaMemcpy(d, host, sizeof host, cudaMemcpyHostToDevice);
  sumRange<<<1, 1>>>(d, d + n, out);
  cudaError_t status = cudaGetLastError();
  cudaMemcpy(&sum, out, sizeof sum, cudaMemcpyDeviceToHost);
  std::printf("sum %d %s\n", sum, cudaGetErrorName(status));
  return 0;
}
