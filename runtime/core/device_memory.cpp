#include "core/device_memory.h"

#include "backend/buffer_address.h"
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

namespace {

// The arena's size: CUCL_ARENA_BYTES when set, else the device's largest
// buffer; on a device whose memory is host memory no more than half the
// address space left (the arena's pages are only backed where used).
std::size_t arenaBytes(const Device &device) {
  std::size_t bytes = device.limits().maxAllocSize;
  if (const char *asked = std::getenv("CUCL_ARENA_BYTES"))
    bytes = std::min<std::size_t>(bytes, std::strtoull(asked, nullptr, 0));
  bytes = std::min(bytes, device.limits().globalMemSize);
  std::size_t left = addressSpaceLeft();
  if (device.limits().hostMemory && left != SIZE_MAX)
    bytes = std::min(bytes, left / 2);
  return bytes / FirstFitRanges::kAlignment * FirstFitRanges::kAlignment;
}

// One buffer for all the device's allocations, at the address the device
// gives it (backend/buffer_address.h): pointers a kernel makes from the heap
// are then the program's addresses, also when cast to integers.
void makeArena(Device &device) {
  std::size_t bytes = arenaBytes(device);
  cl_int status = CL_INVALID_VALUE;
  cl::Buffer arena;
  if (bytes != 0)
    arena = cl::Buffer(device.context(), CL_MEM_READ_WRITE, bytes, nullptr, &status);
  std::uint64_t base = 0;
  if (status != CL_SUCCESS ||
      !backend::bufferDeviceAddress(device.context(), device.clDevice(),
                                    device.legacyStream().queue, arena, &base)) {
    verboseLog("device %d: no arena of %zu bytes (OpenCL status %d); allocations keep reserved "
               "addresses",
               device.index(), bytes, status);
    return;
  }
  // Ranges start at CUDA's 256-byte alignment of the device address (the
  // driver may align buffers less).
  const std::size_t alignment = FirstFitRanges::kAlignment;
  const std::size_t lead = (alignment - base % alignment) % alignment;
  device.arena = arena;
  device.arenaBase = static_cast<std::uintptr_t>(base);
  device.arenaRanges.reset(lead, (bytes - lead) / alignment * alignment);
  device.arenaAddresses = true;
  device.arenaSize.store(bytes, std::memory_order_release);
  verboseLog("device %d: allocations are ranges of one %zu-byte arena at %#llx", device.index(),
             bytes, static_cast<unsigned long long>(base));
}

// Chooses the device's address model once (see sharedAddresses).
void chooseAddressModel(Device &device) {
  std::call_once(device.addressModelChosen, [&device] {
    const char *chosen = std::getenv("CUCL_DEVICE_ADDRESSES");
    bool wanted = ModuleRegistry::instance().kernelsStorePointers();
    bool arena = false;
    if (chosen != nullptr && std::strcmp(chosen, "svm") == 0)
      wanted = true;
    else if (chosen != nullptr && std::strcmp(chosen, "arena") == 0)
      wanted = arena = true;
    else if (chosen != nullptr && std::strcmp(chosen, "reserved") == 0)
      wanted = false;
    else if (chosen != nullptr && *chosen != '\0')
      verboseLog("CUCL_DEVICE_ADDRESSES=%s: not 'svm', 'arena' or 'reserved'; ignored", chosen);
    if (!wanted)
      return;
    if (arena || !device.limits().coarseGrainedSvm) {
      makeArena(device);
      return;
    }
    device.heapAnchor = backend::svmAllocate(device.context(), AddressReservation::kAlignment, 0);
    device.svmAddresses = device.heapAnchor != nullptr;
    if (!device.svmAddresses) {
      verboseLog("device %d: the driver refused an SVM block", device.index());
      makeArena(device);
      return;
    }
    verboseLog("device %d: allocations take shared (SVM) addresses", device.index());
  });
}

} // namespace

bool sharedAddresses(Device &device) {
  chooseAddressModel(device);
  return device.svmAddresses;
}

bool arenaAddresses(Device &device) {
  chooseAddressModel(device);
  return device.arenaAddresses;
}

