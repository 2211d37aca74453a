// File-scope __managed__ variables need managed memory (not supported yet):
// an error with the variable's location, not a silently wrong program.
// __device__, __constant__ and file-scope __shared__ variables are accepted.
// RUN: %not %cucl-translate %s -o %t.cpp 2>&1 | FileCheck %s

// CHECK-NOT: 'coefficients'
__constant__ int coefficients[4];
// CHECK-NOT: 'counter'
__device__ int counter;
// CHECK: device_variable_error.cu:[[@LINE+1]]:17: error: file-scope __managed__ variable 'shared_total' is not supported yet (managed memory)
__managed__ int shared_total;
// CHECK-NOT: 'folded'
__device__ constexpr int folded = 3;
// CHECK-NOT: 'tile'
extern __shared__ float tile[];

__global__ void k(int *p) { p[0] = coefficients[0] + counter + folded + (int)tile[0]; }

int main() { return 0; }
