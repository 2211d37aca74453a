// End to end: __device__ and __constant__ variable templates: each
// instantiation a kernel uses is a device symbol of its own, initialized from
// the template's initializer and reachable through the symbol API.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: float 2 4 6 int 2 4 6 updated 15 cudaSuccess

#include <cstdio>

template <typename T> __device__ T scale = T(2);
template <typename T> __constant__ T table[3] = {T(1), T(2), T(3)};

template <typename T> __global__ void scaled(T *out) {
  out[threadIdx.x] = scale<T> * table<T>[threadIdx.x];
}

int main() {
  float *f, hostF[3], again[3];
  int *i, hostI[3];
  cudaMalloc(&f, sizeof hostF);
  cudaMalloc(&i, sizeof hostI);
  scaled<float><<<1, 3>>>(f);
  scaled<int><<<1, 3>>>(i);
  cudaMemcpy(hostF, f, sizeof hostF, cudaMemcpyDeviceToHost);
  cudaMemcpy(hostI, i, sizeof hostI, cudaMemcpyDeviceToHost);
  float five = 5.0f;
  cudaMemcpyToSymbol(scale<float>, &five, sizeof five);
  scaled<float><<<1, 3>>>(f);
  cudaMemcpy(again, f, sizeof again, cudaMemcpyDeviceToHost);
  std::printf("float %g %g %g int %d %d %d updated %g %s\n", hostF[0], hostF[1], hostF[2], hostI[0],
              hostI[1], hostI[2], again[2], cudaGetErrorName(cudaGetLastError()));
  return 0;
}
