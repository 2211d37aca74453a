// After a kernel's failure and cudaDeviceReset, a second kernel must run
// correctly: the check the fault and memcheck tests end with.
#ifndef CUCL_TESTS_SECOND_KERNEL_CUH
#define CUCL_TESTS_SECOND_KERNEL_CUH

__global__ void twice(int *out) { out[threadIdx.x] = 2 * threadIdx.x; }

static bool secondKernelWorks() {
  int *d = nullptr;
  if (cudaMalloc(&d, 256 * sizeof(int)) != cudaSuccess)
    return false;
  twice<<<1, 256>>>(d);
  int h[256];
  if (cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost) != cudaSuccess)
    return false;
  for (int i = 0; i < 256; ++i)
    if (h[i] != 2 * i)
      return false;
  return cudaFree(d) == cudaSuccess;
}

#endif // CUCL_TESTS_SECOND_KERNEL_CUH
