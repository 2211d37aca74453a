#include "core/kernel_scratch.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "backend/worker_stacks.h"
#include "core/device.h"
#include "core/device_memory.h"
#include "core/diagnostics.h"
#include "core/module_registry.h"
#include "core/stream.h"

namespace cucl {

std::size_t ScratchShape::headerBytes() const {
  return (slots * sizeof(cl_uint) + 127) / 128 * 128;
}

std::size_t ScratchShape::totalBytes() const {
  if (workItems != 0 && frameBytes > SIZE_MAX / workItems)
    return SIZE_MAX;
  std::size_t slotBytes = workItems * frameBytes;
  if (slotBytes != 0 && slots > (SIZE_MAX - headerBytes()) / slotBytes)
    return SIZE_MAX;
  return headerBytes() + slots * slotBytes;
}

ScratchShape scratchShapeFor(Device &device, std::size_t groups, std::size_t concurrent,
                             std::size_t workItems, std::size_t frameBytes, bool cooperative) {
  ScratchShape shape{std::max<std::size_t>(1, std::min(groups, concurrent)), workItems, frameBytes};
  if (cooperative) {
    shape.slots = groups;
    return shape;
  }
  std::size_t room = deviceMemoryFree(device) / 2;
  while (shape.slots > 1 && shape.totalBytes() > room)
    shape.slots = std::max<std::size_t>(1, shape.slots / 2);
  return shape;
}

bool runsScratchVariant(const Device &device, Kernel &kernel, const KernelInstance &instance,
                        std::size_t blockThreads) {
  if (!(kernel.flags & CUCL_KERNEL_SCRATCH) || instance.scratchKernel() == nullptr)
    return false;
  static const char *const asked = std::getenv("CUCL_LOCAL_ARRAYS");
  bool scratch = false;
  if (asked != nullptr && std::strcmp(asked, "scratch") == 0)
    scratch = true;
  else if (asked != nullptr && std::strcmp(asked, "private") == 0)
    scratch = false;
  else if (kernel.flags & CUCL_KERNEL_MEMCHECK)
    scratch = true; // its local arrays are checked there
  else if (device.limits().hostMemory) {
    // A lane-mode work-item is a warp: its lanes' calls share one frame.
    std::size_t workItems =
        (kernel.flags & CUCL_KERNEL_WARP_LANES) ? (blockThreads + 31) / 32 : blockThreads;
    scratch = workItems * kernel.scratchBytes > backend::workerStackBytes() / 2;
  }
  if (scratch && !kernel.scratchNoted.exchange(true))
    verboseLog("kernel %s: local arrays in scratch memory (%zu bytes per %s)", kernel.name.c_str(),
               kernel.scratchBytes, (kernel.flags & CUCL_KERNEL_WARP_LANES) ? "warp" : "thread");
  return scratch;
}

KernelScratch::~KernelScratch() {
  release();
}

void KernelScratch::release() {
  // After cudaDeviceReset the pool's memory was taken back with the rest.
  if (address_ != 0 && device_->generation.load() == generation_)
    releaseRuntimeMemory(*device_, address_);
  address_ = 0;
  bytes_ = 0;
  pool_ = cl::Buffer();
}

cudaError_t KernelScratch::prepare(CUstream_st &stream, const ScratchShape &shape,
                                   cl::Buffer *pool) {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t bytes = shape.totalBytes();
  if (bytes == SIZE_MAX)
    return cudaErrorMemoryAllocation;
  Device &device = stream.device;
  if (address_ != 0 && device.generation.load() != generation_)
    release();
  if (bytes > bytes_) {
    // Work queued before still holds the old buffer; its memory is handed
    // back to the budget now, a little early.
    release();
    cl::Buffer created;
    std::uintptr_t address = 0;
    cudaError_t made =
        allocateDeviceMemory(device, bytes, nullptr, /*runtimeOwned=*/true, &address, &created,
                             /*ownBuffer=*/true);
    if (made != cudaSuccess) {
      verboseLog("scratch memory of %zu bytes for local arrays: the device cannot hold it", bytes);
      return made;
    }
    device_ = &device;
    generation_ = device.generation.load();
    address_ = address;
    bytes_ = bytes;
    pool_ = created;
  }
  cl_int status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return stream.queue.enqueueFillBuffer(pool_, cl_uint(0), 0, shape.headerBytes(), waits, done);
  });
  if (status != CL_SUCCESS)
    return cudaErrorMemoryAllocation;
  *pool = pool_;
  return cudaSuccess;
}

} // namespace cucl
