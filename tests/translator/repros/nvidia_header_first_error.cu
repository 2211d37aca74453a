// Repro (QA): where NVIDIA's headers are reachable through /usr/local/include
// (symlinks, as on this machine), including <cuda_fp16.h> gives a cascade of
// errors inside cuda_fp16.hpp ("use of undeclared identifier 'memcpy'") and
// <cooperative_groups.h> a fatal "'cuda/std/type_traits' file not found",
// instead of the clean "is NVIDIA's CUDA header" error that
// <math_constants.h> gets: the check runs after parsing, not at the #include
// (cucl-translate --device-only happens to report it cleanly; cuclcc does not).
// REQUIRES: nvcc
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s
// CHECK-NOT: cuda_fp16.hpp:{{[0-9]+}}:{{[0-9]+}}: error:
// CHECK: nvidia_header_first_error.cu:[[@LINE+1]]:10: error: 'cuda_fp16.h' is NVIDIA's CUDA header
#include <cuda_fp16.h>

__global__ void nothing(float *p) { p[0] = 1.0f; }
