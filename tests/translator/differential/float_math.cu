// Differential test: float and double arithmetic, literals, mixed
// float/double expressions, conversions and the math library. Exact
// functions must match bit for bit; transcendental functions must stay
// within the OpenCL 1.2 ulp bounds (stated next to each call).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: floats: 0 mismatches
// CHECK: doubles: 0 mismatches
// CHECK: PASSED

#include "Inputs/diff_harness.h"
#include <cfloat>
#include <climits>
#include <cmath>

constexpr int kSlots = 128;

#ifndef __CUDA_ARCH__
#include <cstdint>
// Host references: CUDA's conversion intrinsics round as named, clamp to
// the destination range and turn NaN into 0 (PTX cvt semantics).
static int __float2int_rn(float v) {
  double r = std::nearbyint(v);
  return r != r ? 0 : r <= INT32_MIN ? INT32_MIN : r >= INT32_MAX ? INT32_MAX : (int)r;
}
static int __float2int_rz(float v) {
  double r = std::trunc(v);
  return r != r ? 0 : r <= INT32_MIN ? INT32_MIN : r >= INT32_MAX ? INT32_MAX : (int)r;
}
static int __float2int_rd(float v) {
  double r = std::floor(v);
  return r != r ? 0 : r <= INT32_MIN ? INT32_MIN : r >= INT32_MAX ? INT32_MAX : (int)r;
}
static int __float2int_ru(float v) {
  double r = std::ceil(v);
  return r != r ? 0 : r <= INT32_MIN ? INT32_MIN : r >= INT32_MAX ? INT32_MAX : (int)r;
}
static unsigned __float2uint_rz(float v) {
  double r = std::trunc(v);
  return r != r ? 0 : r <= 0 ? 0u : r >= UINT32_MAX ? UINT32_MAX : (unsigned)r;
}
static long long __float2ll_rz(float v) {
  double r = std::trunc(v);
  return r != r ? 0 : r <= -9223372036854775808.0 ? INT64_MIN : r >= 9223372036854775808.0 ? INT64_MAX : (long long)r;
}
static int __double2int_rn(double v) {
  double r = std::nearbyint(v);
  return r != r ? 0 : r <= INT32_MIN ? INT32_MIN : r >= INT32_MAX ? INT32_MAX : (int)r;
}
static float __int2float_rn(int v) { return (float)v; }
static float __uint2float_rn(unsigned v) { return (float)v; }
static float __fmul_rn(float a, float b) { return a * b; }
static float __fadd_rn(float a, float b) { return a + b; }
static float __fsqrt_rn(float a) { return std::sqrt(a); }
static float __fmaf_rn(float a, float b, float c) { return std::fma(a, b, c); }
static float __frsqrt_rn(float a) { return (float)(1.0 / std::sqrt((double)a)); }
static float __fdividef(float a, float b) { return a / b; }
static float __saturatef(float v) { return v != v ? 0.0f : v <= 0.0f ? 0.0f : v > 1.0f ? 1.0f : v; } // -0 gives +0
#endif

// float -> int conversions are only compared where C++ defines them.
__host__ __device__ bool fitsInt(float v) { return v > -2147483648.0f && v < 2147483648.0f; }

