// Device memory: allocation, copies, memset, queries (page-locked and mapped
// host memory: host_memory_api.cpp).
//
// Semantics: a host-to-device copy returns once the source may be reused
// (blocking write), a device-to-host copy returns with the data; memset and
// device-to-device copies are asynchronous on the stream, as in CUDA.
#include "api/api_support.h"
#include "api/enum_argument.h"
#include "core/memory_support.h"

#include <cstdint>
#include <cstring>
#include <new>

#include "api/graph_preparation.h"
#include "core/device_memory.h"
#include "core/diagnostics.h"
#include "core/host_allocations.h"
#include "core/managed_memory.h"
#include "core/mapped_command.h"
#include "core/mapped_host_memory.h"
#include "core/memory_pool.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;
using cucl::DeviceRegistry;
using cucl::ResolvedAddress;

using cucl::PointerSide;
using Side = cucl::PointerSide;

Side classify(const void *pointer, ResolvedAddress *resolved) {
  return cucl::classifyPointer(pointer, resolved);
}

cudaError_t streamFor(const ResolvedAddress &resolved, CUstream_st *requested, CUstream_st **out) {
  return cucl::streamForAllocation(resolved, requested, out);
}

// Frees an async copy's staging buffer once the copy has read it.
void CL_CALLBACK releaseStaging(cl_event, cl_int, void *staging) {
  delete[] static_cast<unsigned char *>(staging);
}

cudaError_t copyHostToDevice(const ResolvedAddress &dst, const void *src, size_t count,
                             CUstream_st *requested, bool async) {
  CUstream_st *stream = nullptr;
  cudaError_t status = streamFor(dst, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cucl::MappedCommand mapped;
  mapped.use(dst);
  if (!async) {
    // Blocking: the caller may reuse `src` as soon as we return.
    cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
      return mapped.enqueue(stream->queue, waits, done, /*blocking=*/true,
                            [&](const std::vector<cl::Event> *after, cl::Event *event) {
                              return stream->queue.enqueueWriteBuffer(
                                  dst.buffer, CL_TRUE, dst.offset, count, src, after, event);
                            });
    });
    return cucl::fromEnqueueStatus(result, stream->device);
  }
  // Async: CUDA returns without waiting for the stream. Page-locked memory
  // is read when the copy runs (the program keeps it unchanged until then);
  // pageable memory is first staged, so `src` may be reused at once.
  const void *from = src;
  unsigned char *staging = nullptr;
  if (!cucl::isPageLockedHost(src)) {
    staging = new (std::nothrow) unsigned char[count];
    if (staging == nullptr)
      return cudaErrorMemoryAllocation;
    std::memcpy(staging, src, count);
    from = staging;
  }
  cl::Event written;
  cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    cl_int enqueued =
        mapped.enqueue(stream->queue, waits, done, /*blocking=*/false,
                       [&](const std::vector<cl::Event> *after, cl::Event *event) {
                         return stream->queue.enqueueWriteBuffer(dst.buffer, CL_FALSE, dst.offset,
                                                                 count, from, after, event);
                       });
    if (enqueued == CL_SUCCESS)
      written = *done;
    return enqueued;
  });
  if (staging != nullptr) {
    if (result != CL_SUCCESS) {
      delete[] staging;
    } else if (written.setCallback(CL_COMPLETE, releaseStaging, staging) != CL_SUCCESS) {
      written.wait(); // no callback: keep the buffer until the copy is done
      delete[] staging;
    }
  }
  if (result == CL_SUCCESS)
    stream->queue.flush();
  return cucl::fromEnqueueStatus(result, stream->device);
}

