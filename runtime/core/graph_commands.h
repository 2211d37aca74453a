// The commands of a graph's nodes (core/command.h), made from parameters the
// API layer has already checked and resolved.
#ifndef CUCL_CORE_GRAPH_COMMANDS_H
#define CUCL_CORE_GRAPH_COMMANDS_H

#include <memory>

#include "core/box_copy.h"
#include "core/command.h"
#include "core/graph.h"
#include "core/kernel_launch.h"

namespace cucl {

// A kernel launch with its own OpenCL kernel object, whose arguments are set
// here once (those that follow the stream, on each enqueue).
cudaError_t makeKernelCommand(const LaunchPlan &plan, const KernelNodeLaunch &launch,
                              std::unique_ptr<Command> *out);

std::unique_ptr<Command> makeBoxCopyCommand(const BoxEnd &dst, const BoxEnd &src, const Box &box);

// `height` rows of `width` elements of `elementSize` (1, 2 or 4) bytes, rows
// `pitch` bytes apart from `at`, set to `value`'s low bytes.
struct FillShape {
  std::size_t pitch = 0, width = 0, height = 0;
  unsigned elementSize = 1, value = 0;
};
std::unique_ptr<Command> makeFillCommand(const ResolvedAddress &at, const FillShape &shape);

std::unique_ptr<Command> makeHostCommand(cudaHostFn_t function, void *userData);
std::unique_ptr<Command> makeEventRecordCommand(CUevent_st &event);
std::unique_ptr<Command> makeEventWaitCommand(CUevent_st &event);

} // namespace cucl

#endif // CUCL_CORE_GRAPH_COMMANDS_H
