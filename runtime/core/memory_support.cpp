#include "core/memory_support.h"

namespace cucl {

PointerSide classifyPointer(const void *pointer, ResolvedAddress *resolved) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  if (registry.memory().resolve(pointer, resolved))
    return PointerSide::Device;
  if (registry.addresses().contains(pointer))
    return PointerSide::Invalid;
  // Inside a device's arena but in none of its allocations: freed memory.
  auto value = reinterpret_cast<std::uintptr_t>(pointer);
  for (int index = 0; index < registry.count(); ++index) {
    const Device &device = registry.device(index);
    std::size_t arena = device.arenaSize.load(std::memory_order_acquire);
    if (arena != 0 && value - device.arenaBase < arena)
      return PointerSide::Invalid;
  }
  return PointerSide::Host;
}

cudaError_t streamForAllocation(const ResolvedAddress &resolved, CUstream_st *requested,
                                CUstream_st **out) {
  Device &owner = DeviceRegistry::instance().device(resolved.device);
  if (requested == nullptr || requested->legacy) {
    *out = &owner.legacyStream();
    return cudaSuccess;
  }
  if (&requested->device != &owner)
    return cudaErrorInvalidValue;
  *out = requested;
  return cudaSuccess;
}

cudaError_t waitForEarlierWork(CUstream_st &stream) {
  cl::Event reached;
  cl_int result = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    cl_int status = stream.queue.enqueueMarkerWithWaitList(waits, done);
    if (status == CL_SUCCESS)
      reached = *done;
    return status;
  });
  if (result == CL_SUCCESS)
    result = reached.wait();
  cl_int execution = CL_COMPLETE;
  if (result == CL_SUCCESS)
    result = reached.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution);
  if (result == CL_SUCCESS && execution < 0)
    result = execution;
  if (result == CL_SUCCESS)
    return stream.status.check(stream);
  return fromEnqueueStatus(result, stream.device);
}

} // namespace cucl