cudaError_t copyDeviceToHost(void *dst, const ResolvedAddress &src, size_t count,
                             CUstream_st *requested, bool async) {
  CUstream_st *stream = nullptr;
  cudaError_t status = streamFor(src, requested, &stream);
  if (status != cudaSuccess)
    return status;
  // CUDA returns from an async copy into pageable memory only once the copy
  // has completed; only page-locked destinations may be filled later.
  cl_bool blocking = async && cucl::isPageLockedHost(dst) ? CL_FALSE : CL_TRUE;
  cucl::MappedCommand mapped;
  mapped.use(src);
  cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return mapped.enqueue(stream->queue, waits, done, blocking == CL_TRUE,
                          [&](const std::vector<cl::Event> *after, cl::Event *event) {
                            return stream->queue.enqueueReadBuffer(src.buffer, blocking, src.offset,
                                                                   count, dst, after, event);
                          });
  });
  if (result == CL_SUCCESS && blocking)
    return stream->status.check(*stream); // the kernels before the copy are done
  return cucl::fromEnqueueStatus(result, stream->device);
}

cudaError_t copyDeviceToDevice(const ResolvedAddress &dst, const ResolvedAddress &src, size_t count,
                               CUstream_st *requested) {
  if (dst.device != src.device) {
    // Separate OpenCL contexts: stage through host memory, synchronously.
    std::vector<unsigned char> staging(count);
    cudaError_t status = copyDeviceToHost(staging.data(), src, count, nullptr, false);
    if (status != cudaSuccess)
      return status;
    return copyHostToDevice(dst, staging.data(), count, nullptr, /*async=*/false);
  }
  CUstream_st *stream = nullptr;
  cudaError_t status = streamFor(dst, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cucl::MappedCommand mapped;
  mapped.use(src);
  mapped.use(dst);
  cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return mapped.enqueue(stream->queue, waits, done, /*blocking=*/false,
                          [&](const std::vector<cl::Event> *after, cl::Event *event) {
                            return stream->queue.enqueueCopyBuffer(src.buffer, dst.buffer,
                                                                   src.offset, dst.offset, count,
                                                                   after, event);
                          });
  });
  return cucl::fromEnqueueStatus(result, stream->device);
}

// A host-to-host copy runs on the host, but in stream order: it waits until
// everything queued before it (e.g. an async copy into its source) is done.
cudaError_t copyHostToHost(void *dst, const void *src, size_t count, CUstream_st &stream) {
  cudaError_t status = cucl::waitForEarlierWork(stream);
  if (status == cudaSuccess)
    std::memmove(dst, src, count);
  return status;
}

// Validates pointers, sizes and the direction, then dispatches on
// `requested` (the current device's legacy stream for cudaMemcpy).
cudaError_t copy(void *dst, const void *src, size_t count, int rawKind, CUstream_st *requested,
                 bool async) {
  if (rawKind < cudaMemcpyHostToHost || rawKind > cudaMemcpyDefault)
    return cudaErrorInvalidMemcpyDirection;
  auto kind = static_cast<cudaMemcpyKind>(rawKind);
  if (count == 0)
    return cudaSuccess;
  if (dst == nullptr || src == nullptr)
    return cudaErrorInvalidValue;
  ResolvedAddress dstAt, srcAt;
  Side dstSide = classify(dst, &dstAt);
  Side srcSide = classify(src, &srcAt);
  if (dstSide == Side::Invalid || srcSide == Side::Invalid) {
    cucl::verboseLog("memcpy: %s pointer is in the device range but in no allocation",
                     dstSide == Side::Invalid ? "destination" : "source");
    return cudaErrorInvalidValue;
  }
  if (kind == cudaMemcpyDefault) {
    kind = srcSide == Side::Host
               ? (dstSide == Side::Host ? cudaMemcpyHostToHost : cudaMemcpyHostToDevice)
               : (dstSide == Side::Host ? cudaMemcpyDeviceToHost : cudaMemcpyDeviceToDevice);
  }
  bool srcDevice = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
  bool dstDevice = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
  if ((srcSide == Side::Device) != srcDevice || (dstSide == Side::Device) != dstDevice) {
    cucl::verboseLog("memcpy: pointers do not match the copy kind %d", static_cast<int>(kind));
    return cudaErrorInvalidValue;
  }
  if ((srcDevice && count > srcAt.bytesToEnd) || (dstDevice && count > dstAt.bytesToEnd)) {
    cucl::verboseLog("memcpy: %zu bytes run past the end of the allocation", count);
    return cudaErrorInvalidValue;
  }
  switch (kind) {
  case cudaMemcpyHostToHost:
    return copyHostToHost(dst, src, count, *requested);
  case cudaMemcpyHostToDevice:
    return copyHostToDevice(dstAt, src, count, requested, async);
  case cudaMemcpyDeviceToHost:
    return copyDeviceToHost(dst, srcAt, count, requested, async);
  default:
    return copyDeviceToDevice(dstAt, srcAt, count, requested);
  }
}

