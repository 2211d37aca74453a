// The runtime's own choice between a kernel's private variant and the one that
// holds its large local arrays in scratch memory (docs/design.md, "Local
// memory"): on PoCL the scratch variant runs only where a block's arrays would
// not fit half a worker's stack: never with the 640 MiB stacks the runtime
// gives PoCL's workers, only for the large block under `ulimit -v` (8 MiB
// stacks). Both give the same answers.
// (Kernels translated with memcheck always run their scratch variant.)
// UNSUPPORTED: memcheck
// RUN: %cuclcc %s -o %t
// RUN: env -u CUCL_LOCAL_ARRAYS CUCL_VERBOSE=1 %t 2>&1 | FileCheck %s --implicit-check-not="scratch memory"
// RUN: sh -c 'ulimit -v 8000000 && env -u CUCL_LOCAL_ARRAYS CUCL_VERBOSE=1 %t' 2>&1 | FileCheck %s --check-prefixes=CHECK,LIMITED --implicit-check-not="kernel small: local arrays"
//
// LIMITED: kernel big: local arrays in scratch memory (16384 bytes per thread)
// CHECK: big blocks: correct
// CHECK: small blocks: correct

#include <cstdio>

// 16 KiB per thread: 16 MiB for a block of 1,024 threads.
template <int N> __device__ void fill(int *out) {
  int values[N];
  for (int i = 0; i < N; ++i)
    values[i] = i * 3 + threadIdx.x;
  out[blockIdx.x * blockDim.x + threadIdx.x] = values[(threadIdx.x * 5) % N] - values[0];
}
__global__ void big(int *out) { fill<4096>(out); }
__global__ void small(int *out) { fill<4096>(out); }

static bool check(const int *h, int count, int threads) {
  bool right = true;
  for (int i = 0; i < count; ++i) {
    int t = i % threads;
    right &= h[i] == ((t * 5) % 4096) * 3;
  }
  return right;
}

int main() {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // in order with the runtime's messages
  int *d = nullptr;
  cudaMalloc(&d, 4 * 1024 * sizeof(int));
  static int h[4 * 1024];
  big<<<4, 1024>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("big blocks: %s\n", check(h, 4 * 1024, 1024) ? "correct" : "WRONG");
  small<<<4, 64>>>(d); // 1 MiB of arrays per block
  cudaMemcpy(h, d, 4 * 64 * sizeof(int), cudaMemcpyDeviceToHost);
  std::printf("small blocks: %s\n", check(h, 4 * 64, 64) ? "correct" : "WRONG");
  return 0;
}
