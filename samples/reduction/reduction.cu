// reduction: sums an array with a shared-memory tree in each block, block size
// as a template parameter and the shared buffer sized at launch (extern
// __shared__), then reduces the per-block partial sums again on the device.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

// Each thread loads two elements, then the block halves the active range.
template <unsigned BLOCK>
__global__ void reduceSum(const int *in, int *out, unsigned n) {
  extern __shared__ int partial[];
  const unsigned tid = threadIdx.x;
  const unsigned i = blockIdx.x * (BLOCK * 2) + threadIdx.x;

  int sum = (i < n) ? in[i] : 0;
  if (i + BLOCK < n) sum += in[i + BLOCK];
  partial[tid] = sum;
  __syncthreads();

  for (unsigned stride = BLOCK / 2; stride > 0; stride >>= 1) {
    if (tid < stride) {
      partial[tid] += partial[tid + stride];
    }
    __syncthreads();
  }
  if (tid == 0) {
    out[blockIdx.x] = partial[0];
  }
}

int main() {
  printDevice();
  const unsigned n = (1u << 20) + 12345;  // not a power of two
  constexpr unsigned kBlock = 256;

  std::vector<int> data(n);
  long long expected = 0;
  for (unsigned i = 0; i < n; ++i) {
    data[i] = int(i % 17) - 8;
    expected += data[i];
  }

  int *dIn = nullptr, *dPartial = nullptr;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  unsigned blocks = (n + kBlock * 2 - 1) / (kBlock * 2);
  CHECK_CUDA(cudaMalloc(&dPartial, blocks * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, data.data(), n * sizeof(int), cudaMemcpyHostToDevice));

  // Reduce until one value remains, ping-ponging between the two buffers.
  const int *src = dIn;
  int *dst = dPartial;
  unsigned remaining = n;
  int passes = 0;
  while (remaining > 1) {
    blocks = (remaining + kBlock * 2 - 1) / (kBlock * 2);
    reduceSum<kBlock><<<blocks, kBlock, kBlock * sizeof(int)>>>(src, dst, remaining);
    CHECK_CUDA(cudaGetLastError());
    remaining = blocks;
    src = dst;
    dst = (dst == dPartial) ? dIn : dPartial;
    ++passes;
  }
  int result = 0;
  CHECK_CUDA(cudaMemcpy(&result, src, sizeof(int), cudaMemcpyDeviceToHost));
  std::printf("sum of %u ints in %d passes: %d (expected %lld)\n", n, passes, result, expected);

  CHECK_CUDA(cudaFree(dIn));
  CHECK_CUDA(cudaFree(dPartial));
  return reportResult("reduction", result == expected);
}
