// Differential test: cooperative groups against the host reference.
// thread_block (2-D blocks), thread_block_tile<N> for N = 1..32 (ranks, meta
// groups, shfl/up/down/xor, any/all/ballot/match_any, cg::reduce with plus,
// less, greater, bit_and, bit_or, bit_xor, inclusive/exclusive scans),
// coalesced groups in divergent code (coalesced_threads, labeled_partition,
// binary_partition, their shuffles, ballots, reductions and scans), and
// thread_group as a converted copy (tiled_partition(block, n), sync); then
// partitions of partitions: tiles of tiles (meta groups relative to the
// parent, kept through conversion), the last dynamic tile of a partial warp,
// tiles of a coalesced group by rank, this_thread, grid.is_valid outside a
// cooperative launch, and memcpy_async/wait by a block and by a tile.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: cooperative groups: {{[0-9]+}} checked, 0 wrong
// CHECK: PASSED
#include "Inputs/warp_reference.h"
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
#include <cooperative_groups/scan.h>
#include <cooperative_groups/memcpy_async.h>

namespace cg = cooperative_groups;

constexpr int kTileSlots = 20;
constexpr int kSlots = 6 * kTileSlots + 24;

template <unsigned Size> __device__ void tileChecks(const cg::thread_block &block, int v, int *o) {
  cg::thread_block_tile<Size> tile = cg::tiled_partition<Size>(block);
  o[0] = tile.thread_rank();
  o[1] = tile.meta_group_rank();
  o[2] = tile.meta_group_size();
  o[3] = tile.num_threads();
  o[4] = tile.shfl(v, 1);
  o[5] = tile.shfl_up(v, 1);
  o[6] = tile.shfl_down(v, 1);
  o[7] = tile.shfl_xor(v, Size > 1 ? 1 : 0);
  o[8] = tile.any(v > 90);
  o[9] = tile.all(v >= 5);
  o[10] = tile.ballot(v % 2 == 0);
  o[11] = tile.match_any(v % 3);
  o[12] = cg::reduce(tile, v, cg::plus<int>());
  o[13] = cg::reduce(tile, v, cg::less<int>());
  o[14] = cg::reduce(tile, v, cg::greater<int>());
  o[15] = cg::reduce(tile, (unsigned)v | 1u, cg::bit_and<unsigned>());
  o[16] = cg::reduce(tile, (unsigned)v, cg::bit_or<unsigned>());
  o[17] = cg::reduce(tile, (unsigned)v, cg::bit_xor<unsigned>());
  o[18] = cg::inclusive_scan(tile, v);
  o[19] = cg::exclusive_scan(tile, v);
  tile.sync();
}

__global__ void groups(const int *in, int *out) {
  cg::thread_block block = cg::this_thread_block();
  int t = block.thread_rank();
  int v = in[t];
  int *o = out + (blockIdx.x * block.size() + t) * kSlots;
  tileChecks<1>(block, v, o);
  tileChecks<2>(block, v, o + kTileSlots);
  tileChecks<4>(block, v, o + 2 * kTileSlots);
  tileChecks<8>(block, v, o + 3 * kTileSlots);
  tileChecks<16>(block, v, o + 4 * kTileSlots);
  tileChecks<32>(block, v, o + 5 * kTileSlots);
  int *p = o + 6 * kTileSlots;
  p[0] = block.group_index().x;
  p[1] = block.thread_index().y * 100 + block.thread_index().x;
  p[2] = block.dim_threads().x * 100 + block.dim_threads().y;
  p[3] = block.size();
  cg::sync(block);
  // Coalesced groups: only the lanes whose value is odd.
  if (v % 2 == 1) {
    cg::coalesced_group odd = cg::coalesced_threads();
    p[4] = odd.size();
    p[5] = odd.thread_rank();
    p[6] = odd.shfl(v, 0);
    p[7] = odd.shfl_up(v, 1);
    p[8] = odd.shfl_down(v, 2);
    p[9] = odd.ballot(v > 50);
    p[10] = cg::reduce(odd, v, cg::plus<int>());
    p[11] = cg::reduce(odd, v, cg::greater<int>());
    p[12] = cg::inclusive_scan(odd, v);
    p[13] = cg::exclusive_scan(odd, v);
    cg::coalesced_group same = cg::labeled_partition(odd, v % 3);
    p[14] = same.size();
    p[15] = cg::reduce(same, v, cg::plus<int>());
    cg::coalesced_group big = cg::binary_partition(odd, v > 50);
    p[16] = big.size();
    p[17] = big.thread_rank();
    odd.sync();
  }
  // thread_group: a block, and a dynamic tile of 8.
  cg::thread_group all = block;
  p[18] = (int)all.size();
  p[19] = (int)all.thread_rank();
  cg::thread_group eight = cg::tiled_partition(block, 8);
  p[20] = (int)eight.size();
  p[21] = (int)eight.thread_rank();
  eight.sync();
  all.sync();
  p[22] = (int)cg::thread_group(cg::tiled_partition<16>(block)).thread_rank();
}

