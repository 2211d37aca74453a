#include "api/graph_preparation.h"

#include "api/api_support.h"
#include "api/memcpy_3d.h"
#include "core/diagnostics.h"
#include "core/event.h"
#include "core/graph_commands.h"
#include "core/kernel_launch.h"
#include "core/memory_support.h"
#include "core/module_registry.h"
#include "core/stream_capture.h"

namespace cucl {

namespace {

cudaError_t prepareKernel(const CUgraphNode_st &node, Device &device,
                          std::unique_ptr<Command> *out) {
  const KernelNodeLaunch &launch = node.kernel;
  LaunchPlan plan;
  cudaError_t status = planLaunch(
      device, launch.func, LaunchShape{launch.grid, launch.block, launch.sharedMem, false}, &plan);
  if (status != cudaSuccess || out == nullptr)
    return status;
  if (launch.pointers.size() != plan.kernel->args.size())
    return cudaErrorInvalidValue;
  return makeKernelCommand(plan, launch, out);
}

cudaError_t prepareCopy(const CUgraphNode_st &node, Device &device, std::unique_ptr<Command> *out) {
  BoxEnd dst, src;
  Box box;
  bool empty = false;
  cudaError_t status = resolveMemcpy3D(&node.copy, &dst, &src, &box, &empty);
  if (status != cudaSuccess)
    return status;
  if (empty)
    return cudaErrorInvalidValue; // a copy node copies something
  // The graph's device does the copy: device sides must be its memory.
  if ((dst.device && dst.at.device != device.index()) ||
      (src.device && src.at.device != device.index())) {
    verboseLog("graph copy node: memory of another device than the graph's (%d)", device.index());
    return cudaErrorInvalidValue;
  }
  if (out != nullptr)
    *out = makeBoxCopyCommand(dst, src, box);
  return cudaSuccess;
}

cudaError_t prepareFill(const CUgraphNode_st &node, Device &device, std::unique_ptr<Command> *out) {
  const cudaMemsetParams &p = node.memset;
  if (p.elementSize != 1 && p.elementSize != 2 && p.elementSize != 4)
    return cudaErrorInvalidValue;
  if (p.width == 0 || p.height == 0 || p.width > SIZE_MAX / p.elementSize)
    return cudaErrorInvalidValue;
  const std::size_t rowBytes = p.width * p.elementSize;
  if (p.height > 1 && p.pitch < rowBytes)
    return cudaErrorInvalidValue;
  ResolvedAddress at;
  if (p.dst == nullptr || classifyPointer(p.dst, &at) != PointerSide::Device ||
      at.device != device.index())
    return cudaErrorInvalidValue;
  // OpenCL fills whole patterns at pattern-aligned offsets.
  if (at.offset % p.elementSize != 0 || (p.height > 1 && p.pitch % p.elementSize != 0))
    return cudaErrorInvalidValue;
  const std::size_t rows = p.height - 1;
  if (rows != 0 && p.pitch > (at.bytesToEnd - std::min(at.bytesToEnd, rowBytes)) / rows)
    return cudaErrorInvalidValue;
  if (rowBytes > at.bytesToEnd)
    return cudaErrorInvalidValue;
  if (out != nullptr)
    *out = makeFillCommand(at, FillShape{p.pitch, p.width, p.height, p.elementSize, p.value});
  return cudaSuccess;
}

cudaError_t prepareEvent(const CUgraphNode_st &node, Device &device,
                         std::unique_ptr<Command> *out) {
  cudaError_t status = checkEvent(node.event);
  if (status != cudaSuccess)
    return status;
  if (&node.event->device != &device)
    return cudaErrorInvalidValue;
  if (out != nullptr)
    *out = node.type == cudaGraphNodeTypeEventRecord ? makeEventRecordCommand(*node.event)
                                                     : makeEventWaitCommand(*node.event);
  return cudaSuccess;
}

// Appends the steps of `graph`'s nodes in dependency order; child graphs'
// nodes take their parent node's place.
cudaError_t appendSteps(CUgraphExec_st &exec, CUgraph_st &graph, CUgraphNode_st *topLevel,
                        CUgraphNode_st **failed) {
  std::vector<CUgraphNode_st *> order;
  if (!topologicalOrder(graph, &order)) {
    verboseLog("graph instantiation: the dependencies form a cycle");
    return cudaErrorInvalidValue;
  }
  for (CUgraphNode_st *node : order) {
    CUgraphNode_st *owner = topLevel != nullptr ? topLevel : node;
    if (node->type == cudaGraphNodeTypeGraph) {
      cudaError_t status = appendSteps(exec, *node->child, owner, failed);
      if (status != cudaSuccess)
        return status;
      continue;
    }
    CUgraphExec_st::Step step;
    step.node = node;
    step.topLevel = owner;
    cudaError_t status = prepareNode(*node, exec.device, &step.command);
    if (status != cudaSuccess) {
      *failed = owner;
      return status;
    }
    exec.steps.push_back(std::move(step));
  }
  return cudaSuccess;
}

} // namespace

// Copies the program's kernel node parameters (the argument values too).
cudaError_t kernelLaunchOf(const cudaKernelNodeParams *p, KernelNodeLaunch *out) {
  if (p == nullptr || p->func == nullptr)
    return cudaErrorInvalidValue;
  if (p->extra != nullptr)
    return p->kernelParams != nullptr ? cudaErrorInvalidValue : cudaErrorNotSupported;
  Kernel *kernel = ModuleRegistry::instance().find(p->func);
  if (kernel == nullptr)
    return cudaErrorInvalidDeviceFunction;
  std::vector<std::size_t> sizes;
  for (std::size_t i = 0; i < kernel->args.size(); ++i) {
    if (p->kernelParams == nullptr || p->kernelParams[i] == nullptr)
      return cudaErrorInvalidValue;
    sizes.push_back(kernel->args[i].size);
  }
  out->func = p->func;
  out->grid = p->gridDim;
  out->block = p->blockDim;
  out->sharedMem = p->sharedMemBytes;
  out->setArguments(p->kernelParams, sizes);
  return cudaSuccess;
}

// cudaGraphAddMemcpyNode1D's copy as the 3-D parameters CUDA reports.
cudaMemcpy3DParms linearCopy(void *dst, const void *src, size_t count, cudaMemcpyKind kind) {
  cudaMemcpy3DParms p{};
  p.srcPtr.ptr = const_cast<void *>(src);
  p.srcPtr.pitch = count;
  p.srcPtr.xsize = count;
  p.srcPtr.ysize = 1;
  p.dstPtr.ptr = dst;
  p.dstPtr.pitch = count;
  p.dstPtr.xsize = count;
  p.dstPtr.ysize = 1;
  p.extent.width = count;
  p.extent.height = 1;
  p.extent.depth = 1;
  p.kind = kind;
  return p;
}

cudaError_t prepareNode(const CUgraphNode_st &node, Device &device, std::unique_ptr<Command> *out) {
  switch (node.type) {
  case cudaGraphNodeTypeKernel:
    return prepareKernel(node, device, out);
  case cudaGraphNodeTypeMemcpy:
    return prepareCopy(node, device, out);
  case cudaGraphNodeTypeMemset:
    return prepareFill(node, device, out);
  case cudaGraphNodeTypeHost:
    if (node.host.fn == nullptr)
      return cudaErrorInvalidValue;
    if (out != nullptr)
      *out = makeHostCommand(node.host.fn, node.host.userData);
    return cudaSuccess;
  case cudaGraphNodeTypeEventRecord:
  case cudaGraphNodeTypeWaitEvent:
    return prepareEvent(node, device, out);
  case cudaGraphNodeTypeEmpty:
  case cudaGraphNodeTypeGraph:
    return cudaSuccess;
  default:
    return cudaErrorNotSupported;
  }
}

cudaError_t captureCopy(Device &device, CUstream_st &stream, const cudaMemcpy3DParms &copy) {
  return captureNode(stream, cudaGraphNodeTypeMemcpy, [&](CUgraphNode_st &node) {
    node.copy = copy;
    return prepareNode(node, device, nullptr);
  });
}

cudaError_t captureFill(Device &device, CUstream_st &stream, const cudaMemsetParams &fill) {
  return captureNode(stream, cudaGraphNodeTypeMemset, [&](CUgraphNode_st &node) {
    node.memset = fill;
    return prepareNode(node, device, nullptr);
  });
}

cudaError_t rebuildCommands(CUgraphExec_st &exec, cudaGraphNode_t *errorNode) {
  exec.steps.clear();
  CUgraphNode_st *failed = nullptr;
  cudaError_t status = appendSteps(exec, *exec.graph, nullptr, &failed);
  if (status != cudaSuccess && errorNode != nullptr && failed != nullptr)
    *errorNode = const_cast<CUgraphNode_st *>(failed->clonedFrom);
  return status;
}

cudaError_t instantiateGraph(const CUgraph_st &graph, Device &device, unsigned long long flags,
                             std::unique_ptr<CUgraphExec_st> *out, cudaGraphNode_t *errorNode) {
  auto exec = std::make_unique<CUgraphExec_st>(device, flags);
  exec->graph = cloneGraph(graph);
  for (const auto &node : exec->graph->nodes)
    exec->copyOf[node->clonedFrom] = node.get();
  cudaError_t status = rebuildCommands(*exec, errorNode);
  if (status == cudaSuccess)
    *out = std::move(exec);
  return status;
}

} // namespace cucl
