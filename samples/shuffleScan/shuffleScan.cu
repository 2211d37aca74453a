// shuffleScan: an inclusive prefix sum of a large array. Inside a warp,
// __shfl_up_sync builds the scan in log2(32) steps; the warp totals go through
// shared memory and are scanned by the first warp; a second pass adds each
// block's offset (the block sums are scanned on the host).
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

constexpr int kBlock = 256;
constexpr int kWarps = kBlock / 32;

template <typename T> __device__ T warpInclusiveScan(T value, unsigned mask) {
  const int lane = threadIdx.x & 31;
#pragma unroll
  for (int delta = 1; delta < 32; delta <<= 1) {
    T up = __shfl_up_sync(mask, value, delta);
    if (lane >= delta)
      value += up;
  }
  return value;
}

template <typename T> __global__ void blockScan(const T *in, T *out, T *blockSums, int n) {
  __shared__ T warpTotals[kWarps];
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  T value = i < n ? in[i] : T(0);
  value = warpInclusiveScan(value, 0xffffffffu);
  if (lane == 31)
    warpTotals[warp] = value;
  __syncthreads();
  if (warp == 0) {
    T total = lane < kWarps ? warpTotals[lane] : T(0);
    total = warpInclusiveScan(total, 0xffffffffu);
    if (lane < kWarps)
      warpTotals[lane] = total;
  }
  __syncthreads();
  if (warp > 0)
    value += warpTotals[warp - 1];
  if (i < n)
    out[i] = value;
  if (threadIdx.x == blockDim.x - 1)
    blockSums[blockIdx.x] = value;
}

template <typename T> __global__ void addOffsets(T *data, const T *offsets, int n) {
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && blockIdx.x > 0)
    data[i] += offsets[blockIdx.x - 1];
}

int main() {
  printDevice();
  const int n = 1000003;
  const int blocks = (n + kBlock - 1) / kBlock;
  std::vector<long long> data(n), result(n), sums(blocks);
  for (int i = 0; i < n; ++i)
    data[i] = (i * 7919LL) % 1000 - 500;
  long long *dData, *dOut, *dSums;
  CHECK_CUDA(cudaMalloc(&dData, n * sizeof(long long)));
  CHECK_CUDA(cudaMalloc(&dOut, n * sizeof(long long)));
  CHECK_CUDA(cudaMalloc(&dSums, blocks * sizeof(long long)));
  CHECK_CUDA(cudaMemcpy(dData, data.data(), n * sizeof(long long), cudaMemcpyHostToDevice));
  blockScan<long long><<<blocks, kBlock>>>(dData, dOut, dSums, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(sums.data(), dSums, blocks * sizeof(long long), cudaMemcpyDeviceToHost));
  for (int b = 1; b < blocks; ++b)
    sums[b] += sums[b - 1];
  CHECK_CUDA(cudaMemcpy(dSums, sums.data(), blocks * sizeof(long long), cudaMemcpyHostToDevice));
  addOffsets<long long><<<blocks, kBlock>>>(dOut, dSums, n);
  CHECK_CUDA(cudaMemcpy(result.data(), dOut, n * sizeof(long long), cudaMemcpyDeviceToHost));
  long long running = 0;
  int bad = 0;
  for (int i = 0; i < n; ++i) {
    running += data[i];
    if (result[i] != running && ++bad <= 5)
      std::printf("element %d: %lld, expected %lld\n", i, result[i], running);
  }
  std::printf("scanned %d elements, last %lld, %d wrong\n", n, result[n - 1], bad);
  return reportResult("shuffleScan", bad == 0);
}
