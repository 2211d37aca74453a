// Calling a host-only library function (malloc) from device code is an error
// at the call, reported by the CUDA front end.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
#include <stdlib.h>

__global__ void allocate(float **out) {
  // CHECK: host_function_call.cu:[[@LINE+1]]:21: error: no matching function for call to 'malloc'
  out[0] = (float *)malloc(16);
}
