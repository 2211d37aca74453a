// Executable graphs: instantiation, launch, changes to an executable graph's
// nodes, whole-graph update, destruction.
#include "api/api_support.h"

#include <functional>

#include "api/graph_preparation.h"
#include "core/graph_exec.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;

constexpr unsigned long long kInstantiateFlags =
    cudaGraphInstantiateFlagAutoFreeOnLaunch | cudaGraphInstantiateFlagUpload |
    cudaGraphInstantiateFlagDeviceLaunch | cudaGraphInstantiateFlagUseNodePriority;

cudaError_t instantiate(Device &device, cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                        unsigned long long flags, cudaGraphNode_t *errorNode) {
  if (pGraphExec == nullptr || cucl::checkGraph(graph) != cudaSuccess ||
      (flags & ~kInstantiateFlags) != 0)
    return cudaErrorInvalidValue;
  // Device-side launch needs a device that launches work itself.
  if (flags & cudaGraphInstantiateFlagDeviceLaunch)
    return cudaErrorNotSupported;
  std::unique_ptr<CUgraphExec_st> exec;
  cudaError_t status = cucl::instantiateGraph(*graph, device, flags, &exec, errorNode);
  if (status == cudaSuccess)
    *pGraphExec = cucl::adoptGraphExec(std::move(exec));
  return status;
}

// Changes one node of an executable graph: `change` sets the parameters of
// its copy there; the node's command is then made again. On failure the
// previous parameters (and command) stay.
cudaError_t changeExecNode(cudaGraphExec_t exec, cudaGraphNode_t node, cudaGraphNodeType type,
                           const std::function<cudaError_t(CUgraphNode_st &)> &change) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraphExec(exec) != cudaSuccess || cucl::checkNode(node) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::lock_guard<std::mutex> lock(exec->mutex);
    CUgraphNode_st *copy = exec->find(node);
    if (copy == nullptr || copy->type != type)
      return cudaErrorInvalidValue;
    const cucl::NodeParameters previous = *copy;
    cudaError_t status = change(*copy);
    std::unique_ptr<cucl::Command> command;
    if (status == cudaSuccess)
      status = cucl::prepareNode(*copy, exec->device, &command);
    if (status != cudaSuccess) {
      copy->parameters() = previous;
      return status;
    }
    for (CUgraphExec_st::Step &step : exec->steps)
      if (step.node == copy)
        step.command = std::move(command);
    return cudaSuccess;
  });
}

// Same shape: node types and edges pair up in insertion order.
bool sameTopology(const CUgraph_st &a, const CUgraph_st &b, const CUgraphNode_st **differs,
                  cudaGraphExecUpdateResult *why) {
  if (a.nodes.size() != b.nodes.size()) {
    *why = cudaGraphExecUpdateErrorTopologyChanged;
    return false;
  }
  std::unordered_map<const CUgraphNode_st *, std::size_t> indexA, indexB;
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    indexA[a.nodes[i].get()] = i;
    indexB[b.nodes[i].get()] = i;
  }
  for (std::size_t i = 0; i < a.nodes.size(); ++i) {
    const CUgraphNode_st &x = *a.nodes[i], &y = *b.nodes[i];
    *differs = &y;
    if (x.type != y.type) {
      *why = cudaGraphExecUpdateErrorNodeTypeChanged;
      return false;
    }
    if (x.dependencies.size() != y.dependencies.size()) {
      *why = cudaGraphExecUpdateErrorTopologyChanged;
      return false;
    }
    for (std::size_t d = 0; d < x.dependencies.size(); ++d)
      if (indexA[x.dependencies[d]] != indexB[y.dependencies[d]]) {
        *why = cudaGraphExecUpdateErrorTopologyChanged;
        return false;
      }
    if (x.type == cudaGraphNodeTypeGraph && !sameTopology(*x.child, *y.child, differs, why))
      return false;
  }
  return true;
}

} // namespace

CUCL_API cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                          unsigned long long flags) {
  return cucl::onCurrentDevice(
      [&](Device &device) { return instantiate(device, pGraphExec, graph, flags, nullptr); });
}

CUCL_API cudaError_t cudaGraphInstantiateWithFlags(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                                   unsigned long long flags) {
  return cudaGraphInstantiate(pGraphExec, graph, flags);
}

CUCL_API cudaError_t cudaGraphInstantiateWithParams(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                                    cudaGraphInstantiateParams *instantiateParams) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (instantiateParams == nullptr)
      return cudaErrorInvalidValue;
    instantiateParams->errNode_out = nullptr;
    cudaError_t status = instantiate(device, pGraphExec, graph, instantiateParams->flags,
                                     &instantiateParams->errNode_out);
    instantiateParams->result_out =
        status == cudaSuccess ? cudaGraphInstantiateSuccess
        : status == cudaErrorInvalidValue && instantiateParams->errNode_out == nullptr
            ? cudaGraphInstantiateInvalidStructure
            : cudaGraphInstantiateError;
    return status;
  });
}

