#include "core/host_function.h"

#include <memory>
#include <utility>

namespace cucl {

namespace {

// Owned by the OpenCL callback, which deletes it.
struct PendingHostFunction {
  std::function<void(cudaError_t)> function;
  cl::UserEvent gate; // completes after the function returns
};

void CL_CALLBACK runHostFunction(cl_event, cl_int status, void *data) {
  std::unique_ptr<PendingHostFunction> pending(static_cast<PendingHostFunction *>(data));
  pending->function(status < 0 ? cudaErrorLaunchFailure : cudaSuccess);
  pending->gate.setStatus(CL_COMPLETE);
}

} // namespace

// The stream gets: a marker (earlier work done) -> callback runs the
// function -> user event completes -> a barrier on that user event, which
// becomes the stream's tail, so later commands wait for the function.
cudaError_t enqueueHostFunction(CUstream_st &stream, std::function<void(cudaError_t)> function) {
  cl_int status = CL_SUCCESS;
  auto pending = std::make_unique<PendingHostFunction>();
  pending->function = std::move(function);
  pending->gate = cl::UserEvent(stream.device.context(), &status);
  if (status != CL_SUCCESS)
    return cudaErrorMemoryAllocation;
  cl::Event marker;
  status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    cl_int result = stream.queue.enqueueMarkerWithWaitList(waits, done);
    if (result == CL_SUCCESS)
      marker = *done;
    return result;
  });
  if (status != CL_SUCCESS)
    return cudaErrorLaunchFailure;
  std::vector<cl::Event> gate{pending->gate};
  status = stream.enqueue([&](const std::vector<cl::Event> *, cl::Event *done) {
    return stream.queue.enqueueBarrierWithWaitList(&gate, done);
  });
  if (status != CL_SUCCESS) {
    // Nothing waits on the gate; still run the function once work is done.
    pending->gate.setStatus(CL_COMPLETE);
  }
  PendingHostFunction *raw = pending.release();
  if (marker.setCallback(CL_COMPLETE, runHostFunction, raw) != CL_SUCCESS) {
    // Cannot defer: wait here and run it on this thread.
    marker.wait();
    runHostFunction(marker(), CL_COMPLETE, raw);
  }
  stream.queue.flush();
  return status == CL_SUCCESS ? cudaSuccess : cudaErrorLaunchFailure;
}

} // namespace cucl
