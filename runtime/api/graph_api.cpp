// Graphs built node by node: creation, the node kinds and their parameters,
// edges, queries, cloning and destruction (instantiation and launch:
// graph_exec_api.cpp; capture: stream_capture_api.cpp).
#include "api/api_support.h"

#include <cstdio>
#include <functional>

#include "api/enum_argument.h"
#include "api/graph_preparation.h"
#include "core/event.h"
#include "core/graph.h"
#include "core/module_registry.h"

namespace {

using cucl::Device;

// Adds a node of `type` whose parameters `set` fills in, checked before the
// node joins the graph.
cudaError_t addNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                    const cudaGraphNode_t *pDependencies, size_t numDependencies,
                    cudaGraphNodeType type,
                    const std::function<cudaError_t(CUgraphNode_st &)> &set) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (pGraphNode == nullptr || cucl::checkGraph(graph) != cudaSuccess)
      return cudaErrorInvalidValue;
    CUgraphNode_st *node = nullptr;
    cudaError_t status = graph->add(type, pDependencies, numDependencies, &node);
    if (status != cudaSuccess)
      return status;
    status = set(*node);
    if (status == cudaSuccess)
      status = cucl::prepareNode(*node, device, nullptr);
    if (status != cudaSuccess) {
      graph->remove(node);
      return status;
    }
    *pGraphNode = node;
    return cudaSuccess;
  });
}

// Runs `body` on a live node of `type`; another type -> cudaErrorInvalidValue.
cudaError_t onNode(cudaGraphNode_t node, cudaGraphNodeType type,
                   const std::function<cudaError_t(CUgraphNode_st &)> &body) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkNode(node) != cudaSuccess || node->type != type)
      return cudaErrorInvalidValue;
    return body(*node);
  });
}

// Sets a node's parameters through `change`, keeping the old ones when the
// new ones fail CUDA's checks.
cudaError_t changeNode(cudaGraphNode_t node, cudaGraphNodeType type,
                       const std::function<cudaError_t(CUgraphNode_st &)> &change) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cucl::checkNode(node) != cudaSuccess || node->type != type)
      return cudaErrorInvalidValue;
    const cucl::NodeParameters previous = *node;
    cudaError_t status = change(*node);
    if (status == cudaSuccess)
      status = cucl::prepareNode(*node, device, nullptr);
    if (status != cudaSuccess)
      node->parameters() = previous;
    return status;
  });
}

// CUDA's two-call pattern: a null array asks for the count; otherwise up to
// *count entries are written and *count becomes the number written.
template <class T> cudaError_t listOut(const std::vector<T> &items, T *out, size_t *count) {
  if (count == nullptr)
    return cudaErrorInvalidValue;
  if (out == nullptr) {
    *count = items.size();
    return cudaSuccess;
  }
  std::size_t n = std::min(*count, items.size());
  for (std::size_t i = 0; i < n; ++i)
    out[i] = items[i];
  for (std::size_t i = n; i < *count; ++i)
    out[i] = T{};
  *count = n;
  return cudaSuccess;
}

cudaError_t eventFor(cudaEvent_t event) {
  return cucl::checkEvent(event);
}

} // namespace

CUCL_API cudaError_t cudaGraphCreate(cudaGraph_t *pGraph, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (pGraph == nullptr || flags != 0)
      return cudaErrorInvalidValue;
    *pGraph = cucl::adoptGraph(std::make_unique<CUgraph_st>());
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphDestroy(cudaGraph_t graph) {
  return cucl::onCurrentDevice([&](Device &) { return cucl::destroyGraph(graph); });
}

CUCL_API cudaError_t cudaGraphClone(cudaGraph_t *pGraphClone, cudaGraph_t originalGraph) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (pGraphClone == nullptr || cucl::checkGraph(originalGraph) != cudaSuccess)
      return cudaErrorInvalidValue;
    *pGraphClone = cucl::adoptGraph(cucl::cloneGraph(*originalGraph));
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphNodeFindInClone(cudaGraphNode_t *pNode, cudaGraphNode_t originalNode,
                                              cudaGraph_t clonedGraph) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (pNode == nullptr || cucl::checkNode(originalNode) != cudaSuccess ||
        cucl::checkGraph(clonedGraph) != cudaSuccess)
      return cudaErrorInvalidValue;
    for (const auto &node : clonedGraph->nodes)
      if (node->clonedFrom == originalNode) {
        *pNode = node.get();
        return cudaSuccess;
      }
    return cudaErrorInvalidValue;
  });
}

CUCL_API cudaError_t cudaGraphAddKernelNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                            const cudaGraphNode_t *pDependencies,
                                            size_t numDependencies,
                                            const cudaKernelNodeParams *pNodeParams) {
  return addNode(
      pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeKernel,
      [&](CUgraphNode_st &node) { return cucl::kernelLaunchOf(pNodeParams, &node.kernel); });
}