cudaError_t setHeapArguments(Device &device, const std::string &kernelName, cl::Kernel &kernel,
                             cl_uint *index) {
  if (arenaAddresses(device)) {
    // The heap is the arena: a loaded address less the arena's base is an
    // offset into it.
    cl_ulong origin = device.arenaBase;
    if (kernel.setArg((*index)++, device.arena) != CL_SUCCESS ||
        kernel.setArg((*index)++, origin) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
    return cudaSuccess;
  }
  if (!sharedAddresses(device)) {
    static std::atomic<bool> told{false};
    if (!told.exchange(true))
      std::fprintf(stderr,
                   "cucl: kernel %s stores pointers in device memory, which needs shared "
                   "virtual memory or an arena; device %d made its first allocation before "
                   "the kernel's module was loaded (set CUCL_DEVICE_ADDRESSES=%s)\n",
                   kernelName.c_str(), device.index(),
                   device.limits().coarseGrainedSvm ? "svm" : "arena");
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

namespace {

// An allocation as a range of the device's arena (its bytes already taken).
// A caller that wants a buffer (the runtime's symbol segments: kernel
// arguments without an offset) gets a sub-buffer over the range for that,
// which then starts at the device's base address alignment; copies use the
// arena itself (PoCL crashes in rectangle copies on sub-buffers).
cudaError_t allocateInArena(Device &device, std::size_t size, std::size_t padded,
                            const void *initial, bool runtimeOwned, std::uintptr_t *address,
                            cl::Buffer *buffer) {
  // The offset's alignment in the buffer (sub-buffers need the device's
  // base address alignment); the address keeps CUDA's 256 bytes.
  std::size_t alignment = 1;
  if (buffer != nullptr)
    alignment =
        std::max<std::size_t>(1, device.clDevice().getInfo<CL_DEVICE_MEM_BASE_ADDR_ALIGN>() / 8);
  // Ranges start at 256-byte aligned addresses, which a smaller alignment of
  // a driver that aligned the arena to it divides: no slack needed then.
  const bool fits = alignment <= FirstFitRanges::kAlignment && device.arenaBase % alignment == 0;
  const std::size_t slack = fits ? 0 : 2 * std::max(alignment, FirstFitRanges::kAlignment);
  const std::size_t rangeBytes = padded + slack;
  std::uintptr_t start = 0;
  if (!device.arenaRanges.allocate(rangeBytes, &start)) {
    untakeDeviceBytes(device, padded);
    verboseLog("allocation of %zu bytes: the arena has %zu bytes free, in pieces", size,
               device.arenaRanges.freeBytes());
    return cudaErrorMemoryAllocation;
  }
  std::size_t offset = (start + alignment - 1) / alignment * alignment;
  // Both alignments are powers of two: a few steps at most, inside `slack`
  // (none where the driver aligned the arena to its own base alignment).
  while ((device.arenaBase + offset) % FirstFitRanges::kAlignment != 0 &&
         offset + alignment + padded <= start + rangeBytes)
    offset += alignment;
  cl_int status = (device.arenaBase + offset) % FirstFitRanges::kAlignment == 0
                      ? CL_SUCCESS
                      : CL_MISALIGNED_SUB_BUFFER_OFFSET;
  cl::Buffer own = device.arena;
  if (status == CL_SUCCESS && buffer != nullptr) {
    cl_buffer_region region{offset, padded};
    own = device.arena.createSubBuffer(CL_MEM_READ_WRITE, CL_BUFFER_CREATE_TYPE_REGION, &region,
                                       &status);
  }
  if (status == CL_SUCCESS && initial != nullptr)
    status = device.legacyStream().queue.enqueueWriteBuffer(device.arena, CL_TRUE, offset, size,
                                                            initial);
  if (status != CL_SUCCESS) {
    device.arenaRanges.release(start, rangeBytes);
    untakeDeviceBytes(device, padded);
    verboseLog("allocation of %zu bytes in the arena failed (OpenCL status %d)", size, status);
    return cudaErrorMemoryAllocation;
  }
  std::uintptr_t base = device.arenaBase + offset;
  Allocation allocation{base, size, device.index(), device.arena, runtimeOwned, nullptr};
  allocation.deviceBytes = padded;
  allocation.bufferOffset = offset;
  allocation.inArena = true;
  allocation.arenaRangeStart = start;
  allocation.arenaRangeBytes = rangeBytes;
  DeviceRegistry::instance().memory().insert(std::move(allocation));
  *address = base;
  if (buffer != nullptr)
    *buffer = own;
  return cudaSuccess;
}

} // namespace

cudaError_t allocateDeviceMemory(Device &device, std::size_t size, const void *initial,
                                 bool runtimeOwned, std::uintptr_t *address, cl::Buffer *buffer,
                                 bool ownBuffer) {
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
  if (!ownBuffer && arenaAddresses(device))
    return allocateInArena(device, size, padded, initial, runtimeOwned, address, buffer);
  DeviceRegistry &registry = DeviceRegistry::instance();
  const bool svm = !ownBuffer && sharedAddresses(device);
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
  if (allocation.inArena) {
    allocation.buffer = cl::Buffer();
    device.arenaRanges.release(allocation.arenaRangeStart, allocation.arenaRangeBytes);
  } else if (allocation.svm != nullptr) {
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
  if (arenaAddresses(device))
    return std::min(free, device.arenaRanges.freeBytes());
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
