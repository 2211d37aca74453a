// Streams: creation, destruction, synchronization, queries, event waits.
#include "api/api_support.h"

#include <cstdint>

#include "core/event.h"
#include "core/host_function.h"
#include "core/stream.h"
#include "core/stream_capture.h"

using cucl::Device;

CUCL_API cudaError_t cudaStreamCreateWithFlags(cudaStream_t *pStream, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (pStream == nullptr || (flags & ~static_cast<unsigned>(cudaStreamNonBlocking)) != 0)
      return cudaErrorInvalidValue;
    return cucl::createStream(device, flags, pStream);
  });
}

CUCL_API cudaError_t cudaStreamCreate(cudaStream_t *pStream) {
  return cudaStreamCreateWithFlags(pStream, cudaStreamDefault);
}

CUCL_API cudaError_t cudaStreamDestroy(cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (stream == nullptr || stream == cudaStreamLegacy || stream == cudaStreamPerThread)
      return cudaErrorInvalidResourceHandle;
    return cucl::destroyStream(stream);
  });
}

CUCL_API cudaError_t cudaStreamSynchronize(cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (cudaError_t refused = cucl::refuseWhileCapturing(*resolved); refused != cudaSuccess)
      return refused;
    return resolved->synchronize();
  });
}

// cudaErrorNotReady is an answer, not a failure: it is not recorded as the
// last error (as in CUDA).
CUCL_API cudaError_t cudaStreamQuery(cudaStream_t stream) {
  cudaError_t answer = cudaSuccess;
  cudaError_t status = cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t found = cucl::resolveStream(stream, device, &resolved);
    if (found != cudaSuccess)
      return found;
    if (cudaError_t refused = cucl::refuseWhileCapturing(*resolved); refused != cudaSuccess)
      return refused;
    answer = resolved->query();
    return answer == cudaErrorNotReady ? cudaSuccess : answer;
  });
  return status != cudaSuccess ? status : answer;
}

CUCL_API cudaError_t cudaStreamWaitEvent(cudaStream_t stream, cudaEvent_t event,
                                         unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if ((flags & ~static_cast<unsigned>(cudaEventWaitExternal)) != 0)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status == cudaSuccess)
      status = cucl::checkEvent(event);
    if (status != cudaSuccess)
      return status;
    if (cucl::waitIsCaptured(*resolved, *event))
      return cucl::captureEventWait(*resolved, *event, (flags & cudaEventWaitExternal) != 0);
    return cucl::streamWaitEvent(*resolved, *event);
  });
}

// Priorities are accepted and ignored (the supported range is [0, 0]).
CUCL_API cudaError_t cudaStreamCreateWithPriority(cudaStream_t *pStream, unsigned int flags,
                                                  int priority) {
  (void)priority;
  return cudaStreamCreateWithFlags(pStream, flags);
}

CUCL_API cudaError_t cudaStreamGetFlags(cudaStream_t hStream, unsigned int *flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (flags == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &resolved);
    if (status == cudaSuccess)
      *flags = resolved->flags;
    return status;
  });
}

CUCL_API cudaError_t cudaStreamGetPriority(cudaStream_t hStream, int *priority) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (priority == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &resolved);
    if (status == cudaSuccess)
      *priority = 0;
    return status;
  });
}

// Unique among live streams: the stream object's address (the legacy
// stream's included).
CUCL_API cudaError_t cudaStreamGetId(cudaStream_t hStream, unsigned long long *streamId) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (streamId == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, device, &resolved);
    if (status == cudaSuccess)
      *streamId = reinterpret_cast<std::uintptr_t>(resolved);
    return status;
  });
}

CUCL_API cudaError_t cudaStreamGetDevice(cudaStream_t hStream, int *device) {
  return cucl::onCurrentDevice([&](Device &current) -> cudaError_t {
    if (device == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(hStream, current, &resolved);
    if (status == cudaSuccess)
      *device = resolved->device.index();
    return status;
  });
}

CUCL_API cudaError_t cudaLaunchHostFunc(cudaStream_t stream, cudaHostFn_t fn, void *userData) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (fn == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing())
      return cucl::captureNode(*resolved, cudaGraphNodeTypeHost, [&](CUgraphNode_st &node) {
        node.host = cudaHostNodeParams{fn, userData};
        return cudaSuccess;
      });
    return cucl::enqueueHostFunction(*resolved, [fn, userData](cudaError_t) { fn(userData); });
  });
}

CUCL_API cudaError_t cudaStreamAddCallback(cudaStream_t stream, cudaStreamCallback_t callback,
                                           void *userData, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (callback == nullptr || flags != 0)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return cucl::enqueueHostFunction(*resolved, [callback, stream, userData](cudaError_t result) {
      callback(stream, result, userData);
    });
  });
}
