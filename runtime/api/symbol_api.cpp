// Device symbols (__device__ / __constant__ variables seen from the host).
//
// Not supported yet: the module ABI (include/cucl/module_abi.h) registers
// kernels only, so the runtime knows no symbol. The calls exist with CUDA's
// signatures so programs compile and fail with CUDA's code for an unknown
// symbol, cudaErrorInvalidSymbol (a NULL out-pointer is cudaErrorInvalidValue).
#include "api/api_support.h"

CUCL_API cudaError_t cudaMemcpyToSymbol(const void *, const void *, size_t, size_t,
                                        cudaMemcpyKind) {
  return cucl::report(cudaErrorInvalidSymbol);
}

CUCL_API cudaError_t cudaMemcpyFromSymbol(void *, const void *, size_t, size_t, cudaMemcpyKind) {
  return cucl::report(cudaErrorInvalidSymbol);
}

CUCL_API cudaError_t cudaMemcpyToSymbolAsync(const void *, const void *, size_t, size_t,
                                             cudaMemcpyKind, cudaStream_t) {
  return cucl::report(cudaErrorInvalidSymbol);
}

CUCL_API cudaError_t cudaMemcpyFromSymbolAsync(void *, const void *, size_t, size_t, cudaMemcpyKind,
                                               cudaStream_t) {
  return cucl::report(cudaErrorInvalidSymbol);
}

CUCL_API cudaError_t cudaGetSymbolAddress(void **devPtr, const void *) {
  return cucl::report(devPtr == nullptr ? cudaErrorInvalidValue : cudaErrorInvalidSymbol);
}

CUCL_API cudaError_t cudaGetSymbolSize(size_t *size, const void *) {
  return cucl::report(size == nullptr ? cudaErrorInvalidValue : cudaErrorInvalidSymbol);
}
