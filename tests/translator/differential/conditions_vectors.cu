// Differential test: non-int conditions (float, double, pointer) in ?:, if,
// while, !, && and ||; ?: mixing float and double; compound assignment from
// floating point into integers; CUDA vector types (make_*, member access,
// struct copies). Device and host must agree bit for bit.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: conditions: 0 mismatches
// CHECK: PASSED

#include "Inputs/diff_harness.h"
#include <cmath>

constexpr int kSlots = 64;

__host__ __device__ float pick(const float *p, float fallback) { return p ? *p : fallback; }

__host__ __device__ int conditionCase(const float *in, int n, int i, Slot *r) {
  float x = in[i / n], y = in[i % n];
  double dx = (double)x * 3.0;
  int k = 0;
  // Floating-point and pointer conditions (NaN converts to true).
  putInt(r, k, x ? 1 : 2);
  putInt(r, k, dx ? 3 : 4);
  putInt(r, k, !x);
  putInt(r, k, x && y);
  putInt(r, k, x || dx);
  putFloat(r, k, x ? x : y);
  putFloat(r, k, (x ? y : 1.0f) + (!y ? 2.0f : 0.0f));
  int loopsRun = 0;
  float v = x;
  while (v && loopsRun < 3) {
    v = v * 0.0f;
    ++loopsRun;
  }
  putInt(r, k, loopsRun);
  if (y)
    putInt(r, k, 10);
  else
    putInt(r, k, 20);
  const float *some = &in[i % n];
  const float *none = nullptr;
  putFloat(r, k, pick(some, -1.0f));
  putFloat(r, k, pick(none, -1.0f));
  putInt(r, k, some ? 5 : 6);
  putInt(r, k, !none);
  // ?: mixing float and double promotes to double.
  bool c = (i & 1) != 0;
  putDouble(r, k, c ? x : 0.1);
  putInt(r, k, sizeof(c ? x : 0.1));
  putDouble(r, k, c ? 1.0f / 3.0f : 1.0 / 3.0);
  // Compound assignment from floating point into integers (in range only).
  int acc = i;
  acc += 2.75f;
  acc *= 1.5;
  acc -= 0.25f;
  putInt(r, k, acc);
  unsigned char byte = (unsigned char)i;
  byte /= 0.75f;
  putInt(r, k, byte);
  short sh = (short)(i * 3);
  sh *= -0.5;
  putInt(r, k, sh);
  // Vector types.
  float4 f4 = make_float4(x, y, x + y, x * y);
  float4 g4 = f4;
  g4.y -= 1.0f;
  putFloat(r, k, f4.x + f4.y + f4.z + f4.w);
  putFloat(r, k, g4.y);
  int2 i2 = make_int2(i, -i);
  i2.x *= 3;
  putInt(r, k, i2.x + i2.y);
  uchar4 u4 = make_uchar4(250, (unsigned char)i, 3, 4);
  u4.x += 10;
  putInt(r, k, u4.x + u4.y * 2 + u4.w);
  double2 d2 = make_double2(dx, (double)y);
  putDouble(r, k, d2.x - d2.y);
  float3 f3 = make_float3(x, y, 0.5f);
  putInt(r, k, sizeof(f3));
  putInt(r, k, sizeof(f4));
  putInt(r, k, alignof(float4));
  putInt(r, k, alignof(double2));
  putInt(r, k, sizeof(uchar3));
  return k;
}

__global__ void conditionKernel(const float *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    conditionCase(in, n, i, out + i * kSlots);
}

int main() {
  const float inputs[] = {0.0f, -0.0f, 1.0f, -2.5f, 0.1f, 1e-40f, 3e38f, INFINITY, -INFINITY, NAN, 7.0f};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  int bad = runDifferential("conditions", inputs, n, n * n, kSlots, conditionKernel,
                            [](const float *in, int cnt, int i, Slot *r) { return conditionCase(in, cnt, i, r); });
  if (bad == 0)
    printf("PASSED\n");
  return bad != 0;
}
