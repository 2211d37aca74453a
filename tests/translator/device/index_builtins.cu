// Built-in index variables map to OpenCL work-item functions; warpSize is 32.
// CUDA's global index idiom (blockIdx.d * blockDim.d + threadIdx.d, any operand
// order) becomes get_global_id(d); mixed dimensions stay as written.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK-LABEL: __kernel void indices(__global uint *out__base, ulong out__off)
// CHECK-NEXT: __global uint *out = (__global uint *)((__global char *)out__base + out__off);
__global__ void indices(unsigned *out) {
  // CHECK: uint i = (uint)get_global_id(0);
  unsigned i = threadIdx.x + blockIdx.x * blockDim.x;
  // CHECK: int row = (uint)get_global_id(1);
  int row = blockDim.y * blockIdx.y + threadIdx.y;
  // CHECK: uint mixed = (((uint)get_group_id(0)) * ((uint)get_local_size(1))) + ((uint)get_local_id(0));
  unsigned mixed = blockIdx.x * blockDim.y + threadIdx.x;
  // CHECK: out[i] = (((uint)get_local_id(1)) + ((uint)get_local_id(2)) + ((uint)get_num_groups(0)));
  out[i] = threadIdx.y + threadIdx.z + gridDim.x;
  // CHECK: out[i + 1u] = (((uint)get_group_id(1)) + ((uint)get_group_id(2)) + ((uint)get_local_size(1)) + ((uint)get_local_size(2)));
  out[i + 1] = blockIdx.y + blockIdx.z + blockDim.y + blockDim.z;
  // CHECK: out[i + 2u] = (((uint)get_num_groups(1)) * ((uint)get_num_groups(2)));
  out[i + 2] = gridDim.y * gridDim.z;
  // CHECK: out[i + 3u] = 32u;
  out[i + 3] = warpSize;
  out[i + 4] = row + mixed;
}
