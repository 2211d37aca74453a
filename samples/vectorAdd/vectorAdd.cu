// vectorAdd: c[i] = a[i] + b[i] on the device, checked on the host.
// Exercises cudaMalloc, both memcpy directions, a 1-D launch with a partial
// last block, and error checking after the launch.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

__global__ void vectorAdd(const float *a, const float *b, float *c, int n) {
  int i = blockDim.x * blockIdx.x + threadIdx.x;
  if (i < n) {
    c[i] = a[i] + b[i];
  }
}

int main() {
  printDevice();
  const int n = 50000;  // not a multiple of the block size on purpose
  const size_t bytes = n * sizeof(float);

  std::vector<float> a(n), b(n), c(n, 0.0f);
  for (int i = 0; i < n; ++i) {
    a[i] = std::sin(0.001f * i);
    b[i] = 0.5f * i;
  }

  float *dA = nullptr, *dB = nullptr, *dC = nullptr;
  CHECK_CUDA(cudaMalloc(&dA, bytes));
  CHECK_CUDA(cudaMalloc(&dB, bytes));
  CHECK_CUDA(cudaMalloc(&dC, bytes));
  CHECK_CUDA(cudaMemcpy(dA, a.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dB, b.data(), bytes, cudaMemcpyHostToDevice));

  const int threads = 256;
  const int blocks = (n + threads - 1) / threads;
  std::printf("Launching vectorAdd with %d blocks of %d threads\n", blocks, threads);
  vectorAdd<<<blocks, threads>>>(dA, dB, dC, n);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(c.data(), dC, bytes, cudaMemcpyDeviceToHost));

  bool passed = true;
  for (int i = 0; i < n; ++i) {
    if (std::fabs(a[i] + b[i] - c[i]) > 1e-5f * std::fabs(a[i] + b[i]) + 1e-6f) {
      std::fprintf(stderr, "mismatch at %d: %f + %f != %f\n", i, a[i], b[i], c[i]);
      passed = false;
      break;
    }
  }

  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dC));
  return reportResult("vectorAdd", passed);
}
