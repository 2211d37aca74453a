// What CUDA code tells nvcc's optimiser reaches the OpenCL compiler:
// #pragma unroll [N] in front of the loop it names (also a template's count),
// __restrict__ as restrict, __forceinline__ / __noinline__ as always_inline /
// noinline. The emitted program must build with the real driver.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-clcheck %t.cl -- -DCUCL_ONLY_KERNEL=0 -DCUCL_REQD_WG_SIZE=64,1,1

// CHECK-LABEL: __attribute__((always_inline)) float square(
__device__ __forceinline__ float square(float x) { return x * x; }

// CHECK-LABEL: __attribute__((noinline)) float cube(
__device__ __noinline__ float cube(float x) { return x * x * x; }

// CHECK-LABEL: float sumTaps_4__g(__global const float *restrict in, int i)
// CHECK: #pragma unroll 4
// CHECK-NEXT: for (
template <int Taps> __device__ float sumTaps(const float *__restrict__ in, int i) {
  float sum = 0.0f;
#pragma unroll Taps
  for (int t = 0; t < Taps; ++t)
    sum += in[i + t];
  return sum;
}

// CHECK: #ifdef CUCL_REQD_WG_SIZE
// CHECK-NEXT: __attribute__((reqd_work_group_size(CUCL_REQD_WG_SIZE)))
// CHECK-NEXT: #endif
// CHECK-NEXT: __kernel void filter(__global float *restrict out__base, ulong out__off, __global const float *restrict in__base
// CHECK: __global float *restrict out = (__global float *restrict)
// CHECK: #pragma unroll 8
// CHECK-NEXT: for (
// CHECK: #pragma unroll 1
// CHECK-NEXT: while (
// CHECK: #pragma unroll
// CHECK-NEXT: do
__global__ void filter(float *__restrict__ out, const float *__restrict__ in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float acc = 0.0f;
#pragma unroll 8
  for (int k = 0; k < 8; ++k)
    acc += square(in[i]) * k;
  int left = 3;
#pragma unroll 1
  while (left-- > 0)
    acc += cube(acc);
#pragma unroll
  do {
    acc *= 0.5f;
  } while (acc > 1.0f);
  out[i] = acc + sumTaps<4>(in, i) + __ldg(in + i);
}
