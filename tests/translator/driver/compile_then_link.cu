// -c then link in a second step, with a plain C++ file in the link; a
// kernel template launched from the host (needs the emitter and libcudart).
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cuclcc -c %s -o %t.dir/kernels.o
// RUN: %cuclcc %t.dir/kernels.o %S/Inputs/host_part.cpp -o %t.dir/program
// RUN: %t.dir/program | FileCheck %s
// CHECK: host part 7
// CHECK: sum 42

#include <cstdio>

int hostPartValue();

template <typename T, int Scale>
__global__ void scaleInto(T *out, T value) { out[threadIdx.x] = value * Scale; }

int main() {
  std::printf("host part %d\n", hostPartValue());
  int *d = nullptr;
  if (cudaMalloc(&d, 4 * sizeof(int)) != cudaSuccess)
    return 1;
  scaleInto<int, 3><<<1, 4>>>(d, 2);
  int h[4] = {0, 0, 0, 0};
  if (cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost) != cudaSuccess)
    return 1;
  std::printf("sum %d\n", h[0] + h[1] + h[2] + h[3] + 18);
  cudaFree(d);
  return 0;
}
