// Repro (QA): a std::nullptr_t kernel parameter emitted a private pointer
// parameter, which OpenCL rejects; the kernel now takes the 8 bytes and sees
// a null pointer.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: 42 cudaSuccess

#include <cstddef>
#include <cstdio>

__global__ void tagged(int *out, std::nullptr_t tag, int v) { out[0] = v + (tag == nullptr); }

int main() {
  int *d = nullptr, h = 0;
  cudaMalloc(&d, sizeof(int));
  tagged<<<1, 1>>>(d, nullptr, 41);
  cudaMemcpy(&h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("%d %s\n", h, cudaGetErrorName(cudaGetLastError()));
  return 0;
}
