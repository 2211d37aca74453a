// bench-texture-sampling: a bilinear resampling (rotation and scale) of a
// float image written twice in CUDA and run through cucl: tex2D on a texture
// object over a cudaArray (linear filtering, clamp addressing), and the same
// filter written with global loads (CUDA's 8-bit weights, clamped texel
// indices). Prints milliseconds (best of several runs) and the texture time
// relative to the global-load one. cucl samples textures in software on
// every device, so this measures what that costs against hand-written
// sampling. A benchmark, not a test: it checks that both agree.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <vector>

#include <cuda_runtime.h>

#include "../common/cuda_timing.h"

struct Warp {
  float cosA, sinA, scale, cx, cy;
};

__device__ inline void sourceOf(Warp w, int x, int y, float *sx, float *sy) {
  float dx = x - w.cx, dy = y - w.cy;
  *sx = (w.cosA * dx - w.sinA * dy) * w.scale + w.cx + 0.5f;
  *sy = (w.sinA * dx + w.cosA * dy) * w.scale + w.cy + 0.5f;
}

__global__ void viaTexture(cudaTextureObject_t image, float *out, int width, int height, Warp w) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sx, sy;
  sourceOf(w, x, y, &sx, &sy);
  out[y * width + x] = tex2D<float>(image, sx, sy);
}

__device__ inline float texel(const float *image, int width, int height, int i, int j) {
  i = min(max(i, 0), width - 1);
  j = min(max(j, 0), height - 1);
  return image[j * width + i];
}

__global__ void viaLoads(const float *image, float *out, int width, int height, Warp w) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= width || y >= height)
    return;
  float sx, sy;
  sourceOf(w, x, y, &sx, &sy);
  float tx = sx - 0.5f, ty = sy - 0.5f;
  float fx = floorf(tx), fy = floorf(ty);
  float a = roundf((tx - fx) * 256.0f) / 256.0f, b = roundf((ty - fy) * 256.0f) / 256.0f;
  int i = (int)fx, j = (int)fy;
  out[y * width + x] = (1 - a) * (1 - b) * texel(image, width, height, i, j) +
                       a * (1 - b) * texel(image, width, height, i + 1, j) +
                       (1 - a) * b * texel(image, width, height, i, j + 1) +
                       a * b * texel(image, width, height, i + 1, j + 1);
}

int main(int argc, char **argv) {
  int size = argc > 1 ? std::atoi(argv[1]) : 1024;
  int runs = argc > 2 ? std::atoi(argv[2]) : 10;
  const int width = size, height = size, pixels = width * height;
  std::vector<float> image(pixels);
  for (int i = 0; i < pixels; ++i)
    image[i] = float((i * 2654435761u) % 1000u) / 1000.0f;

  cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
  cudaArray_t array;
  check(cudaMallocArray(&array, &format, width, height), "cudaMallocArray");
  check(cudaMemcpy2DToArray(array, 0, 0, image.data(), width * sizeof(float),
                            width * sizeof(float), height, cudaMemcpyHostToDevice),
        "cudaMemcpy2DToArray");
  cudaResourceDesc resource = {};
  resource.resType = cudaResourceTypeArray;
  resource.res.array.array = array;
  cudaTextureDesc sampling = {};
  sampling.addressMode[0] = sampling.addressMode[1] = cudaAddressModeClamp;
  sampling.filterMode = cudaFilterModeLinear;
  sampling.readMode = cudaReadModeElementType;
  cudaTextureObject_t texture;
  check(cudaCreateTextureObject(&texture, &resource, &sampling, nullptr), "texture object");

  float *d_image, *d_out;
  check(cudaMalloc(&d_image, pixels * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&d_out, pixels * sizeof(float)), "cudaMalloc");
  check(cudaMemcpy(d_image, image.data(), pixels * sizeof(float), cudaMemcpyHostToDevice), "copy");
  Warp w = {std::cos(0.3f), std::sin(0.3f), 0.8f, width / 2.0f, height / 2.0f};
  dim3 block(16, 16), grid((width + 15) / 16, (height + 15) / 16);
  std::vector<float> viaTex(pixels), viaGlobal(pixels);
  double textureMs = bestMs([&] { viaTexture<<<grid, block>>>(texture, d_out, width, height, w); }, runs);
  check(cudaMemcpy(viaTex.data(), d_out, pixels * sizeof(float), cudaMemcpyDeviceToHost), "back");
  double loadsMs = bestMs([&] { viaLoads<<<grid, block>>>(d_image, d_out, width, height, w); }, runs);
  check(cudaMemcpy(viaGlobal.data(), d_out, pixels * sizeof(float), cudaMemcpyDeviceToHost), "back");
  double maxDiff = 0.0;
  for (int i = 0; i < pixels; ++i)
    maxDiff = std::max(maxDiff, double(std::fabs(viaTex[i] - viaGlobal[i])));

  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, 0), "properties");
  std::printf("device: %s\n%dx%d float image, bilinear, best of %d runs (results differ by %.3g)\n",
              prop.name, width, height, runs, maxDiff);
  std::printf("%-28s %10.3f ms\n", "tex2D on a texture object", textureMs);
  std::printf("%-28s %10.3f ms\n", "the same with global loads", loadsMs);
  std::printf("texture / global-load time: %.2fx\n", textureMs / loadsMs);
  return maxDiff < 1e-4 ? 0 : 1;
}
