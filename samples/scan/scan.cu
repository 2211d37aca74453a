// scan: exclusive prefix sum of ints, Blelloch style (up-sweep then
// down-sweep in __shared__ memory). Each block scans 2*blockDim elements and
// writes its total; the totals are scanned by one block and added back.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

const int kThreads = 128;
const int kElemsPerBlock = 2 * kThreads;

__global__ void blockScan(const int *in, int *out, int *blockTotals, int n) {
  __shared__ int temp[kElemsPerBlock];
  const int tid = threadIdx.x;
  const int base = blockIdx.x * kElemsPerBlock;
  temp[2 * tid] = (base + 2 * tid < n) ? in[base + 2 * tid] : 0;
  temp[2 * tid + 1] = (base + 2 * tid + 1 < n) ? in[base + 2 * tid + 1] : 0;

  int offset = 1;
  for (int d = kElemsPerBlock >> 1; d > 0; d >>= 1) {  // up-sweep: partial sums
    __syncthreads();
    if (tid < d) {
      const int ai = offset * (2 * tid + 1) - 1;
      const int bi = offset * (2 * tid + 2) - 1;
      temp[bi] += temp[ai];
    }
    offset *= 2;
  }
  if (tid == 0) {
    if (blockTotals != nullptr) {
      blockTotals[blockIdx.x] = temp[kElemsPerBlock - 1];
    }
    temp[kElemsPerBlock - 1] = 0;
  }
  for (int d = 1; d < kElemsPerBlock; d *= 2) {  // down-sweep: distribute
    offset >>= 1;
    __syncthreads();
    if (tid < d) {
      const int ai = offset * (2 * tid + 1) - 1;
      const int bi = offset * (2 * tid + 2) - 1;
      const int t = temp[ai];
      temp[ai] = temp[bi];
      temp[bi] += t;
    }
  }
  __syncthreads();
  if (base + 2 * tid < n) out[base + 2 * tid] = temp[2 * tid];
  if (base + 2 * tid + 1 < n) out[base + 2 * tid + 1] = temp[2 * tid + 1];
}

__global__ void addBlockOffsets(int *out, const int *scannedTotals, int n) {
  const int i = blockIdx.x * kElemsPerBlock + threadIdx.x;
  const int add = scannedTotals[blockIdx.x];
  if (i < n) out[i] += add;
  if (i + kThreads < n) out[i + kThreads] += add;
}

int main() {
  printDevice();
  const int n = 40 * kElemsPerBlock + 17;  // partial last block
  const int blocks = (n + kElemsPerBlock - 1) / kElemsPerBlock;
  std::vector<int> in(n), out(n, -1), expected(n);
  for (int i = 0; i < n; ++i) {
    in[i] = (i * 7) % 13 - 4;
  }
  int running = 0;
  for (int i = 0; i < n; ++i) {
    expected[i] = running;
    running += in[i];
  }

  int *dIn = nullptr, *dOut = nullptr, *dTotals = nullptr, *dScannedTotals = nullptr;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dTotals, blocks * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dScannedTotals, blocks * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), n * sizeof(int), cudaMemcpyHostToDevice));

  blockScan<<<blocks, kThreads>>>(dIn, dOut, dTotals, n);
  CHECK_CUDA(cudaGetLastError());
  blockScan<<<1, kThreads>>>(dTotals, dScannedTotals, nullptr, blocks);  // blocks <= 256
  CHECK_CUDA(cudaGetLastError());
  addBlockOffsets<<<blocks, kThreads>>>(dOut, dScannedTotals, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, n * sizeof(int), cudaMemcpyDeviceToHost));

  bool passed = true;
  for (int i = 0; i < n; ++i) {
    if (out[i] != expected[i]) {
      std::fprintf(stderr, "out[%d] = %d, expected %d\n", i, out[i], expected[i]);
      passed = false;
      break;
    }
  }
  std::printf("sum of %d elements: %d\n", n, running);

  CHECK_CUDA(cudaFree(dIn));
  CHECK_CUDA(cudaFree(dOut));
  CHECK_CUDA(cudaFree(dTotals));
  CHECK_CUDA(cudaFree(dScannedTotals));
  return reportResult("scan", passed);
}
