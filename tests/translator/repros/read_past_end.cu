// Repro (issue 9, GPU-like tolerance): public kernels read a little past the
// end of their buffers (the last thread of a stencil, a vector load of the
// tail); NVIDIA's 2 MiB pages make it harmless. Every cucl buffer has slack
// after the allocation, so the kernel runs and the in-range results are right.
// Memcheck reports these reads (tests/translator/memcheck/read_past_end.test).
// UNSUPPORTED: memcheck
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: sums 3 5 7 cudaSuccess

#include <cstdio>

__global__ void pairSums(const int *in, int *out, int n) {
  int i = threadIdx.x;
  int next = in[i + 1]; // the last thread reads in[n]: past the end
  int far = in[i + 64]; // and further, still within the page
  if (i + 1 < n)
    out[i] = in[i] + next + far * 0;
}

int main() {
  const int n = 4;
  int host[n] = {1, 2, 3, 4}, *in, *out, back[n - 1];
  cudaMalloc(&in, sizeof host);
  cudaMalloc(&out, sizeof back);
  cudaMemcpy(in, host, sizeof host, cudaMemcpyHostToDevice);
  pairSums<<<1, n>>>(in, out, n);
  cudaError_t status = cudaMemcpy(back, out, sizeof back, cudaMemcpyDeviceToHost);
  std::printf("sums %d %d %d %s\n", back[0], back[1], back[2], cudaGetErrorName(status));
  return 0;
}
