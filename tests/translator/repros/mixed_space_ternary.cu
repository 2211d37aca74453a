// Repro (QA): a conditional choosing between a __shared__ and a global
// pointer is reported as "a pointer whose address space cannot be inferred
// (loaded from memory, or a pointer to pointer)", which misleads: nothing is
// loaded from memory. The `if` form of the same code already gets the right
// message (see diagnostics/unsupported_memory.cu); the ternary should too.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK: mixed_space_ternary.cu:[[@LINE+4]]:{{[0-9]+}}: error: pointer 'q' would need two address spaces (__global and __local); not supported in device code

__global__ void pick(float *p) {
  __shared__ float s[64];
  float *q = threadIdx.x > 3 ? s : p;
  q[0] = 1.0f;
}
