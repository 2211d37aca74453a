// warpAggregatedAtomics: stream compaction (keep the positive values) where
// each warp takes its output slots with one atomicAdd: the threads that pass
// the filter form a coalesced_group, its first thread reserves group.size()
// slots, and a shuffle hands the base index to the others.
#include <algorithm>
#include <cstdio>
#include <vector>

#include <cooperative_groups.h>

#include "../common/sample_check.h"

namespace cg = cooperative_groups;

__device__ int atomicAggInc(int *counter) {
  cg::coalesced_group active = cg::coalesced_threads();
  int base;
  if (active.thread_rank() == 0)
    base = atomicAdd(counter, (int)active.size());
  base = active.shfl(base, 0);
  return base + active.thread_rank();
}

__global__ void filterPositive(int *dst, int *count, const int *src, int n) {
  int i = threadIdx.x + blockIdx.x * blockDim.x;
  if (i >= n)
    return;
  if (src[i] > 0)
    dst[atomicAggInc(count)] = src[i];
}

int main() {
  printDevice();
  const int n = 1 << 18;
  std::vector<int> src(n);
  std::vector<int> expected;
  for (int i = 0; i < n; ++i) {
    src[i] = (i * 37) % 101 - 50;
    if (src[i] > 0)
      expected.push_back(src[i]);
  }
  int *dSrc, *dDst, *dCount;
  CHECK_CUDA(cudaMalloc(&dSrc, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dDst, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dCount, sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dSrc, src.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemset(dCount, 0, sizeof(int)));
  filterPositive<<<(n + 127) / 128, 128>>>(dDst, dCount, dSrc, n);
  CHECK_CUDA(cudaGetLastError());
  int count = 0;
  CHECK_CUDA(cudaMemcpy(&count, dCount, sizeof(int), cudaMemcpyDeviceToHost));
  std::vector<int> kept(count);
  CHECK_CUDA(cudaMemcpy(kept.data(), dDst, count * sizeof(int), cudaMemcpyDeviceToHost));
  // The order of the output depends on scheduling; the multiset must match.
  std::sort(kept.begin(), kept.end());
  std::sort(expected.begin(), expected.end());
  std::printf("kept %d of %d values (expected %zu)\n", count, n, expected.size());
  return reportResult("warpAggregatedAtomics", kept == expected);
}