constexpr int kNested = 16;

__global__ void partitions(const int *in, int *out) {
  __shared__ int staged[256];
  __shared__ int byTile[256];
  cg::thread_block block = cg::this_thread_block();
  int t = block.thread_rank(), n = block.size();
  int *o = out + (blockIdx.x * n + t) * kNested;
  cg::thread_block_tile<16> t16 = cg::tiled_partition<16>(block);
  cg::thread_block_tile<4, cg::thread_block_tile<16>> t4 = cg::tiled_partition<4>(t16);
  cg::thread_block_tile<4> erased = t4; // keeps the meta group of its parent
  o[0] = t4.meta_group_rank();
  o[1] = t4.meta_group_size();
  o[2] = erased.meta_group_rank();
  o[3] = erased.meta_group_size();
  cg::thread_group dynamic = cg::tiled_partition(block, 32);
  o[4] = (int)dynamic.size();
  o[5] = (int)dynamic.thread_rank();
  o[6] = cg::this_thread().size() * 10 + cg::this_thread().thread_rank();
  o[7] = cg::this_grid().is_valid() ? 1 : 0;
  if (in[t] % 2 == 1) {
    cg::coalesced_group odd = cg::coalesced_threads();
    cg::coalesced_group four = cg::tiled_partition(odd, 4);
    o[8] = four.size();
    o[9] = four.thread_rank();
    o[10] = four.meta_group_rank();
    o[11] = four.meta_group_size();
    o[12] = cg::reduce(four, in[t], cg::plus<int>());
  }
  // Copies by the group: the block stages all values, each tile its own.
  cg::memcpy_async(block, staged, in, sizeof(int) * n);
  cg::wait(block);
  o[13] = staged[n - 1 - t];
  int first = t - (int)t16.thread_rank();
  cg::memcpy_async(t16, byTile + first, (int)t16.size(), in + first, n - first);
  cg::wait(t16);
  o[14] = byTile[first + (t16.thread_rank() + 1) % 16 < n ? first + (t16.thread_rank() + 1) % 16
                                                           : t];
}

static long checked = 0, wrong = 0;

static void expect(int n, int t, int slot, long long got, long long want) {
  ++checked;
  if (got != want && ++wrong <= 12)
    std::printf("block %d thread %d slot %d: got %lld, want %lld\n", n, t, slot, got, want);
}

