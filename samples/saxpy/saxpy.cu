// saxpy: y = a*x + y with a grid-stride loop over __restrict__ pointers, using
// fewer blocks than elements so every thread handles several of them. Times
// the kernel with CUDA events, as users typically do.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

__global__ void saxpy(int n, float a, const float *__restrict__ x, float *__restrict__ y) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {
    y[i] = a * x[i] + y[i];
  }
}

int main() {
  printDevice();
  const int n = 1 << 20;
  const float a = 2.5f;
  const size_t bytes = n * sizeof(float);
  std::vector<float> x(n), y(n), result(n);
  for (int i = 0; i < n; ++i) {
    x[i] = 0.001f * (i % 1000);
    y[i] = 1.0f - 0.0005f * (i % 777);
  }

  float *dX = nullptr, *dY = nullptr;
  CHECK_CUDA(cudaMalloc(&dX, bytes));
  CHECK_CUDA(cudaMalloc(&dY, bytes));
  CHECK_CUDA(cudaMemcpy(dX, x.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dY, y.data(), bytes, cudaMemcpyHostToDevice));

  cudaEvent_t start, stop;
  CHECK_CUDA(cudaEventCreate(&start));
  CHECK_CUDA(cudaEventCreate(&stop));
  CHECK_CUDA(cudaEventRecord(start));
  saxpy<<<64, 128>>>(n, a, dX, dY);  // 8192 threads for 1M elements
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaEventRecord(stop));
  CHECK_CUDA(cudaEventSynchronize(stop));
  float ms = -1.0f;
  CHECK_CUDA(cudaEventElapsedTime(&ms, start, stop));
  std::printf("saxpy on %d elements took %.3f ms\n", n, ms);

  CHECK_CUDA(cudaMemcpy(result.data(), dY, bytes, cudaMemcpyDeviceToHost));
  bool passed = ms >= 0.0f;
  for (int i = 0; i < n && passed; ++i) {
    const float expected = a * x[i] + y[i];
    if (std::fabs(result[i] - expected) > 1e-5f * std::fabs(expected) + 1e-6f) {
      std::fprintf(stderr, "mismatch at %d: %f != %f\n", i, result[i], expected);
      passed = false;
    }
  }

  CHECK_CUDA(cudaEventDestroy(start));
  CHECK_CUDA(cudaEventDestroy(stop));
  CHECK_CUDA(cudaFree(dX));
  CHECK_CUDA(cudaFree(dY));
  return reportResult("saxpy", passed);
}