CUCL_API cudaError_t cudaGraphKernelNodeGetParams(cudaGraphNode_t node,
                                                  cudaKernelNodeParams *pNodeParams) {
  return onNode(node, cudaGraphNodeTypeKernel, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    pNodeParams->func = const_cast<void *>(held.kernel.func);
    pNodeParams->gridDim = held.kernel.grid;
    pNodeParams->blockDim = held.kernel.block;
    pNodeParams->sharedMemBytes = held.kernel.sharedMem;
    pNodeParams->kernelParams =
        held.kernel.pointers.empty() ? nullptr : held.kernel.pointers.data();
    pNodeParams->extra = nullptr;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphKernelNodeSetParams(cudaGraphNode_t node,
                                                  const cudaKernelNodeParams *pNodeParams) {
  return changeNode(node, cudaGraphNodeTypeKernel, [&](CUgraphNode_st &held) {
    return cucl::kernelLaunchOf(pNodeParams, &held.kernel);
  });
}

CUCL_API cudaError_t cudaGraphAddMemcpyNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                            const cudaGraphNode_t *pDependencies,
                                            size_t numDependencies,
                                            const cudaMemcpy3DParms *pCopyParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeMemcpy,
                 [&](CUgraphNode_st &node) -> cudaError_t {
                   if (pCopyParams == nullptr)
                     return cudaErrorInvalidValue;
                   node.copy = *pCopyParams;
                   return cudaSuccess;
                 });
}

CUCL_API cudaError_t cudaGraphAddMemcpyNode1D(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                              const cudaGraphNode_t *pDependencies,
                                              size_t numDependencies, void *dst, const void *src,
                                              size_t count, cudaMemcpyKind kind) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeMemcpy,
                 [&](CUgraphNode_st &node) {
                   node.copy = cucl::linearCopy(dst, src, count, kind);
                   return cudaSuccess;
                 });
}

CUCL_API cudaError_t cudaGraphMemcpyNodeGetParams(cudaGraphNode_t node,
                                                  cudaMemcpy3DParms *pNodeParams) {
  return onNode(node, cudaGraphNodeTypeMemcpy, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    *pNodeParams = held.copy;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphMemcpyNodeSetParams(cudaGraphNode_t node,
                                                  const cudaMemcpy3DParms *pNodeParams) {
  return changeNode(node, cudaGraphNodeTypeMemcpy, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    held.copy = *pNodeParams;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphMemcpyNodeSetParams1D(cudaGraphNode_t node, void *dst,
                                                    const void *src, size_t count,
                                                    cudaMemcpyKind kind) {
  return changeNode(node, cudaGraphNodeTypeMemcpy, [&](CUgraphNode_st &held) {
    held.copy = cucl::linearCopy(dst, src, count, kind);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphAddMemsetNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                            const cudaGraphNode_t *pDependencies,
                                            size_t numDependencies,
                                            const cudaMemsetParams *pMemsetParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeMemset,
                 [&](CUgraphNode_st &node) -> cudaError_t {
                   if (pMemsetParams == nullptr)
                     return cudaErrorInvalidValue;
                   node.memset = *pMemsetParams;
                   return cudaSuccess;
                 });
}

CUCL_API cudaError_t cudaGraphMemsetNodeGetParams(cudaGraphNode_t node,
                                                  cudaMemsetParams *pNodeParams) {
  return onNode(node, cudaGraphNodeTypeMemset, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    *pNodeParams = held.memset;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphMemsetNodeSetParams(cudaGraphNode_t node,
                                                  const cudaMemsetParams *pNodeParams) {
  return changeNode(node, cudaGraphNodeTypeMemset, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    held.memset = *pNodeParams;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphAddHostNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                          const cudaGraphNode_t *pDependencies,
                                          size_t numDependencies,
                                          const cudaHostNodeParams *pNodeParams) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeHost,
                 [&](CUgraphNode_st &node) -> cudaError_t {
                   if (pNodeParams == nullptr)
                     return cudaErrorInvalidValue;
                   node.host = *pNodeParams;
                   return cudaSuccess;
                 });
}

CUCL_API cudaError_t cudaGraphHostNodeGetParams(cudaGraphNode_t node,
                                                cudaHostNodeParams *pNodeParams) {
  return onNode(node, cudaGraphNodeTypeHost, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    *pNodeParams = held.host;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphHostNodeSetParams(cudaGraphNode_t node,
                                                const cudaHostNodeParams *pNodeParams) {
  return changeNode(node, cudaGraphNodeTypeHost, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pNodeParams == nullptr)
      return cudaErrorInvalidValue;
    held.host = *pNodeParams;
    return cudaSuccess;
  });
}

// The node holds its own copy of `childGraph`, as in CUDA.
CUCL_API cudaError_t cudaGraphAddChildGraphNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                                const cudaGraphNode_t *pDependencies,
                                                size_t numDependencies, cudaGraph_t childGraph) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeGraph,
                 [&](CUgraphNode_st &node) -> cudaError_t {
                   if (cucl::checkGraph(childGraph) != cudaSuccess || childGraph == graph)
                     return cudaErrorInvalidValue;
                   node.child = cucl::cloneGraph(*childGraph);
                   return cudaSuccess;
                 });
}

CUCL_API cudaError_t cudaGraphChildGraphNodeGetGraph(cudaGraphNode_t node, cudaGraph_t *pGraph) {
  return onNode(node, cudaGraphNodeTypeGraph, [&](CUgraphNode_st &held) -> cudaError_t {
    if (pGraph == nullptr)
      return cudaErrorInvalidValue;
    *pGraph = held.child.get();
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphAddEmptyNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                           const cudaGraphNode_t *pDependencies,
                                           size_t numDependencies) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeEmpty,
                 [](CUgraphNode_st &) { return cudaSuccess; });
}

CUCL_API cudaError_t cudaGraphAddEventRecordNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                                 const cudaGraphNode_t *pDependencies,
                                                 size_t numDependencies, cudaEvent_t event) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeEventRecord,
                 [&](CUgraphNode_st &node) {
                   node.event = event;
                   return eventFor(event);
                 });
}

