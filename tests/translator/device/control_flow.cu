// Statements and expressions: loops, switch, goto, conditional and comma
// operators, several declarations in a for-init, init lists and struct
// copies, enums and constants printed as values, literal suffixes, double.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

enum Mode { ModeAdd = 1, ModeMul = 4 };
constexpr int kUnroll = 4;
const float kHalf = 0.5f;
struct Vec2 { float x, y; };

// CHECK: #pragma OPENCL EXTENSION cl_khr_fp64 : enable

// CHECK-LABEL: struct Vec2 swap(struct Vec2 v) {
// CHECK-NEXT: struct Vec2 r = {v.y, v.x};
__device__ Vec2 swap(Vec2 v) {
  Vec2 r = {v.y, v.x};
  return r;
}

// CHECK-LABEL: __kernel void flow(
__global__ void flow(int *out, double *d, int mode, long long big) {
  int acc = 0;
  // CHECK: for (int i = 0, j = 10; i < j; (++i) , (--j))
  for (int i = 0, j = 10; i < j; ++i, --j)
    acc += i * j;
  // CHECK: {
  // CHECK-NEXT: int k = 0;
  // CHECK-NEXT: __global int *p = out;
  // CHECK-NEXT: for (; k < 2; ++k)
  for (int k = 0, *p = out; k < 2; ++k)
    p[k] = k;
  // CHECK: switch (mode)
  switch (mode) {
  // CHECK: case 1:
  case ModeAdd:
    acc += 1;
    break;
  // CHECK: case 4:
  case ModeMul:
    acc *= 2;
    // fall through
  default:
    acc -= 1;
  }
  int n = 0;
  // CHECK: do
  // CHECK: while (n < 4);
  do {
    ++n;
    if (n == 2)
      continue;
  } while (n < kUnroll);
  // CHECK: while (true)
  while (true) {
    if (acc > 100)
      goto done;
    acc += 50;
  }
// CHECK: done:
done:
  // CHECK: out[0] = ((acc > 3) ? acc : (-acc));
  out[0] = acc > 3 ? acc : -acc;
  // CHECK: out[1] = ((n++) , n);
  out[1] = (n++, n);
  // CHECK: out[2] = 5;
  out[2] = ModeAdd | ModeMul;
  // Literals keep their types.
  // CHECK: d[0] = ((d[1] * 2.0) + 0.5f + 1u + ((double)(big + 3L)));
  d[0] = d[1] * 2.0 + kHalf + 1u + (double)(big + 3LL);
  // CHECK: struct Vec2 v = {1.0f, 2.0f};
  Vec2 v = {1.0f, 2.0f};
  // CHECK: struct Vec2 w = swap(v);
  Vec2 w = swap(v);
  // CHECK: v = w;
  v = w;
  // CHECK: struct cucl_float4 f4 = make_float4(v.x, v.y, 0.0f, 1.0f);
  float4 f4 = make_float4(v.x, v.y, 0.0f, 1.0f);
  // CHECK: __private int *q = 0;
  int *q = nullptr;
  // CHECK: if (q == 0)
  if (q == nullptr)
    out[3] = (int)(f4.w + v.x);
  // CHECK: out[4] = 8;
  out[4] = sizeof(double);
  // CHECK: out[5] = (-2147483647 - 1);
  out[5] = -2147483647 - 1;
}
