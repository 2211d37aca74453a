// Kernel parameters: pointers become (__global base, ulong offset) pairs,
// by-value structs keep CUDA's layout (float3 is 12 bytes), bool travels as
// uchar, size_t as ulong.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

struct Params {
  float3 offset;
  int count;
  double weight;
};

// CHECK: #pragma OPENCL EXTENSION cl_khr_fp64 : enable
// CHECK: struct cucl_float3 {
// CHECK-NEXT:   float x;
// CHECK-NEXT:   float y;
// CHECK-NEXT:   float z;
// CHECK-NEXT: } __attribute__((aligned(4)));
// CHECK-NEXT: typedef char cucl_layout_check_cucl_float3[(sizeof(struct cucl_float3) == 12) ? 1 : -1][(__alignof__(struct cucl_float3) == 4) ? 1 : -1];
// CHECK: struct Params {
// CHECK-NEXT:   struct cucl_float3 offset;
// CHECK-NEXT:   int count;
// CHECK-NEXT:   double weight;
// CHECK-NEXT: } __attribute__((aligned(8)));
// CHECK-NEXT: typedef char cucl_layout_check_Params[(sizeof(struct Params) == 24) ? 1 : -1][(__alignof__(struct Params) == 8) ? 1 : -1];
// CHECK: struct cucl_float4 {
// CHECK: } __attribute__((aligned(16)));

// CHECK-LABEL: __kernel void params(__global float *out__base, ulong out__off, __global const float *in__base, ulong in__off, struct Params p, uchar flag__arg, ulong n, struct cucl_float4 v)
// CHECK-NEXT: __global float *out = (__global float *)((__global char *)out__base + out__off);
// CHECK-NEXT: __global const float *in = (__global const float *)((__global char *)in__base + in__off);
// CHECK-NEXT: bool flag = flag__arg;
__global__ void params(float *out, const float *in, Params p, bool flag, size_t n, float4 v) {
  size_t i = threadIdx.x;
  // CHECK: if (flag && (i < n))
  if (flag && i < n)
    out[i] = in[i] * p.offset.x + p.count + (float)p.weight + v.w;
}

// Unnamed parameters still get a name.
// CHECK-LABEL: __kernel void unnamed(__global int *cucl_arg0__base, ulong cucl_arg0__off, int cucl_arg1)
__global__ void unnamed(int *, int) {}
