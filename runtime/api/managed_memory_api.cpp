// Managed (unified) memory: cudaMallocManaged.
//
// Not supported yet (prop.managedMemory and cudaDevAttrManagedMemory are 0):
// after CUDA's argument checks the call fails with cudaErrorNotSupported and
// sets *devPtr to NULL, so a program that tests the result can fall back to
// cudaMalloc + cudaMemcpy.
#include "api/api_support.h"

CUCL_API cudaError_t cudaMallocManaged(void **devPtr, size_t size, unsigned int flags) {
  if (devPtr == nullptr || size == 0 ||
      (flags != cudaMemAttachGlobal && flags != cudaMemAttachHost))
    return cucl::report(cudaErrorInvalidValue);
  *devPtr = nullptr;
  return cucl::report(cudaErrorNotSupported);
}
