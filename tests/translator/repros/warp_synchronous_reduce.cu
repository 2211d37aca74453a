// Repro (QA): the classic last-warp reduction through a `volatile` shared
// pointer without __syncthreads() (old CUDA samples, many user codes) gave a
// wrong sum on OpenCL devices (574 instead of 8128 on PoCL), silently; then a
// diagnostic. Lane mode now runs each volatile statement as a lockstep step.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: sum 8128
#include <cstdio>

__device__ void warpReduce(volatile int *s, int tid) {
  s[tid] += s[tid + 32];
  s[tid] += s[tid + 16];
  s[tid] += s[tid + 8];
  s[tid] += s[tid + 4];
  s[tid] += s[tid + 2];
  s[tid] += s[tid + 1];
}

__global__ void reduce(const int *in, int *out) {
  __shared__ int s[128];
  int tid = threadIdx.x;
  s[tid] = in[tid];
  __syncthreads();
  if (tid < 64)
    s[tid] += s[tid + 64];
  __syncthreads();
  if (tid < 32)
    warpReduce(s, tid);
  if (tid == 0)
    out[0] = s[0];
}

int main() {
  int h[128], *d = nullptr, *o = nullptr, r = -1;
  for (int i = 0; i < 128; ++i)
    h[i] = i;
  cudaMalloc(&d, sizeof(h));
  cudaMalloc(&o, sizeof(int));
  cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice);
  reduce<<<1, 128>>>(d, o);
  cudaMemcpy(&r, o, sizeof(int), cudaMemcpyDeviceToHost);
  std::printf("sum %d\n", r);
  return 0;
}
