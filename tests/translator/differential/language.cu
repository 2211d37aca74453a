// Differential test: control flow (switch fallthrough, do/while, continue,
// break, goto, short-circuit side effects), enums, structs and arrays of
// structs through pointers, references, pointer arithmetic, templates with
// non-type parameters, sizeof/alignof. Device and host must agree exactly.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: language: 0 mismatches
// CHECK: PASSED

#include "Inputs/diff_harness.h"
#include <climits>

constexpr int kSlots = 96;

enum Color { Red, Green = 5, Blue };
enum class Wide : long long { Small = -3, Big = 0x100000000LL };
enum Flags : unsigned char { FlagA = 1, FlagB = 0x80 };

struct Pair {
  int key;
  float weight;
};

struct Mixed {
  char tag;
  double value;
  short counts[3];
  Pair pair;
};

struct alignas(16) Aligned {
  int x;
};

__host__ __device__ int classify(int v) {
  int score = 0;
  switch (v & 7) {
  case 0:
    score += 1;
  case 1: // fallthrough on purpose
    score += 10;
    break;
  case 2:
  case 3:
    score += 100;
    if (v < 0)
      break;
    score += 1000;
  default:
    score -= 7;
  }
  return score;
}

__host__ __device__ int loops(int v) {
  int total = 0;
  unsigned u = (unsigned)v;
  do {
    total += (int)(u & 3);
    u >>= 2;
    if (total > 20)
      break;
    if ((u & 1) == 0)
      continue;
    total ^= 1;
  } while (u != 0);
  for (int i = 0, j = 10; i < j; ++i, --j) {
    if (i == 3)
      continue;
    total += i * j;
  }
  int n = 0;
again:
  ++n;
  if (n < (v & 3) + 1)
    goto again;
  return total * 16 + n;
}

__host__ __device__ int bump(int &counter, int value) {
  ++counter;
  return value;
}

__host__ __device__ int shortCircuit(int a, int b) {
  int calls = 0;
  int r = 0;
  if (bump(calls, a) && bump(calls, b))
    r |= 1;
  if (bump(calls, a > b) || bump(calls, b))
    r |= 2;
  r |= (a ? bump(calls, 4) : bump(calls, 8)) << 2;
  int chained = (bump(calls, a) , bump(calls, b + 1));
  return r + calls * 100 + (chained != 0) * 10000;
}

template <int Shift, bool Negate> __host__ __device__ long long scaled(long long v) {
  long long r = (long long)((unsigned long long)v << Shift);
  return Negate ? -r : r;
}

template <typename T, unsigned N> __host__ __device__ T sumArray(const T (&values)[N]) {
  T total = 0;
  for (unsigned i = 0; i < N; ++i)
    total += values[i];
  return total;
}

struct Defaults {
  int count = 5;
  float scale = 0.25f;
  unsigned char bytes[3];
};

struct Nested {
  Pair first;
  int list[3];
  Pair second;
};

__host__ __device__ void swapPairs(Pair *p, Pair *q) {
  Pair t = *p;
  *p = *q;
  *q = t;
}

