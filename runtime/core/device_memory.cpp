#include "core/device_memory.h"

#include "core/device_registry.h"

#include <cstring>
#include <vector>

namespace cucl {

cudaError_t allocateDeviceMemory(Device &device, std::size_t size, const void *initial,
                                 bool runtimeOwned, std::uintptr_t *address, cl::Buffer *buffer) {
  if (size > device.limits().maxAllocSize)
    return cudaErrorMemoryAllocation;
  DeviceRegistry &registry = DeviceRegistry::instance();
  std::uintptr_t base = registry.addresses().allocate(size);
  if (base == 0)
    return cudaErrorMemoryAllocation;
  // Slack after the end: public kernels read a little past their buffers,
  // which NVIDIA's 2 MiB pages make harmless; here it must be as well.
  std::size_t padded = size;
  if (size <= device.limits().maxAllocSize - kAllocationSlack)
    padded = (size + kAllocationSlack + kAllocationSlack - 1) / kAllocationSlack * kAllocationSlack;
  std::vector<unsigned char> initialPadded;
  if (initial != nullptr && padded != size) { // COPY_HOST_PTR reads the whole buffer's size
    initialPadded.assign(padded, 0);
    std::memcpy(initialPadded.data(), initial, size);
    initial = initialPadded.data();
  }
  cl_int status = CL_SUCCESS;
  cl_mem_flags flags = CL_MEM_READ_WRITE | (initial != nullptr ? CL_MEM_COPY_HOST_PTR : 0);
  cl::Buffer created(device.context(), flags, padded, const_cast<void *>(initial), &status);
  if (status != CL_SUCCESS) {
    registry.addresses().release(base, size);
    return cudaErrorMemoryAllocation;
  }
  registry.memory().insert(
      Allocation{base, size, device.index(), created, runtimeOwned, /*mappedHost=*/nullptr});
  device.bytesAllocated += size;
  *address = base;
  if (buffer != nullptr)
    *buffer = created;
  return cudaSuccess;
}

void releaseRuntimeMemory(Device &device, std::uintptr_t address) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  Allocation removed;
  if (!registry.memory().erase(address, &removed, /*runtimeOwned=*/true))
    return;
  registry.addresses().release(removed.base, removed.size);
  device.bytesAllocated -= removed.size;
}

} // namespace cucl
