// Address-space inference: one device function called with global, local
// and private pointers becomes three specializations; local pointer variables
// take the space of what they are initialized from; non-const references are
// pointers in the referent's space; pointer-returning functions follow their
// specialized bodies.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

__device__ float sum3(const float *values) {
  const float *p = values; // takes the parameter's space
  float total = 0.0f;
  for (int i = 0; i < 3; ++i)
    total += *p++;
  return total;
}

__device__ float *advance(float *base, int by) { return base + by; }

__device__ void increment(float &target, const float &amount) { target += amount; }

// Definitions come in the order the kernel first calls them.
// CHECK-LABEL: float sum3__g(__global const float *values) {
// CHECK-NEXT: __global const float *p = values;
// CHECK-LABEL: float sum3__l(__local const float *values) {
// CHECK-NEXT: __local const float *p = values;
// CHECK-LABEL: float sum3__p(__private const float *values) {
// CHECK-NEXT: __private const float *p = values;
// CHECK-LABEL: __global float *advance__g(__global float *base, int by) {
// A const reference binds a temporary by value ('v') and an lvalue by pointer.
// CHECK-LABEL: void increment__gv(__global float *target, const float amount) {
// CHECK-NEXT: (*target) += amount;
// CHECK-LABEL: __local float *advance__l(__local float *base, int by) {
// CHECK-LABEL: void increment__lg(__local float *target, __global const float *amount) {
// CHECK-NEXT: (*target) += (*amount);
// CHECK-LABEL: void increment__pv(__private float *target, const float amount) {
// CHECK-LABEL: __kernel void spaces(
__global__ void spaces(float *out, const float *in) {
  __shared__ float tile[3];
  float priv[3] = {1.0f, 2.0f, 3.0f};
  if (threadIdx.x < 3)
    tile[threadIdx.x] = in[threadIdx.x];
  __syncthreads();
  // CHECK: out[0] = (sum3__g(in) + sum3__l(tile__shared) + sum3__p(priv));
  out[0] = sum3(in) + sum3(tile) + sum3(priv);
  // CHECK: __global float *g = advance__g(out, 1);
  float *g = advance(out, 1);
  // CHECK: increment__gv(&(*g), 2.0f);
  increment(*g, 2.0f);
  // CHECK: __local float *l = advance__l(tile__shared, 1);
  float *l = advance(tile, 1);
  // CHECK: increment__lg(&l[0], &out[1]);
  increment(l[0], out[1]);
  float x = 0.0f;
  // CHECK: increment__pv(&x, 1.0f);
  increment(x, 1.0f);
  // A local reference is a pointer into the referent's space.
  // CHECK: __global float *r = &out[2];
  float &r = out[2];
  // CHECK: (*r) = x;
  r = x;
  // A pointer assigned later still gets the right space (fixed point).
  // CHECK: __local float *later;
  float *later;
  later = tile;
  // CHECK: later = tile__shared;
  out[3] = *later;
}
