// Differential test: __ballot_sync, __any_sync, __all_sync, __uni_sync,
// __activemask, __match_any_sync, __match_all_sync (32/64-bit, float, double),
// __reduce_*_sync, __syncwarp and the legacy __ballot/__any/__all, with the
// full warp, in divergent branches (partial masks from __activemask) and in a
// loop whose trip count differs per lane, in blocks that are not a multiple of
// 32, against the host reference.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: votes: {{[0-9]+}} checked, 0 wrong
// CHECK: PASSED
#include "Inputs/warp_reference.h"

constexpr int kOut = 40;

__global__ void votes(const int *values, unsigned *out) {
  int t = threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
  int lane = t % 32;
  int v = values[t];
  unsigned *o = out + t * kOut;
  const unsigned all = 0xffffffffu;
  o[0] = __ballot_sync(all, v & 1);
  o[1] = __any_sync(all, v > 90);
  o[2] = __all_sync(all, v >= 0);
  o[3] = __activemask();
  o[4] = __match_any_sync(all, v % 4);
  int pred = -1;
  o[5] = __match_all_sync(all, v / 1000, &pred);
  o[6] = pred;
  o[7] = __reduce_add_sync(all, (unsigned)v);
  o[8] = (unsigned)__reduce_min_sync(all, v - 50);
  o[9] = (unsigned)__reduce_max_sync(all, v - 50);
  o[10] = __reduce_and_sync(all, (unsigned)v | 0x100u);
  o[11] = __reduce_or_sync(all, (unsigned)v);
  o[12] = __reduce_xor_sync(all, (unsigned)v);
  o[13] = __uni_sync(all, v < 1000);
  o[14] = __match_any_sync(all, (long long)(v % 3) << 40);
  o[15] = __match_any_sync(all, (float)(v % 5) * 0.5f);
  o[16] = __match_any_sync(all, (double)(v % 2) - 0.25);
  if (lane % 3 != 0) { // divergent: the mask of the lanes that are here
    unsigned m = __activemask();
    o[17] = m;
    o[18] = __ballot_sync(m, v & 2);
    o[19] = __any_sync(m, v % 7 == 0);
    o[20] = __all_sync(m, v % 2 == 0);
    o[21] = __match_any_sync(m, v % 3);
    o[22] = __reduce_add_sync(m, (unsigned)v);
    o[23] = (unsigned)__reduce_max_sync(m, v);
    __syncwarp(m);
    o[24] = __ballot(v & 4);
    o[25] = __any(v > 50);
    o[26] = __all(v < 100);
  }
  unsigned seen = 0;
  for (int i = 0; i < lane % 5; ++i) { // a different trip count per lane
    unsigned m = __activemask();
    seen += (unsigned)__popc(m) * (i + 1) + __ballot_sync(m, (v + i) & 1);
  }
  o[27] = seen;
}

static long checked = 0, wrong = 0;

static void expect(int block, int t, int slot, unsigned got, unsigned want) {
  ++checked;
  if (got != want && ++wrong <= 10)
    std::printf("block %d thread %d slot %d: got 0x%08x, want 0x%08x\n", block, t, slot, got, want);
}

static unsigned bits(unsigned mask, const std::vector<int> &v, int base, bool (*p)(int)) {
  unsigned r = 0;
  for (int j = 0; j < 32; ++j)
    if ((mask >> j & 1u) && p(v[base + j]))
      r |= 1u << j;
  return r;
}

template <typename K> static unsigned same(unsigned mask, const std::vector<K> &key, int base, int t) {
  unsigned r = 0;
  for (int j = 0; j < 32; ++j)
    if ((mask >> j & 1u) && std::memcmp(&key[base + j], &key[t], sizeof(K)) == 0)
      r |= 1u << j;
  return r;
}

