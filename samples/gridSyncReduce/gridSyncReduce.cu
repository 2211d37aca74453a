// gridSyncReduce: a whole-array sum in one kernel. Blocks reduce their part
// with a thread_block_tile<32> and shared memory, write a partial sum, then
// grid.sync() waits for every block and block 0 adds the partials. The grid is
// sized with the occupancy API and launched with cudaLaunchCooperativeKernel,
// as CUDA requires for grid-wide synchronization. A second kernel iterates:
// grid.sync() inside a loop, with values carried across the syncs.
#include <cstdio>
#include <vector>

#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

#include "../common/sample_check.h"

namespace cg = cooperative_groups;

__global__ void sumKernel(const double *in, double *partial, double *result, int n) {
  cg::thread_block block = cg::this_thread_block();
  cg::grid_group grid = cg::this_grid();
  cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
  __shared__ double warpSums[32];

  double sum = 0.0;
  for (unsigned long long i = grid.thread_rank(); i < (unsigned long long)n; i += grid.size())
    sum += in[i];
  sum = cg::reduce(warp, sum, cg::plus<double>());
  if (warp.thread_rank() == 0)
    warpSums[warp.meta_group_rank()] = sum;
  block.sync();
  if (block.thread_rank() == 0) {
    double total = 0.0;
    for (unsigned w = 0; w < warp.meta_group_size(); ++w)
      total += warpSums[w];
    partial[blockIdx.x] = total;
  }
  grid.sync(); // every block's partial sum is written
  if (grid.thread_rank() == 0) {
    double total = 0.0;
    for (unsigned b = 0; b < gridDim.x; ++b)
      total += partial[b];
    *result = total;
  }
}

// Each round, every block adds 1 to its counter, then reads all counters.
__global__ void rounds(int *counters, int *seen, int count) {
  cg::grid_group grid = cg::this_grid();
  int total = 0;
  for (int r = 0; r < count; ++r) {
    if (threadIdx.x == 0)
      counters[blockIdx.x] += 1;
    grid.sync();
    if (threadIdx.x == 0)
      for (unsigned b = 0; b < gridDim.x; ++b)
        total += counters[b];
    grid.sync(); // nobody writes before everybody has read
  }
  if (threadIdx.x == 0)
    seen[blockIdx.x] = total;
}

int main() {
  printDevice();
  int device = 0, cooperative = 0, sms = 0;
  CHECK_CUDA(cudaGetDevice(&device));
  CHECK_CUDA(cudaDeviceGetAttribute(&cooperative, cudaDevAttrCooperativeLaunch, device));
  CHECK_CUDA(cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, device));
  if (!cooperative) {
    std::printf("the device does not support cooperative launches\n");
    return reportResult("gridSyncReduce", false);
  }
  const int threads = 256, n = 1 << 20;
  int perSm = 0;
  CHECK_CUDA(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perSm, sumKernel, threads, 0));
  const int blocks = perSm * sms;
  std::printf("%d blocks (%d per multiprocessor, %d multiprocessors)\n", blocks, perSm, sms);

  std::vector<double> data(n);
  double expected = 0.0;
  for (int i = 0; i < n; ++i) {
    data[i] = double(i % 1000) * 0.25;
    expected += data[i];
  }
  double *in, *partial, *result;
  CHECK_CUDA(cudaMalloc(&in, n * sizeof(double)));
  CHECK_CUDA(cudaMalloc(&partial, blocks * sizeof(double)));
  CHECK_CUDA(cudaMalloc(&result, sizeof(double)));
  CHECK_CUDA(cudaMemcpy(in, data.data(), n * sizeof(double), cudaMemcpyHostToDevice));
  int count = n;
  void *args[] = {&in, &partial, &result, &count};
  CHECK_CUDA(cudaLaunchCooperativeKernel((void *)sumKernel, dim3(blocks), dim3(threads), args));
  double sum = 0.0;
  CHECK_CUDA(cudaMemcpy(&sum, result, sizeof(double), cudaMemcpyDeviceToHost));
  std::printf("sum %.2f, expected %.2f\n", sum, expected);

  int *counters, *seen, r = 50;
  CHECK_CUDA(cudaMalloc(&counters, blocks * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&seen, blocks * sizeof(int)));
  CHECK_CUDA(cudaMemset(counters, 0, blocks * sizeof(int)));
  void *roundArgs[] = {&counters, &seen, &r};
  CHECK_CUDA(cudaLaunchCooperativeKernel((void *)rounds, dim3(blocks), dim3(64), roundArgs));
  std::vector<int> totals(blocks);
  CHECK_CUDA(cudaMemcpy(totals.data(), seen, blocks * sizeof(int), cudaMemcpyDeviceToHost));
  bool roundsOk = true;
  for (int t : totals)
    roundsOk = roundsOk && t == blocks * r * (r + 1) / 2;
  std::printf("rounds: %d per block (expected %d)\n", totals[0], blocks * r * (r + 1) / 2);

  // More blocks than run at once: CUDA's error, not a hang.
  cudaError_t tooLarge =
      cudaLaunchCooperativeKernel((void *)sumKernel, dim3(blocks + 1), dim3(threads), args);
  std::printf("%d blocks: %s\n", blocks + 1, cudaGetErrorName(tooLarge));
  cudaGetLastError();
  return reportResult("gridSyncReduce", sum == expected && roundsOk &&
                                            tooLarge == cudaErrorCooperativeLaunchTooLarge);
}
