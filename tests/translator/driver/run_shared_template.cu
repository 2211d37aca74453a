// End to end: one kernel template instantiation (`setTo<int>`, one host
// stub after linking) registered by two .cu files; launches from both work.
// RUN: %cuclcc %s %S/Inputs/shared_template_user.cu -o %t
// RUN: %t | FileCheck %s
// CHECK: here 5 there 9

#include <cstdio>
#include "Inputs/shared_template.cuh"

int main() {
  int *d = nullptr;
  if (cudaMalloc(&d, 4 * sizeof(int)) != cudaSuccess)
    return 1;
  setTo<<<1, 4>>>(d, 5);
  int h[4] = {0, 0, 0, 0};
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("here %d there %d\n", h[3], otherFileValue());
  return 0;
}
