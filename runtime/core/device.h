// One OpenCL device as a CUDA device: its context, limits, CUDA-style
// properties, the legacy default stream and its list of user streams.
#ifndef CUCL_CORE_DEVICE_H
#define CUCL_CORE_DEVICE_H

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <vector>

#include "backend/cl.h"
#include "core/first_fit_ranges.h"
#include "core/public_headers.h"

struct CUstream_st;

namespace cucl {

// The limits the runtime validates launches and allocations against: OpenCL's,
// with the block limits capped at CUDA's.
struct DeviceLimits {
  std::size_t maxWorkGroupSize = 0;
  std::size_t maxWorkItemSizes[3] = {0, 0, 0};
  std::size_t localMemSize = 0;
  std::size_t maxAllocSize = 0;
  std::size_t globalMemSize = 0;
  std::size_t maxConstantBufferSize = 0;
  // Global memory is the host's (a CPU device sharing host memory): its
  // buffers also draw on the process's address space and the machine's
  // available memory (core/memory_budget.h).
  bool hostMemory = false;
  // Coarse-grained buffer SVM (OpenCL 2.0): allocations can take addresses
  // kernels share (core/device_memory.h).
  bool coarseGrainedSvm = false;
};

// CUDA grid limits reported and enforced (those of compute capability 7.0).
constexpr unsigned kMaxGridX = 2147483647u;
constexpr unsigned kMaxGridYZ = 65535u;
// CUDA's block limits (every compute capability): the device limits are the
// smaller of these and OpenCL's, so a program sized for CUDA's limits (and
// its launch-error checks) behaves as on CUDA.
constexpr std::size_t kMaxThreadsPerBlock = 1024;
constexpr std::size_t kMaxBlockDim[3] = {1024, 1024, 64};

class Device {
public:
  // `status` receives the first OpenCL error while creating the context/queue.
  Device(int index, cl::Device device, cl_int *status);
  ~Device();
  Device(const Device &) = delete;
  Device &operator=(const Device &) = delete;

  int index() const { return index_; }
  const cl::Device &clDevice() const { return device_; }
  const cl::Context &context() const { return context_; }
  const DeviceLimits &limits() const { return limits_; }
  const cudaDeviceProp &properties() const { return properties_; }
  CUstream_st &legacyStream() { return *legacy_; }

  // Streams that synchronize with the legacy stream register themselves here.
  void addStream(std::shared_ptr<CUstream_st> stream);
  // Forgets destroyed streams whose queued work has finished.
  void dropFinishedDestroyedStreams();
  // The last command of every registered blocking stream (legacy-stream
  // semantics: work on stream 0 waits for all of them).
  std::vector<cl::Event> blockingStreamTails();

  // Waits for every stream of the device.
  cudaError_t synchronize();

  cudaError_t stickyError() const { return sticky_.load(std::memory_order_relaxed); }
  void raiseStickyError(cudaError_t error);
  void clearStickyError() { sticky_.store(cudaSuccess); }

  // Device memory the live allocations take, slack included
  // (core/device_memory.h): cudaMemGetInfo's "used".
  std::atomic<std::size_t> bytesAllocated{0};
  // Counts cudaDeviceReset calls: storage the runtime made for an earlier
  // generation (device symbols) is gone and made again on next use.
  std::atomic<unsigned> generation{0};

  // How the device's allocations are addressed, chosen at its first
  // allocation (core/device_memory.h, sharedAddresses).
  std::once_flag addressModelChosen;
  bool svmAddresses = false;
  // In that model: the heap argument of kernels that store pointers, a small
  // runtime-owned SVM block whose address is its own origin.
  void *heapAnchor = nullptr;
  // The arena model (a device without SVM whose kernels store pointers):
  // every allocation is a range of one buffer, the kernels' heap, whose first
  // byte has device address `arenaBase` (the driver's address for it);
  // `arenaRanges` hands out offsets.
  bool arenaAddresses = false;
  cl::Buffer arena;
  std::uintptr_t arenaBase = 0;
  std::atomic<std::size_t> arenaSize{0}; // set last (release): classifyPointer reads it unlocked
  FirstFitRanges arenaRanges;

  // Cooperative launches run one after another, whatever their streams: all
  // blocks of each must run at once (core/occupancy.h). The last one's event.
  std::mutex cooperativeMutex;
  cl::Event lastCooperative;

  // Blocking streams of the device now capturing a graph: the legacy stream
  // refuses work meanwhile (CUDA's cudaErrorStreamCaptureImplicit).
  std::atomic<int> blockingCaptures{0};

private:
  void deriveProperties();

  int index_;
  cl::Device device_;
  cl::Context context_;
  DeviceLimits limits_;
  cudaDeviceProp properties_{};
  std::unique_ptr<CUstream_st> legacy_;
  std::mutex streamsMutex_;
  // Shared with the stream table, so a sync in progress keeps a stream that
  // another thread destroys alive until it is done with it.
  std::vector<std::shared_ptr<CUstream_st>> streams_;
  std::atomic<cudaError_t> sticky_{cudaSuccess};
};

} // namespace cucl

#endif // CUCL_CORE_DEVICE_H
