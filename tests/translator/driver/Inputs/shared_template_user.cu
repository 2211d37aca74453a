// Second user of shared_template.cuh's kernel template.
#include "shared_template.cuh"
int otherFileValue() {
  int *d = nullptr;
  if (cudaMalloc(&d, 4 * sizeof(int)) != cudaSuccess)
    return -1;
  setTo<<<1, 4>>>(d, 9);
  int h[4] = {0, 0, 0, 0};
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  cudaFree(d);
  return h[2];
}
