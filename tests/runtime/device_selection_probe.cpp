// Helper for device_selection_test: prints what the runtime sees under the
// environment it was started with, as "<error code> <count> <name of device 0>".
#include <cstdio>

#include <cuda_runtime.h>

int main() {
  int count = 0;
  cudaError_t status = cudaGetDeviceCount(&count);
  cudaDeviceProp prop{};
  if (status == cudaSuccess)
    cudaGetDeviceProperties(&prop, 0);
  std::printf("%d %d %s\n", static_cast<int>(status), count, prop.name);
  return 0;
}
