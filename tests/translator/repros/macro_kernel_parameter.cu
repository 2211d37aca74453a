// Repro (QA): a launch macro whose parameter names the kernel,
//   #define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)
// is common in real code and compiles with nvcc, but cuclcc rejects it:
// "cucl cannot rewrite this kernel launch: its tokens come from different
// macro expansions". The launch is written in one macro's definition, which
// docs/cuclcc.md says is supported; only the kernel name is a parameter.
// (A macro with the kernel name fixed, RUN_SCALE below, already works.)
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: h[63] = 6
#include <cstdio>

__global__ void scaleBy(float *d, float f, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    d[i] *= f;
}

#define RUN_SCALE(g, b, ...) scaleBy<<<g, b>>>(__VA_ARGS__)
#define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)

int main() {
  float h[64], *d = nullptr;
  for (float &v : h)
    v = 1.0f;
  cudaMalloc(&d, sizeof(h));
  cudaMemcpy(d, h, sizeof(h), cudaMemcpyHostToDevice);
  RUN_SCALE(1, 64, d, 2.0f, 64);
  LAUNCH(scaleBy, 1, 64, d, 3.0f, 64);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  std::printf("h[63] = %g\n", h[63]);
  return 0;
}
