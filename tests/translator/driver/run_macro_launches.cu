// End to end: launches written in macros whose parameters name the kernel,
// the configuration or the arguments run each kernel with its own values.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: add 13 scale 20 fill 7 fill 2.5
#include <cstdio>

#define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)
#define LAUNCH_CONFIG(k, ...) k<<<__VA_ARGS__>>>(data, 4)
#define LAUNCH_TYPED(T, ptr, v) fill<T><<<1, 1>>>(ptr, v)

__global__ void add(int *p, int v) { p[threadIdx.x] += v; }
__global__ void scale(int *p, int v) { p[threadIdx.x] *= v; }
template <typename T> __global__ void fill(T *p, T v) { p[0] = v; }

int main() {
  int *data = nullptr;
  int *ints = nullptr;
  float *floats = nullptr;
  cudaStream_t stream = nullptr;
  cudaMalloc(&data, 2 * sizeof(int));
  cudaMalloc(&ints, sizeof(int));
  cudaMalloc(&floats, sizeof(float));
  cudaMemset(data, 0, 2 * sizeof(int));
  LAUNCH(add, 1, 2, data, 1);                 // 1
  LAUNCH_CONFIG(add, 1, 2);                   // 5
  LAUNCH_CONFIG(scale, 1, 2, 0, stream);      // 20
  LAUNCH(add, 1, 1, data, -7);                // data[0] = 13, data[1] = 20
  LAUNCH_TYPED(int, ints, 7);
  LAUNCH_TYPED(float, floats, 2.5f);
  int host[2] = {0, 0}, i = 0;
  float f = 0;
  cudaMemcpy(host, data, sizeof host, cudaMemcpyDeviceToHost);
  cudaMemcpy(&i, ints, sizeof i, cudaMemcpyDeviceToHost);
  cudaMemcpy(&f, floats, sizeof f, cudaMemcpyDeviceToHost);
  std::printf("add %d scale %d fill %d fill %g\n", host[0], host[1], i, f);
  return 0;
}
