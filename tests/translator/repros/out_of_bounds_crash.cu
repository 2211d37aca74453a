// Repro (QA): a kernel writing far outside any allocation kills the whole
// process with SIGSEGV on PoCL's CPU device (kernels run in-process), where
// CUDA reports cudaErrorIllegalAddress from the next synchronizing call and
// the program can print it. Lower priority (the program is buggy), but it is
// a crash instead of a CUDA error code. Possible fix: an opt-in bounds-checked
// build (each pointer argument already travels as base + offset, so the
// emitter could compare against the buffer size and record a fault flag the
// runtime turns into cudaErrorIllegalAddress).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: sync cudaErrorIllegalAddress
#include <cstdio>

__global__ void wildWrite(int *p, long long offset) { p[offset] = 1; }

int main() {
  int *d = nullptr;
  cudaMalloc(&d, 1024);
  wildWrite<<<1, 1>>>(d, 1ll << 34);
  std::printf("sync %s\n", cudaGetErrorName(cudaDeviceSynchronize()));
  return 0;
}