CUCL_API cudaError_t cudaGraphExecGetFlags(cudaGraphExec_t graphExec, unsigned long long *flags) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (flags == nullptr || cucl::checkGraphExec(graphExec) != cudaSuccess)
      return cudaErrorInvalidValue;
    *flags = graphExec->flags;
    return cudaSuccess;
  });
}

// On a capturing stream the graph becomes a child-graph node of the capture.
CUCL_API cudaError_t cudaGraphLaunch(cudaGraphExec_t graphExec, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cucl::checkGraphExec(graphExec) != cudaSuccess)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (&resolved->device != &graphExec->device)
      return cudaErrorInvalidValue;
    if (resolved->capturing()) {
      std::lock_guard<std::mutex> lock(graphExec->mutex);
      return cucl::captureNode(*resolved, cudaGraphNodeTypeGraph, [&](CUgraphNode_st &node) {
        node.child = cucl::cloneGraph(*graphExec->graph);
        return cudaSuccess;
      });
    }
    return graphExec->launch(*resolved);
  });
}

// Commands are made at instantiation: there is nothing left to upload.
CUCL_API cudaError_t cudaGraphUpload(cudaGraphExec_t graphExec, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cucl::checkGraphExec(graphExec) != cudaSuccess)
      return cudaErrorInvalidValue;
    CUstream_st *resolved = nullptr;
    return cucl::resolveStream(stream, device, &resolved);
  });
}

CUCL_API cudaError_t cudaGraphExecDestroy(cudaGraphExec_t graphExec) {
  return cucl::onCurrentDevice([&](Device &) { return cucl::destroyGraphExec(graphExec); });
}

CUCL_API cudaError_t cudaGraphExecKernelNodeSetParams(cudaGraphExec_t hGraphExec,
                                                      cudaGraphNode_t node,
                                                      const cudaKernelNodeParams *pNodeParams) {
  return changeExecNode(hGraphExec, node, cudaGraphNodeTypeKernel, [&](CUgraphNode_st &copy) {
    return cucl::kernelLaunchOf(pNodeParams, &copy.kernel);
  });
}

CUCL_API cudaError_t cudaGraphExecMemcpyNodeSetParams(cudaGraphExec_t hGraphExec,
                                                      cudaGraphNode_t node,
                                                      const cudaMemcpy3DParms *pNodeParams) {
  return changeExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy,
                        [&](CUgraphNode_st &copy) -> cudaError_t {
                          if (pNodeParams == nullptr)
                            return cudaErrorInvalidValue;
                          copy.copy = *pNodeParams;
                          return cudaSuccess;
                        });
}

CUCL_API cudaError_t cudaGraphExecMemcpyNodeSetParams1D(cudaGraphExec_t hGraphExec,
                                                        cudaGraphNode_t node, void *dst,
                                                        const void *src, size_t count,
                                                        cudaMemcpyKind kind) {
  return changeExecNode(hGraphExec, node, cudaGraphNodeTypeMemcpy, [&](CUgraphNode_st &copy) {
    copy.copy = cucl::linearCopy(dst, src, count, kind);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphExecMemsetNodeSetParams(cudaGraphExec_t hGraphExec,
                                                      cudaGraphNode_t node,
                                                      const cudaMemsetParams *pNodeParams) {
  return changeExecNode(hGraphExec, node, cudaGraphNodeTypeMemset,
                        [&](CUgraphNode_st &copy) -> cudaError_t {
                          if (pNodeParams == nullptr)
                            return cudaErrorInvalidValue;
                          copy.memset = *pNodeParams;
                          return cudaSuccess;
                        });
}

CUCL_API cudaError_t cudaGraphExecHostNodeSetParams(cudaGraphExec_t hGraphExec,
                                                    cudaGraphNode_t node,
                                                    const cudaHostNodeParams *pNodeParams) {
  return changeExecNode(hGraphExec, node, cudaGraphNodeTypeHost,
                        [&](CUgraphNode_st &copy) -> cudaError_t {
                          if (pNodeParams == nullptr)
                            return cudaErrorInvalidValue;
                          copy.host = *pNodeParams;
                          return cudaSuccess;
                        });
}

CUCL_API cudaError_t cudaGraphExecEventRecordNodeSetEvent(cudaGraphExec_t hGraphExec,
                                                          cudaGraphNode_t hNode,
                                                          cudaEvent_t event) {
  return changeExecNode(hGraphExec, hNode, cudaGraphNodeTypeEventRecord, [&](CUgraphNode_st &copy) {
    copy.event = event;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphExecEventWaitNodeSetEvent(cudaGraphExec_t hGraphExec,
                                                        cudaGraphNode_t hNode, cudaEvent_t event) {
  return changeExecNode(hGraphExec, hNode, cudaGraphNodeTypeWaitEvent, [&](CUgraphNode_st &copy) {
    copy.event = event;
    return cudaSuccess;
  });
}

// The child graph must have the shape of the one instantiated.
CUCL_API cudaError_t cudaGraphExecChildGraphNodeSetParams(cudaGraphExec_t hGraphExec,
                                                          cudaGraphNode_t node,
                                                          cudaGraph_t childGraph) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraphExec(hGraphExec) != cudaSuccess || cucl::checkNode(node) != cudaSuccess ||
        cucl::checkGraph(childGraph) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::lock_guard<std::mutex> lock(hGraphExec->mutex);
    CUgraphNode_st *copy = hGraphExec->find(node);
    if (copy == nullptr || copy->type != cudaGraphNodeTypeGraph)
      return cudaErrorInvalidValue;
    const CUgraphNode_st *differs = nullptr;
    cudaGraphExecUpdateResult why{};
    if (!sameTopology(*copy->child, *childGraph, &differs, &why))
      return cudaErrorInvalidValue;
    std::unique_ptr<CUgraph_st> previous = std::move(copy->child);
    copy->child = cucl::cloneGraph(*childGraph);
    cudaError_t status = cucl::rebuildCommands(*hGraphExec, nullptr);
    if (status != cudaSuccess) {
      copy->child = std::move(previous);
      cucl::rebuildCommands(*hGraphExec, nullptr);
    }
    return status;
  });
}

// Kernel, copy and memset nodes can be switched off and on.
CUCL_API cudaError_t cudaGraphNodeSetEnabled(cudaGraphExec_t hGraphExec, cudaGraphNode_t hNode,
                                             unsigned int isEnabled) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraphExec(hGraphExec) != cudaSuccess || cucl::checkNode(hNode) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::lock_guard<std::mutex> lock(hGraphExec->mutex);
    CUgraphNode_st *copy = hGraphExec->find(hNode);
    if (copy == nullptr ||
        (copy->type != cudaGraphNodeTypeKernel && copy->type != cudaGraphNodeTypeMemcpy &&
         copy->type != cudaGraphNodeTypeMemset))
      return cudaErrorInvalidValue;
    if (isEnabled)
      hGraphExec->disabled.erase(copy);
    else
      hGraphExec->disabled.insert(copy);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGraphNodeGetEnabled(cudaGraphExec_t hGraphExec, cudaGraphNode_t hNode,
                                             unsigned int *isEnabled) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (isEnabled == nullptr || cucl::checkGraphExec(hGraphExec) != cudaSuccess ||
        cucl::checkNode(hNode) != cudaSuccess)
      return cudaErrorInvalidValue;
    std::lock_guard<std::mutex> lock(hGraphExec->mutex);
    CUgraphNode_st *copy = hGraphExec->find(hNode);
    if (copy == nullptr)
      return cudaErrorInvalidValue;
    *isEnabled = hGraphExec->disabled.count(copy) == 0 ? 1u : 0u;
    return cudaSuccess;
  });
}

