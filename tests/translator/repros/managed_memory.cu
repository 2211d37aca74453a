// Repro (QA): cudaMallocManaged is undeclared ("use of undeclared
// identifier 'cudaMallocManaged'") and absent from docs/runtime-api.md.
// Expected: declared with CUDA's signature; either implemented or returning
// cudaErrorNotSupported (prop.managedMemory is 0), documented either way.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: cudaMallocManaged: {{cudaSuccess|cudaErrorNotSupported}}
#include <cstdio>

int main() {
  int *p = nullptr;
  cudaError_t status = cudaMallocManaged(&p, 64 * sizeof(int));
  std::printf("cudaMallocManaged: %s\n", cudaGetErrorName(status));
  if (status == cudaSuccess)
    cudaFree(p);
  return 0;
}
