// End to end: two .cu files in one program. This file has no kernels (no
// module is registered for it) and launches a kernel defined in the other.
// RUN: %cucl-translate %s | grep -v '// HOST' | FileCheck --check-prefix=HOST %s
// RUN: %cuclcc %s %S/Inputs/two_files_kernels.cu -o %t
// RUN: %t | FileCheck %s
// HOST: (__cudaPushCallConfiguration(1, 4, 0, 0) ? (void)0 : addOne(d));
// HOST: no kernels in this file, no module to register
// HOST-NOT: __cuclRegisterModule
// CHECK: sum 14

#include <cstdio>
#include "Inputs/two_files.cuh"

int main() {
  int h[4] = {1, 2, 3, 4};
  int *d = nullptr;
  if (cudaMalloc(&d, sizeof h) != cudaSuccess)
    return 1;
  cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
  addOne<<<1, 4>>>(d);
  std::printf("sum %d\n", sumOnDevice(d));
  return 0;
}
