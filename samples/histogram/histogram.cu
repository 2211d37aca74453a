// histogram: 256-bin byte histogram. Each block counts into a __shared__
// histogram with shared-memory atomicAdd, then merges it into the global one
// with global atomicAdd, the usual two-level privatisation pattern.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

typedef unsigned char uchar;

const int kBins = 256;

__global__ void histogram256(const uchar *data, int n, unsigned int *bins) {
  __shared__ unsigned int local[kBins];
  for (int b = threadIdx.x; b < kBins; b += blockDim.x) {
    local[b] = 0;
  }
  __syncthreads();

  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    atomicAdd(&local[data[i]], 1u);
  }
  __syncthreads();

  for (int b = threadIdx.x; b < kBins; b += blockDim.x) {
    if (local[b] != 0) {
      atomicAdd(&bins[b], local[b]);
    }
  }
}

int main() {
  printDevice();
  const int n = 1000003;
  std::vector<uchar> data(n);
  unsigned int seed = 12345u;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;  // LCG: deterministic, uneven bins
    data[i] = static_cast<uchar>((seed >> 24) & (i % 3 == 0 ? 0x0f : 0xff));
  }

  uchar *dData = nullptr;
  unsigned int *dBins = nullptr;
  CHECK_CUDA(cudaMalloc(&dData, n));
  CHECK_CUDA(cudaMalloc(&dBins, kBins * sizeof(unsigned int)));
  CHECK_CUDA(cudaMemcpy(dData, data.data(), n, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemset(dBins, 0, kBins * sizeof(unsigned int)));

  histogram256<<<32, 192>>>(dData, n, dBins);
  CHECK_CUDA(cudaGetLastError());

  std::vector<unsigned int> bins(kBins), expected(kBins, 0);
  CHECK_CUDA(cudaMemcpy(bins.data(), dBins, kBins * sizeof(unsigned int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    ++expected[data[i]];
  }

  bool passed = true;
  unsigned long long total = 0;
  for (int b = 0; b < kBins; ++b) {
    total += bins[b];
    if (bins[b] != expected[b]) {
      std::fprintf(stderr, "bin %d: %u != %u\n", b, bins[b], expected[b]);
      passed = false;
    }
  }
  std::printf("counted %llu of %d bytes\n", total, n);

  CHECK_CUDA(cudaFree(dData));
  CHECK_CUDA(cudaFree(dBins));
  return reportResult("histogram", passed && total == static_cast<unsigned long long>(n));
}
