// The scratch memory of kernels that keep large local arrays in it
// (CUCL_KERNEL_SCRATCH in include/cucl/module_abi.h): one pool per stream,
// grown to the largest launch so far, its slot words zeroed on the stream
// before each launch that uses it. The pool is device memory like any
// allocation: cudaMemGetInfo counts it, and a device that cannot hold it
// refuses the launch.
#ifndef CUCL_CORE_KERNEL_SCRATCH_H
#define CUCL_CORE_KERNEL_SCRATCH_H

#include <cstddef>
#include <cstdint>
#include <mutex>

#include "backend/cl.h"
#include "core/public_headers.h"

struct CUstream_st;

namespace cucl {

class Device;
struct Kernel;
struct KernelInstance;

// How a launch uses the pool: `slots` work-groups at once, each of
// `workItems` frames of `frameBytes`.
struct ScratchShape {
  std::size_t slots = 0;
  std::size_t workItems = 0;
  std::size_t frameBytes = 0;

  std::size_t headerBytes() const; // the slot words, rounded up to 128 bytes
  std::size_t totalBytes() const;  // SIZE_MAX when it overflows
};

// The slots a launch of `groups` work-groups gets: one per work-group the
// device runs at once (`concurrent`; every work-group of a cooperative
// launch), no more than the grid has, and fewer when they would take more
// than half the device's free memory (never fewer than one: work-groups
// sharing a slot take turns). A cooperative launch gets all or fails.
ScratchShape scratchShapeFor(Device &device, std::size_t groups, std::size_t concurrent,
                             std::size_t workItems, std::size_t frameBytes, bool cooperative);

// Whether a launch of `kernel` with blocks of `blockThreads` threads runs
// its scratch variant (CUCL_KERNEL_SCRATCH): where the device cannot hold the
// large local arrays privately. In-process CPU devices keep a work-group's
// private arrays on a worker's stack: the variant runs when they would take
// more than half of it. Other drivers place private arrays themselves (as
// CUDA places local memory). A kernel translated with memcheck runs it always:
// its local arrays are checked there. CUCL_LOCAL_ARRAYS=scratch or =private
// decides for every launch (tests, measurements).
bool runsScratchVariant(const Device &device, Kernel &kernel, const KernelInstance &instance,
                        std::size_t blockThreads);

class KernelScratch {
public:
  KernelScratch() = default;
  KernelScratch(const KernelScratch &) = delete;
  KernelScratch &operator=(const KernelScratch &) = delete;
  ~KernelScratch();

  // A pool for `shape` with its slot words zeroed on `stream` (in order before
  // the launch). cudaErrorMemoryAllocation when the device cannot hold it.
  cudaError_t prepare(CUstream_st &stream, const ScratchShape &shape, cl::Buffer *pool);

private:
  void release();

  std::mutex mutex_;
  Device *device_ = nullptr;
  unsigned generation_ = 0; // the device's: cudaDeviceReset takes the pool's memory back
  std::uintptr_t address_ = 0;
  std::size_t bytes_ = 0;
  cl::Buffer pool_;
};

} // namespace cucl

#endif // CUCL_CORE_KERNEL_SCRATCH_H