cudaError_t fill(void *devPtr, int value, size_t count, CUstream_st *requested) {
  if (count == 0)
    return cudaSuccess;
  ResolvedAddress at;
  if (devPtr == nullptr || classify(devPtr, &at) != Side::Device)
    return cudaErrorInvalidValue;
  if (count > at.bytesToEnd)
    return cudaErrorInvalidValue;
  CUstream_st *stream = nullptr;
  cudaError_t status = streamFor(at, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cl_uchar pattern = static_cast<cl_uchar>(value);
  cucl::MappedCommand mapped;
  mapped.use(at);
  cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return mapped.enqueue(stream->queue, waits, done, /*blocking=*/false,
                          [&](const std::vector<cl::Event> *after, cl::Event *event) {
                            return stream->queue.enqueueFillBuffer(at.buffer, pattern, at.offset,
                                                                   count, after, event);
                          });
  });
  return cucl::fromEnqueueStatus(result, stream->device);
}

} // namespace

CUCL_API cudaError_t cudaMalloc(void **devPtr, size_t size) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
      return refused;
    if (devPtr == nullptr)
      return cudaErrorInvalidValue;
    *devPtr = nullptr;
    if (size == 0)
      return cudaSuccess;
    std::uintptr_t address = 0;
    cudaError_t status = cucl::allocateDeviceMemory(device, size, nullptr, /*runtimeOwned=*/false,
                                                    &address, nullptr);
    if (status != cudaSuccess)
      return status;
    *devPtr = reinterpret_cast<void *>(address);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaFree(void *devPtr) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
      return refused;
    if (devPtr == nullptr)
      return cudaSuccess; // cudaFree(0) is the classic "initialize the runtime"
    cudaError_t managedStatus = cudaSuccess;
    if (cucl::freeManaged(devPtr, &managedStatus))
      return managedStatus;
    DeviceRegistry &registry = DeviceRegistry::instance();
    cucl::Allocation removed;
    if (!registry.memory().erase(reinterpret_cast<std::uintptr_t>(devPtr), &removed)) {
      cucl::verboseLog("cudaFree(%p): not the start of a live allocation", devPtr);
      return cudaErrorInvalidValue;
    }
    // CUDA's cudaFree synchronizes the device: queued work that may use the
    // memory has finished when it returns (and its failure is reported).
    cucl::forgetPoolAllocation(devPtr); // allocated by cudaMallocAsync
    Device &owner = registry.device(removed.device);
    cudaError_t status = owner.synchronize();
    cucl::returnDeviceMemory(owner, removed);
    return status;
  });
}

CUCL_API cudaError_t cudaMemcpy(void *dst, const void *src, size_t count, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
      return refused;
    return copy(dst, src, count, cucl::enumArgument(kind), &device.legacyStream(),
                /*async=*/false);
  });
}

CUCL_API cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t count, cudaMemcpyKind kind,
                                     cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing())
      return count == 0 ? cudaSuccess
                        : cucl::captureCopy(device, *resolved,
                                            cucl::linearCopy(dst, src, count, kind));
    return copy(dst, src, count, cucl::enumArgument(kind), resolved, /*async=*/true);
  });
}

