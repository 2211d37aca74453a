// Repro (QA): CUDA allows at most 1024 threads per block (every compute
// capability, including the 7.0 cucl reports), but cucl reports PoCL's
// CL_DEVICE_MAX_WORK_GROUP_SIZE (4096) as maxThreadsPerBlock and accepts
// <<<1, 2048>>>. A CUDA program that checks for the launch error, or sizes
// __shared__ arrays for 1024 threads after querying the limit, misbehaves.
// Expected: maxThreadsPerBlock = min(OpenCL limit, 1024), maxThreadsDim
// capped at {1024, 1024, 64}, and the launch fails.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: maxThreadsPerBlock<=1024 1
// CHECK: maxThreadsDim.z<=64 1
// CHECK: <<<1,2048>>> cudaErrorInvalidConfiguration
#include <cstdio>

__global__ void touch(int *p) { p[threadIdx.x] = 1; }

int main() {
  cudaDeviceProp prop;
  cudaGetDeviceProperties(&prop, 0);
  std::printf("maxThreadsPerBlock<=1024 %d\n", prop.maxThreadsPerBlock <= 1024);
  std::printf("maxThreadsDim.z<=64 %d\n", prop.maxThreadsDim[2] <= 64);
  int *d = nullptr;
  cudaMalloc(&d, 4096 * sizeof(int));
  touch<<<1, 2048>>>(d);
  std::printf("<<<1,2048>>> %s\n", cudaGetErrorName(cudaGetLastError()));
  return 0;
}
