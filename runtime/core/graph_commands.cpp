#include "core/graph_commands.h"

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/event.h"
#include "core/host_function.h"
#include "core/mapped_command.h"

namespace cucl {

namespace {

class KernelCommand : public Command {
public:
  KernelCommand(const LaunchPlan &plan, const KernelNodeLaunch &launch)
      : plan_(plan), launch_(launch) {}

  // A kernel object of the node's own, from the instance's program.
  cudaError_t prepare() {
    cl::Kernel &shared = plan_.sharedKernel();
    cl_int status = CL_SUCCESS;
    cl::Program program = shared.getInfo<CL_KERNEL_PROGRAM>(&status);
    std::string name;
    if (status == CL_SUCCESS)
      status = shared.getInfo(CL_KERNEL_FUNCTION_NAME, &name);
    if (status == CL_SUCCESS)
      kernel_ = cl::Kernel(program, name.c_str(), &status);
    if (status != CL_SUCCESS) {
      verboseLog("graph kernel node %s: no kernel object of its own (status %d)",
                 plan_.kernel->name.c_str(), status);
      return cudaErrorMemoryAllocation;
    }
    if (plan_.argumentsFollowStream())
      return cudaSuccess;
    return setLaunchArguments(plan_, kernel_, launch_.pointers.data(), plan_.device->legacyStream(),
                              &mapped_);
  }

  cudaError_t enqueue(CUstream_st &stream) override {
    if (!plan_.argumentsFollowStream())
      return enqueueLaunch(plan_, kernel_, mapped_, stream);
    MappedCommand mapped;
    cudaError_t status =
        setLaunchArguments(plan_, kernel_, launch_.pointers.data(), stream, &mapped);
    return status != cudaSuccess ? status : enqueueLaunch(plan_, kernel_, mapped, stream);
  }

private:
  LaunchPlan plan_;
  KernelNodeLaunch launch_;
  cl::Kernel kernel_;
  MappedCommand mapped_;
};

class BoxCopyCommand : public Command {
public:
  BoxCopyCommand(const BoxEnd &dst, const BoxEnd &src, const Box &box)
      : dst_(dst), src_(src), box_(box) {}
  cudaError_t enqueue(CUstream_st &stream) override {
    return enqueueBoxCopy(dst_, src_, box_, stream);
  }

private:
  BoxEnd dst_, src_;
  Box box_;
};

class FillCommand : public Command {
public:
  FillCommand(const ResolvedAddress &at, const FillShape &shape) : at_(at), shape_(shape) {
    mapped_.use(at_);
  }

  cudaError_t enqueue(CUstream_st &stream) override {
    const std::size_t rowBytes = shape_.width * shape_.elementSize;
    // One fill when the rows are contiguous, else one per row.
    const bool packed = shape_.height == 1 || shape_.pitch == rowBytes;
    const std::size_t rows = packed ? 1 : shape_.height;
    const std::size_t bytes = packed ? rowBytes * shape_.height : rowBytes;
    cl_int result = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
      return mapped_.enqueue(
          stream.queue, waits, done, /*blocking=*/false,
          [&](const std::vector<cl::Event> *after, cl::Event *event) {
            cl_int status = CL_SUCCESS;
            for (std::size_t row = 0; row < rows && status == CL_SUCCESS; ++row) {
              const std::size_t offset = at_.offset + row * shape_.pitch;
              const bool last = row + 1 == rows;
              cl::Event *signal = last ? event : nullptr;
              const std::vector<cl::Event> *wait = row == 0 ? after : nullptr;
              if (shape_.elementSize == 4) {
                cl_uint pattern = shape_.value;
                status = stream.queue.enqueueFillBuffer(at_.buffer, pattern, offset, bytes, wait,
                                                        signal);
              } else if (shape_.elementSize == 2) {
                cl_ushort pattern = static_cast<cl_ushort>(shape_.value);
                status = stream.queue.enqueueFillBuffer(at_.buffer, pattern, offset, bytes, wait,
                                                        signal);
              } else {
                cl_uchar pattern = static_cast<cl_uchar>(shape_.value);
                status = stream.queue.enqueueFillBuffer(at_.buffer, pattern, offset, bytes, wait,
                                                        signal);
              }
            }
            return status;
          });
    });
    return fromEnqueueStatus(result, stream.device);
  }

private:
  ResolvedAddress at_;
  FillShape shape_;
  MappedCommand mapped_;
};

class HostCommand : public Command {
public:
  HostCommand(cudaHostFn_t function, void *userData) : function_(function), userData_(userData) {}
  cudaError_t enqueue(CUstream_st &stream) override {
    cudaHostFn_t function = function_;
    void *userData = userData_;
    return enqueueHostFunction(stream, [function, userData](cudaError_t) { function(userData); });
  }

private:
  cudaHostFn_t function_;
  void *userData_;
};

class EventRecordCommand : public Command {
public:
  explicit EventRecordCommand(CUevent_st &event) : event_(event) {}
  cudaError_t enqueue(CUstream_st &stream) override { return recordEvent(event_, stream); }

private:
  CUevent_st &event_;
};

class EventWaitCommand : public Command {
public:
  explicit EventWaitCommand(CUevent_st &event) : event_(event) {}
  cudaError_t enqueue(CUstream_st &stream) override { return streamWaitEvent(stream, event_); }

private:
  CUevent_st &event_;
};

} // namespace

cudaError_t makeKernelCommand(const LaunchPlan &plan, const KernelNodeLaunch &launch,
                              std::unique_ptr<Command> *out) {
  auto command = std::make_unique<KernelCommand>(plan, launch);
  cudaError_t status = command->prepare();
  if (status == cudaSuccess)
    *out = std::move(command);
  return status;
}

std::unique_ptr<Command> makeBoxCopyCommand(const BoxEnd &dst, const BoxEnd &src, const Box &box) {
  return std::make_unique<BoxCopyCommand>(dst, src, box);
}

std::unique_ptr<Command> makeFillCommand(const ResolvedAddress &at, const FillShape &shape) {
  return std::make_unique<FillCommand>(at, shape);
}

std::unique_ptr<Command> makeHostCommand(cudaHostFn_t function, void *userData) {
  return std::make_unique<HostCommand>(function, userData);
}

std::unique_ptr<Command> makeEventRecordCommand(CUevent_st &event) {
  return std::make_unique<EventRecordCommand>(event);
}

std::unique_ptr<Command> makeEventWaitCommand(CUevent_st &event) {
  return std::make_unique<EventWaitCommand>(event);
}

} // namespace cucl
