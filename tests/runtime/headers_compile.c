/* The C side of the public headers (gcc -std=c11 -Wall -Wextra -Wpedantic -Werror). */
#include <cuda_runtime.h>
#include <cuda_profiler_api.h>

int main(void) {
  dim3 grid = {1, 1, 1};
  float2 v = make_float2(1.0f, 2.0f);
  enum cudaMemcpyKind kind = cudaMemcpyDefault;
  cudaError_t status = cudaSuccess;
  struct cudaDeviceProp prop;
  prop.major = 7;
  return (int)(grid.x + v.x + (float)kind + (float)status + (float)prop.major) == 0;
}
