#include "library_support/stream_submit.h"

#include "cucl/opencl_interop.h"

namespace cucl::library {

namespace {

struct Thunk {
  SubmitThunk submit;
  void *callable;
};

// The runtime's C callback, in the C++ bindings' terms: borrowed handles are
// wrapped (retained) for the callable, and the command's event reference is
// handed back to the runtime.
cl_int submitThroughBindings(void *user, cl_command_queue rawQueue, cl_uint numWaits,
                             const cl_event *rawWaits, cl_event *rawDone) {
  const Thunk &thunk = *static_cast<const Thunk *>(user);
  cl::CommandQueue queue(rawQueue, /*retainObject=*/true);
  std::vector<cl::Event> waits;
  waits.reserve(numWaits);
  for (cl_uint i = 0; i < numWaits; ++i)
    waits.emplace_back(rawWaits[i], /*retainObject=*/true);
  cl::Event done;
  cl_int status = thunk.submit(thunk.callable, queue, waits.empty() ? nullptr : &waits, &done);
  if (status != CL_SUCCESS)
    return status;
  if (done() == nullptr)
    return CL_INVALID_EVENT;
  // One reference for the runtime; `done` releases its own on return.
  cl_int retained = clRetainEvent(done());
  if (retained != CL_SUCCESS)
    return retained;
  *rawDone = done();
  return CL_SUCCESS;
}

} // namespace

cudaError_t enqueueOnStream(int device, cudaStream_t stream, SubmitThunk submit, void *callable) {
  Thunk thunk{submit, callable};
  return __cuclEnqueueOnStream(device, stream, submitThroughBindings, &thunk);
}

cudaError_t synchronizeStream(int device, cudaStream_t stream) {
  cl::Event reached;
  cudaError_t status = enqueueOnStream(
      device, stream,
      [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
        cl_int result = queue.enqueueMarkerWithWaitList(waits, done);
        if (result == CL_SUCCESS)
          reached = *done;
        return result;
      });
  if (status != cudaSuccess)
    return status;
  return waitForCommand(reached) ? cudaSuccess : cudaErrorLaunchFailure;
}

bool waitForCommand(const cl::Event &command) {
  cl_int execution = CL_COMPLETE;
  return command.wait() == CL_SUCCESS &&
         command.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution) == CL_SUCCESS &&
         execution >= 0;
}

} // namespace cucl::library