static void run(int n) {
  std::vector<int> values(n);
  for (int t = 0; t < n; ++t)
    values[t] = (t * 37 + 11) % 97;
  int *dValues;
  unsigned *dOut;
  std::vector<unsigned> out((size_t)n * kOut, 0xdeadbeefu);
  CHECK_CUDA(cudaMalloc(&dValues, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, out.size() * sizeof(unsigned)));
  CHECK_CUDA(cudaMemcpy(dValues, values.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dOut, out.data(), out.size() * sizeof(unsigned), cudaMemcpyHostToDevice));
  votes<<<1, n>>>(dValues, dOut);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, out.size() * sizeof(unsigned), cudaMemcpyDeviceToHost));
  std::vector<int> mod4(n), thousand(n), mod3(n);
  std::vector<long long> wide(n);
  std::vector<float> f(n);
  std::vector<double> d(n);
  for (int t = 0; t < n; ++t) {
    mod4[t] = values[t] % 4;
    thousand[t] = values[t] / 1000;
    mod3[t] = values[t] % 3;
    wide[t] = (long long)(values[t] % 3) << 40;
    f[t] = (float)(values[t] % 5) * 0.5f;
    d[t] = (double)(values[t] % 2) - 0.25;
  }
  for (int t = 0; t < n; ++t) {
    int lane = t % 32, base = t - lane;
    unsigned live = reference::liveLanes(n, t / 32);
    const unsigned *o = &out[(size_t)t * kOut];
    auto fold = [&](unsigned mask, unsigned start, unsigned (*op)(unsigned, unsigned),
                    unsigned (*of)(int)) {
      for (int j = 0; j < 32; ++j)
        if (mask >> j & 1u)
          start = op(start, of(values[base + j]));
      return start;
    };
    expect(n, t, 0, o[0], bits(live, values, base, [](int x) { return (x & 1) != 0; }));
    expect(n, t, 1, o[1] != 0, bits(live, values, base, [](int x) { return x > 90; }) != 0);
    expect(n, t, 2, o[2] != 0, bits(live, values, base, [](int x) { return x >= 0; }) == live);
    expect(n, t, 3, o[3], live);
    expect(n, t, 4, o[4], same(live, mod4, base, t));
    expect(n, t, 5, o[5], same(live, thousand, base, t) == live ? live : 0u);
    expect(n, t, 6, o[6], same(live, thousand, base, t) == live);
    expect(n, t, 7, o[7],
           fold(live, 0u, [](unsigned a, unsigned b) { return a + b; }, [](int x) { return (unsigned)x; }));
    int lo = 1 << 30, hi = -(1 << 30);
    for (int j = 0; j < 32; ++j)
      if (live >> j & 1u) {
        lo = std::min(lo, values[base + j] - 50);
        hi = std::max(hi, values[base + j] - 50);
      }
    expect(n, t, 8, o[8], (unsigned)lo);
    expect(n, t, 9, o[9], (unsigned)hi);
    expect(n, t, 10, o[10],
           fold(live, ~0u, [](unsigned a, unsigned b) { return a & b; }, [](int x) { return (unsigned)x | 0x100u; }));
    expect(n, t, 11, o[11],
           fold(live, 0u, [](unsigned a, unsigned b) { return a | b; }, [](int x) { return (unsigned)x; }));
    expect(n, t, 12, o[12],
           fold(live, 0u, [](unsigned a, unsigned b) { return a ^ b; }, [](int x) { return (unsigned)x; }));
    unsigned small = bits(live, values, base, [](int x) { return x < 1000; });
    expect(n, t, 13, o[13] != 0, small == 0 || small == live);
    expect(n, t, 14, o[14], same(live, wide, base, t));
    expect(n, t, 15, o[15], same(live, f, base, t));
    expect(n, t, 16, o[16], same(live, d, base, t));
    unsigned m = 0;
    for (int j = 0; j < 32; ++j)
      if ((live >> j & 1u) && j % 3 != 0)
        m |= 1u << j;
    if (lane % 3 != 0) {
      expect(n, t, 17, o[17], m);
      expect(n, t, 18, o[18], bits(m, values, base, [](int x) { return (x & 2) != 0; }));
      expect(n, t, 19, o[19] != 0, bits(m, values, base, [](int x) { return x % 7 == 0; }) != 0);
      expect(n, t, 20, o[20] != 0, bits(m, values, base, [](int x) { return x % 2 == 0; }) == m);
      expect(n, t, 21, o[21], same(m, mod3, base, t));
      expect(n, t, 22, o[22],
             fold(m, 0u, [](unsigned a, unsigned b) { return a + b; }, [](int x) { return (unsigned)x; }));
      int top = -1;
      for (int j = 0; j < 32; ++j)
        if (m >> j & 1u)
          top = std::max(top, values[base + j]);
      expect(n, t, 23, o[23], (unsigned)top);
      expect(n, t, 24, o[24], bits(m, values, base, [](int x) { return (x & 4) != 0; }));
      expect(n, t, 25, o[25] != 0, bits(m, values, base, [](int x) { return x > 50; }) != 0);
      expect(n, t, 26, o[26] != 0, bits(m, values, base, [](int x) { return x < 100; }) == m);
    } else {
      expect(n, t, 17, o[17], 0xdeadbeefu); // not written by lanes that skipped the branch
    }
    unsigned seen = 0;
    for (int i = 0; i < lane % 5; ++i) {
      unsigned active = 0;
      for (int j = 0; j < 32; ++j)
        if ((live >> j & 1u) && j % 5 > i)
          active |= 1u << j;
      unsigned ballot = 0;
      for (int j = 0; j < 32; ++j)
        if ((active >> j & 1u) && ((values[base + j] + i) & 1))
          ballot |= 1u << j;
      seen += (unsigned)reference::popcount(active) * (i + 1) + ballot;
    }
    expect(n, t, 27, o[27], seen);
  }
  cudaFree(dValues);
  cudaFree(dOut);
}

int main() {
  for (int n : {32, 64, 45, 100, 256})
    run(n);
  std::printf("votes: %ld checked, %ld wrong\n", checked, wrong);
  std::printf(wrong == 0 ? "PASSED\n" : "FAILED\n");
  return wrong != 0;
}
