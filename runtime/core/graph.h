// A CUDA graph: nodes (kernel, copy, memset, host function, event record and
// wait, empty, child graph) and the dependencies between them. Built by the
// node API or by stream capture (core/stream_capture.h); instantiated into a
// CUgraphExec_st (core/graph_exec.h), which is what runs. Graphs are not
// internally synchronized, as in CUDA: one thread changes a graph at a time.
#ifndef CUCL_CORE_GRAPH_H
#define CUCL_CORE_GRAPH_H

#include <cstddef>
#include <memory>
#include <vector>

#include "core/public_headers.h"

namespace cucl {

// A kernel node's launch, owning a copy of each argument's value so that the
// caller's kernelParams may go away (CUDA copies them too).
struct KernelNodeLaunch {
  const void *func = nullptr;
  dim3 grid, block;
  unsigned sharedMem = 0;
  std::vector<std::vector<std::max_align_t>> values;
  std::vector<void *> pointers; // into `values`: CUDA's kernelParams

  // Copies `sizes.size()` arguments from `args`.
  void setArguments(void **args, const std::vector<std::size_t> &sizes);
  KernelNodeLaunch() = default;
  KernelNodeLaunch(const KernelNodeLaunch &other);
  KernelNodeLaunch &operator=(const KernelNodeLaunch &other);
};

// A node's parameters of its type, apart from a child graph (which is owned
// and cloned, not copied): what changing a node saves, restores and copies.
struct NodeParameters {
  KernelNodeLaunch kernel;
  cudaMemcpy3DParms copy{};
  cudaMemsetParams memset{};
  cudaHostNodeParams host{};
  cudaEvent_t event = nullptr;
};

} // namespace cucl

struct CUgraphNode_st : cucl::NodeParameters {
  CUgraphNode_st(CUgraph_st &owner, cudaGraphNodeType nodeType);
  ~CUgraphNode_st();
  CUgraphNode_st(const CUgraphNode_st &) = delete;
  CUgraphNode_st &operator=(const CUgraphNode_st &) = delete;

  CUgraph_st &graph;
  const cudaGraphNodeType type;
  std::vector<CUgraphNode_st *> dependencies; // in the order they were added
  std::vector<CUgraphNode_st *> dependents;
  const CUgraphNode_st *clonedFrom = nullptr; // cudaGraphNodeFindInClone

  // With the parameters of its type (cucl::NodeParameters):
  std::unique_ptr<CUgraph_st> child; // the node's own copy of the child graph

  cucl::NodeParameters &parameters() { return *this; }
};

struct CUgraph_st {
  CUgraph_st();
  ~CUgraph_st();
  CUgraph_st(const CUgraph_st &) = delete;
  CUgraph_st &operator=(const CUgraph_st &) = delete;

  // A new node after `dependencies` (nodes of this graph, no repeats;
  // otherwise cudaErrorInvalidValue and nothing is added).
  cudaError_t add(cudaGraphNodeType type, const cudaGraphNode_t *dependencies, std::size_t count,
                  CUgraphNode_st **out);
  // Removes `node` and its edges.
  void remove(CUgraphNode_st *node);
  bool owns(const CUgraphNode_st *node) const { return node != nullptr && &node->graph == this; }

  std::vector<std::unique_ptr<CUgraphNode_st>> nodes; // in the order they were added
};

namespace cucl {

// cudaErrorInvalidValue unless `graph` / `node` is a live handle.
cudaError_t checkGraph(const CUgraph_st *graph);
cudaError_t checkNode(const CUgraphNode_st *node);

// A deep copy; each node remembers the node it was copied from.
std::unique_ptr<CUgraph_st> cloneGraph(const CUgraph_st &graph);

// Nodes in an order where each follows its dependencies (ties in insertion
// order); false when the edges form a cycle.
bool topologicalOrder(const CUgraph_st &graph, std::vector<CUgraphNode_st *> *order);

// Adds or removes the edge from -> to; false when it exists (add) or does
// not (remove).
bool addEdge(CUgraphNode_st *from, CUgraphNode_st *to);
bool removeEdge(CUgraphNode_st *from, CUgraphNode_st *to);

// Takes ownership of a graph handed to the program (cudaGraphCreate,
// cudaStreamEndCapture, cudaGraphClone) until cudaGraphDestroy.
cudaGraph_t adoptGraph(std::unique_ptr<CUgraph_st> graph);
// cudaGraphDestroy: a graph adopted before -> cudaSuccess.
cudaError_t destroyGraph(cudaGraph_t graph);

} // namespace cucl

#endif // CUCL_CORE_GRAPH_H
