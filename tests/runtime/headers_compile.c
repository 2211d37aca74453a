/* The C side of the public headers (gcc -std=c11 -Wall -Wextra -Wpedantic -Werror). */
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cuda_profiler_api.h>
#include <cuda_runtime.h>

int main(void) {
  dim3 grid = {1, 1, 1};
  float2 v = make_float2(1.0f, 2.0f);
  enum cudaMemcpyKind kind = cudaMemcpyDefault;
  cudaError_t status = cudaSuccess;
  struct cudaDeviceProp prop;
  /* Only the raw bit types of cuda_fp16.h and cuda_bf16.h exist in C, as in CUDA. */
  __half_raw half = {0x3c00};
  __nv_bfloat162_raw pair = {0x3f80, 0x4000};
  prop.major = 7 + (half.x == 0x3c00 && pair.y == 0x4000 ? 0 : 1);
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
  /* Arrays, textures and surfaces under CUDA's C names. */
  struct cudaChannelFormatDesc format =
      cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);
  cudaArray_t array = 0;
  status = cudaMallocArray(&array, &format, 16, 0, cudaArrayDefault);
  struct cudaResourceDesc res;
  memset(&res, 0, sizeof(res));
  res.resType = cudaResourceTypeArray;
  res.res.array.array = array;
  struct cudaTextureDesc tex;
  memset(&tex, 0, sizeof(tex));
  tex.addressMode[0] = cudaAddressModeBorder;
  tex.filterMode = cudaFilterModeLinear;
  tex.readMode = cudaReadModeElementType;
  cudaTextureObject_t texture = 0;
  status = cudaCreateTextureObject(&texture, &res, &tex, 0);
  cudaSurfaceObject_t surface = 0;
  status = cudaCreateSurfaceObject(&surface, &res);
  struct cudaMemcpy3DParms copy = {0};
  copy.dstArray = array;
  copy.kind = cudaMemcpyHostToDevice;
  status = cudaMemcpy3D(&copy);
  struct textureReference ref;
  memset(&ref, 0, sizeof(ref));
  status = cudaBindTextureToArray(&ref, array, &format);
  status = cudaFreeArray(array);
  enum cudaSurfaceBoundaryMode boundary = cudaBoundaryModeTrap;
  prop.minor += (int)(texture + surface) * 0 + (int)boundary * 0;
  return (int)(grid.x + v.x + (float)kind + (float)status + (float)prop.major) == 0;
}
