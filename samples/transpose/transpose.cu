// transpose: out = in^T for a non-square matrix whose sides are not multiples
// of the tile, through a padded __shared__ tile (33 columns avoid bank
// conflicts on GPUs) on a 2-D grid of 2-D blocks.
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

#define TILE 32
#define ROWS_PER_PASS 8

__global__ void transposeTiled(float *out, const float *in, int width, int height) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x;
  int y = blockIdx.y * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS_PER_PASS) {
    if (x < width && y + j < height) {
      tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * width + x];
    }
  }
  __syncthreads();

  // Swap the block's coordinates: the block writes the mirrored tile.
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS_PER_PASS) {
    if (x < height && y + j < width) {
      out[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];
    }
  }
}

int main() {
  printDevice();
  const int width = 300, height = 170;
  const size_t bytes = size_t(width) * height * sizeof(float);
  std::vector<float> in(width * height), out(width * height, -1.0f);
  for (int i = 0; i < width * height; ++i) {
    in[i] = static_cast<float>(i);
  }

  float *dIn = nullptr, *dOut = nullptr;
  CHECK_CUDA(cudaMalloc(&dIn, bytes));
  CHECK_CUDA(cudaMalloc(&dOut, bytes));
  CHECK_CUDA(cudaMemcpy(dIn, in.data(), bytes, cudaMemcpyHostToDevice));

  dim3 block(TILE, ROWS_PER_PASS);
  dim3 grid((width + TILE - 1) / TILE, (height + TILE - 1) / TILE);
  transposeTiled<<<grid, block>>>(dOut, dIn, width, height);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(out.data(), dOut, bytes, cudaMemcpyDeviceToHost));

  bool passed = true;
  for (int r = 0; r < height && passed; ++r) {
    for (int c = 0; c < width; ++c) {
      if (out[c * height + r] != in[r * width + c]) {
        std::fprintf(stderr, "out[%d][%d] = %f, expected %f\n", c, r, out[c * height + r],
                     in[r * width + c]);
        passed = false;
        break;
      }
    }
  }

  CHECK_CUDA(cudaFree(dIn));
  CHECK_CUDA(cudaFree(dOut));
  return reportResult("transpose", passed);
}
