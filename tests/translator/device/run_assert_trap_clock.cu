// End to end: a failing device assert prints CUDA's message (file, line,
// function, block, thread, expression) and the next synchronizing call
// returns the sticky cudaErrorAssert, also from a __device__ function and in a
// lane-mode (warp-level) kernel; the process keeps running and a
// cudaDeviceReset clears it. __trap() gives cudaErrorLaunchFailure. clock()
// and clock64() increase in every thread. A passing assert changes nothing.
// RUN: %cuclcc %s -o %t
// RUN: %t > %t.out 2>&1
// RUN: FileCheck %s < %t.out
// CHECK-DAG: run_assert_trap_clock.cu:25: void checkIndex(int, int): block: [1,0,0], thread: [3,0,0] Assertion `i < limit` failed.
// CHECK-DAG: run_assert_trap_clock.cu:49: void shuffled(int *): block: [0,0,0], thread: [6,0,0] Assertion `v != 7` failed.
// CHECK-DAG: passing cudaSuccess 31
// CHECK-DAG: clock increasing 1 distinct 1
// CHECK-DAG: failing cudaErrorAssert sticky cudaErrorAssert
// CHECK-DAG: after reset cudaSuccess
// CHECK-DAG: trap cudaErrorLaunchFailure
// CHECK-DAG: lane mode cudaErrorAssert
// CHECK-DAG: PASSED

#include <cassert>
#include <cstdio>
#include <cuda_runtime.h>

__device__ void checkIndex(int i, int limit) {
  assert(i < limit); // the only failing thread: block 1, thread 3 when limit is 19
}

__global__ void indexed(int *out, int limit) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  checkIndex(i, limit);
  out[i % 32] = i;
}

__global__ void timed(long long *spans, unsigned long long *stamps) {
  clock_t start = clock();
  long long first = clock64();
  long long second = clock64();
  spans[threadIdx.x] = (second > first && clock() > start) ? 1 : 0;
  stamps[threadIdx.x] = (unsigned long long)second;
}

__global__ void trapping() {
  if (threadIdx.x == 5)
    __trap();
}

__global__ void shuffled(int *out) {
  int v = __shfl_down_sync(0xffffffffu, (int)threadIdx.x, 1);
  assert(v != 7);
  out[threadIdx.x] = v;
}

int main() {
  int *out = nullptr;
  cudaMalloc(&out, 32 * sizeof(int));
  indexed<<<2, 16>>>(out, 32);
  int last = -1;
  cudaError_t passing = cudaDeviceSynchronize();
  cudaMemcpy(&last, out + 31, sizeof last, cudaMemcpyDeviceToHost);
  std::printf("passing %s %d\n", cudaGetErrorName(passing), last);

  long long *spans = nullptr;
  unsigned long long *stamps = nullptr;
  cudaMalloc(&spans, 64 * sizeof(long long));
  cudaMalloc(&stamps, 64 * sizeof(unsigned long long));
  timed<<<1, 64>>>(spans, stamps);
  long long hostSpans[64];
  unsigned long long hostStamps[64];
  cudaMemcpy(hostSpans, spans, sizeof hostSpans, cudaMemcpyDeviceToHost);
  cudaMemcpy(hostStamps, stamps, sizeof hostStamps, cudaMemcpyDeviceToHost);
  bool increasing = true, distinct = true;
  for (int i = 0; i < 64; ++i) {
    increasing &= hostSpans[i] == 1;
    for (int j = 0; j < i; ++j)
      distinct &= hostStamps[i] != hostStamps[j];
  }
  std::printf("clock increasing %d distinct %d\n", increasing, distinct);

  indexed<<<2, 16>>>(out, 19);
  cudaError_t failing = cudaDeviceSynchronize();
  cudaError_t sticky = cudaMemcpy(&last, out, sizeof last, cudaMemcpyDeviceToHost);
  std::printf("failing %s sticky %s\n", cudaGetErrorName(failing), cudaGetErrorName(sticky));
  cudaDeviceReset();
  cudaError_t afterReset = cudaMalloc(&out, 32 * sizeof(int));
  std::printf("after reset %s\n", cudaGetErrorName(afterReset));

  trapping<<<1, 32>>>();
  std::printf("trap %s\n", cudaGetErrorName(cudaDeviceSynchronize()));
  cudaDeviceReset();
  cudaMalloc(&out, 32 * sizeof(int));
  shuffled<<<1, 32>>>(out);
  std::printf("lane mode %s\n", cudaGetErrorName(cudaDeviceSynchronize()));
  std::printf("PASSED\n");
  return 0;
}
