#include <cstdio>
__host__ __device__ int where() {
#ifdef __CUDA_ARCH__
  return __CUDA_ARCH__;
#else
  return 0;
#endif
}

__global__ void report(int *out) {
  out[threadIdx.x] = where() + (int)threadIdx.x;
  if (threadIdx.x == 0)
    printf("block %d\n", (int)blockIdx.x);
}
