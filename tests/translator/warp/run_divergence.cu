// Differential test: warp-level operations under divergent control flow:
// two-level reductions (`if (wid == 0)`), early returns, break and continue
// around shuffles, loops with per-lane trip counts, short-circuit operators
// and `?:` guarding warp functions, warp functions in member functions and
// templates, pointers and references kept across warp operations, and block
// barriers (__syncthreads, __syncthreads_count/_and/_or) in lane-mode kernels.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: divergence: {{[0-9]+}} checked, 0 wrong
// CHECK: PASSED
#include "Inputs/warp_reference.h"

constexpr int kOut = 16;

__device__ int warpSum(int v) {
  for (int offset = 16; offset > 0; offset >>= 1)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  return v;
}

// The broadcast of the lowest active lane's value, in any divergent state.
__device__ int fromLowest(int v) {
  unsigned m = __activemask();
  return __shfl_sync(m, v, __ffs(m) - 1);
}

struct Accumulator {
  int total;
  __device__ void add(int v) { total += __reduce_add_sync(__activemask(), v); }
};

template <typename T> __device__ T rotate(T v, int by) {
  int lane = threadIdx.x % 32;
  return __shfl_sync(0xffffffffu, v, (lane + by) % 32);
}

__global__ void divergence(const int *in, int *out, int n) {
  __shared__ int warpTotals[32];
  int t = threadIdx.x;
  int lane = t % 32, wid = t / 32;
  int v = in[t];
  int *o = out + t * kOut;
  // Two-level block reduction.
  int s = warpSum(v);
  if (lane == 0)
    warpTotals[wid] = s;
  __syncthreads();
  int w = t < (int)blockDim.x / 32 ? warpTotals[lane] : 0;
  if (wid == 0)
    w = warpSum(w);
  if (t == 0)
    o[0] = w;
  // Per-lane trip counts around a shuffle of the active lanes.
  int acc = 0;
  for (int i = 0; i <= lane % 4; ++i)
    acc += fromLowest(v + i);
  o[1] = acc;
  // break and continue around warp functions.
  int hits = 0;
  for (int i = 0; i < 8; ++i) {
    if (i == lane % 7)
      continue;
    if (i > lane % 5 + 2)
      break;
    hits += __popc(__ballot_sync(__activemask(), (v + i) % 3 == 0));
  }
  o[2] = hits;
  // Short-circuit and ?: decide which lanes run the warp function.
  int guarded = (lane % 2 == 0 && __any_sync(0x55555555u, v > 50)) ? 1 : 0;
  o[3] = guarded;
  o[4] = lane < 16 ? __shfl_xor_sync(0x0000ffffu, v, 1) : -1;
  // A member function and a template with warp functions.
  Accumulator a{0};
  if (lane >= 8)
    a.add(v);
  o[5] = a.total;
  o[6] = (int)rotate<long long>((long long)v * 1000000007LL, 3) % 1000;
  o[7] = (int)rotate<double>(v * 0.5, 5);
  // A pointer into shared memory and a reference kept across warp operations.
  int *mine = &warpTotals[wid];
  int &same = *mine;
  int before = same;
  __syncwarp();
  o[8] = same - before + __shfl_up_sync(0xffffffffu, v, 2);
  // Block-wide votes.
  o[9] = __syncthreads_count(v % 3 == 0);
  o[10] = __syncthreads_and(v >= 0);
  o[11] = __syncthreads_or(v > 95);
  // A while loop, uniform only in value, with a barrier: all threads loop together.
  int rounds = n / 64, k = 0;
  while (k < rounds) {
    __syncthreads();
    ++k;
  }
  o[12] = k;
  // Early exit: the rest runs for the lanes that remain.
  if (lane % 4 == 3)
    return;
  do {
    o[13] = __popc(__activemask());
    v -= 10;
  } while (v > 50);
  o[14] = __reduce_min_sync(__activemask(), v);
}

static long checked = 0, wrong = 0;

static void expect(int n, int t, int slot, int got, int want) {
  ++checked;
  if (got != want && ++wrong <= 12)
    std::printf("block %d thread %d slot %d: got %d, want %d\n", n, t, slot, got, want);
}

