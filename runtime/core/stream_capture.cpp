#include "core/stream_capture.h"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "core/diagnostics.h"

namespace cucl {

namespace {

struct CaptureSession {
  unsigned long long id = 0;
  cudaStreamCaptureMode mode = cudaStreamCaptureModeGlobal;
  std::thread::id thread;
  CUstream_st *origin = nullptr;
  std::unique_ptr<CUgraph_st> graph;
  bool invalidated = false;
};

struct StreamCapture {
  std::shared_ptr<CaptureSession> session;
  std::vector<CUgraphNode_st *> dependencies;
};

struct EventCapture {
  std::weak_ptr<CaptureSession> session;
  std::vector<CUgraphNode_st *> nodes;
};

// All capture state, under one lock: capture is set up once and replayed
// many times, so this is not on a hot path.
struct CaptureTable {
  std::mutex mutex;
  std::unordered_map<CUstream_st *, StreamCapture> streams;
  std::unordered_map<CUevent_st *, EventCapture> events;
  std::vector<std::shared_ptr<CaptureSession>> sessions;
  unsigned long long nextId = 1;
};
CaptureTable &table() {
  static CaptureTable *captures = new CaptureTable; // leaked: may be used during exit
  return *captures;
}

thread_local cudaStreamCaptureMode threadMode = cudaStreamCaptureModeGlobal;

// Under the lock: the stream's entry when it is capturing.
StreamCapture *entryOf(CaptureTable &captures, CUstream_st &stream) {
  auto it = captures.streams.find(&stream);
  return it == captures.streams.end() ? nullptr : &it->second;
}

void join(CaptureTable &captures, CUstream_st &stream, std::shared_ptr<CaptureSession> session,
          std::vector<CUgraphNode_st *> dependencies) {
  captures.streams[&stream] = StreamCapture{std::move(session), std::move(dependencies)};
  stream.capturing_.store(true, std::memory_order_release);
  if (stream.blocking())
    ++stream.device.blockingCaptures;
}

void leave(CaptureTable &captures, CUstream_st &stream) {
  if (captures.streams.erase(&stream) == 0)
    return;
  stream.capturing_.store(false, std::memory_order_release);
  if (stream.blocking())
    --stream.device.blockingCaptures;
}

// Ends `session`: every stream in it stops capturing.
void finish(CaptureTable &captures, const std::shared_ptr<CaptureSession> &session) {
  std::vector<CUstream_st *> members;
  for (auto &[stream, capture] : captures.streams)
    if (capture.session == session)
      members.push_back(stream);
  for (CUstream_st *stream : members)
    leave(captures, *stream);
  captures.sessions.erase(std::find(captures.sessions.begin(), captures.sessions.end(), session));
}

void addUnique(std::vector<CUgraphNode_st *> &set, CUgraphNode_st *node) {
  if (std::find(set.begin(), set.end(), node) == set.end())
    set.push_back(node);
}

cudaError_t addNode(StreamCapture &capture, cudaGraphNodeType type,
                    const std::function<cudaError_t(CUgraphNode_st &)> &fill) {
  CUgraph_st &graph = *capture.session->graph;
  CUgraphNode_st *node = nullptr;
  cudaError_t status =
      graph.add(type, capture.dependencies.data(), capture.dependencies.size(), &node);
  if (status == cudaSuccess && fill)
    status = fill(*node);
  if (status != cudaSuccess) {
    if (node != nullptr)
      graph.remove(node);
    return status;
  }
  capture.dependencies.assign(1, node);
  return cudaSuccess;
}

} // namespace

cudaError_t beginCapture(CUstream_st &stream, cudaStreamCaptureMode mode) {
  if (stream.legacy)
    return cudaErrorStreamCaptureUnsupported;
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  if (entryOf(captures, stream) != nullptr)
    return cudaErrorIllegalState;
  auto session = std::make_shared<CaptureSession>();
  session->id = captures.nextId++;
  session->mode = mode;
  session->thread = std::this_thread::get_id();
  session->origin = &stream;
  session->graph = std::make_unique<CUgraph_st>();
  captures.sessions.push_back(session);
  join(captures, stream, std::move(session), {});
  return cudaSuccess;
}

cudaError_t endCapture(CUstream_st &stream, std::unique_ptr<CUgraph_st> *graph) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  StreamCapture *capture = entryOf(captures, stream);
  if (capture == nullptr)
    return cudaErrorIllegalState;
  std::shared_ptr<CaptureSession> session = capture->session;
  if (session->origin != &stream) {
    session->invalidated = true;
    return cudaErrorStreamCaptureUnmatched;
  }
  if (session->mode != cudaStreamCaptureModeRelaxed &&
      session->thread != std::this_thread::get_id())
    return cudaErrorStreamCaptureWrongThread; // the capture goes on: its thread may end it
  // Every other stream's last work must lead back to the origin: it has a
  // dependent node, or the origin depends on it.
  const std::vector<CUgraphNode_st *> &ends = capture->dependencies;
  bool unjoined = false;
  for (auto &[member, joined] : captures.streams) {
    if (joined.session != session || member == &stream)
      continue;
    for (CUgraphNode_st *node : joined.dependencies)
      if (node->dependents.empty() && std::find(ends.begin(), ends.end(), node) == ends.end())
        unjoined = true;
  }
  const bool invalidated = session->invalidated;
  finish(captures, session);
  if (invalidated)
    return cudaErrorStreamCaptureInvalidated;
  if (unjoined)
    return cudaErrorStreamCaptureUnjoined;
  *graph = std::move(session->graph);
  return cudaSuccess;
}

