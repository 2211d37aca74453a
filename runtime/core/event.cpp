#include "core/event.h"

#include <memory>
#include <unordered_map>

#include "core/stream.h"
#include "core/stream_capture.h"

namespace cucl {

namespace {
struct EventTable {
  std::mutex mutex;
  std::unordered_map<CUevent_st *, std::unique_ptr<CUevent_st>> events;
};
EventTable &eventTable() {
  static EventTable *table = new EventTable; // leaked: may be used during exit
  return *table;
}

cl::Event markerOf(CUevent_st &event) {
  std::lock_guard<std::mutex> lock(event.mutex);
  return event.marker;
}

// Execution status of a recorded marker, failures raising the sticky error.
cudaError_t markerStatus(CUevent_st &event, const cl::Event &marker) {
  cl_int execution = CL_COMPLETE;
  if (marker.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution) != CL_SUCCESS ||
      execution < 0) {
    event.device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
  return execution == CL_COMPLETE ? cudaSuccess : cudaErrorNotReady;
}
} // namespace

cudaError_t createEvent(Device &device, unsigned flags, cudaEvent_t *out) {
  constexpr unsigned known = cudaEventBlockingSync | cudaEventDisableTiming | cudaEventInterprocess;
  if ((flags & ~known) != 0)
    return cudaErrorInvalidValue;
  auto event = std::make_unique<CUevent_st>(device, flags);
  CUevent_st *raw = event.get();
  EventTable &table = eventTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.events.emplace(raw, std::move(event));
  *out = raw;
  return cudaSuccess;
}

cudaError_t destroyEvent(cudaEvent_t event) {
  std::unique_ptr<CUevent_st> owned;
  EventTable &table = eventTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto it = table.events.find(event);
  if (it == table.events.end())
    return cudaErrorInvalidResourceHandle;
  owned = std::move(it->second);
  table.events.erase(it);
  forgetEvent(*owned);
  return cudaSuccess;
}

cudaError_t checkEvent(cudaEvent_t event) {
  EventTable &table = eventTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  return table.events.count(event) != 0 ? cudaSuccess : cudaErrorInvalidResourceHandle;
}

cudaError_t recordEvent(CUevent_st &event, CUstream_st &stream) {
  if (&event.device != &stream.device)
    return cudaErrorInvalidResourceHandle;
  cl::Event marker;
  cl_int status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    cl_int result = stream.queue.enqueueMarkerWithWaitList(waits, done);
    if (result == CL_SUCCESS)
      marker = *done;
    return result;
  });
  if (status != CL_SUCCESS)
    return cudaErrorLaunchFailure;
  std::lock_guard<std::mutex> lock(event.mutex);
  event.marker = marker;
  event.queue = stream.queue;
  return cudaSuccess;
}

cudaError_t queryEvent(CUevent_st &event) {
  cl::Event marker = markerOf(event);
  if (marker() == nullptr)
    return cudaSuccess; // never recorded: nothing to wait for, as in CUDA
  return markerStatus(event, marker);
}

cudaError_t synchronizeEvent(CUevent_st &event) {
  cl::Event marker = markerOf(event);
  if (marker() == nullptr)
    return cudaSuccess;
  if (marker.wait() != CL_SUCCESS) {
    event.device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
  return markerStatus(event, marker);
}

cudaError_t elapsedTime(float *ms, CUevent_st &start, CUevent_st &end) {
  if (ms == nullptr)
    return cudaErrorInvalidValue;
  if ((start.flags | end.flags) & cudaEventDisableTiming)
    return cudaErrorInvalidResourceHandle;
  if (&start.device != &end.device)
    return cudaErrorInvalidResourceHandle;
  cl::Event first = markerOf(start), last = markerOf(end);
  if (first() == nullptr || last() == nullptr)
    return cudaErrorInvalidResourceHandle; // CUDA's answer for unrecorded events
  for (CUevent_st *event : {&start, &end}) {
    cudaError_t status = markerStatus(*event, event == &start ? first : last);
    if (status != cudaSuccess)
      return status;
  }
  cl_ulong begin = 0, finish = 0;
  if (first.getProfilingInfo(CL_PROFILING_COMMAND_END, &begin) != CL_SUCCESS ||
      last.getProfilingInfo(CL_PROFILING_COMMAND_END, &finish) != CL_SUCCESS)
    return cudaErrorUnknown;
  *ms = static_cast<float>((static_cast<double>(finish) - static_cast<double>(begin)) / 1.0e6);
  return cudaSuccess;
}

cudaError_t streamWaitEvent(CUstream_st &stream, CUevent_st &event) {
  cl::Event marker = markerOf(event);
  if (marker() == nullptr)
    return cudaSuccess; // waiting on an unrecorded event is a no-op in CUDA
  if (&stream.device != &event.device) {
    // Different OpenCL contexts cannot share events: wait on the host.
    return marker.wait() == CL_SUCCESS ? cudaSuccess : cudaErrorLaunchFailure;
  }
  cl::CommandQueue recordedOn;
  {
    std::lock_guard<std::mutex> lock(event.mutex);
    recordedOn = event.queue;
  }
  if (recordedOn() != nullptr)
    recordedOn.flush(); // see Device::blockingStreamTails
  std::vector<cl::Event> waitFor{marker};
  cl_int status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    if (waits != nullptr)
      waitFor.insert(waitFor.end(), waits->begin(), waits->end());
    return stream.queue.enqueueBarrierWithWaitList(&waitFor, done);
  });
  return status == CL_SUCCESS ? cudaSuccess : cudaErrorLaunchFailure;
}

} // namespace cucl
