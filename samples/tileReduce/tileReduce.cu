// tileReduce: a dot product with cooperative groups. Each block is split into
// thread_block_tile<16> pieces; cg::reduce sums a tile's products, the first
// thread of each tile adds it to the block's total with atomicAdd, and the
// block's total goes to global memory. Partial tiles and any block size work.
#include <cstdio>
#include <vector>

#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

#include "../common/sample_check.h"

namespace cg = cooperative_groups;

__global__ void dotKernel(const float *x, const float *y, float *blockTotals, int n) {
  __shared__ float total;
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<16> tile = cg::tiled_partition<16>(block);
  if (block.thread_rank() == 0)
    total = 0.0f;
  block.sync();

  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + block.thread_rank(); i < n; i += gridDim.x * blockDim.x)
    sum += x[i] * y[i];
  sum = cg::reduce(tile, sum, cg::plus<float>());
  if (tile.thread_rank() == 0)
    atomicAdd(&total, sum);
  block.sync();
  if (block.thread_rank() == 0)
    blockTotals[blockIdx.x] = total;
}

int main() {
  printDevice();
  const int n = 300000, blocks = 64, threads = 240; // 240 = 15 tiles of 16
  std::vector<float> x(n), y(n), totals(blocks);
  double expected = 0.0;
  for (int i = 0; i < n; ++i) {
    x[i] = float(i % 5);
    y[i] = float(i % 3) * 0.5f;
    expected += double(x[i]) * y[i];
  }
  float *dx, *dy, *dTotals;
  CHECK_CUDA(cudaMalloc(&dx, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dy, n * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dTotals, blocks * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  dotKernel<<<blocks, threads>>>(dx, dy, dTotals, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(totals.data(), dTotals, blocks * sizeof(float), cudaMemcpyDeviceToHost));
  double dot = 0.0;
  for (float t : totals)
    dot += t;
  std::printf("dot %.1f, expected %.1f\n", dot, expected);
  return reportResult("tileReduce", dot == expected);
}
