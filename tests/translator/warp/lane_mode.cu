// Emission of lane mode: a kernel with warp-level code gets the warp runtime,
// the block shape and status arguments; loops with uniform control stay
// plain C around lane loops; per-lane values are arrays of 32; a warp
// function of the program takes its arguments as arrays; kernels without
// warp-level code are unchanged.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK: #define CUCL_LANES(mask)
// CHECK-LABEL: void warpSum_warp(__private cucl_warp *cucl_w, uint cucl_mask, float v[32], float cucl_result[32]) {
// CHECK: for (; offset > 0; offset /= 2) {
// CHECK: cucl_check_warp_mask(cucl_w, 3u, 4294967295u, cucl_mask);
// CHECK: uint cucl_from = cucl_shfl_lane(3u, cucl_l, (uint)(((uint)offset)), (int)(32));
__device__ float warpSum(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  return v;
}

// CHECK-LABEL: __kernel void reduce(__global const float *in__base, ulong in__off, __global float *out__base, ulong out__off, uint cucl_bdx, uint cucl_bdy, uint cucl_bdz, __global uint *cucl_status, uint cucl_launch) {
// CHECK: cucl_warp_init(cucl_w, cucl_bdx, cucl_bdy, cucl_bdz, cucl_votes, cucl_status, cucl_launch, 0, 0u);
// CHECK: float sum[32];
// CHECK: warpSum_warp(cucl_w, cucl_mask,
__global__ void reduce(const float *in, float *out) {
  float sum = in[blockIdx.x * blockDim.x + threadIdx.x];
  sum = warpSum(sum);
  if (threadIdx.x % 32 == 0)
    out[blockIdx.x * blockDim.x / 32 + threadIdx.x / 32] = sum;
}

// CHECK-LABEL: __kernel void plain(__global float *out__base, ulong out__off) {
// CHECK-NEXT: __global float *out =
// CHECK-NEXT: out[(uint)get_local_id(0)] = 1.0f;
__global__ void plain(float *out) { out[threadIdx.x] = 1.0f; }
