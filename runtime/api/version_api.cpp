// cudaDriverGetVersion, cudaRuntimeGetVersion, and the no-op profiler calls.
#include "api/api_support.h"

CUCL_API cudaError_t cudaDriverGetVersion(int *driverVersion) {
  if (driverVersion == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  *driverVersion = CUDART_VERSION; // cucl is its own "driver"
  return cudaSuccess;
}

CUCL_API cudaError_t cudaRuntimeGetVersion(int *runtimeVersion) {
  if (runtimeVersion == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  *runtimeVersion = CUDART_VERSION;
  return cudaSuccess;
}

CUCL_API cudaError_t cudaProfilerStart(void) {
  return cudaSuccess;
}
CUCL_API cudaError_t cudaProfilerStop(void) {
  return cudaSuccess;
}
