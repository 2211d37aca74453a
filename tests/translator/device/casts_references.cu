// Pointer casts keep the inferred address space; functions returning
// references return pointers; const references to temporaries hold values;
// init lists in return statements become compound literals; a device
// function declared before its definition is emitted once.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

struct Vec2 { float x, y; };
__device__ float helper(float *p);

// CHECK-LABEL: struct Vec2 make(float a, float b) {
// CHECK-NEXT: return (struct Vec2){a, b};
__device__ Vec2 make(float a, float b) { return {a, b}; }

// CHECK-LABEL: __global float *at__g(__global float *base, int i) {
// CHECK-NEXT: return &base[i];
__device__ float &at(float *base, int i) { return base[i]; }

// CHECK-LABEL: float helper__g(__global float *p) {
// CHECK-LABEL: __private float *at__p(__private float *base, int i) {
// CHECK-NOT: helper__g_1

// CHECK-LABEL: __kernel void k(
__global__ void k(float *out, float4 *vecs) {
  // CHECK: __local struct Vec2 pairs__shared[4];
  // CHECK-NEXT: __local int count__shared;
  __shared__ Vec2 pairs[4];
  __shared__ int count;
  // CHECK: __global struct cucl_float4 *v4 = (__global struct cucl_float4 *)out;
  float4 *v4 = reinterpret_cast<float4 *>(out);
  // CHECK: __global const float *c = (__global const float *)out;
  const float *c = static_cast<const float *>(out);
  // CHECK: __global char *bytes = (__global char *)out;
  char *bytes = (char *)out;
  // CHECK: pairs__shared[(uint)get_local_id(0)] = make(1.0f, 2.0f);
  pairs[threadIdx.x] = make(1.0f, 2.0f);
  count = 0;
  // CHECK: __global const float *r = &out[1];
  const float &r = out[1];
  // CHECK: const float t = out[1] + 2.0f;
  const float &t = out[1] + 2.0f;
  // CHECK: (*at__g(out, 2)) = ((*r) + t + helper__g(out) + v4->x + c[0] + bytes[0]);
  at(out, 2) = r + t + helper(out) + v4->x + c[0] + bytes[0];
  float local[2] = {0};
  // CHECK: (*at__p(local_, 1)) = 3.0f;
  at(local, 1) = 3.0f;
  out[3] = local[1] + pairs[0].y + count + helper(out);
  // CHECK: vecs[0] = make_float4(1, 2, 3, 4);
  vecs[0] = make_float4(1, 2, 3, 4);
}

__device__ float helper(float *p) { return *p; }
