// Block-size variants (docs/runtime-api.md, "Block-size variants"): a kernel
// launched again with the same block size gets a variant built for exactly
// that size (reqd_work_group_size), and launches with it use the variant.
// The results stay right whatever runs: the general kernel, the variant, a
// block size without one. CUCL_BLOCK_VARIANTS=1 turns them on for the CPU
// device too (the second launch with a block size builds its variant).
// RUN: %cuclcc %s -o %t
// RUN: env CUCL_BLOCK_VARIANTS=1 CUCL_VERBOSE=1 %t 2>&1 | FileCheck %s
// RUN: env CUCL_BLOCK_VARIANTS=0 CUCL_VERBOSE=1 %t 2>&1 | FileCheck --check-prefix=OFF %s
// RUN: %t | FileCheck --check-prefix=DEFAULT %s
// CHECK: kernel saxpy: variant for blocks of 128 x 1 x 1 ready
// CHECK: kernel blur: variant for blocks of 16 x 8 x 1 ready
// CHECK: block variants: 0 wrong
// OFF-NOT: variant for blocks
// OFF: block variants: 0 wrong
// DEFAULT: block variants: 0 wrong
#include <cstdio>
#include <vector>

__global__ void __launch_bounds__(256) saxpy(float *y, const float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] += a * x[i];
}

#define TW 16
#define TH 8
__global__ void blur(float *out, const float *in, int width, int height) {
  __shared__ float tile[TH][TW];
  int x = blockIdx.x * TW + threadIdx.x, y = blockIdx.y * TH + threadIdx.y;
  bool inside = x < width && y < height;
  tile[threadIdx.y][threadIdx.x] = inside ? in[y * width + x] : 0.0f;
  __syncthreads();
  float left = threadIdx.x > 0 ? tile[threadIdx.y][threadIdx.x - 1] : tile[threadIdx.y][threadIdx.x];
  if (inside)
    out[y * width + x] = 0.5f * (left + tile[threadIdx.y][threadIdx.x]);
}

int main() {
  const int n = 1000, width = 70, height = 37;
  std::vector<float> x(n), y(n, 1.0f);
  for (int i = 0; i < n; ++i)
    x[i] = float(i % 13);
  float *dx, *dy, *din, *dout;
  cudaMalloc(&dx, n * sizeof(float));
  cudaMalloc(&dy, n * sizeof(float));
  cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  // 128-thread blocks four times (the second builds the variant), 64 once.
  for (int r = 0; r < 4; ++r)
    saxpy<<<(n + 127) / 128, 128>>>(dy, dx, 0.5f, n);
  saxpy<<<(n + 63) / 64, 64>>>(dy, dx, 0.5f, n);
  cudaMemcpy(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    wrong += y[i] != 1.0f + 5 * 0.5f * float(i % 13);

  std::vector<float> img(width * height), out(width * height);
  for (int i = 0; i < width * height; ++i)
    img[i] = float(i % 7);
  cudaMalloc(&din, img.size() * sizeof(float));
  cudaMalloc(&dout, img.size() * sizeof(float));
  cudaMemcpy(din, img.data(), img.size() * sizeof(float), cudaMemcpyHostToDevice);
  dim3 block(TW, TH), grid((width + TW - 1) / TW, (height + TH - 1) / TH);
  for (int r = 0; r < 3; ++r) {
    cudaMemset(dout, 0, img.size() * sizeof(float));
    blur<<<grid, block>>>(dout, din, width, height);
    cudaMemcpy(out.data(), dout, img.size() * sizeof(float), cudaMemcpyDeviceToHost);
    for (int py = 0; py < height; ++py)
      for (int px = 0; px < width; ++px) {
        float here = img[py * width + px];
        float left = px % TW > 0 ? img[py * width + px - 1] : here;
        wrong += out[py * width + px] != 0.5f * (left + here);
      }
  }
  cudaError_t status = cudaDeviceSynchronize();
  std::printf("block variants: %d wrong (%s)\n", wrong, cudaGetErrorName(status));
  return wrong != 0 || status != cudaSuccess;
}
