// Including one of NVIDIA's headers is reported at the #include, first and
// alone: not after a cascade of errors from inside the header (a missing
// 'cuda/std/...' file, undeclared names), nor followed by the errors its
// absence causes in the user's code. Includes seen only by the device-side
// parse (under #ifdef __CUDA_ARCH__) are caught too.
// REQUIRES: nvcc
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %not %cucl-translate %s -DDEVICE_VIEW -o %t.cpp 2>&1 | FileCheck %s --check-prefix=DEVICE

// CHECK-NOT: error:
// CHECK: nvidia_header_alone.cu:[[@LINE+3]]:10: error: 'mma.h' is NVIDIA's CUDA header
// CHECK-NOT: error:
#ifndef DEVICE_VIEW
#include <mma.h>
#endif

// DEVICE-NOT: error:
// DEVICE: nvidia_header_alone.cu:[[@LINE+3]]:10: error: 'sm_60_atomic_functions.h' is NVIDIA's CUDA header
// DEVICE-NOT: error:
#if defined(DEVICE_VIEW) && defined(__CUDA_ARCH__)
#include <sm_60_atomic_functions.h>
#endif

__global__ void k(float *p) { p[0] = 1.0f; }

#ifndef DEVICE_VIEW
int main() { return usesSomethingFromTheHeader(); }
#endif
