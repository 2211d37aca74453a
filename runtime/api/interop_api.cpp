// The OpenCL interop API (include/cucl/opencl_interop.h): how libraries built
// on libcudart (libcublas) reach the runtime's devices, memory map and
// streams without linking the runtime's objects a second time.
#include "api/api_support.h"
#include "core/memory_support.h"

#pragma GCC visibility push(default)
#include "cucl/opencl_interop.h"
#pragma GCC visibility pop

#include "core/kernel_faults.h"
#include "core/mapped_host_memory.h"
#include "core/stream.h"

namespace {

using cucl::Device;
using cucl::deviceAt;
using cucl::DeviceRegistry;

// The stream object behind an API handle, which must belong to `device`.
cudaError_t streamOf(Device &device, cudaStream_t handle, CUstream_st **out) {
  cudaError_t status = cucl::resolveStream(handle, device, out);
  if (status != cudaSuccess)
    return status;
  return &(*out)->device == &device ? cudaSuccess : cudaErrorInvalidResourceHandle;
}

} // namespace

CUCL_API cudaError_t __cuclGetOpenCLDevice(int device, cuclOpenCLDevice *out) {
  if (out == nullptr)
    return cudaErrorInvalidValue;
  Device *found = nullptr;
  cudaError_t status = deviceAt(device, &found);
  if (status != cudaSuccess)
    return status;
  out->device = found->clDevice()();
  out->context = found->context()();
  out->platform = found->clDevice().getInfo<CL_DEVICE_PLATFORM>();
  return cudaSuccess;
}

CUCL_API cudaError_t __cuclResolveDevicePointer(const void *pointer, cuclDeviceBuffer *out) {
  if (pointer == nullptr || out == nullptr)
    return cudaErrorInvalidValue;
  // Before initialization nothing is device memory (and the range is not
  // reserved yet).
  if (DeviceRegistry::instance().initialize() != cudaSuccess)
    return cudaErrorInvalidValue;
  cucl::ResolvedAddress resolved;
  switch (cucl::classifyPointer(pointer, &resolved)) {
  case cucl::PointerSide::Host:
    return cudaErrorInvalidValue;
  case cucl::PointerSide::Invalid:
    return cudaErrorInvalidDevicePointer;
  case cucl::PointerSide::Device:
    break;
  }
  // A library's own commands are not bracketed by the map protocol, so
  // mapped host memory that a driver may cache is refused, not used stale.
  if (resolved.mappedHost != nullptr && !resolved.mappedHost->zeroCopy)
    return cudaErrorNotSupported;
  // Borrowed: the memory map keeps its own reference while the allocation lives.
  out->buffer = resolved.buffer();
  out->offset = resolved.offset;
  out->bytesToEnd = resolved.bytesToEnd;
  out->device = resolved.device;
  return cudaSuccess;
}

CUCL_API cudaError_t __cuclEnqueueOnStream(int device, cudaStream_t stream, cuclSubmitFn submit,
                                           void *user) {
  if (submit == nullptr)
    return cudaErrorInvalidValue;
  Device *owner = nullptr;
  cudaError_t status = deviceAt(device, &owner);
  if (status != cudaSuccess)
    return status;
  cudaError_t sticky = owner->stickyError();
  if (sticky != cudaSuccess)
    return sticky;
  CUstream_st *target = nullptr;
  status = streamOf(*owner, stream, &target);
  if (status != cudaSuccess)
    return status;
  noteKernelLaunch(*owner);
  cl_int result = target->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    // cl::Event wraps exactly one cl_event, so a vector of them is an array
    // of cl_event.
    static_assert(sizeof(cl::Event) == sizeof(cl_event), "cl::Event is a bare handle");
    const cl_event *raw =
        waits == nullptr ? nullptr : reinterpret_cast<const cl_event *>(waits->data());
    cl_uint count = waits == nullptr ? 0 : static_cast<cl_uint>(waits->size());
    cl_event event = nullptr;
    cl_int submitted = submit(user, target->queue(), count, raw, &event);
    if (submitted == CL_SUCCESS) {
      if (event == nullptr)
        return CL_INVALID_EVENT; // the contract: one command, its event returned
      *done = cl::Event(event);  // takes over the submitter's reference
    }
    return submitted;
  });
  return cucl::fromEnqueueStatus(result, *owner);
}

CUCL_API cudaError_t __cuclGetDeviceStickyError(int device) {
  Device *found = nullptr;
  cudaError_t status = deviceAt(device, &found);
  return status != cudaSuccess ? status : found->stickyError();
}
