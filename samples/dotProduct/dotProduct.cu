// dotProduct: double-precision dot product split over two streams. Each half
// is copied with cudaMemcpyAsync and reduced by a kernel launched through
// cudaLaunchKernel; the kernel sums with a templated __shared__ block helper.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

const int kThreads = 256;

// Sum of `value` over the block; `scratch` holds blockDim.x elements.
template <typename T>
__device__ T blockSum(T *scratch, T value) {
  scratch[threadIdx.x] = value;
  __syncthreads();
  for (unsigned int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if (threadIdx.x < stride) {
      scratch[threadIdx.x] += scratch[threadIdx.x + stride];
    }
    __syncthreads();
  }
  return scratch[0];
}

__global__ void dotPartial(const double *a, const double *b, double *partial, int n) {
  __shared__ double scratch[kThreads];
  double sum = 0.0;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    sum += a[i] * b[i];
  }
  double total = blockSum<double>(scratch, sum);
  if (threadIdx.x == 0) {
    partial[blockIdx.x] = total;
  }
}

int main() {
  printDevice();
  const int n = 300001, half = n / 2, blocks = 24;
  std::vector<double> a(n), b(n);
  for (int i = 0; i < n; ++i) {
    a[i] = 1.0 / (1.0 + i);
    b[i] = (i % 2 == 0) ? 1.0 : -0.5;
  }

  double *dA = nullptr, *dB = nullptr, *dPartial = nullptr;
  CHECK_CUDA(cudaMalloc(&dA, n * sizeof(double)));
  CHECK_CUDA(cudaMalloc(&dB, n * sizeof(double)));
  CHECK_CUDA(cudaMalloc(&dPartial, 2 * blocks * sizeof(double)));
  cudaStream_t streams[2];
  for (auto &s : streams) CHECK_CUDA(cudaStreamCreate(&s));
  std::vector<double> partial(2 * blocks, 0.0);

  for (int part = 0; part < 2; ++part) {
    const int first = part * half;
    int count = part == 0 ? half : n - half;
    CHECK_CUDA(cudaMemcpyAsync(dA + first, a.data() + first, count * sizeof(double),
                               cudaMemcpyHostToDevice, streams[part]));
    CHECK_CUDA(cudaMemcpyAsync(dB + first, b.data() + first, count * sizeof(double),
                               cudaMemcpyHostToDevice, streams[part]));
    const double *partA = dA + first;
    const double *partB = dB + first;
    double *partOut = dPartial + part * blocks;
    void *args[] = {&partA, &partB, &partOut, &count};
    CHECK_CUDA(cudaLaunchKernel((const void *)dotPartial, dim3(blocks), dim3(kThreads), args, 0,
                                streams[part]));
    // Each stream brings back its own partial sums, ordered after its kernel.
    CHECK_CUDA(cudaMemcpyAsync(partial.data() + part * blocks, partOut, blocks * sizeof(double),
                               cudaMemcpyDeviceToHost, streams[part]));
  }
  for (auto &s : streams) CHECK_CUDA(cudaStreamSynchronize(s));

  double gpu = 0.0, ref = 0.0;
  for (double p : partial) gpu += p;
  for (int i = 0; i < n; ++i) ref += a[i] * b[i];
  std::printf("dot = %.15f (reference %.15f)\n", gpu, ref);
  const bool passed = std::fabs(gpu - ref) <= 1e-12 * std::fabs(ref) + 1e-14;

  for (auto &s : streams) CHECK_CUDA(cudaStreamDestroy(s));
  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dPartial));
  return reportResult("dotProduct", passed);
}
