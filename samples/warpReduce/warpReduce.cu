// warpReduce: the two-level block reduction with warp shuffles: each warp sums
// its values with __shfl_down_sync, lane 0 of every warp parks its sum in
// shared memory, and the first warp (`if (wid == 0)`) reduces those. A
// grid-stride loop feeds it, and a second launch reduces the partial sums.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

#define FULL_MASK 0xffffffffu

__inline__ __device__ float warpReduceSum(float val) {
  for (int offset = warpSize / 2; offset > 0; offset /= 2)
    val += __shfl_down_sync(FULL_MASK, val, offset);
  return val;
}

__inline__ __device__ float blockReduceSum(float val) {
  static __shared__ float shared[32]; // one partial sum per warp
  int lane = threadIdx.x % warpSize;
  int wid = threadIdx.x / warpSize;

  val = warpReduceSum(val);
  if (lane == 0)
    shared[wid] = val;
  __syncthreads();

  // Only the first warp has work left; blocks need not be a multiple of 32.
  val = (threadIdx.x < (blockDim.x + warpSize - 1) / warpSize) ? shared[lane] : 0.0f;
  if (wid == 0)
    val = warpReduceSum(val);
  return val;
}

__global__ void deviceReduceKernel(const float *in, float *out, int n) {
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sum = blockReduceSum(sum);
  if (threadIdx.x == 0)
    out[blockIdx.x] = sum;
}

int main() {
  printDevice();
  const int n = (1 << 20) + 777;
  std::vector<float> data(n);
  double expected = 0.0;
  for (int i = 0; i < n; ++i) {
    data[i] = float(i % 11) * 0.5f - 2.0f; // exact in float
    expected += data[i];
  }
  bool ok = true;
  for (int threads : {256, 96, 1000}) {
    const int blocks = 120;
    float *in = nullptr, *partial = nullptr, *total = nullptr;
    CHECK_CUDA(cudaMalloc(&in, n * sizeof(float)));
    CHECK_CUDA(cudaMalloc(&partial, blocks * sizeof(float)));
    CHECK_CUDA(cudaMalloc(&total, sizeof(float)));
    CHECK_CUDA(cudaMemcpy(in, data.data(), n * sizeof(float), cudaMemcpyHostToDevice));
    deviceReduceKernel<<<blocks, threads>>>(in, partial, n);
    CHECK_CUDA(cudaGetLastError());
    deviceReduceKernel<<<1, 128>>>(partial, total, blocks);
    CHECK_CUDA(cudaGetLastError());
    float result = 0.0f;
    CHECK_CUDA(cudaMemcpy(&result, total, sizeof(float), cudaMemcpyDeviceToHost));
    std::printf("%4d threads/block: sum %.1f, expected %.1f\n", threads, result, expected);
    ok = ok && result == (float)expected;
    CHECK_CUDA(cudaFree(in));
    CHECK_CUDA(cudaFree(partial));
    CHECK_CUDA(cudaFree(total));
  }
  return reportResult("warpReduce", ok);
}