CaptureInfo captureInfo(CUstream_st &stream) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  CaptureInfo info;
  StreamCapture *capture = entryOf(captures, stream);
  if (capture == nullptr)
    return info;
  info.status = capture->session->invalidated ? cudaStreamCaptureStatusInvalidated
                                              : cudaStreamCaptureStatusActive;
  info.id = capture->session->id;
  info.graph = capture->session->graph.get();
  info.dependencies = &capture->dependencies;
  return info;
}

cudaError_t updateCaptureDependencies(CUstream_st &stream, const cudaGraphNode_t *nodes,
                                      std::size_t count, bool replace) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  StreamCapture *capture = entryOf(captures, stream);
  if (capture == nullptr)
    return cudaErrorIllegalState;
  if (count != 0 && nodes == nullptr)
    return cudaErrorInvalidValue;
  for (std::size_t i = 0; i < count; ++i)
    if (checkNode(nodes[i]) != cudaSuccess || !capture->session->graph->owns(nodes[i]))
      return cudaErrorInvalidValue;
  if (replace)
    capture->dependencies.clear();
  for (std::size_t i = 0; i < count; ++i)
    addUnique(capture->dependencies, nodes[i]);
  return cudaSuccess;
}

cudaError_t captureNode(CUstream_st &stream, cudaGraphNodeType type,
                        const std::function<cudaError_t(CUgraphNode_st &)> &fill) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  StreamCapture *capture = entryOf(captures, stream);
  if (capture == nullptr)
    return cudaErrorIllegalState;
  if (capture->session->invalidated)
    return cudaErrorStreamCaptureInvalidated;
  return addNode(*capture, type, fill);
}

cudaError_t captureKernelLaunch(CUstream_st &stream, const LaunchPlan &plan, void **args) {
  if (!plan.kernel->args.empty() && args == nullptr)
    return cudaErrorInvalidValue;
  std::vector<std::size_t> sizes;
  for (std::size_t i = 0; i < plan.kernel->args.size(); ++i) {
    if (args[i] == nullptr)
      return cudaErrorInvalidValue;
    sizes.push_back(plan.kernel->args[i].size);
  }
  if (plan.shape.cooperative)
    return cudaErrorNotSupported; // a graph's kernel node has no cooperative form here
  return captureNode(stream, cudaGraphNodeTypeKernel, [&](CUgraphNode_st &node) {
    node.kernel.func = plan.func;
    node.kernel.grid = plan.shape.grid;
    node.kernel.block = plan.shape.block;
    node.kernel.sharedMem = static_cast<unsigned>(plan.shape.sharedMem);
    node.kernel.setArguments(args, sizes);
    return cudaSuccess;
  });
}

cudaError_t captureEventRecord(CUevent_st &event, CUstream_st &stream, bool external) {
  if (&event.device != &stream.device)
    return cudaErrorInvalidResourceHandle;
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  StreamCapture *capture = entryOf(captures, stream);
  if (capture == nullptr)
    return cudaErrorIllegalState;
  if (external)
    return addNode(*capture, cudaGraphNodeTypeEventRecord, [&](CUgraphNode_st &node) {
      node.event = &event;
      return cudaSuccess;
    });
  captures.events[&event] = EventCapture{capture->session, capture->dependencies};
  return cudaSuccess;
}

