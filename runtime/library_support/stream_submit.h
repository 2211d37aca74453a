// OpenCL commands of a library (cuBLAS, cuRAND) on a CUDA stream: the
// runtime's __cuclEnqueueOnStream (include/cucl/opencl_interop.h) in the C++
// bindings' terms, so that the command is ordered like any CUDA work.
#ifndef CUCL_LIBRARY_SUPPORT_STREAM_SUBMIT_H
#define CUCL_LIBRARY_SUPPORT_STREAM_SUBMIT_H

#include <memory>
#include <type_traits>
#include <vector>

#include "backend/cl.h"
#include "driver_types.h"

namespace cucl::library {

using SubmitThunk = cl_int (*)(void *callable, cl::CommandQueue &queue,
                               const std::vector<cl::Event> *waits, cl::Event *done);
cudaError_t enqueueOnStream(int device, cudaStream_t stream, SubmitThunk thunk, void *callable);

// Enqueues one OpenCL command on `stream` of `device`. `submit(queue, waits,
// done)` must enqueue exactly one command that waits for `waits` (may be
// null) and signals `done`; keep a copy of *done to wait for the command.
// The runtime's codes on failure (a sticky error, a bad stream, a failed
// submit as a failed launch).
template <class Submit>
cudaError_t enqueueOnStream(int device, cudaStream_t stream, Submit &&submit) {
  using Callable = std::remove_reference_t<Submit>;
  SubmitThunk thunk = [](void *callable, cl::CommandQueue &queue,
                         const std::vector<cl::Event> *waits, cl::Event *done) -> cl_int {
    return (*static_cast<Callable *>(callable))(queue, waits, done);
  };
  return enqueueOnStream(device, stream, thunk,
                         const_cast<void *>(static_cast<const void *>(std::addressof(submit))));
}

// Waits for everything queued so far on the stream (a marker command).
cudaError_t synchronizeStream(int device, cudaStream_t stream);

// Waits for one command: false when it failed while executing.
bool waitForCommand(const cl::Event &command);

} // namespace cucl::library

#endif // CUCL_LIBRARY_SUPPORT_STREAM_SUBMIT_H
