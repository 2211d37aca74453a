// End to end: an explicit instantiation, an explicit specialization, a
// deduced template launch, and cudaLaunchKernel on `&kernel<int>` all reach
// the right registered kernel.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: double 3
// CHECK: int 7

#include <cstdio>

template <typename T> __global__ void fill(T *p, T v) { p[threadIdx.x] = v; }
template __global__ void fill<int>(int *, int);
template <> __global__ void fill<double>(double *p, double v) { p[threadIdx.x] = v * 2; }

int main() {
  double *d = nullptr;
  int *i = nullptr;
  if (cudaMalloc(&d, 4 * sizeof(double)) != cudaSuccess || cudaMalloc(&i, 4 * sizeof(int)) != cudaSuccess)
    return 1;
  fill<<<1, 4>>>(d, 1.5);
  int value = 7;
  void *args[] = {&i, &value};
  if (cudaLaunchKernel((const void *)&fill<int>, dim3(1), dim3(4), args, 0, 0) != cudaSuccess)
    return 1;
  double hd[4];
  int hi[4];
  cudaMemcpy(hd, d, sizeof hd, cudaMemcpyDeviceToHost);
  cudaMemcpy(hi, i, sizeof hi, cudaMemcpyDeviceToHost);
  std::printf("double %g\nint %d\n", hd[3], hi[3]);
  return 0;
}