// Takes `hGraph`'s parameters when it has the instantiated graph's shape
// (nodes paired in the order they were added); otherwise
// cudaErrorGraphExecUpdateFailure with the reason in `resultInfo`, and the
// executable graph unchanged.
CUCL_API cudaError_t cudaGraphExecUpdate(cudaGraphExec_t hGraphExec, cudaGraph_t hGraph,
                                         cudaGraphExecUpdateResultInfo *resultInfo) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::checkGraphExec(hGraphExec) != cudaSuccess || cucl::checkGraph(hGraph) != cudaSuccess)
      return cudaErrorInvalidValue;
    cudaGraphExecUpdateResultInfo info{cudaGraphExecUpdateSuccess, nullptr, nullptr};
    std::lock_guard<std::mutex> lock(hGraphExec->mutex);
    const CUgraphNode_st *differs = nullptr;
    cudaGraphExecUpdateResult why = cudaGraphExecUpdateSuccess;
    cudaError_t status = cudaSuccess;
    if (!sameTopology(*hGraphExec->graph, *hGraph, &differs, &why)) {
      info.result = why;
      info.errorNode = const_cast<CUgraphNode_st *>(differs);
      status = cudaErrorGraphExecUpdateFailure;
    } else {
      std::unique_ptr<CUgraph_st> previous = std::move(hGraphExec->graph);
      hGraphExec->graph = cucl::cloneGraph(*hGraph);
      cudaGraphNode_t failed = nullptr;
      status = cucl::rebuildCommands(*hGraphExec, &failed);
      if (status != cudaSuccess) {
        info.result = cudaGraphExecUpdateErrorParametersChanged;
        info.errorNode = failed;
        hGraphExec->graph = std::move(previous);
        cucl::rebuildCommands(*hGraphExec, nullptr);
        status = cudaErrorGraphExecUpdateFailure;
      } else {
        // Nodes of the instantiated graph and of `hGraph` both name the new copies.
        std::unordered_map<const CUgraphNode_st *, CUgraphNode_st *> copyOf;
        for (std::size_t i = 0; i < previous->nodes.size(); ++i) {
          CUgraphNode_st *made = hGraphExec->graph->nodes[i].get();
          copyOf[previous->nodes[i]->clonedFrom] = made;
          copyOf[made->clonedFrom] = made;
          if (hGraphExec->disabled.erase(previous->nodes[i].get()) != 0)
            hGraphExec->disabled.insert(made);
        }
        hGraphExec->copyOf = std::move(copyOf);
      }
    }
    if (resultInfo != nullptr)
      *resultInfo = info;
    return status;
  });
}
