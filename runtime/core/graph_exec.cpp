#include "core/graph_exec.h"

#include <vector>

#include "core/enqueue_status.h"

CUgraphNode_st *CUgraphExec_st::find(const CUgraphNode_st *programNode) const {
  auto it = copyOf.find(programNode);
  return it == copyOf.end() ? nullptr : it->second;
}

cudaError_t CUgraphExec_st::launch(CUstream_st &stream) {
  std::lock_guard<std::mutex> lock(mutex);
  if (lastEnd() != nullptr && lastQueue() != stream.queue()) {
    // After the previous launch, which ran on another queue (on the same
    // one, the in-order queue already keeps the order).
    cl_int execution = CL_COMPLETE;
    lastEnd.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution);
    if (execution != CL_COMPLETE) {
      lastQueue.flush();
      std::vector<cl::Event> previous{lastEnd};
      cl_int status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
        if (waits != nullptr)
          previous.insert(previous.end(), waits->begin(), waits->end());
        return stream.queue.enqueueBarrierWithWaitList(&previous, done);
      });
      if (status != CL_SUCCESS)
        return cucl::fromEnqueueStatus(status, device);
    }
  }
  for (Step &step : steps) {
    if (step.command == nullptr || disabled.count(step.topLevel) != 0)
      continue;
    cudaError_t status = step.command->enqueue(stream);
    if (status != cudaSuccess)
      return status;
  }
  lastEnd = stream.tail();
  lastQueue = stream.queue;
  return cudaSuccess;
}

namespace cucl {

namespace {
struct ExecTable {
  std::mutex mutex;
  std::unordered_map<CUgraphExec_st *, std::unique_ptr<CUgraphExec_st>> execs;
};
ExecTable &execTable() {
  static ExecTable *table = new ExecTable; // leaked: may be used during exit
  return *table;
}
} // namespace

cudaError_t checkGraphExec(const CUgraphExec_st *exec) {
  ExecTable &table = execTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  return exec != nullptr && table.execs.count(const_cast<CUgraphExec_st *>(exec)) != 0
             ? cudaSuccess
             : cudaErrorInvalidValue;
}

cudaGraphExec_t adoptGraphExec(std::unique_ptr<CUgraphExec_st> exec) {
  CUgraphExec_st *raw = exec.get();
  ExecTable &table = execTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.execs.emplace(raw, std::move(exec));
  return raw;
}

cudaError_t destroyGraphExec(cudaGraphExec_t exec) {
  std::unique_ptr<CUgraphExec_st> owned;
  {
    ExecTable &table = execTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.execs.find(exec);
    if (it == table.execs.end())
      return cudaErrorInvalidValue;
    owned = std::move(it->second);
    table.execs.erase(it);
  }
  // CUDA lets a launched graph finish after its executable is destroyed.
  std::lock_guard<std::mutex> lock(owned->mutex);
  if (owned->lastEnd() != nullptr)
    owned->lastEnd.wait();
  return cudaSuccess;
}

} // namespace cucl
