// Differential test: min/max/abs on every integer type (OpenCL's abs returns
// an unsigned type, CUDA's a signed one) and the integer intrinsics, against
// host reference implementations of CUDA's documented semantics.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: intrinsics: 0 mismatches
// CHECK: PASSED

#include "Inputs/diff_harness.h"
#include <climits>
#include <cstdlib>

constexpr int kSlots = 96;

#ifndef __CUDA_ARCH__
// Host references for the device-only intrinsics (CUDA Math API semantics).
static int __popc(unsigned v) { return __builtin_popcount(v); }
static int __popcll(unsigned long long v) { return __builtin_popcountll(v); }
static int __clz(int v) { return v == 0 ? 32 : __builtin_clz((unsigned)v); }
static int __clzll(long long v) { return v == 0 ? 64 : __builtin_clzll((unsigned long long)v); }
static int __ffs(int v) { return __builtin_ffs(v); }
static int __ffsll(long long v) { return __builtin_ffsll(v); }
static unsigned __brev(unsigned v) {
  unsigned r = 0;
  for (int b = 0; b < 32; ++b)
    r |= ((v >> b) & 1u) << (31 - b);
  return r;
}
static unsigned long long __brevll(unsigned long long v) {
  unsigned long long r = 0;
  for (int b = 0; b < 64; ++b)
    r |= ((v >> b) & 1ull) << (63 - b);
  return r;
}
// __mul24: the low 24 bits of each operand as signed 24-bit integers.
static int low24(int v) { return (int)((unsigned)v << 8) >> 8; }
static int __mul24(int a, int b) { return (int)((unsigned)low24(a) * (unsigned)low24(b)); }
static unsigned __umul24(unsigned a, unsigned b) { return (a & 0xffffffu) * (b & 0xffffffu); }
static int __mulhi(int a, int b) { return (int)(((long long)a * b) >> 32); }
static unsigned __umulhi(unsigned a, unsigned b) { return (unsigned)(((unsigned long long)a * b) >> 32); }
static unsigned long long __umul64hi(unsigned long long a, unsigned long long b) {
  return (unsigned long long)(((unsigned __int128)a * b) >> 64);
}
static long long __mul64hi(long long a, long long b) { return (long long)(((__int128)a * b) >> 64); }
static unsigned __sad(int a, int b, unsigned c) { return (a > b ? (unsigned)a - (unsigned)b : (unsigned)b - (unsigned)a) + c; }
static unsigned __usad(unsigned a, unsigned b, unsigned c) { return (a > b ? a - b : b - a) + c; }
static int __hadd(int a, int b) { return (int)(((long long)a + b) >> 1); }
static int __rhadd(int a, int b) { return (int)(((long long)a + b + 1) >> 1); }
static unsigned __uhadd(unsigned a, unsigned b) { return (unsigned)(((unsigned long long)a + b) >> 1); }
static unsigned __urhadd(unsigned a, unsigned b) { return (unsigned)(((unsigned long long)a + b + 1) >> 1); }
// min/max: the host overloads every .cu file gets (cuda_runtime.h, as with
// nvcc; tested against literal values in driver/run_host_helpers.cu).
static unsigned umin(unsigned a, unsigned b) { return min(a, b); }
static unsigned umax(unsigned a, unsigned b) { return max(a, b); }
static long long llmin(long long a, long long b) { return min(a, b); }
static long long llmax(long long a, long long b) { return max(a, b); }
#endif

__host__ __device__ int intrinsicCase(const long long *in, int n, int i, Slot *r) {
  long long x = in[i / n], y = in[i % n];
  int k = 0;
  int a = (int)x, b = (int)y;
  unsigned ua = (unsigned)x, ub = (unsigned)y;
  long long la = x, lb = y;
  unsigned long long ula = (unsigned long long)x, ulb = (unsigned long long)y;
  short s = (short)x, t = (short)y;
  signed char c = (signed char)x;

  putInt(r, k, min(a, b));
  putInt(r, k, max(a, b));
  putInt(r, k, min(ua, ub));
  putInt(r, k, max(ua, ub));
  putInt(r, k, min(a, ub));
  putInt(r, k, max(ua, b));
  putInt(r, k, min(la, lb));
  putInt(r, k, max(la, lb));
  putInt(r, k, min(ula, ulb));
  putInt(r, k, max(ula, ulb));
  putInt(r, k, min(s, t));
  putInt(r, k, max(c, 'a'));
  putInt(r, k, umin(ua, ub));
  putInt(r, k, umax(ua, ub));
  putInt(r, k, llmin(la, lb));
  putInt(r, k, llmax(la, lb));
  putInt(r, k, min(a, b) < 0);
  // abs keeps CUDA's signed result type (compare and divide with it).
  if (a != INT_MIN) {
    putInt(r, k, abs(a));
    putInt(r, k, abs(a) > -1);
    putInt(r, k, abs(a) / -2);
    putInt(r, k, sizeof(abs(a)));
  } else {
    k += 4;
  }
  if (la != LLONG_MIN) {
    putInt(r, k, llabs(la));
    putInt(r, k, llabs(la) / -3);
    putInt(r, k, labs((long)la) < 1);
  } else {
    k += 3;
  }
  putInt(r, k, abs(s) - 40000);
  putInt(r, k, abs(c) * -1);

  putInt(r, k, __popc(ua));
  putInt(r, k, __popcll(ula));
  putInt(r, k, __clz(a));
  putInt(r, k, __clzll(la));
  putInt(r, k, __ffs(a));
  putInt(r, k, __ffsll(la));
  putInt(r, k, __brev(ua));
  putInt(r, k, __brevll(ula));
  putInt(r, k, __mul24(a, b));
  putInt(r, k, __umul24(ua, ub));
  putInt(r, k, __mulhi(a, b));
  putInt(r, k, __umulhi(ua, ub));
  putInt(r, k, __umul64hi(ula, ulb));
  putInt(r, k, __mul64hi(la, lb));
  putInt(r, k, __sad(a, b, 7u));
  putInt(r, k, __sad(a, b, 0u) > 5u);
  putInt(r, k, __usad(ua, ub, 3u));
  putInt(r, k, __hadd(a, b));
  putInt(r, k, __rhadd(a, b));
  putInt(r, k, __uhadd(ua, ub));
  putInt(r, k, __urhadd(ua, ub));
  putInt(r, k, __popc(ua) - 40 < 0);
  putInt(r, k, __clz(a) - 40 < 0);
  return k;
}

__global__ void intrinsicKernel(const long long *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    intrinsicCase(in, n, i, out + i * kSlots);
}

int main() {
  const long long inputs[] = {0, 1, -1, 2, -2, 3, -7, 100, -128, 255, 0x7fffff, 0x800000, -0x800000, 0xffffff,
                              0x1000001, -0x1000001, 32767, -32768, 0x12345678, -0x12345678, INT_MAX, INT_MIN,
                              (long long)UINT_MAX, 0x100000000LL, 0x8000000000LL, LLONG_MAX, LLONG_MIN,
                              -0x123456789abcLL, 0x55aa55aa, (long long)0xdeadbeefcafef00dULL};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  int bad = runDifferential("intrinsics", inputs, n, n * n, kSlots, intrinsicKernel,
                            [](const long long *in, int cnt, int i, Slot *r) { return intrinsicCase(in, cnt, i, r); });
  if (bad == 0)
    printf("PASSED\n");
  return bad != 0;
}
