// convolutionConstant: separable 2-D convolution (rows, then columns) whose
// filter taps live in __constant__ memory, filled with cudaMemcpyToSymbol, as
// in NVIDIA's convolutionSeparable. A __device__ counter, read back with
// cudaMemcpyFromSymbol, counts the output pixels each pass wrote.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

#define KERNEL_RADIUS 8
#define KERNEL_LENGTH (2 * KERNEL_RADIUS + 1)

__constant__ float c_Kernel[KERNEL_LENGTH];
__device__ unsigned int d_pixelsWritten = 0;

// Clamp-to-edge read of one image row or column.
__device__ inline float sampleClamped(const float *src, int x, int limit, int stride) {
  x = min(max(x, 0), limit - 1);
  return src[x * stride];
}

__global__ void convolutionRows(float *dst, const float *src, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  const float *row = src + y * width;
  float sum = 0.0f;
#pragma unroll
  for (int k = -KERNEL_RADIUS; k <= KERNEL_RADIUS; ++k)
    sum += c_Kernel[KERNEL_RADIUS - k] * sampleClamped(row, x + k, width, 1);
  dst[y * width + x] = sum;
  atomicAdd(&d_pixelsWritten, 1u);
}

__global__ void convolutionColumns(float *dst, const float *src, int width, int height) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  const float *column = src + x;
  float sum = 0.0f;
#pragma unroll
  for (int k = -KERNEL_RADIUS; k <= KERNEL_RADIUS; ++k)
    sum += c_Kernel[KERNEL_RADIUS - k] * sampleClamped(column, y + k, height, width);
  dst[y * width + x] = sum;
  atomicAdd(&d_pixelsWritten, 1u);
}

// Host reference with the same clamp-to-edge rule.
static void convolveHost(std::vector<float> &dst, const std::vector<float> &src, const float *taps,
                         int width, int height, bool rows) {
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      float sum = 0.0f;
      for (int k = -KERNEL_RADIUS; k <= KERNEL_RADIUS; ++k) {
        int sx = rows ? std::min(std::max(x + k, 0), width - 1) : x;
        int sy = rows ? y : std::min(std::max(y + k, 0), height - 1);
        sum += taps[KERNEL_RADIUS - k] * src[sy * width + sx];
      }
      dst[y * width + x] = sum;
    }
}

int main() {
  printDevice();
  const int width = 384, height = 256, pixels = width * height;

  // A normalized Gaussian filter.
  float taps[KERNEL_LENGTH];
  float total = 0.0f;
  for (int i = 0; i < KERNEL_LENGTH; ++i) {
    float d = float(i - KERNEL_RADIUS) / 3.0f;
    taps[i] = std::exp(-0.5f * d * d);
    total += taps[i];
  }
  for (float &tap : taps)
    tap /= total;
  CHECK_CUDA(cudaMemcpyToSymbol(c_Kernel, taps, sizeof(taps)));

  std::vector<float> image(pixels);
  unsigned int seed = 2024u;
  for (float &value : image) {
    seed = seed * 1664525u + 1013904223u;
    value = float(seed >> 8) / float(1 << 24);
  }

  float *d_input, *d_buffer, *d_output;
  CHECK_CUDA(cudaMalloc(&d_input, pixels * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&d_buffer, pixels * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&d_output, pixels * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(d_input, image.data(), pixels * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(16, 8);
  dim3 grid((width + block.x - 1) / block.x, (height + block.y - 1) / block.y);
  convolutionRows<<<grid, block>>>(d_buffer, d_input, width, height);
  CHECK_CUDA(cudaGetLastError());
  convolutionColumns<<<grid, block>>>(d_output, d_buffer, width, height);
  CHECK_CUDA(cudaGetLastError());

  std::vector<float> result(pixels);
  CHECK_CUDA(cudaMemcpy(result.data(), d_output, pixels * sizeof(float), cudaMemcpyDeviceToHost));
  unsigned int written = 0;
  CHECK_CUDA(cudaMemcpyFromSymbol(&written, d_pixelsWritten, sizeof(written)));

  std::vector<float> rowsDone(pixels), expected(pixels);
  convolveHost(rowsDone, image, taps, width, height, true);
  convolveHost(expected, rowsDone, taps, width, height, false);
  double maxError = 0.0;
  for (int i = 0; i < pixels; ++i)
    maxError = std::fmax(maxError, std::fabs(double(result[i]) - expected[i]));
  std::printf("%dx%d image, %d taps: max error %.3g, %u pixels written\n", width, height,
              KERNEL_LENGTH, maxError, written);

  CHECK_CUDA(cudaFree(d_input));
  CHECK_CUDA(cudaFree(d_buffer));
  CHECK_CUDA(cudaFree(d_output));
  return reportResult("convolutionConstant", maxError < 1e-5 && written == 2u * pixels);
}
