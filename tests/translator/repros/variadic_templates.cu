// Repro (QA): variadic __device__ templates emitted one parameter name per
// pack element ("int rest, int rest"), which PoCL accepted with the wrong
// values (sum(1, 2, 3, 4) gave 96 with count(...) * 100). Pack elements now
// get numbered names; sizeof...(T) folds.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=CL < %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CL: int sum_int_int_int(int first, int rest__1, int rest__2) {
// CL-NEXT: return first + sum_int_int(rest__1, rest__2);
// CHECK: sum 10 count 3 mixed 7.5 PASSED

#include <cstdio>

template <typename T> __device__ T sum(T v) { return v; }
template <typename T, typename... Rest> __device__ T sum(T first, Rest... rest) {
  return first + sum(rest...);
}
template <typename... Ts> __device__ int count(Ts...) { return sizeof...(Ts); }
template <typename... Ts> __device__ float mixed(Ts... values) { return (0.0f + ... + values); }

__global__ void packs(int *out, float *f) {
  out[0] = sum(1, 2, 3, 4);
  out[1] = count(1.0f, 2, 'c');
  f[0] = mixed(1, 2.5f, 4.0);
}

int main() {
  int *out, back[2] = {0, 0};
  float *f, fb = 0;
  cudaMalloc(&out, sizeof back);
  cudaMalloc(&f, sizeof(float));
  packs<<<1, 1>>>(out, f);
  cudaMemcpy(back, out, sizeof back, cudaMemcpyDeviceToHost);
  cudaMemcpy(&fb, f, sizeof fb, cudaMemcpyDeviceToHost);
  bool ok = back[0] == 10 && back[1] == 3 && fb == 7.5f;
  std::printf("sum %d count %d mixed %g %s\n", back[0], back[1], fb, ok ? "PASSED" : "FAILED");
  return ok ? 0 : 1;
}
