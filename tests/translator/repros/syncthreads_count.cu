// Repro (QA): __syncthreads_count / __syncthreads_and / __syncthreads_or are
// undeclared ("use of undeclared identifier"). They are block-wide (not warp)
// barriers with a reduction and can be built on a __local counter plus two
// barriers in OpenCL 1.2.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: count=10 and=0 or=1
#include <cstdio>

__global__ void votes(int *out) {
  int count = __syncthreads_count(threadIdx.x % 3 == 0);
  int all = __syncthreads_and(threadIdx.x < 20);
  int any = __syncthreads_or(threadIdx.x == 5);
  if (threadIdx.x == 0) {
    out[0] = count;
    out[1] = all;
    out[2] = any;
  }
}

int main() {
  int *d = nullptr, h[3] = {-1, -1, -1};
  cudaMalloc(&d, sizeof(h));
  votes<<<1, 30>>>(d);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  std::printf("count=%d and=%d or=%d\n", h[0], h[1] != 0, h[2] != 0);
  return 0;
}