CUCL_API cudaError_t cudaGraphAddEventWaitNode(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                               const cudaGraphNode_t *pDependencies,
                                               size_t numDependencies, cudaEvent_t event) {
  return addNode(pGraphNode, graph, pDependencies, numDependencies, cudaGraphNodeTypeWaitEvent,
                 [&](CUgraphNode_st &node) {
                   node.event = event;
                   return eventFor(event);
                 });
}

namespace {
cudaError_t nodeEvent(cudaGraphNode_t node, cudaGraphNodeType type, cudaEvent_t *event_out) {
  return onNode(node, type, [&](CUgraphNode_st &held) -> cudaError_t {
    if (event_out == nullptr)
      return cudaErrorInvalidValue;
    *event_out = held.event;
    return cudaSuccess;
  });
}
cudaError_t setNodeEvent(cudaGraphNode_t node, cudaGraphNodeType type, cudaEvent_t event) {
  return changeNode(node, type, [&](CUgraphNode_st &held) {
    held.event = event;
    return eventFor(event);
  });
}
} // namespace

CUCL_API cudaError_t cudaGraphEventRecordNodeGetEvent(cudaGraphNode_t node,
                                                      cudaEvent_t *event_out) {
  return nodeEvent(node, cudaGraphNodeTypeEventRecord, event_out);
}

CUCL_API cudaError_t cudaGraphEventRecordNodeSetEvent(cudaGraphNode_t node, cudaEvent_t event) {
  return setNodeEvent(node, cudaGraphNodeTypeEventRecord, event);
}

CUCL_API cudaError_t cudaGraphEventWaitNodeGetEvent(cudaGraphNode_t node, cudaEvent_t *event_out) {
  return nodeEvent(node, cudaGraphNodeTypeWaitEvent, event_out);
}

CUCL_API cudaError_t cudaGraphEventWaitNodeSetEvent(cudaGraphNode_t node, cudaEvent_t event) {
  return setNodeEvent(node, cudaGraphNodeTypeWaitEvent, event);
}

CUCL_API cudaError_t cudaGraphNodeGetType(cudaGraphNode_t node, cudaGraphNodeType *pType) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (pType == nullptr || cucl::checkNode(node) != cudaSuccess)
      return cudaErrorInvalidValue;
    *pType = node->type;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphGetNodes(cudaGraph_t graph, cudaGraphNode_t *nodes,
                                       size_t *numNodes) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraph(graph) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::vector<cudaGraphNode_t> all;
    for (const auto &node : graph->nodes)
      all.push_back(node.get());
    return listOut(all, nodes, numNodes);
  });
}

CUCL_API cudaError_t cudaGraphGetRootNodes(cudaGraph_t graph, cudaGraphNode_t *pRootNodes,
                                           size_t *pNumRootNodes) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraph(graph) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::vector<cudaGraphNode_t> roots;
    for (const auto &node : graph->nodes)
      if (node->dependencies.empty())
        roots.push_back(node.get());
    return listOut(roots, pRootNodes, pNumRootNodes);
  });
}

