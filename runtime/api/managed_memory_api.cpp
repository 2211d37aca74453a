// Managed (unified) memory: cudaMallocManaged and the calls that steer it
// (core/managed_memory.h). One pointer works on the host and in kernels; the
// host sees kernel results after the synchronization CUDA requires.
// Prefetches, advice and stream attachment are checked as CUDA checks them
// and then have nothing to move: the memory is host memory the device maps.
#include "api/api_support.h"

#include "core/device_registry.h"
#include "core/managed_memory.h"
#include "core/stream.h"
#include "core/stream_capture.h"

namespace {

// CUDA's checks on a managed range: inside one cudaMallocManaged block.
bool managedRange(const void *pointer, size_t count) {
  return pointer != nullptr && count != 0 && cucl::isManaged(pointer, count);
}

bool validLocation(int device) {
  return device == cudaCpuDeviceId ||
         (device >= 0 && device < cucl::DeviceRegistry::instance().count());
}

} // namespace

CUCL_API cudaError_t cudaMallocManaged(void **devPtr, size_t size, unsigned int flags) {
  if (devPtr == nullptr || size == 0 ||
      (flags != cudaMemAttachGlobal && flags != cudaMemAttachHost))
    return cucl::report(cudaErrorInvalidValue);
  *devPtr = nullptr;
  if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
    return cucl::report(refused);
  return cucl::onCurrentDevice(
      [&](cucl::Device &device) { return cucl::allocateManaged(device, size, devPtr); });
}

CUCL_API cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count, int dstDevice,
                                          cudaStream_t stream) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    if (!managedRange(devPtr, count))
      return cudaErrorInvalidValue;
    if (!validLocation(dstDevice))
      return cudaErrorInvalidDevice;
    CUstream_st *resolved = nullptr;
    return cucl::resolveStream(stream, device, &resolved);
  });
}

// The location forms (CUDA 12.2's _v2, CUDA 13's only ones): a device or the host.
namespace {
int locationDevice(const cudaMemLocation &location) {
  if (location.type == cudaMemLocationTypeDevice)
    return location.id;
  bool host = location.type == cudaMemLocationTypeHost ||
              location.type == cudaMemLocationTypeHostNuma ||
              location.type == cudaMemLocationTypeHostNumaCurrent;
  return host ? cudaCpuDeviceId : cudaInvalidDeviceId;
}
} // namespace

CUCL_API cudaError_t cudaMemPrefetchAsync_v2(const void *devPtr, size_t count,
                                             cudaMemLocation location, unsigned int flags,
                                             cudaStream_t stream) {
  if (flags != 0)
    return cucl::report(cudaErrorInvalidValue);
  return cudaMemPrefetchAsync(devPtr, count, locationDevice(location), stream);
}

CUCL_API cudaError_t cudaMemAdvise_v2(const void *devPtr, size_t count,
                                      enum cudaMemoryAdvise advice, cudaMemLocation location) {
  return cudaMemAdvise(devPtr, count, advice, locationDevice(location));
}

CUCL_API cudaError_t cudaMemAdvise(const void *devPtr, size_t count, enum cudaMemoryAdvise advice,
                                   int device) {
  return cucl::onCurrentDevice([&](cucl::Device &) -> cudaError_t {
    if (!managedRange(devPtr, count) || advice < cudaMemAdviseSetReadMostly ||
        advice > cudaMemAdviseUnsetAccessedBy)
      return cudaErrorInvalidValue;
    bool needsLocation =
        advice != cudaMemAdviseSetReadMostly && advice != cudaMemAdviseUnsetReadMostly;
    if (needsLocation && !validLocation(device))
      return cudaErrorInvalidDevice;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaStreamAttachMemAsync(cudaStream_t stream, void *devPtr, size_t length,
                                              unsigned int flags) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    if (flags != cudaMemAttachGlobal && flags != cudaMemAttachHost && flags != cudaMemAttachSingle)
      return cudaErrorInvalidValue;
    // The whole allocation (length 0), as CUDA requires of cudaMallocManaged memory.
    if (devPtr == nullptr || !cucl::isManaged(devPtr, length == 0 ? 1 : length))
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    return cucl::resolveStream(stream, device, &resolved);
  });
}
