/* The C side of the public headers (gcc -std=c11 -Wall -Wextra -Wpedantic -Werror). */
#include <cuda_profiler_api.h>
#include <cuda_runtime.h>

int main(void) {
  dim3 grid = {1, 1, 1};
  float2 v = make_float2(1.0f, 2.0f);
  enum cudaMemcpyKind kind = cudaMemcpyDefault;
  cudaError_t status = cudaSuccess;
  struct cudaDeviceProp prop;
  prop.major = 7;
  /* What nvcc's cuda_runtime.h brings in for C too. */
  char digits[4];
  memset(digits, 0, sizeof(digits));
  prop.minor = atoi(digits) + (int)sqrt(4.0) + (INT_MAX > 0) +
               (int)offsetof(struct cudaDeviceProp, major) * 0;
  status = cudaMallocManaged((void **)0, 16, cudaMemAttachGlobal);
  status = cudaMemcpyToSymbol((const void *)&prop, &v, sizeof(v), 0, cudaMemcpyHostToDevice);
  /* Mapped memory and stream attributes under CUDA's C names. */
  void *device = 0;
  status = cudaHostGetDevicePointer(&device, &prop, 0);
  cudaStreamAttrValue value;
  value.accessPolicyWindow.hitProp = cudaAccessPropertyPersisting;
  cudaStreamAttrID attr = cudaStreamAttributeAccessPolicyWindow;
  status = cudaStreamSetAttribute((cudaStream_t)0, attr, &value);
  status = cudaStreamGetAttribute((cudaStream_t)0, cudaStreamAttributePriority, &value);
  status = cudaCtxResetPersistingL2Cache();
  return (int)(grid.x + v.x + (float)kind + (float)status + (float)prop.major) == 0;
}
