// Repro (QA): <math.h>'s NAN and INFINITY (and HUGE_VALF) expand to Clang
// builtins (__builtin_nanf, __builtin_inff, __builtin_huge_valf) that the
// builtin table does not map, so common device code is rejected with
// "function '__builtin_nanf' is not supported". They should become OpenCL's
// NAN / INFINITY / HUGE_VALF constants and run.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: nan=1 inf=1 huge=1
// CHECK: PASSED
#include <cmath>
#include <cstdio>

__global__ void specials(float *out) {
  out[0] = NAN;
  out[1] = -INFINITY;
  out[2] = HUGE_VALF;
}

int main() {
  float *d = nullptr, h[3] = {0, 0, 0};
  cudaMalloc(&d, sizeof(h));
  specials<<<1, 1>>>(d);
  cudaMemcpy(h, d, sizeof(h), cudaMemcpyDeviceToHost);
  bool nan = std::isnan(h[0]), inf = std::isinf(h[1]) && h[1] < 0, huge = std::isinf(h[2]);
  std::printf("nan=%d inf=%d huge=%d\n", nan, inf, huge);
  std::printf("%s\n", nan && inf && huge ? "PASSED" : "FAILED");
  return 0;
}
