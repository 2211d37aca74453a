// Differential test: integer promotions, usual arithmetic conversions,
// division/modulo, shifts, wrap-around, compound assignment narrowing,
// ++/--, bool conversions, ?: with mixed types, literals near type limits.
// The device (OpenCL) and the host (g++) must agree bit for bit.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: integers: 0 mismatches
// CHECK: PASSED

#include "Inputs/diff_harness.h"
#include <climits>

constexpr int kSlots = 160;

__host__ __device__ int integerCase(const long long *in, int n, int i, Slot *r) {
  long long x = in[i / n], y = in[i % n];
  int k = 0;
  int a = (int)x, b = (int)y;
  unsigned ua = (unsigned)x, ub = (unsigned)y;
  short s = (short)x;
  unsigned short us = (unsigned short)y;
  signed char c = (signed char)x;
  unsigned char uc = (unsigned char)y;
  char pc = (char)y;
  long long la = x, lb = y;
  unsigned long long ula = (unsigned long long)x, ulb = (unsigned long long)y;
  long l = (long)x;
  unsigned long ul = (unsigned long)y;

  // Usual arithmetic conversions and comparisons across signedness.
  putInt(r, k, a + ub);
  putInt(r, k, a < ub);
  putInt(r, k, a < b);
  putInt(r, k, s < us);
  putInt(r, k, c < uc);
  putInt(r, k, la < ulb);
  putInt(r, k, a < lb);
  putInt(r, k, ua < lb);
  putInt(r, k, ua == (unsigned)b);
  putInt(r, k, c * uc);
  putInt(r, k, uc - 200);
  putInt(r, k, (unsigned)us * us);
  putInt(r, k, s * s);
  putInt(r, k, -ua);
  putInt(r, k, -uc);
  putInt(r, k, ~uc);
  putInt(r, k, ~us);
  putInt(r, k, ~c);
  putInt(r, k, ~ua);
  putInt(r, k, ~ula);
  putInt(r, k, ua * ub);
  putInt(r, k, ula * ulb);
  putInt(r, k, ua - ub);
  putInt(r, k, ula - ulb);
  putInt(r, k, (long long)a * b);
  putInt(r, k, (long long)a + b);
  putInt(r, k, ua + ula);
  putInt(r, k, l + ul);
  putInt(r, k, pc + 1);
  putInt(r, k, sizeof(c + uc));
  putInt(r, k, sizeof(s * 1L));
  putInt(r, k, sizeof(ua + 1LL));

  // Division and modulo, including negative operands.
  putInt(r, k, b != 0 && !(a == INT_MIN && b == -1) ? a / b : 0);
  putInt(r, k, b != 0 && !(a == INT_MIN && b == -1) ? a % b : 0);
  putInt(r, k, ub != 0 ? ua / ub : 0);
  putInt(r, k, ub != 0 ? ua % ub : 0);
  putInt(r, k, ub != 0 ? a / ub : 0);
  putInt(r, k, lb != 0 && !(la == LLONG_MIN && lb == -1) ? la / lb : 0);
  putInt(r, k, lb != 0 && !(la == LLONG_MIN && lb == -1) ? la % lb : 0);
  putInt(r, k, ulb != 0 ? ula / ulb : 0);
  putInt(r, k, ulb != 0 ? ula % ulb : 0);
  putInt(r, k, uc != 0 ? c / uc : 0);
  putInt(r, k, uc != 0 ? c % uc : 0);
  putInt(r, k, us != 0 ? s / us : 0);
  putInt(r, k, a / 7);
  putInt(r, k, a % 7);
  putInt(r, k, a / -7);
  putInt(r, k, a % -7);
  putInt(r, k, ua / 7u);
  putInt(r, k, la / 1000000007LL);
  putInt(r, k, la % -1000000007LL);

  // Shifts by in-range counts (the count comes from the other input).
  int sh = (int)(ub % 32u);
  int shl = (int)(ulb % 64u);
  putInt(r, k, ua << sh);
  putInt(r, k, ua >> sh);
  putInt(r, k, a >> sh);
  putInt(r, k, ula << shl);
  putInt(r, k, ula >> shl);
  putInt(r, k, la >> shl);
  putInt(r, k, uc << 3);
  putInt(r, k, uc << 23);
  putInt(r, k, c >> 2);
  putInt(r, k, us << 14);
  putInt(r, k, (unsigned)uc << 31);
  putInt(r, k, 1ull << (shl));
  putInt(r, k, 1u << sh);
  putInt(r, k, ua << (sh % 8) >> 3);

  // Bitwise mixes of types.
  putInt(r, k, a & ub);
  putInt(r, k, c | us);
  putInt(r, k, s ^ uc);
  putInt(r, k, la & ua);
  putInt(r, k, c & 0xff);
  putInt(r, k, c ^ -1);
  putInt(r, k, (ua | 0x80000000u) >> 1);

  // Compound assignment narrows back to the left operand's type.
  {
    signed char cc = c;
    cc += 300;
    putInt(r, k, cc);
    unsigned char ucc = uc;
    ucc *= 3;
    putInt(r, k, ucc);
    ucc <<= 3;
    putInt(r, k, ucc);
    ucc -= 250;
    putInt(r, k, ucc);
    short ss = s;
    ss += us;
    putInt(r, k, ss);
    ss >>= 1;
    putInt(r, k, ss);
    unsigned short uss = us;
    uss *= (unsigned)uss;
    putInt(r, k, uss);
    int ia = a & 0xffff;
    ia += 0.5f * (float)(b & 0xffff);
    putInt(r, k, ia);
    unsigned uu = ua;
    uu -= ub;
    uu ^= 0x12345678u;
    uu |= 3;
    putInt(r, k, uu);
    char ch = pc;
    ch &= 0x7f;
    ch %= 10;
    putInt(r, k, ch);
    long long ll = la;
    ll ^= lb;
    ll >>= 2;
    ll += (long long)ua;
    putInt(r, k, ll);
    int d = b;
    d /= 3;
    d %= 5;
    putInt(r, k, d);
  }

  // ++ and -- on every width (wrap-around of unsigned and narrow types).
  {
    unsigned char u8 = uc;
    u8++;
    putInt(r, k, u8);
    signed char s8 = (signed char)(uc & 0x7f);
    --s8;
    putInt(r, k, s8);
    unsigned short u16 = us;
    putInt(r, k, ++u16);
    putInt(r, k, u16--);
    putInt(r, k, u16);
    unsigned u32 = ua;
    u32++;
    putInt(r, k, u32);
    unsigned long long u64 = ulb;
    putInt(r, k, --u64);
    short s16 = s;
    putInt(r, k, s16 == SHRT_MAX ? 0 : ++s16);
  }

  // bool conversions.
  {
    bool bx = x;
    bool bc = c;
    bool bf = 0.25f * (float)(a & 3);
    putInt(r, k, bx);
    putInt(r, k, bc + bx);
    putInt(r, k, bx * 7 - bc);
    putInt(r, k, bf);
    putInt(r, k, (bool)(ula & 0x100000000ull));
    putInt(r, k, (int)(bool)(ua & 256));
    putInt(r, k, !a + !ub);
    putInt(r, k, (a && b) + (a || b) * 2);
    putInt(r, k, bx == (b != 0));
    bool flip = bx;
    flip = !flip;
    putInt(r, k, flip);
    putInt(r, k, -bx);
    putInt(r, k, ~bx);
  }

  // The conditional operator with mixed operand types.
  {
    bool cond = (a & 1) != 0;
    putInt(r, k, cond ? a : ub);
    putInt(r, k, cond ? c : uc);
    putInt(r, k, cond ? s : la);
    putInt(r, k, cond ? -1 : 1u);
    putInt(r, k, (cond ? -1 : 1u) > 5);
    putInt(r, k, cond ? c : 300);
    putInt(r, k, (cond ? us : s) + 0);
    putInt(r, k, sizeof(cond ? c : s));
    putInt(r, k, sizeof(cond ? a : la));
    putInt(r, k, (long long)(cond ? 1.5f : a));
    putInt(r, k, a > b ? a > 0 ? 1 : 2 : b > 0 ? 3 : 4);
  }

  // Comma and precedence.
  {
    int t = a & 0xffff;
    int u = (t ^= 1, t + (b & 15));
    putInt(r, k, u);
    // A comma operator as a call argument and inside an initializer list.
    putInt(r, k, (t += 2, t * 3));
    int pairInit[2] = {(t++, t), (t ^= 5, t)};
    putInt(r, k, pairInit[0] * 16 + pairInit[1]);
    putInt(r, k, (a & 0xf) + 3 << 2);
    putInt(r, k, (a & 0xf) + (3 << 2));
    putInt(r, k, a & 0xff == 0xff);
    putInt(r, k, (a & 0xff) == 0xff);
    putInt(r, k, ua >> 4 & 0xf | ub << 2 ^ 5);
    putInt(r, k, -(0u - (unsigned)a));
    putInt(r, k, - -c);
    putInt(r, k, !!ua);
    putInt(r, k, (ua > ub) - (ua < ub));
    putInt(r, k, 10 - 3 - 2 * (b & 7) / 3 % 4);
    putInt(r, k, (uc ? uc : 1) == 1 ? 7 : 9);
  }

  // Literals near type boundaries and their types.
  putInt(r, k, 2147483647 + (long long)uc);
  putInt(r, k, 2147483648 - ua);
  putInt(r, k, sizeof(2147483648));
  putInt(r, k, 0xffffffff + ub);
  putInt(r, k, sizeof(0xffffffff));
  putInt(r, k, sizeof(0x7fffffff));
  putInt(r, k, sizeof(0x80000000));
  putInt(r, k, sizeof(4294967296));
  putInt(r, k, 1ull << 40);
  putInt(r, k, (1ull << 63) + ulb);
  putInt(r, k, 0x8000000000000000ull >> (shl));
  putInt(r, k, -2147483648 + a);
  putInt(r, k, INT_MIN + (b & 0xff));
  putInt(r, k, LLONG_MIN + (lb & 0xff));
  putInt(r, k, UINT_MAX - ub);
  putInt(r, k, ULLONG_MAX / 3 + ulb);
  putInt(r, k, 'a' + c);
  putInt(r, k, '\xff' + 0);
  putInt(r, k, u'\u00e9' + 0);
  putInt(r, k, 0777 + 0b1011 + 0x1Fu);
  putInt(r, k, -1 < 0u);
  putInt(r, k, -1 < 0ll);
  putInt(r, k, -1L < 1u);
  putInt(r, k, 1'000'000 * 3);
  return k;
}

__global__ void integerKernel(const long long *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    integerCase(in, n, i, out + i * kSlots);
}

int main() {
  const long long inputs[] = {0, 1, -1, 2, -2, 3, -7, 7, 13, -13, 100, -100, 127, 128, -128, 255, 256,
                              300, 32767, -32768, 65535, 65536, 0x12345678, -0x12345678, INT_MAX,
                              INT_MIN, (long long)UINT_MAX, 0x100000000LL, 0x7fffffffffffLL,
                              LLONG_MAX, LLONG_MIN, -0x123456789abcLL, 1000000007, 0x55aa55aa};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  int bad = runDifferential("integers", inputs, n, n * n, kSlots, integerKernel,
                            [](const long long *in, int cnt, int i, Slot *r) { return integerCase(in, cnt, i, r); });
  if (bad == 0)
    printf("PASSED\n");
  return bad != 0;
}
