#include "core/device_memory.h"

#include "backend/shared_virtual_memory.h"
#include "core/device_registry.h"
#include "core/diagnostics.h"
#include "core/memory_budget.h"
#include "core/module_registry.h"
#include "core/stream.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

namespace cucl {

namespace {

// Counts `bytes` against the device's global memory; false when they do not
// fit next to the live allocations. Lock-free: cudaMalloc is a hot call.
bool takeDeviceBytes(Device &device, std::size_t bytes) {
  std::size_t capacity = device.limits().globalMemSize;
  std::size_t used = device.bytesAllocated.load(std::memory_order_relaxed);
  do {
    if (bytes > capacity || used > capacity - bytes)
      return false;
  } while (
      !device.bytesAllocated.compare_exchange_weak(used, used + bytes, std::memory_order_relaxed));
  return true;
}

// Undoes takeDeviceBytes (and takeHostMemory on a host-memory device) for an
// allocation that got no buffer.
void untakeDeviceBytes(Device &device, std::size_t bytes) {
  device.bytesAllocated -= bytes;
  if (device.limits().hostMemory)
    giveHostMemory(bytes);
}

// A host-memory device's buffer is gone: the driver has freed its memory.
void CL_CALLBACK bufferDestroyed(cl_mem, void *bytes) {
  noteBufferDestroyed(reinterpret_cast<std::uintptr_t>(bytes));
}

// Makes the buffer; on a host-memory device, when the driver refuses while it
// still holds freed buffers (core/memory_budget.h), again once they are gone.
cl::Buffer createBuffer(Device &device, cl_mem_flags flags, std::size_t bytes, void *initial,
                        cl_int *status) {
  DriverReleaseWait wait;
  for (;;) {
    cl::Buffer created(device.context(), flags, bytes, initial, status);
    if (*status == CL_SUCCESS || !device.limits().hostMemory || !wait.next())
      return created;
  }
}

} // namespace

bool sharedAddresses(Device &device) {
  std::call_once(device.addressModelChosen, [&device] {
    const char *chosen = std::getenv("CUCL_DEVICE_ADDRESSES");
    bool wanted = ModuleRegistry::instance().kernelsStorePointers();
    if (chosen != nullptr && std::strcmp(chosen, "svm") == 0)
      wanted = true;
    else if (chosen != nullptr && std::strcmp(chosen, "reserved") == 0)
      wanted = false;
    else if (chosen != nullptr && *chosen != '\0')
      verboseLog("CUCL_DEVICE_ADDRESSES=%s: not 'svm' or 'reserved'; ignored", chosen);
    if (!wanted || !device.limits().coarseGrainedSvm)
      return;
    device.heapAnchor = backend::svmAllocate(device.context(), AddressReservation::kAlignment, 0);
    device.svmAddresses = device.heapAnchor != nullptr;
    verboseLog(device.svmAddresses ? "device %d: allocations take shared (SVM) addresses"
                                   : "device %d: the driver refused an SVM block; allocations "
                                     "keep reserved addresses",
               device.index());
  });
  return device.svmAddresses;
}

cudaError_t setHeapArguments(Device &device, const std::string &kernelName, cl::Kernel &kernel,
                             cl_uint *index) {
  if (!sharedAddresses(device)) {
    static std::atomic<bool> told{false};
    if (!told.exchange(true))
      std::fprintf(stderr,
                   "cucl: kernel %s stores pointers in device memory, which needs shared "
                   "virtual memory (coarse-grained buffer SVM); device %d %s\n",
                   kernelName.c_str(), device.index(),
                   device.limits().coarseGrainedSvm
                       ? "made its first allocation before the kernel's module was loaded "
                         "(set CUCL_DEVICE_ADDRESSES=svm)"
                       : "does not offer it");
    return cudaErrorNotSupported;
  }
  // The heap is any SVM block, whose address is its origin: a loaded
  // address is then the kernel's pointer itself.
  cl_ulong origin = reinterpret_cast<std::uintptr_t>(device.heapAnchor);
  std::vector<void *> reach = DeviceRegistry::instance().memory().svmBlocks(device.index());
  reach.push_back(device.heapAnchor);
  if (backend::setKernelArgSvm(kernel, (*index)++, device.heapAnchor) != CL_SUCCESS ||
      kernel.setArg((*index)++, origin) != CL_SUCCESS ||
      backend::setKernelSvmReach(kernel, reach) != CL_SUCCESS)
    return cudaErrorInvalidKernelImage;
  return cudaSuccess;
}

std::size_t deviceBytesFor(const Device &device, std::size_t size) {
  // Slack after the end: public kernels read a little past their buffers,
  // which NVIDIA's 2 MiB pages make harmless; here it must be as well.
  if (size > device.limits().maxAllocSize - kAllocationSlack)
    return size;
  return (size + kAllocationSlack + kAllocationSlack - 1) / kAllocationSlack * kAllocationSlack;
}

cudaError_t allocateDeviceMemory(Device &device, std::size_t size, const void *initial,
                                 bool runtimeOwned, std::uintptr_t *address, cl::Buffer *buffer) {
  if (size > device.limits().maxAllocSize) {
    verboseLog("allocation of %zu bytes: larger than the device's largest buffer (%zu bytes)", size,
               device.limits().maxAllocSize);
    return cudaErrorMemoryAllocation;
  }
  std::size_t padded = deviceBytesFor(device, size);
  if (!takeDeviceBytes(device, padded)) {
    verboseLog("allocation of %zu bytes: the device has %zu of its %zu bytes free", size,
               deviceMemoryFree(device), device.limits().globalMemSize);
    return cudaErrorMemoryAllocation;
  }
  bool hostMemory = device.limits().hostMemory;
  if (hostMemory && !takeHostBacking(padded, "allocation")) {
    device.bytesAllocated -= padded;
    return cudaErrorMemoryAllocation;
  }
  DeviceRegistry &registry = DeviceRegistry::instance();
  const bool svm = sharedAddresses(device);
  void *block = nullptr;
  std::uintptr_t base = 0;
  std::size_t lead = 0; // from the SVM block's start to the allocation's
  const std::size_t alignment = AddressReservation::kAlignment;
  if (svm) {
    // CUDA's 256-byte alignment; a driver that refuses it (PoCL allows at
    // most 128) gets a larger block, used from its first aligned byte.
    block = backend::svmAllocate(device.context(), padded, alignment);
    if (block == nullptr)
      block = backend::svmAllocate(device.context(), padded + alignment, 0);
    if (block != nullptr) {
      lead = (alignment - reinterpret_cast<std::uintptr_t>(block) % alignment) % alignment;
      base = reinterpret_cast<std::uintptr_t>(block) + lead;
    }
  } else {
    base = registry.addresses().allocate(size);
  }
  if (base == 0) {
    untakeDeviceBytes(device, padded);
    verboseLog(svm ? "allocation of %zu bytes: the driver refused the SVM block"
                   : "allocation of %zu bytes: the device address range is exhausted",
               size);
    return cudaErrorMemoryAllocation;
  }
  cl_int status = CL_SUCCESS;
  cl::Buffer created;
  if (svm) {
    // The buffer's storage is the SVM block (OpenCL 2.0, clCreateBuffer):
    // copies and pointer arguments keep using buffers.
    created = cl::Buffer(device.context(), CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, padded,
                         reinterpret_cast<void *>(base), &status);
    if (status == CL_SUCCESS && initial != nullptr) // coarse grain: no host stores outside a map
      status = device.legacyStream().queue.enqueueWriteBuffer(created, CL_TRUE, 0, size, initial);
  } else {
    std::vector<unsigned char> initialPadded;
    if (initial != nullptr && padded != size) { // COPY_HOST_PTR reads the whole buffer's size
      initialPadded.assign(padded, 0);
      std::memcpy(initialPadded.data(), initial, size);
      initial = initialPadded.data();
    }
    cl_mem_flags flags = CL_MEM_READ_WRITE | (initial != nullptr ? CL_MEM_COPY_HOST_PTR : 0) |
                         (hostMemory ? CL_MEM_ALLOC_HOST_PTR : 0);
    created = createBuffer(device, flags, padded, const_cast<void *>(initial), &status);
  }
  if (status != CL_SUCCESS) {
    created = cl::Buffer();
    if (svm)
      backend::svmFree(device.context(), block);
    else
      registry.addresses().release(base, size);
    untakeDeviceBytes(device, padded);
    verboseLog("allocation of %zu bytes: the driver refused the buffer (OpenCL status %d)", size,
               status);
    return cudaErrorMemoryAllocation;
  }
  Allocation allocation{base, size, device.index(), created, runtimeOwned, /*mappedHost=*/nullptr};
  allocation.deviceBytes = padded;
  allocation.svm = block;
  // Under a limit, learn when the driver has really freed the buffer's memory
  // (a callback costs about as much as the rest of the allocation).
  allocation.releaseTracked = hostMemory && addressSpaceLimit() != SIZE_MAX &&
                              created.setDestructorCallback(
                                  bufferDestroyed, reinterpret_cast<void *>(padded)) == CL_SUCCESS;
  registry.memory().insert(std::move(allocation));
  *address = base;
  if (buffer != nullptr)
    *buffer = created;
  return cudaSuccess;
}

void returnDeviceMemory(Device &device, Allocation &allocation) {
  if (allocation.svm != nullptr) {
    allocation.buffer = cl::Buffer(); // the buffer only borrows the block
    backend::svmFree(device.context(), allocation.svm);
    allocation.svm = nullptr;
  } else {
    DeviceRegistry::instance().addresses().release(allocation.base, allocation.size);
  }
  if (allocation.deviceBytes == 0)
    return;
  untakeDeviceBytes(device, allocation.deviceBytes);
  if (allocation.releaseTracked)
    noteBufferFreed(allocation.deviceBytes);
}

std::size_t deviceMemoryFree(Device &device) {
  std::size_t capacity = device.limits().globalMemSize;
  std::size_t used = device.bytesAllocated.load(std::memory_order_relaxed);
  std::size_t free = used < capacity ? capacity - used : 0;
  if (device.limits().hostMemory) {
    free = std::min(free, hostMemoryLeft());
    std::size_t addressSpace = addressSpaceLeft();
    if (addressSpace != SIZE_MAX)
      free = std::min(free, addressSpace > kAddressSpaceMargin ? addressSpace - kAddressSpaceMargin
                                                               : std::size_t(0));
  }
  if (sharedAddresses(device)) // no reserved range to run out of
    return free;
  return std::min(free, DeviceRegistry::instance().addresses().freeBytes());
}

void releaseRuntimeMemory(Device &device, std::uintptr_t address) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  Allocation removed;
  if (!registry.memory().erase(address, &removed, /*runtimeOwned=*/true))
    return;
  returnDeviceMemory(device, removed);
}

} // namespace cucl