bool waitIsCaptured(CUstream_st &stream, CUevent_st &event) {
  if (stream.capturing())
    return true;
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  auto it = captures.events.find(&event);
  return it != captures.events.end() && it->second.session.lock() != nullptr;
}

cudaError_t captureEventWait(CUstream_st &stream, CUevent_st &event, bool external) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  StreamCapture *capture = entryOf(captures, stream);
  auto recorded = captures.events.find(&event);
  std::shared_ptr<CaptureSession> recordedIn;
  if (recorded != captures.events.end())
    recordedIn = recorded->second.session.lock();
  if (capture != nullptr && external)
    return addNode(*capture, cudaGraphNodeTypeWaitEvent, [&](CUgraphNode_st &node) {
      node.event = &event;
      return cudaSuccess;
    });
  if (recordedIn == nullptr) {
    // Work from outside the capture cannot be depended upon inside it.
    if (capture != nullptr)
      capture->session->invalidated = true;
    return cudaErrorStreamCaptureIsolation;
  }
  if (capture == nullptr) {
    join(captures, stream, recordedIn, recorded->second.nodes);
    return cudaSuccess;
  }
  if (capture->session != recordedIn) {
    capture->session->invalidated = true;
    recordedIn->invalidated = true;
    return cudaErrorStreamCaptureMerge;
  }
  for (CUgraphNode_st *node : recorded->second.nodes)
    addUnique(capture->dependencies, node);
  return cudaSuccess;
}

bool eventInActiveCapture(CUevent_st &event) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  auto it = captures.events.find(&event);
  return it != captures.events.end() && it->second.session.lock() != nullptr;
}

void invalidateCapture(CUstream_st &stream) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  if (StreamCapture *capture = entryOf(captures, stream))
    capture->session->invalidated = true;
}

cudaError_t refuseWhileCapturing(CUstream_st &stream) {
  if (!stream.capturing())
    return cudaSuccess;
  invalidateCapture(stream);
  return cudaErrorStreamCaptureUnsupported;
}

void invalidateBlockingCaptures(Device &device) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  for (auto &[stream, capture] : captures.streams)
    if (&stream->device == &device && stream->blocking())
      capture.session->invalidated = true;
}

cudaError_t refuseDeviceSynchronizeDuringCapture(Device &device) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  bool any = false;
  for (auto &[stream, capture] : captures.streams)
    if (&stream->device == &device) {
      capture.session->invalidated = true;
      any = true;
    }
  return any ? cudaErrorStreamCaptureUnsupported : cudaSuccess;
}

void forgetStream(CUstream_st &stream) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  if (StreamCapture *capture = entryOf(captures, stream)) {
    capture->session->invalidated = true;
    if (capture->session->origin == &stream)
      capture->session->origin = nullptr; // nobody can end it now
    leave(captures, stream);
  }
}

void forgetEvent(CUevent_st &event) {
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  captures.events.erase(&event);
}

cudaError_t checkCaptureAllows() {
  if (threadMode == cudaStreamCaptureModeRelaxed)
    return cudaSuccess;
  CaptureTable &captures = table();
  std::lock_guard<std::mutex> lock(captures.mutex);
  if (captures.sessions.empty())
    return cudaSuccess;
  const std::thread::id self = std::this_thread::get_id();
  bool forbidden = false;
  for (const std::shared_ptr<CaptureSession> &session : captures.sessions) {
    bool own = session->thread == self && session->mode != cudaStreamCaptureModeRelaxed;
    bool global =
        threadMode == cudaStreamCaptureModeGlobal && session->mode == cudaStreamCaptureModeGlobal;
    if (own || global) {
      session->invalidated = true;
      forbidden = true;
    }
  }
  if (forbidden)
    verboseLog("a call that is not permitted during stream capture (cudaStreamCaptureMode)");
  return forbidden ? cudaErrorStreamCaptureUnsupported : cudaSuccess;
}

cudaStreamCaptureMode exchangeThreadCaptureMode(cudaStreamCaptureMode mode) {
  cudaStreamCaptureMode previous = threadMode;
  threadMode = mode;
  return previous;
}

} // namespace cucl
