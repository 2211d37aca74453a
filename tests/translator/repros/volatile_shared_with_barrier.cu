// Repro (QA, follows the fix for warp_synchronous_reduce.cu): every
// `volatile __shared__` declaration is now rejected ("volatile __shared__
// memory (warp-synchronous code ...) is not supported"), including valid code
// whose accesses are separated by __syncthreads(), which worked before
// (~14:00). The diagnostic should target barrier-free accesses by a thread
// subset (the warp-synchronous pattern), not volatile shared memory as such;
// or `volatile` could simply be kept/dropped for __local objects.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: 7 7
#include <cstdio>

__global__ void broadcast(int *out) {
  volatile __shared__ int flag;
  if (threadIdx.x == 0)
    flag = 7;
  __syncthreads();
  out[threadIdx.x] = flag;
}

int main() {
  int *d = nullptr, h[4] = {0, 0, 0, 0};
  cudaMalloc(&d, sizeof(h));
  broadcast<<<1, 4>>>(d);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  std::printf("%d %d\n", h[0], h[3]);
  return 0;
}
