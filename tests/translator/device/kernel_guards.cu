// With several kernels, each emitted function is guarded by the kernels that
// reach it (by registration index), so the runtime can build one kernel on
// its own when the driver rejects another's code; a file with one kernel
// needs no guards.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-clcheck %t.cl -- -DCUCL_ONLY_KERNEL=1
// CHECK: #if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 0 || CUCL_ONLY_KERNEL == 1
// CHECK-NEXT: int twice(int v) {
// CHECK: #if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 0
// CHECK-NEXT: #ifdef CUCL_REQD_WG_SIZE
// CHECK-NEXT: __attribute__((reqd_work_group_size(CUCL_REQD_WG_SIZE)))
// CHECK-NEXT: #endif
// CHECK-NEXT: __kernel void first(
// CHECK: #if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 1
// CHECK-NEXT: int thrice(int v) {
// CHECK: #if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 1
// CHECK-NEXT: #ifdef CUCL_REQD_WG_SIZE
// CHECK-NEXT: __attribute__((reqd_work_group_size(CUCL_REQD_WG_SIZE)))
// CHECK-NEXT: #endif
// CHECK-NEXT: __kernel void second(

__device__ int twice(int v) { return 2 * v; }
__device__ int thrice(int v) { return 3 * v; }
__global__ void first(int *out) { out[0] = twice(1); }
__global__ void second(int *out) { out[0] = twice(thrice(1)); }
