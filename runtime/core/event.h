// A CUDA event: a marker command in a stream's queue, timed through OpenCL
// profiling.
#ifndef CUCL_CORE_EVENT_H
#define CUCL_CORE_EVENT_H

#include <mutex>

#include "backend/cl.h"
#include "core/device.h"
#include "core/public_headers.h"

struct CUevent_st {
  CUevent_st(cucl::Device &owner, unsigned eventFlags) : device(owner), flags(eventFlags) {}

  cucl::Device &device;
  const unsigned flags;

  std::mutex mutex;
  cl::Event marker;       // null until recorded
  cl::CommandQueue queue; // where it was recorded, flushed before cross-queue waits
};

namespace cucl {

cudaError_t createEvent(Device &device, unsigned flags, cudaEvent_t *out);
cudaError_t destroyEvent(cudaEvent_t event);
// cudaErrorInvalidResourceHandle when `event` is no live event.
cudaError_t checkEvent(cudaEvent_t event);

cudaError_t recordEvent(CUevent_st &event, CUstream_st &stream);
cudaError_t queryEvent(CUevent_st &event);
cudaError_t synchronizeEvent(CUevent_st &event);
cudaError_t elapsedTime(float *ms, CUevent_st &start, CUevent_st &end);
cudaError_t streamWaitEvent(CUstream_st &stream, CUevent_st &event);

} // namespace cucl

#endif // CUCL_CORE_EVENT_H
