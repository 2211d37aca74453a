// End to end: __managed__ variables (scalars, arrays, structs, bool) are read
// and written by host code directly and by kernels, through a __device__
// function and in a lane-mode (warp-level) kernel: host writes made before a
// launch reach the kernel, kernel writes are seen by the host after
// synchronization. The second run forces OpenCL's map/unmap protocol, which
// drivers that cache host memory need.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// RUN: env CUCL_ZERO_COPY=0 %t | FileCheck %s
// CHECK: first 3 21 counter 3 done 1 stats 8 84
// CHECK: second 70 stats 16 364
// CHECK: warp 496
// CHECK: symbols 7 16 size 32 through pointer 9 5
// CHECK: PASSED

#include <cstdio>
#include <cuda_runtime.h>

struct Stats {
  int n;
  float sum;
};

__managed__ int counter = 5;
__managed__ float values[8];
__managed__ bool done;
__managed__ Stats stats = {0, 0.0f};
__managed__ unsigned warpTotal;

__device__ void note(float v) {
  atomicAdd(&stats.n, 1);
  atomicAdd(&stats.sum, v);
}

__global__ void work() {
  int i = threadIdx.x;
  values[i] = i * counter;
  note(values[i]);
  if (i == 0)
    done = true;
}

__global__ void setThrough(float *where, float value) { where[threadIdx.x] = value; }

__global__ void warpSum() {
  unsigned v = threadIdx.x;
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  if (threadIdx.x == 0)
    warpTotal = v;
}

int main() {
  counter = 3; // a host write before the launch
  work<<<1, 8>>>();
  if (cudaDeviceSynchronize() != cudaSuccess)
    return 1;
  std::printf("first %g %g counter %d done %d stats %d %g\n", values[1], values[7], counter,
              (int)done, stats.n, stats.sum);
  counter = 10;
  work<<<1, 8>>>();
  cudaDeviceSynchronize();
  std::printf("second %g stats %d %g\n", values[7], stats.n, stats.sum);
  warpSum<<<1, 32>>>();
  cudaDeviceSynchronize();
  std::printf("warp %u\n", warpTotal);

  // The symbol API takes managed variables too; the host sees what it wrote.
  const int seven = 7;
  cudaMemcpyToSymbol(counter, &seven, sizeof seven);
  Stats copied = {0, 0.0f};
  cudaMemcpyFromSymbol(&copied, stats, sizeof copied);
  size_t size = 0;
  cudaGetSymbolSize(&size, values);
  float *address = nullptr;
  cudaGetSymbolAddress(reinterpret_cast<void **>(&address), values);
  setThrough<<<1, 2>>>(address + 5, 9.0f);
  cudaDeviceSynchronize();
  std::printf("symbols %d %d size %zu through pointer %g %g\n", counter, copied.n, size, values[5],
              values[4] / 8.0f);
  std::printf("%s\n", cudaGetLastError() == cudaSuccess ? "PASSED" : "FAILED");
  return 0;
}
