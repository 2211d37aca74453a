#include "core/host_function.h"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <thread>
#include <utility>

namespace cucl {

namespace {

// Owned by the OpenCL callback, then by the runner thread, which deletes it.
struct PendingHostFunction {
  std::function<void(cudaError_t)> function;
  cl::UserEvent gate; // completes after the function returns
  cudaError_t status = cudaSuccess;
};

// One runtime thread runs every host function. The OpenCL callback only
// hands the function over: drivers may invoke a callback right inside
// clSetEventCallback when the event is already complete (PoCL does), which
// would make cudaLaunchHostFunc block its caller, and a function that
// sleeps on a driver thread could stall the driver's own event processing.
class HostFunctionRunner {
public:
  static HostFunctionRunner &instance() {
    // Leaked, and the thread detached: host functions may still be queued
    // while the process exits.
    static HostFunctionRunner *runner = new HostFunctionRunner;
    return *runner;
  }

  void post(PendingHostFunction *pending) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      queue_.push_back(pending);
    }
    ready_.notify_one();
  }

private:
  HostFunctionRunner() {
    std::thread([this] { run(); }).detach();
  }

  void run() {
    for (;;) {
      std::unique_ptr<PendingHostFunction> pending;
      {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_.wait(lock, [this] { return !queue_.empty(); });
        pending.reset(queue_.front());
        queue_.pop_front();
      }
      pending->function(pending->status);
      pending->gate.setStatus(CL_COMPLETE);
    }
  }

  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<PendingHostFunction *> queue_;
};

void CL_CALLBACK runHostFunction(cl_event, cl_int status, void *data) {
  auto *pending = static_cast<PendingHostFunction *>(data);
  pending->status = status < 0 ? cudaErrorLaunchFailure : cudaSuccess;
  HostFunctionRunner::instance().post(pending);
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
    // No callback: wait here for the earlier work, then hand it over.
    marker.wait();
    runHostFunction(marker(), CL_COMPLETE, raw);
  }
  stream.queue.flush();
  return status == CL_SUCCESS ? cudaSuccess : cudaErrorLaunchFailure;
}

} // namespace cucl
