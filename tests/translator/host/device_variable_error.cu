// File-scope device variables need runtime symbol support: an error with
// the variable's location for each, not a silently wrong program.
// RUN: %not %cucl-translate %s -o %t.cpp 2>&1 | FileCheck %s

// CHECK: device_variable_error.cu:[[@LINE+1]]:18: error: file-scope __constant__ variable 'coefficients' is not supported yet
__constant__ int coefficients[4];
// CHECK: device_variable_error.cu:[[@LINE+1]]:16: error: file-scope __device__ variable 'counter' is not supported yet
__device__ int counter;
// CHECK: device_variable_error.cu:[[@LINE+1]]:17: error: file-scope __managed__ variable 'shared_total' is not supported yet
__managed__ int shared_total;
// A constexpr device constant is fine (folded into device code).
// CHECK-NOT: 'folded'
__device__ constexpr int folded = 3;

__global__ void k(int *p) { p[0] = coefficients[0] + counter; }

int main() { return 0; }
