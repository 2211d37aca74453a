// What CUDA leaves undefined in warp-level code is a CUDA error, never a
// silently wrong result or a hang: a mask without the calling lane, a mask
// naming lanes that do not take
// part, a __syncthreads reached by part of the block, and a dynamic tile
// size CUDA does not allow each make the next
// synchronizing call return cudaErrorIllegalInstruction (sticky, as kernel
// faults are in CUDA), explained under CUCL_VERBOSE=1. Correct uses in the
// same program pass, and so does a shuffle whose source lane is outside the
// mask: CUDA makes its value undefined, not an error (cucl reads 0).
// RUN: %cuclcc %s -o %t
// RUN: env CUCL_VERBOSE=1 %t 2>&1 | FileCheck %s
// CHECK: fine: cudaSuccess 496
// CHECK: sourceOutsideMask: cudaSuccess 0
// CHECK: cucl: kernel ownLaneMissing, block (0, 0, 0), thread 1: __ballot_sync: the calling lane 1 is not in the mask 0x00000001 -> cudaErrorIllegalInstruction
// CHECK: ownLaneMissing: cudaErrorIllegalInstruction
// CHECK: sticky: cudaErrorIllegalInstruction
// CHECK: cucl: kernel absentLane, block (0, 0, 0), thread {{[0-9]+}}: __shfl_xor_sync: the mask 0xffffffff names lanes that do not take part in the call
// CHECK: absentLane: cudaErrorIllegalInstruction
// CHECK: cucl: kernel partialBarrier, block (0, 0, 0), thread 32: __syncthreads reached by part of the block only (lanes active in this warp: 0x00000000)
// CHECK: partialBarrier: cudaErrorIllegalInstruction
// CHECK: cucl: kernel badTile, block (0, 0, 0), thread 0: tiled_partition: a tile of 64 threads (CUDA allows 1, 2, 4, 8, 16 and 32) -> cudaErrorIllegalInstruction
// CHECK: badTile: cudaErrorIllegalInstruction
// CHECK: after reset: cudaSuccess 496
#include <cstdio>

#include <cooperative_groups.h>

__global__ void fine(int *out) {
  int v = threadIdx.x;
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  if (threadIdx.x == 0)
    out[0] = v;
}

__global__ void sourceOutsideMask(int *out) {
  int v = threadIdx.x;
  if (threadIdx.x < 16)
    v = __shfl_down_sync(0x0000ffffu, v, 16); // lanes 16..31 are not in the mask
  out[threadIdx.x] = v;
}

__global__ void ownLaneMissing(int *out) { out[threadIdx.x] = __ballot_sync(1u, 1); }

__global__ void absentLane(int *out) {
  int v = threadIdx.x;
  if (threadIdx.x % 2 == 0) // half of the warp calls with the full mask
    v = __shfl_xor_sync(0xffffffffu, v, 2);
  out[threadIdx.x] = v;
}

__global__ void partialBarrier(int *out) {
  __shared__ int s[64];
  s[threadIdx.x] = 1;
  if (threadIdx.x < 32) // only the first warp reaches the barrier
    __syncthreads();
  out[threadIdx.x] = s[63 - threadIdx.x];
}

__global__ void badTile(int *out) {
  cooperative_groups::thread_group tile =
      cooperative_groups::tiled_partition(cooperative_groups::this_thread_block(), 64);
  out[threadIdx.x] = (int)tile.size();
}

static int run(const char *name, void (*kernel)(int *), int threads) {
  int *d = nullptr;
  cudaMalloc(&d, 64 * sizeof(int));
  kernel<<<1, threads>>>(d);
  int h = -1;
  cudaError_t launch = cudaGetLastError();
  cudaError_t sync = cudaMemcpy(&h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("%s: %s", name, cudaGetErrorName(launch != cudaSuccess ? launch : sync));
  if (sync == cudaSuccess)
    std::printf(" %d", h);
  std::printf("\n");
  if (sync != cudaSuccess) {
    std::printf("sticky: %s\n", cudaGetErrorName(cudaMalloc(&d, 4)));
    cudaDeviceReset();
    cudaGetLastError(); // the failed calls above were this thread's last error
  }
  return sync;
}

int main() {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // in order with the runtime's messages on stderr
  run("fine", fine, 32);
  run("sourceOutsideMask", sourceOutsideMask, 32);
  run("ownLaneMissing", ownLaneMissing, 32);
  run("absentLane", absentLane, 32);
  run("partialBarrier", partialBarrier, 64);
  run("badTile", badTile, 32);
  run("after reset", fine, 32);
  return 0;
}
