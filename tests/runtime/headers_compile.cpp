// Compiled by a ctest with g++ -std=c++17 -Wall -Wextra -Wpedantic -Werror:
// cucl's public headers in a plain C++ host program (no CUDA compiler).
#include <cstdio>

#include <cuda.h>
#include <cuda_bf16.h>
#include <cuda_bf16.hpp>
#include <cuda_fp16.h>
#include <cuda_fp16.hpp>
#include <cuda_profiler_api.h>
#include <cuda_runtime.h>

static_assert(sizeof(char3) == 3, "CUDA layout");
static_assert(sizeof(float3) == 12 && alignof(float3) == 4, "CUDA layout");
static_assert(sizeof(float4) == 16 && alignof(float4) == 16, "CUDA layout");
static_assert(sizeof(double2) == 16 && alignof(double2) == 16, "CUDA layout");
static_assert(sizeof(short2) == 4 && alignof(short2) == 4, "CUDA layout");
static_assert(sizeof(int3) == 12 && alignof(int2) == 8, "CUDA layout");
static_assert(sizeof(longlong4) == 32 && alignof(longlong4) == 16, "CUDA layout");
static_assert(sizeof(dim3) == 12, "CUDA layout");
static_assert(sizeof(__half) == 2 && alignof(__half) == 2, "CUDA layout");
static_assert(sizeof(half2) == 4 && alignof(half2) == 4, "CUDA layout");
static_assert(sizeof(__half2_raw) == 4 && alignof(__half_raw) == 2, "CUDA layout");
static_assert(sizeof(nv_bfloat16) == 2 && alignof(__nv_bfloat162) == 4, "CUDA layout");
static_assert(CUDART_VERSION == 12000, "models CUDA 12.0");
#ifndef __DRIVER_TYPES_H__
#error "helper headers test NVIDIA's guard macro"
#endif
#ifndef __CUDA_RUNTIME_H__
#error "helper headers test NVIDIA's guard macro"
#endif

static void kernelStub(int *, float) {}

int main() {
  dim3 defaults;
  dim3 fromUint3 = make_uint3(2, 3, 4);
  uint3 back = fromUint3;
  float4 f = make_float4(1, 2, 3, 4);
  double3 d = make_double3(1, 2, 3);
  int *p = nullptr;
  float *q = nullptr;
  cudaMalloc(&p, 16);
  cudaMallocHost(&q, 16);
  cudaStream_t stream = cudaStreamLegacy;
  void *args[] = {&p, &f.x};
  cudaLaunchKernel(kernelStub, dim3(1), dim3(32), args, 0, stream);
  cudaEvent_t event;
  cudaEventCreate(&event, cudaEventDisableTiming);
  cudaDeviceProp prop;
  cudaGetDeviceProperties(&prop, 0);
  // CUDA's signatures: symbols passed as the variable, managed memory typed.
  static float symbol[4];
  cudaMemcpyToSymbol(symbol, &f, sizeof(f));
  cudaMemcpyFromSymbol(&f, symbol, sizeof(f), 0, cudaMemcpyDeviceToHost);
  cudaMemcpyToSymbolAsync(symbol, &f, sizeof(f), 0, cudaMemcpyHostToDevice, stream);
  cudaMemcpyFromSymbolAsync(&f, symbol, sizeof(f));
  void *symbolAddress = nullptr;
  size_t symbolSize = 0;
  cudaGetSymbolAddress(&symbolAddress, symbol);
  cudaGetSymbolSize(&symbolSize, symbol);
  cudaMallocManaged(&q, 16);
  cudaMallocManaged(&p, 16, cudaMemAttachHost);
  // Channel descriptors of C++ types; arrays with their default arguments.
  cudaChannelFormatDesc channels = cudaCreateChannelDesc<uchar4>();
  cudaArray_t array = nullptr;
  cudaMallocArray(&array, &channels, 16);
  cudaMalloc3DArray(&array, &channels, make_cudaExtent(4, 4, 4));
  cudaMemcpy2DArrayToArray(array, 0, 0, array, 0, 0, 4, 4);
  cudaFreeArray(array);
  static_assert(sizeof(cudaTextureObject_t) == 8 && sizeof(cudaSurfaceObject_t) == 8, "handles");
  // What nvcc's cuda_runtime.h brings in: <cmath>, <cstdlib>, <cstring>, limits.
  char digits[4];
  std::memset(digits, 0, sizeof(digits));
  memcpy(digits, "7", 1);
  double root = sqrt(2.0) + std::fabs(-1.0) + atoi(digits) + std::abs(-1) + (INT_MAX > 0);
  std::printf("%g\n", root);
  // Half precision on the host, as CUDA's headers give it to host code.
  __half h = 1.5f;
  half2 pair = __floats2half2_rn(1.0f, 2.0f) * __half2half2(h);
  __nv_bfloat16 b = __float2bfloat16_rz(2.5f) + __nv_bfloat16(h);
  float fromHalf = h;
  std::printf("%g %g %g %d\n", fromHalf + __high2float(pair), __bfloat162float(b),
              __half2float(hsqrt(CUDART_ONE_FP16)), __half2int_rn(h));
  std::printf("%u %u %f %f %s %d\n", defaults.x + defaults.y + defaults.z, back.z, f.w, d.z,
              cudaGetErrorName(cudaGetLastError()), CUDA_VERSION);
  return 0;
}
