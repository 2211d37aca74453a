// The CUDA side of bench-first-kernel: a small image-processing program of
// the usual shape (several kernels in one file, so the OpenCL driver builds a
// real module), timed from process start to the completion of its first
// kernel. Argument: milliseconds of host work (preparing the input) between
// the runtime's first call and the first launch, which a background module
// build can overlap. Prints "first-kernel-done <CLOCK_MONOTONIC ns>".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include <cuda_runtime.h>

#include "../common/cuda_timing.h"
#include "first_kernel_common.h"

#define TILE 16

__global__ void brighten(float *out, const float *in, float gain, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = fminf(in[i] * gain, 1.0f);
}

__global__ void boxBlur(float *out, const float *in, int width, int height) {
  __shared__ float tile[TILE + 2][TILE + 2];
  int x = blockIdx.x * TILE + threadIdx.x, y = blockIdx.y * TILE + threadIdx.y;
  int cx = min(max(x, 0), width - 1), cy = min(max(y, 0), height - 1);
  tile[threadIdx.y + 1][threadIdx.x + 1] = in[cy * width + cx];
  if (threadIdx.x == 0)
    tile[threadIdx.y + 1][0] = in[cy * width + max(cx - 1, 0)];
  if (threadIdx.x == TILE - 1)
    tile[threadIdx.y + 1][TILE + 1] = in[cy * width + min(cx + 1, width - 1)];
  if (threadIdx.y == 0)
    tile[0][threadIdx.x + 1] = in[max(cy - 1, 0) * width + cx];
  if (threadIdx.y == TILE - 1)
    tile[TILE + 1][threadIdx.x + 1] = in[min(cy + 1, height - 1) * width + cx];
  __syncthreads();
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int dy = 0; dy < 3; ++dy)
    for (int dx = 0; dx < 3; ++dx)
      sum += tile[threadIdx.y + dy][threadIdx.x + dx];
  out[y * width + x] = sum / 9.0f;
}

__global__ void sobel(float *out, const float *in, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x < 1 || y < 1 || x >= width - 1 || y >= height - 1)
    return;
  const float *p = in + y * width + x;
  float gx = p[-width + 1] + 2 * p[1] + p[width + 1] - p[-width - 1] - 2 * p[-1] - p[width - 1];
  float gy =
      p[width - 1] + 2 * p[width] + p[width + 1] - p[-width - 1] - 2 * p[-width] - p[-width + 1];
  out[y * width + x] = sqrtf(gx * gx + gy * gy);
}

__global__ void histogram(unsigned *bins, const float *in, int n) {
  __shared__ unsigned local[256];
  local[threadIdx.x] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
    atomicAdd(&local[min((int)(in[i] * 255.0f), 255)], 1u);
  __syncthreads();
  atomicAdd(&bins[threadIdx.x], local[threadIdx.x]);
}

__global__ void blockSums(float *sums, const float *in, int n) {
  __shared__ float partial[256];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  partial[threadIdx.x] = i < n ? in[i] : 0.0f;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    sums[blockIdx.x] = partial[0];
}

__global__ void gammaCorrect(float *out, const float *in, float gamma, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = powf(in[i], 1.0f / gamma);
}

template <typename T> __global__ void threshold(T *out, const float *in, float level, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = in[i] > level ? T(1) : T(0);
}

int main(int argc, char **argv) {
  const int hostWorkMs = argc > 1 ? std::atoi(argv[1]) : 0;
  const int width = 512, height = 512, n = width * height;
  float *in, *out;
  check(cudaMalloc(&in, n * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&out, n * sizeof(float)), "cudaMalloc");
  // Host work: preparing the input, for the requested time.
  std::vector<float> image = prepareImage(n, hostWorkMs);
  check(cudaMemcpy(in, image.data(), n * sizeof(float), cudaMemcpyHostToDevice), "cudaMemcpy");
  boxBlur<<<dim3(width / TILE, height / TILE), dim3(TILE, TILE)>>>(out, in, width, height);
  check(cudaDeviceSynchronize(), "first kernel");
  std::printf("first-kernel-done %lld\n", monotonicNs());
  std::fflush(stdout);
  // The rest of the program (not timed): the other kernels run too.
  brighten<<<n / 256, 256>>>(out, in, 1.2f, n);
  sobel<<<dim3(width / TILE, height / TILE), dim3(TILE, TILE)>>>(out, in, width, height);
  gammaCorrect<<<n / 256, 256>>>(out, in, 2.2f, n);
  threshold<float><<<n / 256, 256>>>(out, in, 0.5f, n);
  unsigned *bins;
  float *sums;
  check(cudaMalloc(&bins, 256 * sizeof(unsigned)), "cudaMalloc");
  check(cudaMalloc(&sums, n / 256 * sizeof(float)), "cudaMalloc");
  check(cudaMemset(bins, 0, 256 * sizeof(unsigned)), "cudaMemset");
  histogram<<<64, 256>>>(bins, in, n);
  blockSums<<<n / 256, 256>>>(sums, in, n);
  check(cudaDeviceSynchronize(), "other kernels");
  return 0;
}
