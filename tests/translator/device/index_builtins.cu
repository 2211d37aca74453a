// Built-in index variables map to OpenCL work-item functions; warpSize is 32.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK-LABEL: __kernel void indices(__global uint *out__base, ulong out__off)
// CHECK-NEXT: __global uint *out = (__global uint *)((__global char *)out__base + out__off);
__global__ void indices(unsigned *out) {
  // CHECK: uint i = ((uint)get_local_id(0)) + (((uint)get_group_id(0)) * ((uint)get_local_size(0)));
  unsigned i = threadIdx.x + blockIdx.x * blockDim.x;
  // CHECK: out[i] = (((uint)get_local_id(1)) + ((uint)get_local_id(2)) + ((uint)get_num_groups(0)));
  out[i] = threadIdx.y + threadIdx.z + gridDim.x;
  // CHECK: out[i + 1u] = (((uint)get_group_id(1)) + ((uint)get_group_id(2)) + ((uint)get_local_size(1)) + ((uint)get_local_size(2)));
  out[i + 1] = blockIdx.y + blockIdx.z + blockDim.y + blockDim.z;
  // CHECK: out[i + 2u] = (((uint)get_num_groups(1)) * ((uint)get_num_groups(2)));
  out[i + 2] = gridDim.y * gridDim.z;
  // CHECK: out[i + 3u] = 32u;
  out[i + 3] = warpSize;
}
