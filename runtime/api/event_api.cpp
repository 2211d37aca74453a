// Events: creation, recording, queries, synchronization, timing.
#include "api/api_support.h"

#include "core/event.h"
#include "core/stream.h"

using cucl::Device;

CUCL_API cudaError_t cudaEventCreateWithFlags(cudaEvent_t *event, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (event == nullptr)
      return cudaErrorInvalidValue;
    return cucl::createEvent(device, flags, event);
  });
}

CUCL_API cudaError_t cudaEventCreate(cudaEvent_t *event) {
  return cudaEventCreateWithFlags(event, cudaEventDefault);
}

CUCL_API cudaError_t cudaEventDestroy(cudaEvent_t event) {
  return cucl::onCurrentDevice([&](Device &) { return cucl::destroyEvent(event); });
}

CUCL_API cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    cudaError_t status = cucl::checkEvent(event);
    if (status != cudaSuccess)
      return status;
    // Stream 0 is the current device's: recording an event of another
    // device there is a context mismatch, as for an explicit stream.
    CUstream_st *resolved = nullptr;
    status = cucl::resolveStream(stream, device, &resolved);
    return status != cudaSuccess ? status : cucl::recordEvent(*event, *resolved);
  });
}

// cudaEventRecordExternal matters only inside graph capture (not supported):
// outside it both flags record as cudaEventRecord does.
CUCL_API cudaError_t cudaEventRecordWithFlags(cudaEvent_t event, cudaStream_t stream,
                                              unsigned int flags) {
  if ((flags & ~static_cast<unsigned>(cudaEventRecordExternal)) != 0)
    return cucl::report(cudaErrorInvalidValue);
  return cudaEventRecord(event, stream);
}

// As with cudaStreamQuery, cudaErrorNotReady is not recorded as last error.
CUCL_API cudaError_t cudaEventQuery(cudaEvent_t event) {
  cudaError_t answer = cudaSuccess;
  cudaError_t status = cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t found = cucl::checkEvent(event);
    if (found != cudaSuccess)
      return found;
    answer = cucl::queryEvent(*event);
    return answer == cudaErrorNotReady ? cudaSuccess : answer;
  });
  return status != cudaSuccess ? status : answer;
}

CUCL_API cudaError_t cudaEventSynchronize(cudaEvent_t event) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t status = cucl::checkEvent(event);
    return status != cudaSuccess ? status : cucl::synchronizeEvent(*event);
  });
}

CUCL_API cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t status = cucl::checkEvent(start);
    if (status == cudaSuccess)
      status = cucl::checkEvent(end);
    return status != cudaSuccess ? status : cucl::elapsedTime(ms, *start, *end);
  });
}
