// NVIDIA's CUDA headers are reachable on this machine (symlinked into
// /usr/local/include); including one that cucl does not provide (cuda_fp8.h)
// is an error at the #include, never a silent use of NVIDIA's code.
// REQUIRES: nvcc
// RUN: %not %cucl-translate %s -o %t.cpp 2>&1 | FileCheck %s
// RUN: %not %cucl-translate %s -I/usr/local/cuda/include -o %t.cpp 2>&1 | FileCheck %s

// CHECK: nvidia_header.cu:[[@LINE+1]]:10: error: 'cuda_fp8.h' is NVIDIA's CUDA header ({{.*}}cuda_fp8.h); cucl does not use NVIDIA headers
#include <cuda_fp8.h>

__global__ void k(float *p) { p[0] = 1.0f; }

int main() { return 0; }
