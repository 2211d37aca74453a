// mpiHaloExchange: a 1-D heat equation split across MPI ranks, one device per
// rank (cudaSetDevice(rank % deviceCount)). Each step a kernel updates the
// rank's slice; the edge cells go to the neighbours through page-locked host
// buffers and MPI_Sendrecv (the portable, non-CUDA-aware pattern), and the
// received halo cells are copied back to the device. Every rank checks its
// slice against the whole rod computed on the host, and a device-side sum
// reduced with MPI_Allreduce against the host's. Run with mpirun -np 2.
#include <mpi.h>

#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

#define CHECK_MPI(call)                                                                            \
  do {                                                                                             \
    int check_mpi_status_ = (call);                                                                \
    if (check_mpi_status_ != MPI_SUCCESS) {                                                        \
      std::fprintf(stderr, "%s:%d: %s failed\n", __FILE__, __LINE__, #call);                       \
      MPI_Abort(MPI_COMM_WORLD, 1);                                                                \
    }                                                                                              \
  } while (0)

constexpr float kAlpha = 0.25f;

// u has one halo cell on each side: u[0] and u[cells + 1].
__global__ void heatStep(const float *u, float *next, int cells) {
  int i = blockIdx.x * blockDim.x + threadIdx.x + 1;
  if (i <= cells)
    next[i] = u[i] + kAlpha * (u[i - 1] - 2.0f * u[i] + u[i + 1]);
}

__global__ void blockSums(const float *u, float *sums, int cells) {
  __shared__ float partial[256];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  partial[threadIdx.x] = i < cells ? u[i + 1] : 0.0f;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if (threadIdx.x < stride)
      partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    sums[blockIdx.x] = partial[0];
}

float initial(int global) {
  return global % 97 == 0 ? 100.0f : std::sin(0.05f * global);
}

int main(int argc, char **argv) {
  CHECK_MPI(MPI_Init(&argc, &argv));
  int rank = 0, ranks = 1;
  CHECK_MPI(MPI_Comm_rank(MPI_COMM_WORLD, &rank));
  CHECK_MPI(MPI_Comm_size(MPI_COMM_WORLD, &ranks));
  int devices = 0;
  CHECK_CUDA(cudaGetDeviceCount(&devices));
  CHECK_CUDA(cudaSetDevice(rank % devices));
  if (rank == 0)
    printDevice();

  const int cells = 4096, steps = 200, threads = 256, blocks = (cells + threads - 1) / threads;
  const int total = cells * ranks, first = rank * cells;
  const int left = rank > 0 ? rank - 1 : MPI_PROC_NULL;
  const int right = rank + 1 < ranks ? rank + 1 : MPI_PROC_NULL;

  // The rod's ends are held at 0 (the halo cells outside the first and last rank).
  std::vector<float> slice(cells + 2, 0.0f);
  for (int i = 0; i < cells; ++i)
    slice[i + 1] = initial(first + i);
  float *u = nullptr, *next = nullptr, *sums = nullptr, *edges = nullptr;
  CHECK_CUDA(cudaMalloc(&u, (cells + 2) * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&next, (cells + 2) * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&sums, blocks * sizeof(float)));
  CHECK_CUDA(cudaMallocHost(&edges, 4 * sizeof(float))); // send left, right; received left, right
  CHECK_CUDA(cudaMemcpy(u, slice.data(), (cells + 2) * sizeof(float), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(next, slice.data(), (cells + 2) * sizeof(float), cudaMemcpyHostToDevice));

  for (int step = 0; step < steps; ++step) {
    CHECK_CUDA(cudaMemcpy(&edges[0], u + 1, sizeof(float), cudaMemcpyDeviceToHost));
    CHECK_CUDA(cudaMemcpy(&edges[1], u + cells, sizeof(float), cudaMemcpyDeviceToHost));
    edges[2] = edges[3] = 0.0f;
    CHECK_MPI(MPI_Sendrecv(&edges[0], 1, MPI_FLOAT, left, 0, &edges[3], 1, MPI_FLOAT, right, 0,
                           MPI_COMM_WORLD, MPI_STATUS_IGNORE));
    CHECK_MPI(MPI_Sendrecv(&edges[1], 1, MPI_FLOAT, right, 1, &edges[2], 1, MPI_FLOAT, left, 1,
                           MPI_COMM_WORLD, MPI_STATUS_IGNORE));
    CHECK_CUDA(cudaMemcpy(u, &edges[2], sizeof(float), cudaMemcpyHostToDevice));
    CHECK_CUDA(cudaMemcpy(u + cells + 1, &edges[3], sizeof(float), cudaMemcpyHostToDevice));
    heatStep<<<blocks, threads>>>(u, next, cells);
    CHECK_CUDA(cudaGetLastError());
    std::swap(u, next);
  }
  blockSums<<<blocks, threads>>>(u, sums, cells);
  std::vector<float> blockTotals(blocks);
  CHECK_CUDA(cudaMemcpy(blockTotals.data(), sums, blocks * sizeof(float), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(slice.data(), u, (cells + 2) * sizeof(float), cudaMemcpyDeviceToHost));
  double localSum = 0.0, globalSum = 0.0;
  for (float s : blockTotals)
    localSum += s;
  CHECK_MPI(MPI_Allreduce(&localSum, &globalSum, 1, MPI_DOUBLE, MPI_SUM, MPI_COMM_WORLD));

  // The whole rod on the host, the same steps in the same arithmetic.
  std::vector<float> rod(total + 2, 0.0f), rodNext(total + 2, 0.0f);
  for (int i = 0; i < total; ++i)
    rod[i + 1] = initial(i);
  for (int step = 0; step < steps; ++step) {
    for (int i = 1; i <= total; ++i)
      rodNext[i] = rod[i] + kAlpha * (rod[i - 1] - 2.0f * rod[i] + rod[i + 1]);
    rod.swap(rodNext);
  }
  double worst = 0.0, expectedSum = 0.0;
  for (int i = 0; i < cells; ++i)
    worst = std::fmax(worst, std::fabs(slice[i + 1] - rod[first + i + 1]));
  for (int i = 1; i <= total; ++i)
    expectedSum += rod[i];
  std::printf("rank %d of %d on device %d: largest difference %.2e, sum %.4f (host %.4f)\n", rank,
              ranks, rank % devices, worst, globalSum, expectedSum);

  CHECK_CUDA(cudaFreeHost(edges));
  for (float *p : {u, next, sums})
    CHECK_CUDA(cudaFree(p));
  bool passed =
      worst < 1e-4 && std::fabs(globalSum - expectedSum) < 1e-3 * (1.0 + std::fabs(expectedSum));
  int allPassed = 0, mine = passed ? 1 : 0;
  CHECK_MPI(MPI_Allreduce(&mine, &allPassed, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD));
  CHECK_MPI(MPI_Finalize());
  return reportResult("mpiHaloExchange", allPassed == 1 && ranks >= 2);
}
