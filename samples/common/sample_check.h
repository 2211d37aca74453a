// Shared helpers for cucl's samples: CUDA error checking and the PASSED/FAILED
// verdict. Plain CUDA runtime API, so the samples build with nvcc unchanged.
#pragma once

#include <cstdio>
#include <cstdlib>

#include <cuda_runtime.h>

#define CHECK_CUDA(call)                                                              \
  do {                                                                                \
    cudaError_t check_cuda_status_ = (call);                                          \
    if (check_cuda_status_ != cudaSuccess) {                                          \
      std::fprintf(stderr, "%s:%d: %s failed: %s (%s)\n", __FILE__, __LINE__, #call, \
                   cudaGetErrorName(check_cuda_status_),                             \
                   cudaGetErrorString(check_cuda_status_));                          \
      std::exit(EXIT_FAILURE);                                                        \
    }                                                                                 \
  } while (0)

// Prints the device the sample runs on (name and OpenCL-derived limits).
inline void printDevice() {
  int device = 0;
  CHECK_CUDA(cudaGetDevice(&device));
  cudaDeviceProp prop;
  CHECK_CUDA(cudaGetDeviceProperties(&prop, device));
  std::printf("Device %d: %s (%d multiprocessors, %d max threads/block)\n", device, prop.name,
              prop.multiProcessorCount, prop.maxThreadsPerBlock);
}

// Prints the verdict and returns the process exit code.
inline int reportResult(const char *sample, bool passed) {
  std::printf("%s: %s\n", sample, passed ? "PASSED" : "FAILED");
  return passed ? EXIT_SUCCESS : EXIT_FAILURE;
}
