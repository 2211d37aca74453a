// Events: creation, recording, queries, synchronization, timing.
#include "api/api_support.h"

#include "core/event.h"
#include "core/stream.h"
#include "core/stream_capture.h"

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

namespace {

cudaError_t record(cudaEvent_t event, cudaStream_t stream, bool external) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    cudaError_t status = cucl::checkEvent(event);
    if (status != cudaSuccess)
      return status;
    // Stream 0 is the current device's: recording an event of another
    // device there is a context mismatch, as for an explicit stream.
    CUstream_st *resolved = nullptr;
    status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing())
      return cucl::captureEventRecord(*event, *resolved, external);
    return cucl::recordEvent(*event, *resolved);
  });
}

// A call that waits for or reads an event recorded in a capture that is
// still going on -> cudaErrorCapturedEvent.
cudaError_t checkUncaptured(cudaEvent_t event) {
  cudaError_t status = cucl::checkEvent(event);
  if (status == cudaSuccess && cucl::eventInActiveCapture(*event))
    status = cudaErrorCapturedEvent;
  return status;
}

} // namespace

CUCL_API cudaError_t cudaEventRecord(cudaEvent_t event, cudaStream_t stream) {
  return record(event, stream, /*external=*/false);
}

// cudaEventRecordExternal matters only in stream capture, where the record
// becomes a node of the graph; elsewhere both flags record as cudaEventRecord.
CUCL_API cudaError_t cudaEventRecordWithFlags(cudaEvent_t event, cudaStream_t stream,
                                              unsigned int flags) {
  if ((flags & ~static_cast<unsigned>(cudaEventRecordExternal)) != 0)
    return cucl::report(cudaErrorInvalidValue);
  return record(event, stream, (flags & cudaEventRecordExternal) != 0);
}

// As with cudaStreamQuery, cudaErrorNotReady is not recorded as last error.
CUCL_API cudaError_t cudaEventQuery(cudaEvent_t event) {
  cudaError_t answer = cudaSuccess;
  cudaError_t status = cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t found = checkUncaptured(event);
    if (found != cudaSuccess)
      return found;
    answer = cucl::queryEvent(*event);
    return answer == cudaErrorNotReady ? cudaSuccess : answer;
  });
  return status != cudaSuccess ? status : answer;
}

CUCL_API cudaError_t cudaEventSynchronize(cudaEvent_t event) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t status = checkUncaptured(event);
    return status != cudaSuccess ? status : cucl::synchronizeEvent(*event);
  });
}

CUCL_API cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t start, cudaEvent_t end) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    cudaError_t status = checkUncaptured(start);
    if (status == cudaSuccess)
      status = checkUncaptured(end);
    return status != cudaSuccess ? status : cucl::elapsedTime(ms, *start, *end);
  });
}
