// End to end: legacy texture references read directly in a kernel and
// through a __device__ function: a 1-D reference bound to linear memory
// (cudaBindTexture, tex1Dfetch) and an 8-bit 2-D reference with
// cudaReadModeNormalizedFloat bound to an array (tex2D returns float).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: bind 0 0 offset 0
// CHECK: values 3 6.2 9.4 13
// CHECK: unbind 0
// CHECK: PASSED

#include <cstdio>
#include <cuda_runtime.h>

texture<float, 1, cudaReadModeElementType> texIn;
texture<unsigned char, 2, cudaReadModeNormalizedFloat> texImage;

__device__ float both(int i) { return tex1Dfetch(texIn, i) + tex2D(texImage, i + 0.5f, 0.5f); }

__global__ void combine(float *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = tex1Dfetch(texIn, i) * 2.0f + both(i);
}

int main() {
  const int n = 4;
  float host[n] = {1, 2, 3, 4}, *in, *out;
  cudaMalloc(&in, sizeof host);
  cudaMalloc(&out, sizeof host);
  cudaMemcpy(in, host, sizeof host, cudaMemcpyHostToDevice);
  size_t offset = 1;
  cudaError_t bound = cudaBindTexture(&offset, texIn, in, sizeof host);
  unsigned char pixels[4] = {0, 51, 102, 255};
  cudaChannelFormatDesc format = cudaCreateChannelDesc<unsigned char>();
  cudaArray_t array;
  cudaMallocArray(&array, &format, 4, 1);
  cudaMemcpy2DToArray(array, 0, 0, pixels, 4, 4, 1, cudaMemcpyHostToDevice);
  texImage.filterMode = cudaFilterModePoint;
  cudaError_t boundArray = cudaBindTextureToArray(texImage, array);
  std::printf("bind %d %d offset %zu\n", bound, boundArray, offset);
  combine<<<1, n>>>(out, n);
  float result[n];
  cudaMemcpy(result, out, sizeof result, cudaMemcpyDeviceToHost);
  std::printf("values %g %g %g %g\n", result[0], result[1], result[2], result[3]);
  std::printf("unbind %d\n", cudaUnbindTexture(texIn));
  std::printf("%s\n", cudaGetLastError() == cudaSuccess ? "PASSED" : "FAILED");
  return 0;
}