// The reference of tileChecks<Size> for thread t.
static void tileReference(int n, int t, const std::vector<int> &in, int size, const int *o) {
  int rank = t % size, first = t - rank;
  auto at = [&](int r) { return in[first + r]; };
  int count = std::min(size, n - first); // threads of a tile at the end of the block
  expect(n, t, 0, o[0], rank);
  expect(n, t, 1, o[1], t / size);
  expect(n, t, 2, o[2], (n + size - 1) / size);
  expect(n, t, 3, o[3], size);
  // A source past the end of the block: CUDA leaves the value undefined.
  auto shuffled = [&](int slot, int from) {
    if (first + from < n)
      expect(n, t, slot, o[slot], at(from));
  };
  shuffled(4, 1 % size);
  shuffled(5, rank >= 1 ? rank - 1 : rank);
  shuffled(6, rank + 1 < size ? rank + 1 : rank);
  shuffled(7, size > 1 ? rank ^ 1 : rank);
  int any = 0, all = 1, sum = 0, lo = 1 << 30, hi = -1, scan = 0, before = 0;
  unsigned ballot = 0, match = 0, band = ~0u, bor = 0, bxor = 0;
  for (int r = 0; r < count; ++r) {
    int x = at(r);
    any |= x > 90;
    all &= x >= 5;
    ballot |= (x % 2 == 0 ? 1u : 0u) << r;
    match |= (x % 3 == at(rank) % 3 ? 1u : 0u) << r;
    sum += x;
    lo = std::min(lo, x);
    hi = std::max(hi, x);
    band &= (unsigned)x | 1u;
    bor |= (unsigned)x;
    bxor ^= (unsigned)x;
    if (r <= rank)
      scan += x;
    if (r < rank)
      before += x;
  }
  expect(n, t, 8, o[8] != 0, any);
  expect(n, t, 9, o[9] != 0, all);
  expect(n, t, 10, (unsigned)o[10], ballot);
  expect(n, t, 11, (unsigned)o[11], match);
  expect(n, t, 12, o[12], sum);
  expect(n, t, 13, o[13], lo);
  expect(n, t, 14, o[14], hi);
  expect(n, t, 15, (unsigned)o[15], band);
  expect(n, t, 16, (unsigned)o[16], bor);
  expect(n, t, 17, (unsigned)o[17], bxor);
  expect(n, t, 18, o[18], scan);
  expect(n, t, 19, o[19], before);
}

static void run(dim3 block) {
  int n = block.x * block.y;
  std::vector<int> in(n), out((size_t)2 * n * kSlots, -1);
  for (int t = 0; t < n; ++t)
    in[t] = (t * 29 + 13) % 100;
  int *dIn, *dOut;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, out.size() * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dOut, out.data(), out.size() * sizeof(int), cudaMemcpyHostToDevice));
  groups<<<2, block>>>(dIn, dOut);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int b = 0; b < 2; ++b)
    for (int t = 0; t < n; ++t) {
      const int *o = &out[((size_t)b * n + t) * kSlots];
      for (int s = 0; s < 6; ++s)
        tileReference(n, t, in, 1 << s, o + s * kTileSlots);
      const int *p = o + 6 * kTileSlots;
      int lane = t % 32, base = t - lane;
      expect(n, t, 200, p[0], b);
      expect(n, t, 201, p[1], (t / block.x) * 100 + t % block.x);
      expect(n, t, 202, p[2], block.x * 100 + block.y);
      expect(n, t, 203, p[3], n);
      if (in[t] % 2 == 1) {
        std::vector<int> odd; // the values of the odd lanes, in rank order
        int rank = 0;
        for (int j = 0; j < 32 && base + j < n; ++j)
          if (in[base + j] % 2 == 1) {
            if (base + j == t)
              rank = (int)odd.size();
            odd.push_back(in[base + j]);
          }
        int size = (int)odd.size(), sum = 0, hi = -1, scan = 0;
        unsigned ballot = 0;
        for (int r = 0; r < size; ++r) {
          sum += odd[r];
          hi = std::max(hi, odd[r]);
          ballot |= (odd[r] > 50 ? 1u : 0u) << r;
        }
        for (int r = 0; r <= rank; ++r)
          scan += odd[r];
        expect(n, t, 204, p[4], size);
        expect(n, t, 205, p[5], rank);
        expect(n, t, 206, p[6], odd[0]);
        expect(n, t, 207, p[7], rank >= 1 ? odd[rank - 1] : odd[rank]);
        expect(n, t, 208, p[8], rank + 2 < size ? odd[rank + 2] : odd[rank]);
        expect(n, t, 209, (unsigned)p[9], ballot);
        expect(n, t, 210, p[10], sum);
        expect(n, t, 211, p[11], hi);
        expect(n, t, 212, p[12], scan);
        expect(n, t, 213, p[13], scan - odd[rank]);
        int sameSize = 0, sameSum = 0, bigSize = 0, bigRank = 0;
        for (int r = 0; r < size; ++r) {
          if (odd[r] % 3 == in[t] % 3) {
            ++sameSize;
            sameSum += odd[r];
          }
          if ((odd[r] > 50) == (in[t] > 50)) {
            bigRank += r < rank;
            ++bigSize;
          }
        }
        expect(n, t, 214, p[14], sameSize);
        expect(n, t, 215, p[15], sameSum);
        expect(n, t, 216, p[16], bigSize);
        expect(n, t, 217, p[17], bigRank);
      }
      expect(n, t, 218, p[18], n);
      expect(n, t, 219, p[19], t);
      expect(n, t, 220, p[20], 8);
      expect(n, t, 221, p[21], t % 8);
      expect(n, t, 222, p[22], t % 16);
    }
  cudaFree(dIn);
  cudaFree(dOut);
}

