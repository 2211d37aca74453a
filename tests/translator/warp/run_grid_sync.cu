// grid_group::sync under cudaLaunchCooperativeKernel: correct in 1-D and 2-D
// grids, in loops and inside __device__ functions (cg::sync(grid)); the grid
// the occupancy API sizes is accepted and one block more is
// cudaErrorCooperativeLaunchTooLarge; a grid sync in a launch that is not
// cooperative is cudaErrorLaunchFailure, not a hang; grid.is_valid() tells
// the two launches apart.
// RUN: %cuclcc %s -o %t
// RUN: env CUCL_VERBOSE=1 %t 2>&1 | FileCheck %s
// CHECK: attribute 1
// CHECK: stencil: 0 wrong
// CHECK: 2-D grid: 0 wrong
// CHECK: too large: cudaErrorCooperativeLaunchTooLarge
// CHECK: is_valid: cooperative 1, ordinary 0, cudaLaunchKernelEx 1 (cudaSuccess)
// CHECK: cucl: kernel stencil, block ({{[0-9]+}}, 0, 0), thread 0: grid_group::sync in a launch that is not cooperative (use cudaLaunchCooperativeKernel) -> cudaErrorLaunchFailure
// CHECK: not cooperative: cudaErrorLaunchFailure
#include <cstdio>
#include <vector>

#include <cooperative_groups.h>

namespace cg = cooperative_groups;

__device__ void exchange(const cg::grid_group &grid) { cg::sync(grid); }

// Jacobi-style smoothing of a ring, all steps in one launch: read the
// neighbours, sync, write, sync.
__global__ void stencil(float *a, int n, int steps) {
  cg::grid_group grid = cg::this_grid();
  for (int s = 0; s < steps; ++s) {
    float next[4];
    int k = 0;
    for (int i = grid.thread_rank(); i < n; i += grid.size())
      next[k++] = (a[(i + n - 1) % n] + a[i] + a[(i + 1) % n]) / 3.0f;
    exchange(grid);
    k = 0;
    for (int i = grid.thread_rank(); i < n; i += grid.size())
      a[i] = next[k++];
    grid.sync();
  }
}

__global__ void ranks(unsigned long long *out) {
  cg::grid_group grid = cg::this_grid();
  out[grid.thread_rank()] = grid.thread_rank();
  grid.sync();
  // After the sync every thread sees every other thread's write.
  unsigned long long mirror = grid.size() - 1 - grid.thread_rank();
  out[grid.size() + grid.thread_rank()] = out[mirror];
}

__global__ void validity(int *out) { out[blockIdx.x] = cg::this_grid().is_valid() ? 1 : 0; }

int main() {
  std::setvbuf(stdout, nullptr, _IONBF, 0);
  int attribute = 0, sms = 0, perSm = 0;
  cudaDeviceGetAttribute(&attribute, cudaDevAttrCooperativeLaunch, 0);
  cudaDeviceGetAttribute(&sms, cudaDevAttrMultiProcessorCount, 0);
  std::printf("attribute %d\n", attribute);
  cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perSm, stencil, 64, 0);
  int blocks = perSm * sms, threads = 64;
  int n = blocks * threads * 3 + 5, steps = 20;
  std::vector<float> h(n), ref(n);
  for (int i = 0; i < n; ++i)
    h[i] = ref[i] = float(i % 7);
  for (int s = 0; s < steps; ++s) {
    std::vector<float> next(n);
    for (int i = 0; i < n; ++i)
      next[i] = (ref[(i + n - 1) % n] + ref[i] + ref[(i + 1) % n]) / 3.0f;
    ref = next;
  }
  float *d;
  cudaMalloc(&d, n * sizeof(float));
  cudaMemcpy(d, h.data(), n * sizeof(float), cudaMemcpyHostToDevice);
  void *args[] = {&d, &n, &steps};
  cudaError_t launched = cudaLaunchCooperativeKernel((void *)stencil, blocks, threads, args);
  cudaMemcpy(h.data(), d, n * sizeof(float), cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; ++i)
    wrong += h[i] != ref[i];
  std::printf("stencil: %d wrong (%s)\n", wrong, cudaGetErrorName(launched));

  // A 2-D grid of 2-D blocks (as many blocks as run at once).
  dim3 grid2(sms, 1), block2(8, 4);
  unsigned long long total = (unsigned long long)sms * 32, *dr;
  cudaMalloc(&dr, 2 * total * sizeof(unsigned long long));
  void *rankArgs[] = {&dr};
  cudaLaunchCooperativeKernel((void *)ranks, grid2, block2, rankArgs);
  std::vector<unsigned long long> r(2 * total);
  cudaMemcpy(r.data(), dr, r.size() * sizeof(unsigned long long), cudaMemcpyDeviceToHost);
  wrong = 0;
  for (unsigned long long t = 0; t < total; ++t)
    wrong += r[t] != t || r[total + t] != total - 1 - t;
  std::printf("2-D grid: %d wrong\n", wrong);

  cudaError_t tooLarge = cudaLaunchCooperativeKernel((void *)stencil, blocks + 1, threads, args);
  std::printf("too large: %s\n", cudaGetErrorName(tooLarge));
  cudaGetLastError();

  int *dv, valid[3] = {-1, -1, -1};
  cudaMalloc(&dv, 3 * sizeof(int));
  void *validArgs[] = {&dv};
  cudaLaunchCooperativeKernel((void *)validity, 1, 32, validArgs);
  cudaMemcpy(&valid[0], dv, sizeof(int), cudaMemcpyDeviceToHost);
  validity<<<1, 32>>>(dv + 1);
  cudaMemcpy(&valid[1], dv + 1, sizeof(int), cudaMemcpyDeviceToHost);
  // CUDA 12's spelling of a cooperative launch.
  cudaLaunchAttribute cooperative[1];
  cooperative[0].id = cudaLaunchAttributeCooperative;
  cooperative[0].val.cooperative = 1;
  cudaLaunchConfig_t config = {};
  config.gridDim = 1;
  config.blockDim = 32;
  config.attrs = cooperative;
  config.numAttrs = 1;
  cudaError_t ex = cudaLaunchKernelEx(&config, validity, dv + 2);
  cudaMemcpy(&valid[2], dv + 2, sizeof(int), cudaMemcpyDeviceToHost);
  std::printf("is_valid: cooperative %d, ordinary %d, cudaLaunchKernelEx %d (%s)\n", valid[0],
              valid[1], valid[2], cudaGetErrorName(ex));

  stencil<<<blocks, threads>>>(d, n, 1);
  std::printf("not cooperative: %s\n", cudaGetErrorName(cudaDeviceSynchronize()));
  return 0;
}
