// matrixMul: C = A * B (row-major) with shared-memory tiles whose edge is a
// template parameter, checked against a double-precision host product.
// Sizes are not multiples of the tile, so edge tiles are exercised.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

template <int TILE>
__global__ void matrixMulTiled(const float *A, const float *B, float *C, int m, int n, int k) {
  __shared__ float tileA[TILE][TILE];
  __shared__ float tileB[TILE][TILE];

  const int row = blockIdx.y * TILE + threadIdx.y;
  const int col = blockIdx.x * TILE + threadIdx.x;
  float sum = 0.0f;

  for (int t = 0; t < (k + TILE - 1) / TILE; ++t) {
    const int aCol = t * TILE + threadIdx.x;
    const int bRow = t * TILE + threadIdx.y;
    tileA[threadIdx.y][threadIdx.x] = (row < m && aCol < k) ? A[row * k + aCol] : 0.0f;
    tileB[threadIdx.y][threadIdx.x] = (bRow < k && col < n) ? B[bRow * n + col] : 0.0f;
    __syncthreads();
#pragma unroll
    for (int i = 0; i < TILE; ++i) {
      sum += tileA[threadIdx.y][i] * tileB[i][threadIdx.x];
    }
    __syncthreads();
  }
  if (row < m && col < n) {
    C[row * n + col] = sum;
  }
}

template <int TILE>
bool runMatrixMul(int m, int n, int k) {
  std::vector<float> a(size_t(m) * k), b(size_t(k) * n), c(size_t(m) * n);
  for (size_t i = 0; i < a.size(); ++i) a[i] = float((i * 7) % 13) / 13.0f - 0.5f;
  for (size_t i = 0; i < b.size(); ++i) b[i] = float((i * 5) % 11) / 11.0f - 0.5f;

  float *dA, *dB, *dC;
  CHECK_CUDA(cudaMalloc(&dA, a.size() * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dB, b.size() * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dC, c.size() * sizeof(float)));
  CHECK_CUDA(cudaMemcpy(dA, a.data(), a.size() * sizeof(float), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dB, b.data(), b.size() * sizeof(float), cudaMemcpyHostToDevice));

  dim3 block(TILE, TILE);
  dim3 grid((n + TILE - 1) / TILE, (m + TILE - 1) / TILE);
  std::printf("matrixMul %dx%dx%d, tile %d: grid %ux%u\n", m, n, k, TILE, grid.x, grid.y);
  matrixMulTiled<TILE><<<grid, block>>>(dA, dB, dC, m, n, k);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(c.data(), dC, c.size() * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dC));

  for (int i = 0; i < m; ++i) {
    for (int j = 0; j < n; ++j) {
      double ref = 0.0;
      for (int p = 0; p < k; ++p) ref += double(a[size_t(i) * k + p]) * b[size_t(p) * n + j];
      const double got = c[size_t(i) * n + j];
      if (std::fabs(got - ref) > 1e-4 * k) {
        std::fprintf(stderr, "C[%d][%d] = %f, expected %f\n", i, j, got, ref);
        return false;
      }
    }
  }
  return true;
}

int main() {
  printDevice();
  bool passed = runMatrixMul<16>(200, 150, 130);
  passed = runMatrixMul<8>(64, 33, 17) && passed;
  return reportResult("matrixMul", passed);
}