// The reference of partitions() for a block of n threads.
static void runPartitions(dim3 block) {
  int n = block.x * block.y;
  std::vector<int> in(n), out((size_t)2 * n * kNested, -1);
  for (int t = 0; t < n; ++t)
    in[t] = (t * 37 + 11) % 100;
  int *dIn, *dOut;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, out.size() * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dOut, out.data(), out.size() * sizeof(int), cudaMemcpyHostToDevice));
  partitions<<<2, block>>>(dIn, dOut);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, out.size() * sizeof(int), cudaMemcpyDeviceToHost));
  for (int b = 0; b < 2; ++b)
    for (int t = 0; t < n; ++t) {
      const int *o = &out[((size_t)b * n + t) * kNested];
      expect(n, t, 300, o[0], (t % 16) / 4);
      expect(n, t, 301, o[1], 4);
      expect(n, t, 302, o[2], (t % 16) / 4);
      expect(n, t, 303, o[3], 4);
      int base = t - t % 32;
      expect(n, t, 304, o[4], std::min(32, n - base));
      expect(n, t, 305, o[5], t % 32);
      expect(n, t, 306, o[6], 10);
      expect(n, t, 307, o[7], 0);
      if (in[t] % 2 == 1) {
        std::vector<int> odd; // the odd lanes of the warp, in rank order
        int rank = 0;
        for (int j = base; j < std::min(base + 32, n); ++j)
          if (in[j] % 2 == 1) {
            if (j == t)
              rank = (int)odd.size();
            odd.push_back(in[j]);
          }
        int firstRank = rank / 4 * 4;
        int size = std::min(4, (int)odd.size() - firstRank), sum = 0;
        for (int r = firstRank; r < firstRank + size; ++r)
          sum += odd[r];
        expect(n, t, 308, o[8], size);
        expect(n, t, 309, o[9], rank % 4);
        expect(n, t, 310, o[10], rank / 4);
        expect(n, t, 311, o[11], ((int)odd.size() + 3) / 4);
        expect(n, t, 312, o[12], sum);
      }
      expect(n, t, 313, o[13], in[n - 1 - t]);
      int first = t - t % 16, next = first + (t % 16 + 1) % 16;
      expect(n, t, 314, o[14], in[next < n ? next : t]);
    }
  cudaFree(dIn);
  cudaFree(dOut);
}

int main() {
  for (dim3 block : {dim3(32), dim3(64), dim3(16, 8), dim3(24, 3)})
    run(block);
  for (dim3 block : {dim3(64), dim3(100), dim3(10, 5)})
    runPartitions(block);
  std::printf("cooperative groups: %ld checked, %ld wrong\n", checked, wrong);
  std::printf(wrong == 0 ? "PASSED\n" : "FAILED\n");
  return wrong != 0;
}
