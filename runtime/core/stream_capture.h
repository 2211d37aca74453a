// Stream capture (cudaStreamBeginCapture ... cudaStreamEndCapture): while a
// stream captures, the work issued to it becomes nodes of a graph instead of
// running. Each capturing stream has a set of nodes the next captured work
// depends on; an event recorded in a capture carries such a set to the
// streams that wait for it, which join the capture. CUDA's rules on what
// capture forbids (cudaStreamCaptureMode) are kept here too.
#ifndef CUCL_CORE_STREAM_CAPTURE_H
#define CUCL_CORE_STREAM_CAPTURE_H

#include <functional>
#include <memory>
#include <vector>

#include "core/event.h"
#include "core/graph.h"
#include "core/kernel_launch.h"
#include "core/stream.h"

namespace cucl {

// Legacy stream -> cudaErrorStreamCaptureUnsupported; already capturing ->
// cudaErrorIllegalState.
cudaError_t beginCapture(CUstream_st &stream, cudaStreamCaptureMode mode);
// Not capturing -> cudaErrorIllegalState; not where the capture began ->
// cudaErrorStreamCaptureUnmatched; invalidated ->
// cudaErrorStreamCaptureInvalidated; a stream that joined and was not joined
// back -> cudaErrorStreamCaptureUnjoined. Every failure but
// cudaErrorStreamCaptureWrongThread (a non-relaxed capture ended by another
// thread than its own) ends the capture.
cudaError_t endCapture(CUstream_st &stream, std::unique_ptr<CUgraph_st> *graph);

struct CaptureInfo {
  cudaStreamCaptureStatus status = cudaStreamCaptureStatusNone;
  unsigned long long id = 0;
  CUgraph_st *graph = nullptr;
  // The stream's dependency set, valid until the stream's next captured work.
  const std::vector<CUgraphNode_st *> *dependencies = nullptr;
};
CaptureInfo captureInfo(CUstream_st &stream);

// Replaces (cudaStreamSetCaptureDependencies) or extends the stream's
// dependency set. Not capturing -> cudaErrorIllegalState; a node of another
// graph -> cudaErrorInvalidValue.
cudaError_t updateCaptureDependencies(CUstream_st &stream, const cudaGraphNode_t *nodes,
                                      std::size_t count, bool replace);

// Adds a node of `type` after the stream's dependency set and makes it the
// set; `fill` sets its parameters (its failure adds nothing).
cudaError_t captureNode(CUstream_st &stream, cudaGraphNodeType type,
                        const std::function<cudaError_t(CUgraphNode_st &)> &fill);
// A launch on a capturing stream, planned and checked as a direct one.
cudaError_t captureKernelLaunch(CUstream_st &stream, const LaunchPlan &plan, void **args);

// cudaEventRecord on a capturing stream: the event takes the stream's
// dependency set (no node), or with `external` becomes an event-record node.
cudaError_t captureEventRecord(CUevent_st &event, CUstream_st &stream, bool external);
// Whether cudaStreamWaitEvent is capture work: the stream captures, or the
// event was recorded in a capture that is still going on.
bool waitIsCaptured(CUstream_st &stream, CUevent_st &event);
// The stream waits for the event's set, joining its capture when it is not
// capturing; with `external`, an event-wait node. A capture's event waited
// for by another capture -> cudaErrorStreamCaptureMerge; an event from
// outside the capture -> cudaErrorStreamCaptureIsolation.
cudaError_t captureEventWait(CUstream_st &stream, CUevent_st &event, bool external);
// Recorded in a capture that is still going on (cudaEventQuery and
// cudaEventSynchronize then fail with cudaErrorCapturedEvent).
bool eventInActiveCapture(CUevent_st &event);

// Marks the stream's capture invalidated (the work that did it failed).
void invalidateCapture(CUstream_st &stream);
// For a call on `stream` that a capture cannot record and that does not go
// through CUstream_st::enqueue (which refuses by itself): while the stream
// captures, invalidates the capture and answers
// cudaErrorStreamCaptureUnsupported; otherwise cudaSuccess.
cudaError_t refuseWhileCapturing(CUstream_st &stream);
// Invalidates the captures of the device's capturing blocking streams.
void invalidateBlockingCaptures(Device &device);
// cudaDeviceSynchronize during a capture on the device: invalidates them all
// and answers cudaErrorStreamCaptureUnsupported.
cudaError_t refuseDeviceSynchronizeDuringCapture(Device &device);
// A stream is destroyed: it leaves its capture, which is invalidated.
void forgetStream(CUstream_st &stream);
// An event is destroyed: what it carried from a capture goes with it.
void forgetEvent(CUevent_st &event);

// For "potentially unsafe" calls (allocation, freeing, synchronous copies):
// cudaErrorStreamCaptureUnsupported, invalidating the captures concerned,
// when the calling thread's capture mode forbids them now.
cudaError_t checkCaptureAllows();
// cudaThreadExchangeStreamCaptureMode.
cudaStreamCaptureMode exchangeThreadCaptureMode(cudaStreamCaptureMode mode);

} // namespace cucl

#endif // CUCL_CORE_STREAM_CAPTURE_H
