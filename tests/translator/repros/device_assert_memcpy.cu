// Repro (QA): assert() and memcpy/memset in device code are supported by
// CUDA but rejected ("no matching function for call to '__assert_fail'" /
// "'memset' ... call to __host__ function"). Expected: memcpy/memset become
// byte loops (or typed copies) and assert either maps to a trap/printf or
// is diagnosed as "assert is not supported in device code".
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: copied 0 0 0 0
#include <cassert>
#include <cstdio>
#include <cstring>

__global__ void copyZeros(float *p, int n) {
  assert(n == 4);
  float zeros[4];
  memset(zeros, 0, sizeof(zeros));
  memcpy(p, zeros, sizeof(zeros));
}

int main() {
  float *d = nullptr, h[4] = {1, 1, 1, 1};
  cudaMalloc(&d, sizeof(h));
  cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice);
  copyZeros<<<1, 1>>>(d, 4);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  std::printf("copied %g %g %g %g\n", h[0], h[1], h[2], h[3]);
  return 0;
}