CUCL_API cudaError_t cudaGraphGetEdges(cudaGraph_t graph, cudaGraphNode_t *from,
                                       cudaGraphNode_t *to, size_t *numEdges) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraph(graph) != cudaSuccess || numEdges == nullptr ||
        (from == nullptr) != (to == nullptr))
      return cudaErrorInvalidValue;
    std::vector<cudaGraphNode_t> sources, targets;
    for (const auto &node : graph->nodes)
      for (CUgraphNode_st *dependency : node->dependencies) {
        sources.push_back(dependency);
        targets.push_back(node.get());
      }
    size_t count = *numEdges;
    cudaError_t status = listOut(sources, from, &count);
    return status == cudaSuccess ? listOut(targets, to, numEdges) : status;
  });
}

CUCL_API cudaError_t cudaGraphNodeGetDependencies(cudaGraphNode_t node,
                                                  cudaGraphNode_t *pDependencies,
                                                  size_t *pNumDependencies) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkNode(node) != cudaSuccess)
      return cudaErrorInvalidValue;
    return listOut(node->dependencies, pDependencies, pNumDependencies);
  });
}

CUCL_API cudaError_t cudaGraphNodeGetDependentNodes(cudaGraphNode_t node,
                                                    cudaGraphNode_t *pDependentNodes,
                                                    size_t *pNumDependentNodes) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkNode(node) != cudaSuccess)
      return cudaErrorInvalidValue;
    return listOut(node->dependents, pDependentNodes, pNumDependentNodes);
  });
}

namespace {
// Checks every pair first, so that a bad one changes nothing.
cudaError_t changeEdges(cudaGraph_t graph, const cudaGraphNode_t *from, const cudaGraphNode_t *to,
                        size_t count, bool add) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraph(graph) != cudaSuccess ||
        (count != 0 && (from == nullptr || to == nullptr)))
      return cudaErrorInvalidValue;
    for (size_t i = 0; i < count; ++i) {
      if (cucl::checkNode(from[i]) != cudaSuccess || cucl::checkNode(to[i]) != cudaSuccess ||
          !graph->owns(from[i]) || !graph->owns(to[i]) || from[i] == to[i])
        return cudaErrorInvalidValue;
      const auto &dependencies = to[i]->dependencies;
      bool present =
          std::find(dependencies.begin(), dependencies.end(), from[i]) != dependencies.end();
      if (present == add)
        return cudaErrorInvalidValue;
    }
    for (size_t i = 0; i < count; ++i)
      add ? cucl::addEdge(from[i], to[i]) : cucl::removeEdge(from[i], to[i]);
    return cudaSuccess;
  });
}
} // namespace

CUCL_API cudaError_t cudaGraphAddDependencies(cudaGraph_t graph, const cudaGraphNode_t *from,
                                              const cudaGraphNode_t *to, size_t numDependencies) {
  return changeEdges(graph, from, to, numDependencies, /*add=*/true);
}

CUCL_API cudaError_t cudaGraphRemoveDependencies(cudaGraph_t graph, const cudaGraphNode_t *from,
                                                 const cudaGraphNode_t *to,
                                                 size_t numDependencies) {
  return changeEdges(graph, from, to, numDependencies, /*add=*/false);
}

CUCL_API cudaError_t cudaGraphDestroyNode(cudaGraphNode_t node) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkNode(node) != cudaSuccess)
      return cudaErrorInvalidValue;
    node->graph.remove(node);
    return cudaSuccess;
  });
}

// Graphviz text: one box per node (its type, and a kernel's grid and block),
// one arrow per dependency.
CUCL_API cudaError_t cudaGraphDebugDotPrint(cudaGraph_t graph, const char *path,
                                            unsigned int flags) {
  (void)flags;
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraph(graph) != cudaSuccess || path == nullptr)
      return cudaErrorInvalidValue;
    std::FILE *file = std::fopen(path, "w");
    if (file == nullptr)
      return cudaErrorOperatingSystem;
    static const char *const names[] = {"kernel", "memcpy", "memset", "host",
                                        "graph",  "empty",  "wait",   "record"};
    std::fprintf(file, "digraph cucl {\n");
    for (const auto &node : graph->nodes) {
      int type = static_cast<int>(node->type);
      std::fprintf(file, "  n%p [shape=box, label=\"%s", static_cast<void *>(node.get()),
                   type < 8 ? names[type] : "node");
      if (node->type == cudaGraphNodeTypeKernel)
        std::fprintf(file, " <<<(%u,%u,%u),(%u,%u,%u)>>>", node->kernel.grid.x, node->kernel.grid.y,
                     node->kernel.grid.z, node->kernel.block.x, node->kernel.block.y,
                     node->kernel.block.z);
      std::fprintf(file, "\"];\n");
    }
    for (const auto &node : graph->nodes)
      for (CUgraphNode_st *dependency : node->dependencies)
        std::fprintf(file, "  n%p -> n%p;\n", static_cast<void *>(dependency),
                     static_cast<void *>(node.get()));
    std::fprintf(file, "}\n");
    return std::fclose(file) == 0 ? cudaSuccess : cudaErrorOperatingSystem;
  });
}