static void run(int n) {
  std::vector<int> in(n), out((size_t)n * kOut, -7);
  for (int t = 0; t < n; ++t)
    in[t] = (t * 53 + 7) % 100;
  int *dIn, *dOut;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, out.size() * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dOut, out.data(), out.size() * sizeof(int), cudaMemcpyHostToDevice));
  divergence<<<1, n>>>(dIn, dOut, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
  long total = 0;
  for (int x : in)
    total += x;
  int count3 = 0, big = 0;
  for (int x : in) {
    count3 += x % 3 == 0;
    big |= x > 95;
  }
  for (int t = 0; t < n; ++t) {
    int lane = t % 32, base = t - lane, v = in[t];
    const int *o = &out[(size_t)t * kOut];
    if (t == 0)
      expect(n, t, 0, o[0], (int)total);
    // Lanes active in iteration i: those with i <= lane % 4; the lowest is
    // the first lane of the warp (lane 0 has lane % 4 == 0 only for i == 0).
    int acc = 0;
    for (int i = 0; i <= lane % 4; ++i) {
      int lowest = -1;
      for (int j = 0; j < 32 && lowest < 0; ++j)
        if (j % 4 >= i)
          lowest = j;
      acc += in[base + lowest] + i;
    }
    expect(n, t, 1, o[1], acc);
    int hits = 0;
    for (int i = 0; i < 8; ++i) {
      if (i == lane % 7)
        continue;
      if (i > lane % 5 + 2)
        break;
      for (int j = 0; j < 32; ++j) // lanes of this warp still in the loop at i
        if (i != j % 7 && !(i > j % 5 + 2) && [&] {
              for (int p = 0; p < i; ++p)
                if (p != j % 7 && p > j % 5 + 2)
                  return false;
              return true;
            }() && (in[base + j] + i) % 3 == 0)
          ++hits;
    }
    expect(n, t, 2, o[2], hits);
    int anyBig = 0;
    for (int j = 0; j < 32; j += 2)
      anyBig |= in[base + j] > 50;
    expect(n, t, 3, o[3], lane % 2 == 0 ? anyBig : 0);
    expect(n, t, 4, o[4], lane < 16 ? in[base + (lane ^ 1)] : -1);
    int upper = 0;
    for (int j = 8; j < 32; ++j)
      upper += in[base + j];
    expect(n, t, 5, o[5], lane >= 8 ? upper : 0);
    int from = base + (lane + 3) % 32;
    expect(n, t, 6, o[6], (int)((long long)in[from] * 1000000007LL) % 1000);
    expect(n, t, 7, o[7], (int)(in[base + (lane + 5) % 32] * 0.5));
    expect(n, t, 8, o[8], lane >= 2 ? in[t - 2] : v);
    expect(n, t, 9, o[9], count3);
    expect(n, t, 10, o[10] != 0, 1);
    expect(n, t, 11, o[11] != 0, big);
    expect(n, t, 12, o[12], n / 64);
    if (lane % 4 == 3) {
      expect(n, t, 13, o[13], -7);
      continue;
    }
    // Iteration k runs the lanes (lane % 4 != 3) whose value after k steps is still > 50.
    int steps = 0, x = v;
    do {
      int active = 0;
      for (int j = 0; j < 32; ++j) {
        if (j % 4 == 3)
          continue;
        int y = in[base + j], r = 0;
        do {
          if (r == steps) {
            ++active;
            break;
          }
          y -= 10;
          ++r;
        } while (y > 50);
      }
      if (x - 10 <= 50) {
        expect(n, t, 13, o[13], active);
      }
      x -= 10;
      ++steps;
    } while (x > 50);
    int low = 1 << 30;
    for (int j = 0; j < 32; ++j) {
      if (j % 4 == 3)
        continue;
      int y = in[base + j];
      do
        y -= 10;
      while (y > 50);
      low = std::min(low, y);
    }
    expect(n, t, 14, o[14], low);
  }
  cudaFree(dIn);
  cudaFree(dOut);
}

int main() {
  for (int n : {32, 64, 128, 256})
    run(n);
  std::printf("divergence: %ld checked, %ld wrong\n", checked, wrong);
  std::printf(wrong == 0 ? "PASSED\n" : "FAILED\n");
  return wrong != 0;
}