__host__ __device__ int floatCase(const float *in, int n, int i, Slot *r) {
  float x = in[i / n], y = in[i % n];
  int k = 0;
  // Arithmetic: float stays float unless a double is involved.
  putFloat(r, k, x + y);
  putFloat(r, k, x - y);
  putFloat(r, k, x * y);
  putFloat(r, k, x / y); // CUDA's default '/' is correctly rounded
  // x * y + 1.0f is not compared: like nvcc (--fmad=true), OpenCL C may
  // contract it into one fma, which the host does not do.
  putFloat(r, k, fmaf(x, y, 1.0f));
  putFloat(r, k, -x);
  putFloat(r, k, x * 0.1f);
  putDouble(r, k, x * 0.1);
  putFloat(r, k, (float)(x * 0.1));
  putFloat(r, k, x + 1e-8f);
  putDouble(r, k, x + 1e-8);
  putFloat(r, k, x * 3.14159265358979323846f);
  putFloat(r, k, x / 3);
  putFloat(r, k, 1.0f / 3.0f + x);
  putFloat(r, k, x * 1.17549435e-38f);
  putFloat(r, k, 1.4e-45f * x);
  putFloat(r, k, 0x1.fffffep127f * (x > 0 ? 1.0f : 0.5f));
  putFloat(r, k, x * 16777217.0f);
  putDouble(r, k, 0.1 + 0.2 + (double)x);
  putDouble(r, k, (double)x * (double)y);
  putFloat(r, k, (float)((double)x * (double)y));
  putInt(r, k, sizeof(x * 2.0));
  putInt(r, k, sizeof(x * 2));
  putInt(r, k, sizeof(1.5f + 'a'));
  // Comparisons, including NaN and signed zeros.
  putInt(r, k, x < y);
  putInt(r, k, x <= y);
  putInt(r, k, x == y);
  putInt(r, k, x != y);
  putInt(r, k, !(x >= y));
  putInt(r, k, x == 0.0f);
  putInt(r, k, (bool)x);
  putInt(r, k, x ? 1 : 2);
  putFloat(r, k, x < y ? x : y);
  // Conversions.
  putInt(r, k, fitsInt(x) ? (int)x : 0);
  putInt(r, k, fitsInt(x) ? (long long)x : 0);
  putInt(r, k, x >= 0.0f && x < 4294967296.0f ? (long long)(unsigned)x : -1);
  putInt(r, k, fitsInt(x) ? (int)(short)(int)x : 0);
  putFloat(r, k, (float)(int)(fitsInt(x) ? x : 0.0f));
  putFloat(r, k, (float)(unsigned)(i * 2654435761u));
  putFloat(r, k, (float)(long long)(i * 0x9E3779B97F4A7C15ull));
  putFloat(r, k, (float)(unsigned long long)(i * 0x9E3779B97F4A7C15ull));
  putDouble(r, k, (double)(long long)(i * 0x9E3779B97F4A7C15ull));
  putFloat(r, k, (float)16777217);
  putFloat(r, k, (float)(double)x);
  // Conversion intrinsics: defined for every input, NaN and infinities too.
  putInt(r, k, __float2int_rn(x));
  putInt(r, k, __float2int_rz(x));
  putInt(r, k, __float2int_rd(x));
  putInt(r, k, __float2int_ru(x));
  putInt(r, k, __float2uint_rz(x));
  putInt(r, k, __float2ll_rz(x));
  putInt(r, k, __double2int_rn((double)x * 3.0));
  putFloat(r, k, __int2float_rn(i * 40503 - 7));
  putFloat(r, k, __uint2float_rn(i * 2654435761u));
  putFloat(r, k, __saturatef(x));
  // Rounded intrinsics: __fmul_rn/__fadd_rn are never fused into an fma.
  putFloat(r, k, __fadd_rn(__fmul_rn(x, y), 1.0f));
  putFloat(r, k, __fsqrt_rn(x));
  putFloat(r, k, __fmaf_rn(x, y, -1.0f));
  putFloatUlps(r, k, __frsqrt_rn(x), 2); // OpenCL rsqrt: 2 ulp (CUDA: correctly rounded)
  if (fabsf(y) > 1.17549435e-38f * 4 && fabsf(y) < 8.5e37f && isfinite(x))
    putFloatUlps(r, k, __fdividef(x, y), 2); // CUDA: 2 ulp in this range
  else
    putFloat(r, k, 0.0f);
  // Exact library functions.
  putFloat(r, k, fminf(x, y));
  putFloat(r, k, fmaxf(x, y));
  putFloat(r, k, fabsf(x));
  putFloat(r, k, copysignf(x, y));
  putFloat(r, k, floorf(x));
  putFloat(r, k, ceilf(x));
  putFloat(r, k, roundf(x));
  putFloat(r, k, truncf(x));
  putFloat(r, k, rintf(x));
  putFloat(r, k, fmodf(x, y));
  putFloat(r, k, remainderf(x, y));
  putFloat(r, k, fdimf(x, y));
  putFloat(r, k, ldexpf(x, 3));
  putFloat(r, k, fmaf(x, y, 1.0f));
  putFloat(r, k, sqrtf(x)); // correctly rounded in CUDA (-prec-sqrt=true)
  // CUDA's min/max on floating point are fmin/fmax (host code has no min/max).
#ifdef __CUDA_ARCH__
  putFloat(r, k, min(x, y));
  putFloat(r, k, max(x, y));
#else
  putFloat(r, k, fminf(x, y));
  putFloat(r, k, fmaxf(x, y));
#endif
  putFloat(r, k, nextafterf(x, y));
  putInt(r, k, isnan(x));
  putInt(r, k, isinf(x));
  putInt(r, k, isfinite(x));
  putInt(r, k, signbit(x) != 0);
  {
    int e = 0;
    float m = frexpf(x, &e);
    putFloat(r, k, m);
    putInt(r, k, isfinite(x) ? e : 0);
  }
  // Transcendental functions within OpenCL 1.2's full-profile bounds.
  putFloatUlps(r, k, expf(x), 3);
  putFloatUlps(r, k, logf(x), 3);
  putFloatUlps(r, k, log2f(x), 3);
  putFloatUlps(r, k, exp2f(x), 3);
  putFloatUlps(r, k, sinf(x), 4);
  putFloatUlps(r, k, cosf(x), 4);
  putFloatUlps(r, k, tanf(x), 5);
  putFloatUlps(r, k, atan2f(x, y), 6);
  putFloatUlps(r, k, powf(x, y), 16);
  putFloatUlps(r, k, hypotf(x, y), 4);
  putFloatUlps(r, k, cbrtf(x), 2);
  putFloatUlps(r, k, tanhf(x), 5);
  return k;
}