__host__ __device__ int languageCase(const long long *in, int n, int i, Slot *r) {
  long long x = in[i / n], y = in[i % n];
  int k = 0;
  int a = (int)x, b = (int)y;

  putInt(r, k, classify(a));
  putInt(r, k, classify(b ^ 2));
  putInt(r, k, loops(a));
  putInt(r, k, shortCircuit(a & 1, b & 3));
  putInt(r, k, shortCircuit(0, b & 0xff));

  // Enums: arithmetic, underlying types, comparisons.
  Color c = (a & 1) ? Green : Blue;
  putInt(r, k, c + 1);
  putInt(r, k, c * Blue - Red);
  putInt(r, k, c < Blue);
  putInt(r, k, (int)Wide::Big + (long long)Wide::Small);
  putInt(r, k, sizeof(Wide));
  putInt(r, k, sizeof(Flags));
  putInt(r, k, FlagB << 1);
  Flags f = (Flags)(FlagA | FlagB);
  putInt(r, k, f);
  putInt(r, k, ~f);

  // Structs: copy, assignment, member access through pointers and arrays.
  Pair pairs[4];
  for (int j = 0; j < 4; ++j) {
    pairs[j].key = (a & 0xffff) + j;
    pairs[j].weight = 0.5f * (float)j;
  }
  Pair *p = &pairs[1];
  p->key += 10;
  (p + 1)->weight = (float)(b & 255);
  swapPairs(&pairs[0], p + 2);
  Pair copy = pairs[0];
  copy.key *= 2;
  pairs[2] = copy;
  for (int j = 0; j < 4; ++j) {
    putInt(r, k, pairs[j].key);
    putFloat(r, k, pairs[j].weight);
  }
  putInt(r, k, &pairs[3] - p);
  putInt(r, k, (char *)&pairs[3] - (char *)p);
  putInt(r, k, p[1].key);

  Mixed m = {'m', 2.5, {1, 2, 3}, {a & 0xffff, 1.5f}};
  Mixed m2 = m;
  m2.counts[1] = (short)b;
  m2.pair.key -= 1;
  Mixed *mp = &m2;
  putInt(r, k, mp->tag + mp->counts[0] + mp->counts[1] + m.counts[1]);
  putDouble(r, k, mp->value * mp->pair.weight);
  putInt(r, k, mp->pair.key);
  putInt(r, k, sizeof(Mixed));
  putInt(r, k, alignof(Mixed));
  putInt(r, k, sizeof(Aligned));
  putInt(r, k, alignof(Aligned));
  putInt(r, k, sizeof(Pair[3]));
  putInt(r, k, sizeof m.counts / sizeof m.counts[0]);

  // References and pointer arithmetic.
  int values[6] = {a & 0xffffff, b >> 8, (a ^ b) & 0xffff, 7, -7, 0};
  int &ref = values[2];
  ref += 5;
  int *end = values + 6;
  int *mid = &values[3];
  putInt(r, k, values[2]);
  putInt(r, k, end - mid);
  putInt(r, k, mid - end);
  putInt(r, k, *(mid - 1) + mid[-2]);
  mid++;
  putInt(r, k, *mid + mid[-1]);
  long long counted = 0;
  for (int *q = values; q != end; ++q)
    counted += *q;
  putInt(r, k, counted);
  putInt(r, k, sumArray(values));

  // Initialization: brace elision, partial lists, value-initialization,
  // default member initializers.
  {
    Nested nested = {b & 0xff, 0.5f, 1, 2, 3, -4, 2.0f};
    Nested partial = {{7}};
    int sparse[5] = {a & 0xff};
    Pair zeros[3] = {};
    int valueInit{};
    long long cast = (long long)int();
    Defaults d;
    d.bytes[0] = (unsigned char)b;
    Defaults e{};
    putInt(r, k, nested.first.key + nested.list[2] * 10 + nested.second.key * 100);
    putFloat(r, k, nested.first.weight + nested.second.weight);
    putInt(r, k, partial.first.key + partial.list[0] + partial.second.key);
    putFloat(r, k, partial.first.weight + partial.second.weight);
    putInt(r, k, sparse[0] + sparse[4]);
    putInt(r, k, zeros[2].key + valueInit + (int)cast);
    putFloat(r, k, zeros[1].weight);
    putInt(r, k, d.count + d.bytes[0]);
    putFloat(r, k, d.scale * e.scale);
    putInt(r, k, e.count + e.bytes[2]);
  }
  // bool bit operations, unsigned countdown loops, references to members.
  {
    bool p1 = a > b, p2 = (a & 1) != 0;
    putInt(r, k, (p1 & p2) + (p1 | p2) * 2 + (p1 ^ true) * 4);
    unsigned steps = 0;
    for (unsigned j = (unsigned)(b & 7); j-- > 0;)
      steps += j;
    putInt(r, k, steps);
    Pair target = {a & 0xffff, 1.0f};
    int &keyRef = target.key;
    keyRef *= 3;
    float &weightRef = target.weight;
    weightRef -= 0.75f;
    putInt(r, k, target.key);
    putFloat(r, k, target.weight);
    int assigned = 0, chained = 0;
    chained = assigned = b & 0xff;
    putInt(r, k, chained + (assigned += 3));
    signed char narrow = 100;
    int wide = (narrow += 100);
    putInt(r, k, wide);
  }

  // Templates with non-type parameters.
  putInt(r, k, scaled<3, false>(b & 0xfffffff));
  putInt(r, k, scaled<0, true>(a));
  putInt(r, k, scaled<20, true>(b & 0xfff));
  return k;
}

__global__ void languageKernel(const long long *in, int n, int count, Slot *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < count)
    languageCase(in, n, i, out + i * kSlots);
}

int main() {
  const long long inputs[] = {0, 1, -1, 2, 3, -3, 5, 8, 11, -12, 100, 255, -256, 1023, 0x12345678, -0x7654321,
                              INT_MAX, INT_MIN, 0x5a5a5a5a, 77777};
  int n = (int)(sizeof inputs / sizeof inputs[0]);
  int bad = runDifferential("language", inputs, n, n * n, kSlots, languageKernel,
                            [](const long long *in, int cnt, int i, Slot *r) { return languageCase(in, cnt, i, r); });
  if (bad == 0)
    printf("PASSED\n");
  return bad != 0;
}
