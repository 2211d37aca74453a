// Host-side helpers CUDA's headers give every .cu file: make_cudaExtent,
// make_cudaPos and make_cudaPitchedPtr, min/max with CUDA's mixed-signedness
// rule, time() without <time.h>, &printf, and a __grid_constant__ kernel
// parameter (passed by value as any other).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: extent 640 x 480 x 3, pos 1 2 3, pitched 512 64 x 4
// CHECK: scaled 0 3 6 9
// CHECK: min 3 max 7 mixed 4294967295 long 5 float 1.5 double 2.5 clock ok
#include <cstdio>

struct Scale {
  int factor;
  int count;
};

__global__ void scale(const __grid_constant__ Scale s, int *out) {
  if (threadIdx.x < s.count)
    out[threadIdx.x] = threadIdx.x * s.factor;
}

int main() {
  cudaExtent extent = make_cudaExtent(640, 480, 3);
  cudaPos pos = make_cudaPos(1, 2, 3);
  int storage[4];
  cudaPitchedPtr pitched = make_cudaPitchedPtr(storage, 512, 64, 4);
  std::printf("extent %zu x %zu x %zu, pos %zu %zu %zu, pitched %zu %zu x %zu\n", extent.width,
              extent.height, extent.depth, pos.x, pos.y, pos.z, pitched.pitch, pitched.xsize,
              pitched.ysize);
  int *d, h[4] = {-1, -1, -1, -1};
  cudaMalloc(&d, sizeof h);
  scale<<<1, 4>>>(Scale{3, 4}, d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  std::printf("scaled %d %d %d %d\n", h[0], h[1], h[2], h[3]);
  int (*print)(const char *, ...) = &printf;
  long long big = 5;
  print("min %d max %u mixed %u long %lld float %g double %g clock %s\n", min(3, 4), max(2u, 7),
        max(-1, 3u), max(big, 2LL), min(1.5f, 2.0f), max(2.5, 1.0),
        time(nullptr) > 0 ? "ok" : "broken");
  return pitched.ptr == storage ? 0 : 1;
}
