#include "core/stream.h"

#include <memory>
#include <unordered_map>

#include "backend/cl_error_names.h"
#include "core/diagnostics.h"
#include "core/enqueue_status.h"
#include "core/stream_capture.h"

CUstream_st::CUstream_st(cucl::Device &owner, unsigned streamFlags, bool isLegacy, cl_int *status)
    : device(owner), flags(streamFlags), legacy(isLegacy) {
  queue = cl::CommandQueue(owner.context(), owner.clDevice(), CL_QUEUE_PROFILING_ENABLE, status);
}

cl::Event CUstream_st::tail() {
  std::lock_guard<std::mutex> lock(mutex_);
  return tail_;
}

std::vector<cl::Event> CUstream_st::dependencies() {
  if (legacy)
    return device.blockingStreamTails();
  if (blocking()) {
    CUstream_st &legacyStream = device.legacyStream();
    cl::Event legacyTail = legacyStream.tail();
    if (legacyTail() != nullptr) {
      legacyStream.queue.flush(); // see Device::blockingStreamTails
      return {legacyTail};
    }
  }
  return {};
}

cl_int CUstream_st::refuseDuringCapture() {
  if (capturing()) {
    cucl::invalidateCapture(*this);
    return cucl::kRefusedWhileCapturing;
  }
  // The legacy stream would wait for a capturing blocking stream.
  cucl::invalidateBlockingCaptures(device);
  return cucl::kRefusedImplicitCaptureJoin;
}

cudaError_t CUstream_st::synchronize() {
  cl_int result = queue.finish();
  cl::Event last = tail();
  cl_int execution = CL_COMPLETE;
  if (result == CL_SUCCESS && last() != nullptr)
    result = last.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution);
  if (result != CL_SUCCESS || execution < 0) {
    cucl::verboseLog("stream synchronization failed: %s",
                     cucl::backend::clErrorName(result != CL_SUCCESS ? result : execution));
    device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
  return status.check(*this);
}

cudaError_t CUstream_st::query() {
  cl::Event last = tail();
  if (last() == nullptr)
    return cudaSuccess;
  cl_int execution = CL_COMPLETE;
  if (last.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution) != CL_SUCCESS)
    return cudaErrorLaunchFailure;
  if (execution < 0) {
    device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
  if (execution != CL_COMPLETE) {
    // Nudge the driver: some only start work once flushed.
    queue.flush();
    return cudaErrorNotReady;
  }
  return status.check(*this);
}

namespace cucl {

namespace {
// Live streams created through the API; owns them.
struct StreamTable {
  std::mutex mutex;
  std::unordered_map<CUstream_st *, std::shared_ptr<CUstream_st>> streams;
};
StreamTable &streamTable() {
  static StreamTable *table = new StreamTable; // leaked: may be used during exit
  return *table;
}
// The calling thread's default streams (cudaStreamPerThread), one per
// device, made at first use: blocking streams, so they order themselves with
// the legacy stream as CUDA's per-thread streams do. Destroyed (queued work
// still runs) when the thread ends.
class PerThreadStreams {
public:
  ~PerThreadStreams() {
    for (auto &[device, stream] : streams_)
      destroyStream(stream);
  }
  cudaError_t of(Device &device, CUstream_st **out) {
    auto it = streams_.find(device.index());
    if (it == streams_.end()) {
      cudaStream_t made = nullptr;
      cudaError_t status = createStream(device, cudaStreamDefault, &made);
      if (status != cudaSuccess)
        return status;
      it = streams_.emplace(device.index(), made).first;
    }
    *out = it->second;
    return cudaSuccess;
  }

private:
  std::unordered_map<int, cudaStream_t> streams_;
};
thread_local PerThreadStreams perThreadStreams;

} // namespace

cudaError_t resolveStream(cudaStream_t handle, Device &current, CUstream_st **out) {
  if (handle == nullptr || handle == cudaStreamLegacy) {
    *out = &current.legacyStream();
    return cudaSuccess;
  }
  if (handle == cudaStreamPerThread)
    return perThreadStreams.of(current, out);
  StreamTable &table = streamTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  if (table.streams.count(handle) == 0)
    return cudaErrorInvalidResourceHandle;
  *out = handle;
  return cudaSuccess;
}

cudaError_t createStream(Device &device, unsigned flags, cudaStream_t *out) {
  cl_int status = CL_SUCCESS;
  auto stream = std::make_shared<CUstream_st>(device, flags, /*legacy=*/false, &status);
  if (status != CL_SUCCESS) {
    verboseLog("cannot create a command queue: %s", backend::clErrorName(status));
    return cudaErrorMemoryAllocation;
  }
  CUstream_st *raw = stream.get();
  {
    StreamTable &table = streamTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    table.streams.emplace(raw, stream);
  }
  device.addStream(std::move(stream));
  *out = raw;
  return cudaSuccess;
}

cudaError_t destroyStream(cudaStream_t handle) {
  std::shared_ptr<CUstream_st> owned;
  {
    StreamTable &table = streamTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.streams.find(handle);
    if (it == table.streams.end())
      return cudaErrorInvalidResourceHandle;
    owned = std::move(it->second);
    table.streams.erase(it);
  }
  // CUDA returns at once and lets queued work finish: the device keeps the
  // stream (cudaDeviceSynchronize and the legacy stream still wait for it)
  // and drops it once that work is done.
  forgetStream(*owned);
  owned->destroyed = true;
  owned->queue.flush();
  owned->device.dropFinishedDestroyedStreams();
  return cudaSuccess;
}

} // namespace cucl
