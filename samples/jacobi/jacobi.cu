// jacobi: several sweeps of a 5-point Jacobi relaxation on a 2-D grid with
// fixed boundary values. Each 16x16 block loads its tile plus a one-cell halo
// into __shared__ memory; a __device__ helper reads the stencil from it.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

#define BLOCK 16
#define HALO (BLOCK + 2)

// Average of the four neighbours of (tx, ty) inside a HALO-wide shared tile.
__device__ float neighbourAverage(const float *tile, int tx, int ty) {
  return 0.25f * (tile[ty * HALO + tx - 1] + tile[ty * HALO + tx + 1] + tile[(ty - 1) * HALO + tx] +
                  tile[(ty + 1) * HALO + tx]);
}

__global__ void jacobiSweep(const float *in, float *out, int nx, int ny) {
  __shared__ float tile[HALO * HALO];
  int x = blockIdx.x * BLOCK + threadIdx.x;
  int y = blockIdx.y * BLOCK + threadIdx.y;
  // Cooperative load of the tile and its halo, clamped at the grid's edge.
  for (int idx = threadIdx.y * BLOCK + threadIdx.x; idx < HALO * HALO; idx += BLOCK * BLOCK) {
    int gx = min(max(int(blockIdx.x * BLOCK) + idx % HALO - 1, 0), nx - 1);
    int gy = min(max(int(blockIdx.y * BLOCK) + idx / HALO - 1, 0), ny - 1);
    tile[idx] = in[gy * nx + gx];
  }
  __syncthreads();
  if (x >= nx || y >= ny) return;
  bool boundary = x == 0 || y == 0 || x == nx - 1 || y == ny - 1;
  out[y * nx + x] = boundary ? in[y * nx + x] : neighbourAverage(tile, threadIdx.x + 1, threadIdx.y + 1);
}

int main() {
  printDevice();
  const int nx = 70, ny = 45, sweeps = 200;
  std::vector<float> grid(nx * ny, 0.0f);
  for (int x = 0; x < nx; ++x) grid[x] = 100.0f;              // hot top edge
  for (int y = 0; y < ny; ++y) grid[y * nx + nx - 1] = 50.0f;  // warm right edge

  const size_t bytes = grid.size() * sizeof(float);
  float *dA = nullptr, *dB = nullptr;
  CHECK_CUDA(cudaMalloc(&dA, bytes));
  CHECK_CUDA(cudaMalloc(&dB, bytes));
  CHECK_CUDA(cudaMemcpy(dA, grid.data(), bytes, cudaMemcpyHostToDevice));
  dim3 block(BLOCK, BLOCK);
  dim3 blocks((nx + BLOCK - 1) / BLOCK, (ny + BLOCK - 1) / BLOCK);
  for (int s = 0; s < sweeps; ++s) {
    jacobiSweep<<<blocks, block>>>(dA, dB, nx, ny);
    CHECK_CUDA(cudaGetLastError());
    float *t = dA; dA = dB; dB = t;
  }
  std::vector<float> result(grid.size());
  CHECK_CUDA(cudaMemcpy(result.data(), dA, bytes, cudaMemcpyDeviceToHost));

  std::vector<float> ref = grid, next = grid;
  for (int s = 0; s < sweeps; ++s) {
    for (int y = 1; y < ny - 1; ++y)
      for (int x = 1; x < nx - 1; ++x)
        next[y * nx + x] = 0.25f * (ref[y * nx + x - 1] + ref[y * nx + x + 1] + ref[(y - 1) * nx + x] +
                                    ref[(y + 1) * nx + x]);
    ref.swap(next);
  }
  bool passed = true;
  for (size_t i = 0; i < ref.size(); ++i) {
    if (std::fabs(ref[i] - result[i]) > 1e-3f) {
      std::fprintf(stderr, "cell (%zu, %zu): %f, expected %f\n", i % nx, i / nx, result[i], ref[i]);
      passed = false;
      break;
    }
  }
  std::printf("centre value after %d sweeps: %f\n", sweeps, result[(ny / 2) * nx + nx / 2]);

  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  return reportResult("jacobi", passed);
}
