// bench-constant-taps: a separable 2-D convolution (a row pass, then a column
// pass, 17 taps) written twice in CUDA and run through cucl: taps read from a
// __constant__ array (filled with cudaMemcpyToSymbol) and taps read through a
// `const float *` kernel argument. Prints milliseconds (best of several runs)
// and the __constant__ time relative to the pointer one: cucl's promise is
// that a __constant__ read costs no more than the argument would. A benchmark,
// not a test: it checks both results agree but never fails on time.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include <cuda_runtime.h>

#include "../common/cuda_timing.h"

#define RADIUS 8
#define TAPS (2 * RADIUS + 1)

__constant__ float c_taps[TAPS];

__global__ void rowsConstant(float *dst, const float *src, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int k = -RADIUS; k <= RADIUS; ++k)
    sum += c_taps[RADIUS + k] * src[y * width + min(max(x + k, 0), width - 1)];
  dst[y * width + x] = sum;
}

__global__ void columnsConstant(float *dst, const float *src, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int k = -RADIUS; k <= RADIUS; ++k)
    sum += c_taps[RADIUS + k] * src[min(max(y + k, 0), height - 1) * width + x];
  dst[y * width + x] = sum;
}

__global__ void rowsPointer(float *dst, const float *src, const float *taps, int width,
                            int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int k = -RADIUS; k <= RADIUS; ++k)
    sum += taps[RADIUS + k] * src[y * width + min(max(x + k, 0), width - 1)];
  dst[y * width + x] = sum;
}

__global__ void columnsPointer(float *dst, const float *src, const float *taps, int width,
                               int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sum = 0.0f;
  for (int k = -RADIUS; k <= RADIUS; ++k)
    sum += taps[RADIUS + k] * src[min(max(y + k, 0), height - 1) * width + x];
  dst[y * width + x] = sum;
}

int main(int argc, char **argv) {
  int size = argc > 1 ? std::atoi(argv[1]) : 2048;
  int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  const int width = size, height = size, pixels = width * height;
  std::vector<float> taps(TAPS), image(pixels);
  for (int i = 0; i < TAPS; ++i)
    taps[i] = std::exp(-0.5f * float((i - RADIUS) * (i - RADIUS)) / 9.0f);
  for (int i = 0; i < pixels; ++i)
    image[i] = float((i * 7919) % 1000) / 1000.0f;
  check(cudaMemcpyToSymbol(c_taps, taps.data(), TAPS * sizeof(float)), "cudaMemcpyToSymbol");

  float *d_in, *d_tmp, *d_out, *d_taps;
  check(cudaMalloc(&d_in, pixels * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&d_tmp, pixels * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&d_out, pixels * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&d_taps, TAPS * sizeof(float)), "cudaMalloc");
  check(cudaMemcpy(d_in, image.data(), pixels * sizeof(float), cudaMemcpyHostToDevice), "copy");
  check(cudaMemcpy(d_taps, taps.data(), TAPS * sizeof(float), cudaMemcpyHostToDevice), "copy");

  dim3 block(32, 8), grid((width + 31) / 32, (height + 7) / 8);
  std::vector<float> viaConstant(pixels), viaPointer(pixels);
  double constantMs = bestMs(
      [&] {
        rowsConstant<<<grid, block>>>(d_tmp, d_in, width, height);
        columnsConstant<<<grid, block>>>(d_out, d_tmp, width, height);
      },
      runs);
  check(cudaMemcpy(viaConstant.data(), d_out, pixels * sizeof(float), cudaMemcpyDeviceToHost),
        "copy back");
  double pointerMs = bestMs(
      [&] {
        rowsPointer<<<grid, block>>>(d_tmp, d_in, d_taps, width, height);
        columnsPointer<<<grid, block>>>(d_out, d_tmp, d_taps, width, height);
      },
      runs);
  check(cudaMemcpy(viaPointer.data(), d_out, pixels * sizeof(float), cudaMemcpyDeviceToHost),
        "copy back");
  double maxDiff = 0.0;
  for (int i = 0; i < pixels; ++i)
    maxDiff = std::max(maxDiff, double(std::fabs(viaConstant[i] - viaPointer[i])));

  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, 0), "properties");
  std::printf("device: %s\n%dx%d image, %d taps, best of %d runs (results differ by %.3g)\n",
              prop.name, width, height, TAPS, runs, maxDiff);
  std::printf("%-28s %10.3f ms\n", "taps in __constant__", constantMs);
  std::printf("%-28s %10.3f ms\n", "taps through a pointer", pointerMs);
  std::printf("__constant__ / pointer time: %.2fx (<= 1.0 keeps cucl's promise)\n",
              constantMs / pointerMs);
  return maxDiff < 1e-5 ? 0 : 1;
}
