// helper_math.h style code: free operator functions (including compound
// assignment through a reference), and user functions named like OpenCL
// built-ins (dot, length, normalize).
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK-LABEL: struct cucl_float3 operator_plus(struct cucl_float3 a, struct cucl_float3 b) {
// CHECK-NEXT: return make_float3(a.x + b.x, a.y + b.y, a.z + b.z);
// CHECK-LABEL: struct cucl_float3 operator_star(struct cucl_float3 a, float s) {
// CHECK-LABEL: void operator_plus_eq__p(__private struct cucl_float3 *a, struct cucl_float3 b) {
// CHECK-NEXT: (*a).x += b.x;
// CHECK-LABEL: struct cucl_float3 cucl_normalize(struct cucl_float3 v) {
// CHECK-NEXT: float invLen = rsqrt(cucl_dot(v, v));
// CHECK-NEXT: return operator_star(v, invLen);
// CHECK-LABEL: float cucl_length(struct cucl_float3 v) {
// CHECK-LABEL: void operator_plus_eq__g(__global struct cucl_float3 *a, struct cucl_float3 b) {
// CHECK-LABEL: __kernel void nbody(
// CHECK: struct cucl_float3 d = operator_plus(pos[j], operator_star(pos[i], -1.0f));
// CHECK-NEXT: operator_plus_eq__p(&a, operator_star(cucl_normalize(d), cucl_length(d)));
// CHECK: operator_plus_eq__g(&acc[i], a);
inline __host__ __device__ float3 operator+(float3 a, float3 b) { return make_float3(a.x + b.x, a.y + b.y, a.z + b.z); }
inline __host__ __device__ void operator+=(float3 &a, float3 b) { a.x += b.x; a.y += b.y; a.z += b.z; }
inline __host__ __device__ float3 operator*(float3 a, float s) { return make_float3(a.x * s, a.y * s, a.z * s); }
inline __host__ __device__ float dot(float3 a, float3 b) { return a.x * b.x + a.y * b.y + a.z * b.z; }
inline __host__ __device__ float length(float3 v) { return sqrtf(dot(v, v)); }
inline __host__ __device__ float3 normalize(float3 v) { float invLen = rsqrtf(dot(v, v)); return v * invLen; }
__global__ void nbody(float3 *pos, float3 *acc, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float3 a = make_float3(0, 0, 0);
  for (int j = 0; j < n; j++) {
    float3 d = pos[j] + pos[i] * -1.0f;
    a += normalize(d) * length(d);
  }
  acc[i] = a;
  acc[i] += a;
}
