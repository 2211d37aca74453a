// Repro (QA): where NVIDIA's headers are reachable through /usr/local/include
// (symlinks, as on this machine), including <cuda_fp16.h> used to give a
// cascade of errors inside cuda_fp16.hpp before the clean "is NVIDIA's CUDA
// header" error (the check ran after parsing). It now runs at the #include
// and silences what follows (see also diagnostics/nvidia_header_alone.cu).
// cucl now has its own cuda_fp16.h, so this uses cuda_fp8.h, which includes
// NVIDIA's cuda_fp16.h and cuda_bf16.h in turn.
// REQUIRES: nvcc
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s
// CHECK-NOT: cuda_fp{{8|16}}.hpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK: nvidia_header_first_error.cu:[[@LINE+1]]:10: error: 'cuda_fp8.h' is NVIDIA's CUDA header
#include <cuda_fp8.h>

__global__ void nothing(float *p) { p[0] = 1.0f; }
