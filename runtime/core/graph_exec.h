// An executable graph (cudaGraphInstantiate): a private copy of the graph
// and one prepared command (core/command.h) per node, in an order where
// every node follows its dependencies. A launch enqueues the commands on the
// stream in that order: the stream's in-order queue keeps every edge, and
// nothing is checked or resolved again. Independent branches therefore run
// one after another, not side by side.
#ifndef CUCL_CORE_GRAPH_EXEC_H
#define CUCL_CORE_GRAPH_EXEC_H

#include <memory>
#include <mutex>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "backend/cl.h"
#include "core/command.h"
#include "core/device.h"
#include "core/graph.h"

struct CUgraphExec_st {
  CUgraphExec_st(cucl::Device &owner, unsigned long long instantiateFlags)
      : device(owner), flags(instantiateFlags) {}

  cucl::Device &device;
  const unsigned long long flags;

  // The instantiated copy of the program's graph, and which of its nodes
  // each node of the program's graph became (what Exec*SetParams name).
  std::unique_ptr<CUgraph_st> graph;
  std::unordered_map<const CUgraphNode_st *, CUgraphNode_st *> copyOf;

  struct Step {
    CUgraphNode_st *node = nullptr;         // in `graph` (or in a child graph of it)
    CUgraphNode_st *topLevel = nullptr;     // the node of `graph` it belongs to
    std::unique_ptr<cucl::Command> command; // null for empty nodes
  };
  std::vector<Step> steps;
  std::unordered_set<const CUgraphNode_st *> disabled; // cudaGraphNodeSetEnabled

  // Launches are serialized, and each starts after the one before it ended
  // (CUDA orders launches of one executable graph).
  std::mutex mutex;
  cl::Event lastEnd;
  cl::CommandQueue lastQueue; // where the last launch ran

  // The node of `graph` that `programNode` became; nullptr if none.
  CUgraphNode_st *find(const CUgraphNode_st *programNode) const;
  cudaError_t launch(CUstream_st &stream);
};

namespace cucl {

cudaError_t checkGraphExec(const CUgraphExec_st *exec);
cudaGraphExec_t adoptGraphExec(std::unique_ptr<CUgraphExec_st> exec);
cudaError_t destroyGraphExec(cudaGraphExec_t exec);

} // namespace cucl

#endif // CUCL_CORE_GRAPH_EXEC_H
