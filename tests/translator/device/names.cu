// Names: user functions that collide with OpenCL built-ins are renamed, so
// are variables named after OpenCL keywords or types; user typedefs of
// OpenCL type names never reach the output; overloads get distinct names.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

typedef unsigned int uint;
typedef unsigned char uchar;
typedef float half; // a user "half" is not OpenCL's half

struct image2d_t { int global; };

// CHECK: struct cucl_image2d_t {
// CHECK-NEXT: int global_;

// Definitions come in first-use order: length is called first.
// CHECK-LABEL: int cucl_length(int kernel_) {
__device__ int length(int kernel) { return kernel + 1; }
// CHECK-LABEL: float cucl_dot(float a, float b) {
__device__ float dot(float a, float b) { return a * b; }
// CHECK-LABEL: float scale(float v) {
__device__ float scale(float v) { return v * 2.0f; }
// CHECK-LABEL: int scale_1(int v) {
__device__ int scale(int v) { return v * 3; }
// CHECK-LABEL: uint cucl_clamp(uint v) {
__device__ uint clamp(uint v) { return v > 10u ? 10u : v; }

// CHECK-LABEL: __kernel void cucl_min(__global uint *global___base, ulong global___off, uchar local_, float half_, struct cucl_image2d_t constant_)
// CHECK-NEXT: __global uint *global_ = (__global uint *)((__global char *)global___base + global___off);
__global__ void min(uint *global, uchar local, half half, image2d_t constant) {
  // CHECK: uint private_ = local_ + constant_.global_ + cucl_length(2);
  uint private_ = local + constant.global + length(2);
  // CHECK: float read_only_ = cucl_dot(half_, half_) + scale(1.0f) + scale_1(2);
  float read_only = dot(half, half) + scale(1.0f) + scale(2);
  // CHECK: global_[0] = (private_ + cucl_clamp((uint)read_only_));
  global[0] = private_ + clamp((uint)read_only);
}
