// Stream-ordered allocation and memory pools (core/memory_pool.h):
// cudaMallocAsync / cudaMallocFromPoolAsync / cudaFreeAsync, the default and
// current pool of a device, created pools and their attributes.
#include "api/api_support.h"

#include "core/device_registry.h"
#include "core/memory_pool.h"
#include "core/stream.h"
#include "core/stream_capture.h"

namespace {

bool validDevice(int device) {
  return device >= 0 && device < cucl::DeviceRegistry::instance().count();
}

cudaError_t allocateOnStream(void **devPtr, size_t size, cudaMemPool_t pool, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    if (devPtr == nullptr)
      return cudaErrorInvalidValue;
    *devPtr = nullptr;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    // Graph memory nodes are not built: refused, as other uncapturable work.
    if (cudaError_t refused = cucl::refuseWhileCapturing(*resolved); refused != cudaSuccess)
      return refused;
    if (pool == nullptr)
      pool = cucl::currentMemPool(device.index());
    else if (!cucl::isMemPool(pool))
      return cudaErrorInvalidValue;
    if (size == 0)
      return cudaSuccess;
    // Usable at once, so in particular by the stream's later work.
    return cucl::allocateFromPool(pool, size, devPtr);
  });
}

// A device's default or current pool (`which`), with CUDA's checks.
cudaError_t devicePool(cudaMemPool_t *memPool, int device, cudaMemPool_t (*which)(int)) {
  if (memPool == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  return cucl::onCurrentDevice([&](cucl::Device &) -> cudaError_t {
    if (!validDevice(device))
      return cudaErrorInvalidDevice;
    *memPool = which(device);
    return cudaSuccess;
  });
}

} // namespace

CUCL_API cudaError_t cudaMallocAsync(void **devPtr, size_t size, cudaStream_t hStream) {
  return allocateOnStream(devPtr, size, nullptr, hStream);
}

CUCL_API cudaError_t cudaMallocFromPoolAsync(void **ptr, size_t size, cudaMemPool_t memPool,
                                             cudaStream_t stream) {
  if (memPool == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  return allocateOnStream(ptr, size, memPool, stream);
}

CUCL_API cudaError_t cudaFreeAsync(void *devPtr, cudaStream_t hStream) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (devPtr == nullptr)
      return cudaSuccess;
    // Graph memory nodes are not built: refused, as other uncapturable work.
    if (cudaError_t refused = cucl::refuseWhileCapturing(*resolved); refused != cudaSuccess)
      return refused;
    return cucl::freeOnStream(devPtr, *resolved);
  });
}

CUCL_API cudaError_t cudaDeviceGetDefaultMemPool(cudaMemPool_t *memPool, int device) {
  return devicePool(memPool, device, cucl::defaultMemPool);
}

CUCL_API cudaError_t cudaDeviceGetMemPool(cudaMemPool_t *memPool, int device) {
  return devicePool(memPool, device, cucl::currentMemPool);
}

