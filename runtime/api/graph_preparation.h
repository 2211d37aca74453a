// From a graph's nodes to prepared commands (core/command.h): the checks
// CUDA makes of each node's parameters, shared by the calls that add or set
// them and by instantiation, which makes the commands an executable graph
// replays.
#ifndef CUCL_API_GRAPH_PREPARATION_H
#define CUCL_API_GRAPH_PREPARATION_H

#include <memory>

#include "core/command.h"
#include "core/graph.h"
#include "core/graph_exec.h"

namespace cucl {

// Copies the program's kernel node parameters, argument values included: no
// function or extra launch options -> cudaErrorInvalidValue or
// cudaErrorNotSupported; an unregistered function ->
// cudaErrorInvalidDeviceFunction.
cudaError_t kernelLaunchOf(const cudaKernelNodeParams *p, KernelNodeLaunch *out);

// A linear copy as the 3-D parameters CUDA reports for it.
cudaMemcpy3DParms linearCopy(void *dst, const void *src, size_t count, cudaMemcpyKind kind);

// Copy and memset work issued to a capturing stream: a node of the capture,
// checked as cudaGraphAddMemcpyNode / cudaGraphAddMemsetNode check theirs.
cudaError_t captureCopy(Device &device, CUstream_st &stream, const cudaMemcpy3DParms &copy);
cudaError_t captureFill(Device &device, CUstream_st &stream, const cudaMemsetParams &fill);

// CUDA's checks of `node`'s parameters on `device`; with `out`, also the
// command that runs it (null for nodes that do nothing themselves).
cudaError_t prepareNode(const CUgraphNode_st &node, Device &device, std::unique_ptr<Command> *out);

// An executable form of `graph` on `device`. A cycle ->
// cudaErrorInvalidValue; a node whose parameters fail -> its error, the
// program's node in `*errorNode`.
cudaError_t instantiateGraph(const CUgraph_st &graph, Device &device, unsigned long long flags,
                             std::unique_ptr<CUgraphExec_st> *out, cudaGraphNode_t *errorNode);

// Makes `exec`'s commands again from its graph (after its parameters changed).
cudaError_t rebuildCommands(CUgraphExec_st &exec, cudaGraphNode_t *errorNode);

} // namespace cucl

#endif // CUCL_API_GRAPH_PREPARATION_H
