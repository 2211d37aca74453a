// End to end: kernels defined in a user header are rewritten too; the
// program links and runs (the header's kernel is registered by this file).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: 0 3 6 9

#include <cstdio>
#include "Inputs/header_kernels.cuh"

int main() {
  int host[4] = {0, 1, 2, 3};
  int *d = nullptr;
  if (cudaMalloc(&d, sizeof host) != cudaSuccess)
    return 1;
  cudaMemcpy(d, host, sizeof host, cudaMemcpyHostToDevice);
  tripleAll<<<1, 4>>>(d);
  cudaMemcpy(host, d, sizeof host, cudaMemcpyDeviceToHost);
  std::printf("%d %d %d %d\n", host[0], host[1], host[2], host[3]);
  return 0;
}
