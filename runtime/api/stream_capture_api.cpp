// Stream capture: work issued to a capturing stream becomes a graph
// (core/stream_capture.h).
#include "api/api_support.h"

#include "api/enum_argument.h"
#include "core/graph.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;

bool validMode(int mode) {
  return mode == cudaStreamCaptureModeGlobal || mode == cudaStreamCaptureModeThreadLocal ||
         mode == cudaStreamCaptureModeRelaxed;
}

// Asking about the legacy stream while a blocking stream of its device
// captures: CUDA's documented cudaErrorStreamCaptureImplicit (the capture
// stays valid).
cudaError_t checkLegacyQuery(const CUstream_st &stream) {
  return stream.legacy && stream.device.blockingCaptures.load() > 0 ? cudaErrorStreamCaptureImplicit
                                                                    : cudaSuccess;
}

} // namespace

CUCL_API cudaError_t cudaStreamBeginCapture(cudaStream_t stream, cudaStreamCaptureMode mode) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (!validMode(cucl::enumArgument(mode)))
      return cudaErrorInvalidValue;
    // The legacy default stream cannot be captured (the per-thread one can).
    if (stream == nullptr || stream == cudaStreamLegacy)
      return cudaErrorStreamCaptureUnsupported;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    return status != cudaSuccess ? status : cucl::beginCapture(*resolved, mode);
  });
}

CUCL_API cudaError_t cudaStreamEndCapture(cudaStream_t stream, cudaGraph_t *pGraph) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (pGraph == nullptr)
      return cudaErrorInvalidValue;
    *pGraph = nullptr;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    std::unique_ptr<CUgraph_st> graph;
    status = cucl::endCapture(*resolved, &graph);
    if (status == cudaSuccess)
      *pGraph = cucl::adoptGraph(std::move(graph));
    return status;
  });
}

CUCL_API cudaError_t cudaStreamGetCaptureInfo(cudaStream_t stream,
                                              cudaStreamCaptureStatus *captureStatus_out,
                                              unsigned long long *id_out, cudaGraph_t *graph_out,
                                              const cudaGraphNode_t **dependencies_out,
                                              size_t *numDependencies_out) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (captureStatus_out == nullptr)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status == cudaSuccess)
      status = checkLegacyQuery(*resolved);
    if (status != cudaSuccess)
      return status;
    cucl::CaptureInfo info = cucl::captureInfo(*resolved);
    *captureStatus_out = info.status;
    if (info.status == cudaStreamCaptureStatusNone)
      return cudaSuccess;
    if (id_out != nullptr)
      *id_out = info.id;
    if (graph_out != nullptr)
      *graph_out = info.graph;
    if (dependencies_out != nullptr)
      *dependencies_out = info.dependencies->empty() ? nullptr : info.dependencies->data();
    if (numDependencies_out != nullptr)
      *numDependencies_out = info.dependencies->size();
    return cudaSuccess;
  });
}

// CUDA 11.3's name of the same call (CUDA 12.0 still declares it).
CUCL_API cudaError_t cudaStreamGetCaptureInfo_v2(cudaStream_t stream,
                                                 cudaStreamCaptureStatus *captureStatus_out,
                                                 unsigned long long *id_out, cudaGraph_t *graph_out,
                                                 const cudaGraphNode_t **dependencies_out,
                                                 size_t *numDependencies_out) {
  return cudaStreamGetCaptureInfo(stream, captureStatus_out, id_out, graph_out, dependencies_out,
                                  numDependencies_out);
}

CUCL_API cudaError_t cudaStreamIsCapturing(cudaStream_t stream,
                                           cudaStreamCaptureStatus *pCaptureStatus) {
  return cudaStreamGetCaptureInfo(stream, pCaptureStatus, nullptr, nullptr, nullptr, nullptr);
}

CUCL_API cudaError_t cudaStreamUpdateCaptureDependencies(cudaStream_t stream,
                                                         cudaGraphNode_t *dependencies,
                                                         size_t numDependencies,
                                                         unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (flags != cudaStreamAddCaptureDependencies && flags != cudaStreamSetCaptureDependencies)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return cucl::updateCaptureDependencies(*resolved, dependencies, numDependencies,
                                           flags == cudaStreamSetCaptureDependencies);
  });
}

// No device work: it answers even before the runtime picked a device.
CUCL_API cudaError_t cudaThreadExchangeStreamCaptureMode(cudaStreamCaptureMode *mode) {
  if (mode == nullptr || !validMode(cucl::enumArgument(*mode)))
    return cucl::report(cudaErrorInvalidValue);
  *mode = cucl::exchangeThreadCaptureMode(*mode);
  return cudaSuccess;
}
