// CUDA's pre-4.0 "thread" API: each call is the device call that replaced
// it (deprecated in CUDA, still in CUDA 12's headers, and in old programs).
#include "api/api_support.h"

CUCL_API cudaError_t cudaThreadSynchronize(void) {
  return cudaDeviceSynchronize();
}

CUCL_API cudaError_t cudaThreadExit(void) {
  return cudaDeviceReset();
}

CUCL_API cudaError_t cudaThreadSetLimit(cudaLimit limit, size_t value) {
  return cudaDeviceSetLimit(limit, value);
}

CUCL_API cudaError_t cudaThreadGetLimit(size_t *pValue, cudaLimit limit) {
  return cudaDeviceGetLimit(pValue, limit);
}

CUCL_API cudaError_t cudaThreadSetCacheConfig(cudaFuncCache cacheConfig) {
  return cudaDeviceSetCacheConfig(cacheConfig);
}

CUCL_API cudaError_t cudaThreadGetCacheConfig(cudaFuncCache *cacheConfig) {
  return cudaDeviceGetCacheConfig(cacheConfig);
}
