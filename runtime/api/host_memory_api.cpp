// Page-locked host memory: cudaHostAlloc / cudaMallocHost blocks and
// cudaHostRegister ranges, and their mapping into a device's address space
// (the Mapped flags, cudaHostGetDevicePointer; core/mapped_host_memory.h).
#include "api/api_support.h"
#include "core/memory_support.h"

#include <cstdint>

#include "core/host_allocations.h"
#include "core/mapped_host_memory.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;
using cucl::DeviceRegistry;

// Async copies and kernels may still use page-locked (or mapped) memory: as
// in CUDA, releasing it first waits for the devices' queued work.
cudaError_t waitBeforeReleasingPageLocked() {
  DeviceRegistry &registry = DeviceRegistry::instance();
  if (registry.currentIfInitialized() == nullptr)
    return cudaSuccess; // no device work can exist yet
  cudaError_t result = cudaSuccess;
  for (int i = 0; i < registry.count(); ++i) {
    cudaError_t status = registry.device(i).synchronize();
    if (result == cudaSuccess)
      result = status;
  }
  return result;
}

} // namespace

// Mapped memory is mapped into the current device only (Portable adds no
// other device), since buffers of several OpenCL contexts over the same host
// bytes are undefined where a driver caches them.
CUCL_API cudaError_t cudaHostAlloc(void **pHost, size_t size, unsigned int flags) {
  constexpr unsigned known =
      cudaHostAllocPortable | cudaHostAllocMapped | cudaHostAllocWriteCombined;
  if (pHost == nullptr || (flags & ~known) != 0)
    return cucl::report(cudaErrorInvalidValue);
  if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
    return cucl::report(refused);
  if ((flags & cudaHostAllocMapped) == 0) {
    *pHost = cucl::allocateHost(size);
    return *pHost != nullptr ? cudaSuccess : cucl::report(cudaErrorMemoryAllocation);
  }
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    void *block = cucl::allocateHost(size);
    if (block == nullptr)
      return cudaErrorMemoryAllocation;
    if (size != 0) {
      cudaError_t status = cucl::mapHostMemory(device, block, size);
      if (status != cudaSuccess) {
        cucl::freeHost(block);
        return status;
      }
    }
    *pHost = block;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaMallocHost(void **ptr, size_t size) {
  return cudaHostAlloc(ptr, size, cudaHostAllocDefault);
}

CUCL_API cudaError_t cudaFreeHost(void *ptr) {
  if (ptr == nullptr)
    return cudaSuccess;
  if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
    return cucl::report(refused);
  if (!cucl::isHostAllocation(ptr))
    return cucl::report(cudaErrorInvalidValue);
  cudaError_t status = waitBeforeReleasingPageLocked();
  cucl::releaseHostMapping(ptr);
  if (!cucl::freeHost(ptr))
    return cucl::report(cudaErrorInvalidValue); // freed by another thread meanwhile
  return cucl::report(status);
}

CUCL_API cudaError_t cudaHostRegister(void *ptr, size_t size, unsigned int flags) {
  constexpr unsigned known = cudaHostRegisterPortable | cudaHostRegisterMapped |
                             cudaHostRegisterIoMemory | cudaHostRegisterReadOnly;
  if (ptr == nullptr || size == 0 || (flags & ~known) != 0 ||
      size > UINTPTR_MAX - reinterpret_cast<std::uintptr_t>(ptr))
    return cucl::report(cudaErrorInvalidValue);
  DeviceRegistry &registry = DeviceRegistry::instance();
  if ((flags & cudaHostRegisterMapped) == 0) {
    cucl::ResolvedAddress resolved;
    if (registry.currentIfInitialized() != nullptr &&
        cucl::classifyPointer(ptr, &resolved) != cucl::PointerSide::Host)
      return cucl::report(cudaErrorInvalidValue); // device memory is not host memory
    return cucl::registerHost(ptr, size) ? cudaSuccess
                                         : cucl::report(cudaErrorHostMemoryAlreadyRegistered);
  }
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    cucl::ResolvedAddress resolved;
    if (cucl::classifyPointer(ptr, &resolved) != cucl::PointerSide::Host)
      return cudaErrorInvalidValue;
    if (!cucl::registerHost(ptr, size))
      return cudaErrorHostMemoryAlreadyRegistered;
    cudaError_t status =
        cucl::mapHostMemory(device, ptr, size, (flags & cudaHostRegisterReadOnly) != 0);
    if (status != cudaSuccess)
      cucl::unregisterHost(ptr);
    return status;
  });
}

CUCL_API cudaError_t cudaHostUnregister(void *ptr) {
  if (!cucl::isRegisteredHost(ptr))
    return cucl::report(cudaErrorHostMemoryNotRegistered);
  cudaError_t status = waitBeforeReleasingPageLocked();
  cucl::releaseHostMapping(ptr);
  if (!cucl::unregisterHost(ptr))
    return cucl::report(cudaErrorHostMemoryNotRegistered);
  return cucl::report(status);
}

// The device address of `pHost` (inside a mapped block: the same offset in
// the block's device range). Memory that is not mapped, or mapped into
// another device than the current one -> cudaErrorInvalidValue.
CUCL_API cudaError_t cudaHostGetDevicePointer(void **pDevice, void *pHost, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (pDevice == nullptr || pHost == nullptr || flags != 0)
      return cudaErrorInvalidValue;
    std::shared_ptr<cucl::MappedBlock> block = cucl::findMappedHost(pHost);
    if (block == nullptr || block->device != device.index())
      return cudaErrorInvalidValue;
    std::uintptr_t offset = static_cast<char *>(pHost) - block->host;
    *pDevice = reinterpret_cast<void *>(block->deviceAddress + offset);
    return cudaSuccess;
  });
}
