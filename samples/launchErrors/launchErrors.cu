// launchErrors: how a program sees bad launches. Blocks over the device's
// maxThreadsPerBlock and an empty grid must be reported by cudaGetLastError
// as cudaErrorInvalidConfiguration (not sticky: the next launch works), and
// cudaLaunchKernel returns the same code directly.
#include <cstdio>

#include "../common/sample_check.h"

__global__ void fill(int *out, int value, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = value;
}

static bool expectError(const char *what, cudaError_t got, cudaError_t want) {
  std::printf("%-32s -> %s\n", what, cudaGetErrorName(got));
  if (got != want) {
    std::fprintf(stderr, "%s: expected %s\n", what, cudaGetErrorName(want));
    return false;
  }
  return true;
}

int main() {
  printDevice();
  const int n = 1000;
  int *dOut = nullptr;
  CHECK_CUDA(cudaMalloc(&dOut, n * sizeof(int)));
  bool passed = true;
  cudaDeviceProp prop;
  CHECK_CUDA(cudaGetDeviceProperties(&prop, 0));
  const int tooMany = 2 * prop.maxThreadsPerBlock;

  fill<<<1, 2048>>>(dOut, 1, n);  // CUDA allows at most 1024 threads per block
  passed &= expectError("<<<1, 2048>>>", cudaGetLastError(), cudaErrorInvalidConfiguration);

  fill<<<1, tooMany>>>(dOut, 1, n);
  passed &= expectError("<<<1, 2 * maxThreadsPerBlock>>>", cudaGetLastError(),
                        cudaErrorInvalidConfiguration);
  passed &= expectError("cudaGetLastError again", cudaGetLastError(), cudaSuccess);

  fill<<<0, 128>>>(dOut, 1, n);
  passed &= expectError("<<<0, 128>>>", cudaGetLastError(), cudaErrorInvalidConfiguration);

  // Each dimension is within maxThreadsDim but the product is too large.
  fill<<<dim3(1, 1, 1), dim3(prop.maxThreadsDim[0], 2, 1)>>>(dOut, 1, n);
  passed &= expectError("<<<1, (maxThreadsDim.x, 2)>>>", cudaGetLastError(),
                        cudaErrorInvalidConfiguration);

  int value = 7, count = n;
  void *args[] = {&dOut, &value, &count};
  passed &= expectError("cudaLaunchKernel oversized block",
                        cudaLaunchKernel((const void *)fill, dim3(1), dim3(tooMany), args, 0, 0),
                        cudaErrorInvalidConfiguration);
  passed &= expectError("cudaGetLastError after it", cudaGetLastError(), cudaErrorInvalidConfiguration);

  // The context is still usable: a good launch runs and gives the right data.
  fill<<<(n + 127) / 128, 128>>>(dOut, 42, n);
  passed &= expectError("<<<8, 128>>>", cudaGetLastError(), cudaSuccess);
  passed &= expectError("cudaDeviceSynchronize", cudaDeviceSynchronize(), cudaSuccess);
  int host[n];
  CHECK_CUDA(cudaMemcpy(host, dOut, sizeof(host), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    if (host[i] != 42) {
      std::fprintf(stderr, "out[%d] = %d\n", i, host[i]);
      passed = false;
      break;
    }
  }

  CHECK_CUDA(cudaFree(dOut));
  return reportResult("launchErrors", passed);
}
