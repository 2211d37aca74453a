// monteCarloPi: estimates pi with cuRAND's device API. One setup kernel
// gives every thread its own XORWOW subsequence (curand_init(seed, id, 0)),
// the states stay in global memory between launches, and each launch draws
// points in a register copy of the state, counts hits in shared memory and
// adds one number per block. The estimate must land within five standard
// errors of pi, and a second run of the same seed must repeat it exactly.
#include <cmath>
#include <cstdio>

#include <curand_kernel.h>

#include "../common/sample_check.h"

constexpr int kBlocks = 64;
constexpr int kThreads = 128;

__global__ void setupStates(curandState *states, unsigned long long seed) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curand_init(seed, id, 0, &states[id]);
}

__global__ void countHits(curandState *states, int pointsPerThread, unsigned long long *hits) {
  __shared__ unsigned int blockHits[kThreads];
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState local = states[id];
  unsigned int inside = 0;
  for (int i = 0; i < pointsPerThread; ++i) {
    float x = curand_uniform(&local);
    float y = curand_uniform(&local);
    inside += x * x + y * y <= 1.0f;
  }
  states[id] = local; // the next launch continues the sequence
  blockHits[threadIdx.x] = inside;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      blockHits[threadIdx.x] += blockHits[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    atomicAdd(hits, (unsigned long long)blockHits[0]);
}

static double estimate(curandState *states, unsigned long long *hits, unsigned long long seed,
                       int launches, int pointsPerThread) {
  setupStates<<<kBlocks, kThreads>>>(states, seed);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemset(hits, 0, sizeof(unsigned long long)));
  for (int i = 0; i < launches; ++i)
    countHits<<<kBlocks, kThreads>>>(states, pointsPerThread, hits);
  CHECK_CUDA(cudaGetLastError());
  unsigned long long total = 0;
  CHECK_CUDA(cudaMemcpy(&total, hits, sizeof total, cudaMemcpyDeviceToHost));
  double points = double(kBlocks) * kThreads * pointsPerThread * launches;
  return 4.0 * double(total) / points;
}

int main() {
  printDevice();
  const int launches = 4, pointsPerThread = 2048;
  curandState *states;
  unsigned long long *hits;
  CHECK_CUDA(cudaMalloc(&states, kBlocks * kThreads * sizeof(curandState)));
  CHECK_CUDA(cudaMalloc(&hits, sizeof(unsigned long long)));
  double pi = estimate(states, hits, 1234ULL, launches, pointsPerThread);
  double again = estimate(states, hits, 1234ULL, launches, pointsPerThread);
  double points = double(kBlocks) * kThreads * pointsPerThread * launches;
  // A hit is Bernoulli(pi/4): the estimate's standard error is
  // 4 sqrt(p (1 - p) / points).
  double p = M_PI / 4.0, error = 4.0 * std::sqrt(p * (1.0 - p) / points);
  std::printf("pi ~ %.6f from %.0f points (error %.2e, standard error %.2e)\n", pi, points,
              std::fabs(pi - M_PI), error);
  bool passed = std::fabs(pi - M_PI) < 5.0 * error && pi == again;
  CHECK_CUDA(cudaFree(states));
  CHECK_CUDA(cudaFree(hits));
  return reportResult("monteCarloPi", passed);
}
