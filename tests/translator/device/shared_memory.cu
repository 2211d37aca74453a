// __shared__ storage: hoisted to kernel scope (also from nested blocks and
// loops), passed down to device functions as __local pointers; extern
// __shared__ arrays view the launch's dynamic buffer.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// A device function using its own __shared__ array receives it from the kernel.
// CHECK-LABEL: float blockSum(float v, __local float (*scratch__shared)[64])
// CHECK: (*scratch__shared)[(uint)get_local_id(0)] = v;
__device__ float blockSum(float v) {
  __shared__ float scratch[64];
  scratch[threadIdx.x] = v;
  __syncthreads();
  float total = 0.0f;
  for (int i = 0; i < 64; ++i)
    total += scratch[i];
  __syncthreads();
  return total;
}

// CHECK-LABEL: __kernel void staticShared(__global float *out__base, ulong out__off)
// CHECK: __local float tile__shared[16][16];
// CHECK-NEXT: __local int flags__shared[4];
// CHECK-NEXT: __local float scratch__shared[64];
// CHECK-NOT: __local
// CHECK: tile__shared[(uint)get_local_id(1)][(uint)get_local_id(0)] = 1.0f;
// CHECK: flags__shared[i] = i;
// CHECK: out[0] = blockSum(tile__shared[0][0], &scratch__shared);
__global__ void staticShared(float *out) {
  __shared__ float tile[16][16];
  tile[threadIdx.y][threadIdx.x] = 1.0f;
  for (int i = 0; i < 4; ++i) {
    if (threadIdx.x == 0) {
      __shared__ int flags[4]; // nested: still one per block
      flags[i] = i;
    }
  }
  __syncthreads();
  out[0] = blockSum(tile[0][0]);
}

// A device function using extern __shared__ receives the dynamic buffer.
// CHECK-LABEL: void stash(float v, __local uchar *cucl_dynamic_shared)
// CHECK: ((__local float *)cucl_dynamic_shared)[(uint)get_local_id(0)] = v;
__device__ void stash(float v) {
  extern __shared__ float dynamicBuffer[];
  dynamicBuffer[threadIdx.x] = v;
}

// CHECK-LABEL: __kernel void dynamicShared(__global float *out__base, ulong out__off, int n, __local uchar *cucl_dynamic_shared)
// CHECK: ((__local float *)cucl_dynamic_shared)[(uint)get_local_id(0)] = 2.0f;
// CHECK: stash(3.0f, cucl_dynamic_shared);
__global__ void dynamicShared(float *out, int n) {
  extern __shared__ float buffer[];
  buffer[threadIdx.x] = 2.0f;
  stash(3.0f);
  __syncthreads();
  out[threadIdx.x] = buffer[(threadIdx.x + 1) % n];
}

// Only the dynamic buffer through a callee: the kernel still gets the argument.
// A file-scope __shared__ array is hoisted into each kernel that uses it.
__shared__ int fileScopeCounts[8];

// CHECK-LABEL: __kernel void fileScope(__global int *out__base, ulong out__off)
// CHECK: __local int fileScopeCounts__shared[8];
// CHECK: fileScopeCounts__shared[((uint)get_local_id(0)) % 8u] = 1;
__global__ void fileScope(int *out) {
  fileScopeCounts[threadIdx.x % 8] = 1;
  __syncthreads();
  out[0] = fileScopeCounts[0];
}

// CHECK-LABEL: __kernel void dynamicThroughCallee(__local uchar *cucl_dynamic_shared)
__global__ void dynamicThroughCallee() { stash(1.0f); }