// Peer copies: cucl's devices have separate OpenCL contexts, so copies
// between devices are staged through host memory (see copyDeviceToDevice).
CUCL_API cudaError_t cudaMemcpyPeerAsync(void *dst, int dstDevice, const void *src, int srcDevice,
                                         size_t count, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    int devices = DeviceRegistry::instance().count();
    if (dstDevice < 0 || dstDevice >= devices || srcDevice < 0 || srcDevice >= devices)
      return cudaErrorInvalidDevice;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (count == 0)
      return cudaSuccess;
    ResolvedAddress dstAt, srcAt;
    if (dst == nullptr || src == nullptr || classify(dst, &dstAt) != Side::Device ||
        classify(src, &srcAt) != Side::Device || dstAt.device != dstDevice ||
        srcAt.device != srcDevice || count > dstAt.bytesToEnd || count > srcAt.bytesToEnd)
      return cudaErrorInvalidValue;
    return copyDeviceToDevice(dstAt, srcAt, count, resolved);
  });
}

CUCL_API cudaError_t cudaMemcpyPeer(void *dst, int dstDevice, const void *src, int srcDevice,
                                    size_t count) {
  return cudaMemcpyPeerAsync(dst, dstDevice, src, srcDevice, count, nullptr);
}

CUCL_API cudaError_t cudaMemset(void *devPtr, int value, size_t count) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
      return refused;
    return fill(devPtr, value, count, nullptr);
  });
}

CUCL_API cudaError_t cudaMemsetAsync(void *devPtr, int value, size_t count, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing())
      return count == 0 ? cudaSuccess
                        : cucl::captureFill(device, *resolved,
                                            cudaMemsetParams{devPtr, 0, unsigned(value) & 0xffu,
                                                             1, count, 1});
    return fill(devPtr, value, count, resolved);
  });
}

// "total" is the device's global memory; "free" is that minus what cucl has
// allocated on it (buffers with their slack; the driver's own use is
// invisible through OpenCL), and for a device whose memory is host memory no
// more than the process's address space and the machine's available memory
// allow (core/device_memory.h).
CUCL_API cudaError_t cudaMemGetInfo(size_t *free, size_t *total) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (free == nullptr || total == nullptr)
      return cudaErrorInvalidValue;
    *total = device.limits().globalMemSize;
    *free = cucl::deviceMemoryFree(device);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaPointerGetAttributes(cudaPointerAttributes *attributes, const void *ptr) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (attributes == nullptr)
      return cudaErrorInvalidValue;
    ResolvedAddress at;
    Side side = classify(ptr, &at);
    *attributes = cudaPointerAttributes{};
    attributes->device = device.index();
    std::shared_ptr<cucl::MappedBlock> mapped =
        side == Side::Host ? cucl::findMappedHost(ptr) : at.mappedHost;
    int owner = 0;
    if (cucl::isManaged(ptr, 1, &owner)) { // one address for both sides
      attributes->type = cudaMemoryTypeManaged;
      attributes->device = owner;
      attributes->devicePointer = const_cast<void *>(ptr);
      attributes->hostPointer = const_cast<void *>(ptr);
    } else if (mapped != nullptr) {
      // Mapped host memory, by either address: both, at the same offset.
      std::uintptr_t offset =
          side == Side::Host ? static_cast<const char *>(ptr) - mapped->host : at.offset;
      attributes->type = cudaMemoryTypeHost;
      attributes->device = mapped->device;
      attributes->devicePointer = reinterpret_cast<void *>(mapped->deviceAddress + offset);
      attributes->hostPointer = mapped->host + offset;
    } else if (side == Side::Device) {
      attributes->type = cudaMemoryTypeDevice;
      attributes->device = at.device;
      attributes->devicePointer = const_cast<void *>(ptr);
    } else if (side == Side::Host && cucl::isPageLockedHost(ptr)) {
      attributes->type = cudaMemoryTypeHost;
      attributes->hostPointer = const_cast<void *>(ptr);
    } else if (side == Side::Invalid) {
      return cudaErrorInvalidValue;
    } else {
      attributes->type = cudaMemoryTypeUnregistered;
    }
    return cudaSuccess;
  });
}