__host__ __device__ int doubleCase(const double *in, int n, int i, Slot *r) {
  double x = in[i / n], y = in[i % n];
  int k = 0;
  putDouble(r, k, x + y);
  putDouble(r, k, x - y);
  putDouble(r, k, x * y);
  putDouble(r, k, x / y);
  putDouble(r, k, x * 0.1);
  putDouble(r, k, x * 1e-300);
  putDouble(r, k, 4.9406564584124654e-324 * x);
  putDouble(r, k, x + 0x1.0000000000001p0);
  putFloat(r, k, (float)x);
  putFloat(r, k, (float)x * 2.0f);
  putDouble(r, k, (float)x * 2.0);
  putInt(r, k, x < y);
  putInt(r, k, x == y);
  putInt(r, k, x > -2147483649.0 && x < 2147483648.0 ? (int)x : 0);
  putInt(r, k, x > -9.2e18 && x < 9.2e18 ? (long long)x : 0);
  putDouble(r, k, fmin(x, y));
  putDouble(r, k, fmax(x, y));
  putDouble(r, k, fabs(x));
  putDouble(r, k, copysign(x, y));
  putDouble(r, k, floor(x));
  putDouble(r, k, ceil(x));
  putDouble(r, k, round(x));
  putDouble(r, k, trunc(x));
  putDouble(r, k, rint(x));
  putDouble(r, k, fmod(x, y));
  putDouble(r, k, remainder(x, y));
  putDouble(r, k, sqrt(x));
  putDouble(r, k, fma(x, y, 1.0));
  // CUDA's min/max on floating point are fmin/fmax (host code has no min/max).
#ifdef __CUDA_ARCH__
  putDouble(r, k, min(x, y));
  putDouble(r, k, max(x, y));
#else
  putDouble(r, k, fmin(x, y));
  putDouble(r, k, fmax(x, y));
#endif
  putDoubleUlps(r, k, exp(x), 3);
  putDoubleUlps(r, k, log(x), 3);
  putDoubleUlps(r, k, sin(x), 4);
  putDoubleUlps(r, k, cos(x), 4);
  putDoubleUlps(r, k, pow(x, y), 16);
  putDoubleUlps(r, k, atan2(x, y), 6);
  return k;
}

__global__ void floatKernel(const float *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    floatCase(in, n, i, out + i * kSlots);
}

__global__ void doubleKernel(const double *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    doubleCase(in, n, i, out + i * kSlots);
}

int main() {
  const float floats[] = {0.0f, -0.0f, 1.0f, -1.0f, 0.5f, -0.5f, 1.5f, 2.5f, -2.5f, 3.0f, 0.1f, -0.7f,
                          1e-3f, 100.25f, -1234.5f, 8388607.5f, 16777216.0f, 1e10f, -3e9f, 4e9f,
                          2147483520.0f, -2147483648.0f, FLT_MAX, -FLT_MAX, FLT_MIN, 1e-40f, -1e-45f,
                          INFINITY, -INFINITY, NAN, 3.14159265f, 88.0f, -87.0f, 0.333333343f};
  const double doubles[] = {0.0, -0.0, 1.0, -1.0, 0.5, 2.5, -2.5, 0.1, 1e-310, -4.9e-324, 1e300, -1e300,
                            DBL_MAX, DBL_MIN, 3.141592653589793, 2147483647.5, -2147483648.5,
                            9007199254740993.0, 1e18, INFINITY, -INFINITY, NAN, 700.0, -745.0};
  int nf = (int)(sizeof floats / sizeof floats[0]);
  int nd = (int)(sizeof doubles / sizeof doubles[0]);
  int bad = runDifferential("floats", floats, nf, nf * nf, kSlots, floatKernel,
                            [](const float *in, int cnt, int i, Slot *r) { return floatCase(in, cnt, i, r); });
  bad += runDifferential("doubles", doubles, nd, nd * nd, kSlots, doubleKernel,
                         [](const double *in, int cnt, int i, Slot *r) { return doubleCase(in, cnt, i, r); });
  if (bad == 0)
    printf("PASSED\n");
  return bad != 0;
}
