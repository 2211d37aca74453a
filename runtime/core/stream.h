// A CUDA stream: one in-order OpenCL command queue (profiling on, for event
// timing) plus the event of its last command, which is what other streams
// wait on to get CUDA's legacy-default-stream ordering.
#ifndef CUCL_CORE_STREAM_H
#define CUCL_CORE_STREAM_H

#include <atomic>
#include <mutex>
#include <vector>

#include "backend/cl.h"
#include "core/device.h"
#include "core/grid_barrier.h"
#include "core/kernel_scratch.h"
#include "core/kernel_status.h"
#include "core/public_headers.h"
#include "core/stream_attributes.h"

struct CUstream_st {
  CUstream_st(cucl::Device &device, unsigned flags, bool legacy, cl_int *status);

  cucl::Device &device;
  const unsigned flags;
  const bool legacy; // the device's legacy default stream (stream 0)
  cl::CommandQueue queue;

  // Set by cudaStreamDestroy: the handle is gone, but queued work still runs
  // (and still orders the legacy stream) until the device drops the stream.
  std::atomic<bool> destroyed{false};

  // A blocking stream orders itself with the legacy stream both ways.
  bool blocking() const { return !legacy && (flags & cudaStreamNonBlocking) == 0; }
  cl::Event tail();

  // Enqueues one command through `submit(const std::vector<cl::Event>* waits,
  // cl::Event* done) -> cl_int`, first waiting for what CUDA's stream
  // semantics order before it, and records it as the stream's tail.
  // While the stream captures a graph, or for the legacy stream while a
  // blocking stream of its device does, nothing is enqueued: the capture is
  // invalidated and a refusal (core/enqueue_status.h) returned instead.
  template <class Submit> cl_int enqueue(Submit &&submit) {
    if (capturing() || (legacy && device.blockingCaptures.load(std::memory_order_acquire) > 0))
      return refuseDuringCapture();
    std::vector<cl::Event> waits = dependencies();
    std::lock_guard<std::mutex> lock(mutex_);
    cl::Event done;
    cl_int status = submit(waits.empty() ? nullptr : &waits, &done);
    if (status == CL_SUCCESS)
      tail_ = done;
    return status;
  }

  // Whether the stream is part of a capture sequence (core/stream_capture.h,
  // which owns the capture state and sets this under its lock).
  bool capturing() const { return capturing_.load(std::memory_order_acquire); }
  std::atomic<bool> capturing_{false};

  // The record of kernel checks (CUCL_KERNEL_STATUS) of launches on this stream.
  cucl::KernelStatus status;
  // The grid barrier of its kernels that synchronize their grid.
  cucl::GridBarrier gridBarrier;
  // The scratch memory of its kernels that keep local arrays there.
  cucl::KernelScratch scratch;
  // cudaStreamSetAttribute's values.
  cucl::StreamAttributes attributes;

  // Waits for all work; a failed command, or a kernel check that failed,
  // raises the device's sticky error.
  cudaError_t synchronize();
  // cudaSuccess when all work is done, cudaErrorNotReady otherwise.
  cudaError_t query();

private:
  std::vector<cl::Event> dependencies();
  cl_int refuseDuringCapture();

  std::mutex mutex_;
  cl::Event tail_;
};

namespace cucl {

// Maps an API stream handle (0, cudaStreamLegacy, cudaStreamPerThread or a
// created stream) to the stream object; `current` supplies the legacy stream
// and the calling thread's per-thread stream (made at first use).
// A handle that is no live stream -> cudaErrorInvalidResourceHandle.
cudaError_t resolveStream(cudaStream_t handle, Device &current, CUstream_st **out);

cudaError_t createStream(Device &device, unsigned flags, cudaStream_t *out);
cudaError_t destroyStream(cudaStream_t handle);

} // namespace cucl

#endif // CUCL_CORE_STREAM_H
