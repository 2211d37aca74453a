// volatileReduce: the classic optimized reduction of old CUDA samples: a
// shared-memory tree with __syncthreads() down to 64 elements, then the last
// warp unrolled without barriers through a `volatile` pointer (warp-synchronous
// code that relies on 32 threads running in lockstep), block size a template
// parameter, two loads per thread.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

template <unsigned int blockSize> __device__ void warpReduce(volatile int *sdata, unsigned int tid) {
  if (blockSize >= 64) sdata[tid] += sdata[tid + 32];
  if (blockSize >= 32) sdata[tid] += sdata[tid + 16];
  if (blockSize >= 16) sdata[tid] += sdata[tid + 8];
  if (blockSize >= 8) sdata[tid] += sdata[tid + 4];
  if (blockSize >= 4) sdata[tid] += sdata[tid + 2];
  if (blockSize >= 2) sdata[tid] += sdata[tid + 1];
}

template <unsigned int blockSize>
__global__ void reduce6(const int *g_idata, int *g_odata, unsigned int n) {
  extern __shared__ int sdata[];
  unsigned int tid = threadIdx.x;
  unsigned int i = blockIdx.x * (blockSize * 2) + tid;
  unsigned int gridSize = blockSize * 2 * gridDim.x;
  sdata[tid] = 0;
  while (i < n) {
    sdata[tid] += g_idata[i];
    if (i + blockSize < n)
      sdata[tid] += g_idata[i + blockSize];
    i += gridSize;
  }
  __syncthreads();
  if (blockSize >= 512) { if (tid < 256) { sdata[tid] += sdata[tid + 256]; } __syncthreads(); }
  if (blockSize >= 256) { if (tid < 128) { sdata[tid] += sdata[tid + 128]; } __syncthreads(); }
  if (blockSize >= 128) { if (tid < 64) { sdata[tid] += sdata[tid + 64]; } __syncthreads(); }
  if (tid < 32) warpReduce<blockSize>(sdata, tid);
  if (tid == 0) g_odata[blockIdx.x] = sdata[0];
}

template <unsigned int blockSize> static long long run(const int *dIn, int *dOut, unsigned n, int blocks) {
  reduce6<blockSize><<<blocks, blockSize, blockSize * sizeof(int)>>>(dIn, dOut, n);
  CHECK_CUDA(cudaGetLastError());
  std::vector<int> partial(blocks);
  CHECK_CUDA(cudaMemcpy(partial.data(), dOut, blocks * sizeof(int), cudaMemcpyDeviceToHost));
  long long sum = 0;
  for (int p : partial)
    sum += p;
  return sum;
}

int main() {
  printDevice();
  const unsigned n = 1 << 20;
  const int blocks = 64;
  std::vector<int> data(n);
  long long expected = 0;
  for (unsigned i = 0; i < n; ++i) {
    data[i] = (int)(i % 23) - 11;
    expected += data[i];
  }
  int *dIn, *dOut;
  CHECK_CUDA(cudaMalloc(&dIn, n * sizeof(int)));
  CHECK_CUDA(cudaMalloc(&dOut, blocks * sizeof(int)));
  CHECK_CUDA(cudaMemcpy(dIn, data.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  long long s512 = run<512>(dIn, dOut, n, blocks);
  long long s128 = run<128>(dIn, dOut, n, blocks);
  long long s64 = run<64>(dIn, dOut, n, blocks);
  std::printf("sums %lld %lld %lld, expected %lld\n", s512, s128, s64, expected);
  return reportResult("volatileReduce", s512 == expected && s128 == expected && s64 == expected);
}