CUCL_API cudaError_t cudaDeviceSetMemPool(int device, cudaMemPool_t memPool) {
  return cucl::onCurrentDevice([&](cucl::Device &) -> cudaError_t {
    if (!validDevice(device))
      return cudaErrorInvalidDevice;
    if (!cucl::isMemPool(memPool) || memPool->device != device)
      return cudaErrorInvalidValue;
    cucl::setCurrentMemPool(device, memPool);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaMemPoolCreate(cudaMemPool_t *memPool, const cudaMemPoolProps *poolProps) {
  if (memPool == nullptr || poolProps == nullptr ||
      poolProps->allocType != cudaMemAllocationTypePinned ||
      poolProps->location.type != cudaMemLocationTypeDevice)
    return cucl::report(cudaErrorInvalidValue);
  return cucl::onCurrentDevice([&](cucl::Device &) -> cudaError_t {
    if (!validDevice(poolProps->location.id))
      return cudaErrorInvalidDevice;
    if (poolProps->handleTypes != cudaMemHandleTypeNone) // no interprocess sharing
      return cudaErrorNotSupported;
    *memPool = cucl::createMemPool(poolProps->location.id);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaMemPoolDestroy(cudaMemPool_t memPool) {
  if (memPool == nullptr || !cucl::destroyMemPool(memPool))
    return cucl::report(cudaErrorInvalidValue); // unknown, or a device's default pool
  return cudaSuccess;
}

CUCL_API cudaError_t cudaMemPoolTrimTo(cudaMemPool_t memPool, size_t) {
  // Nothing to release: a pool keeps no freed memory (core/memory_pool.h).
  return cucl::isMemPool(memPool) ? cudaSuccess : cucl::report(cudaErrorInvalidValue);
}

CUCL_API cudaError_t cudaMemPoolSetAttribute(cudaMemPool_t memPool, enum cudaMemPoolAttr attr,
                                             void *value) {
  if (!cucl::isMemPool(memPool) || value == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  auto flag = [&](std::atomic<int> &field) {
    field = *static_cast<int *>(value) != 0;
    return cudaSuccess;
  };
  switch (attr) {
  case cudaMemPoolReuseFollowEventDependencies:
    return flag(memPool->reuseFollowEventDependencies);
  case cudaMemPoolReuseAllowOpportunistic:
    return flag(memPool->reuseAllowOpportunistic);
  case cudaMemPoolReuseAllowInternalDependencies:
    return flag(memPool->reuseAllowInternalDependencies);
  case cudaMemPoolAttrReleaseThreshold:
    memPool->releaseThreshold = *static_cast<unsigned long long *>(value);
    return cudaSuccess;
  case cudaMemPoolAttrReservedMemHigh:
  case cudaMemPoolAttrUsedMemHigh: // only a reset to 0: to the current value
    if (*static_cast<unsigned long long *>(value) != 0)
      return cucl::report(cudaErrorInvalidValue);
    memPool->usedHigh = memPool->used.load();
    return cudaSuccess;
  default: // the current counters are read-only
    return cucl::report(cudaErrorInvalidValue);
  }
}

CUCL_API cudaError_t cudaMemPoolGetAttribute(cudaMemPool_t memPool, enum cudaMemPoolAttr attr,
                                             void *value) {
  if (!cucl::isMemPool(memPool) || value == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  auto *counter = static_cast<unsigned long long *>(value);
  switch (attr) {
  case cudaMemPoolReuseFollowEventDependencies:
    *static_cast<int *>(value) = memPool->reuseFollowEventDependencies;
    return cudaSuccess;
  case cudaMemPoolReuseAllowOpportunistic:
    *static_cast<int *>(value) = memPool->reuseAllowOpportunistic;
    return cudaSuccess;
  case cudaMemPoolReuseAllowInternalDependencies:
    *static_cast<int *>(value) = memPool->reuseAllowInternalDependencies;
    return cudaSuccess;
  case cudaMemPoolAttrReleaseThreshold:
    *counter = memPool->releaseThreshold;
    return cudaSuccess;
  case cudaMemPoolAttrReservedMemCurrent: // nothing kept beyond what is used
  case cudaMemPoolAttrUsedMemCurrent:
    *counter = memPool->used;
    return cudaSuccess;
  case cudaMemPoolAttrReservedMemHigh:
  case cudaMemPoolAttrUsedMemHigh:
    *counter = memPool->usedHigh;
    return cudaSuccess;
  default:
    return cucl::report(cudaErrorInvalidValue);
  }
}

CUCL_API cudaError_t cudaMemPoolSetAccess(cudaMemPool_t memPool, const cudaMemAccessDesc *descList,
                                          size_t count) {
  if (!cucl::isMemPool(memPool) || (count > 0 && descList == nullptr))
    return cucl::report(cudaErrorInvalidValue);
  for (size_t i = 0; i < count; ++i) {
    const cudaMemAccessDesc &desc = descList[i];
    if (desc.location.type != cudaMemLocationTypeDevice || !validDevice(desc.location.id))
      return cucl::report(cudaErrorInvalidDevice);
    // The owning device always has read-write access; others have none
    // (devices do not share memory: peer access is not supported).
    bool owner = desc.location.id == memPool->device;
    if (owner != (desc.flags == cudaMemAccessFlagsProtReadWrite))
      return cucl::report(owner ? cudaErrorInvalidValue : cudaErrorNotSupported);
  }
  return cudaSuccess;
}

CUCL_API cudaError_t cudaMemPoolGetAccess(enum cudaMemAccessFlags *flags, cudaMemPool_t memPool,
                                          struct cudaMemLocation *location) {
  if (flags == nullptr || location == nullptr || !cucl::isMemPool(memPool) ||
      location->type != cudaMemLocationTypeDevice)
    return cucl::report(cudaErrorInvalidValue);
  if (!validDevice(location->id))
    return cucl::report(cudaErrorInvalidDevice);
  *flags = location->id == memPool->device ? cudaMemAccessFlagsProtReadWrite
                                           : cudaMemAccessFlagsProtNone;
  return cudaSuccess;
}
