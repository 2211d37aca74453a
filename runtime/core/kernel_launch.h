// A kernel launch in two halves: what can be checked and resolved once (the
// kernel, its instance on the device, the launch shape) and what each
// enqueue does (OpenCL arguments, the NDRange command). A direct launch does
// both at once; a graph's kernel node plans once and enqueues on every replay.
#ifndef CUCL_CORE_KERNEL_LAUNCH_H
#define CUCL_CORE_KERNEL_LAUNCH_H

#include <cstddef>

#include "backend/cl.h"
#include "core/device.h"
#include "core/mapped_command.h"
#include "core/module_registry.h"
#include "core/stream.h"

namespace cucl {

// How a launch was asked for; a cooperative one may synchronize its grid.
struct LaunchShape {
  dim3 grid, block;
  std::size_t sharedMem = 0;
  bool cooperative = false;
};

struct LaunchPlan {
  const void *func = nullptr; // the host stub the kernel is registered by
  Device *device = nullptr;
  Kernel *kernel = nullptr;
  KernelInstance *instance = nullptr;
  LaunchShape shape;
  cl::NDRange global, local;
  // > 0: the scratch variant runs, its pool holding that many blocks at once.
  std::size_t residentBlocks = 0;

  // The instance's OpenCL kernel this plan runs (guarded by kernel->launchMutex).
  cl::Kernel &sharedKernel() const;
  // Kernel checks, grid sync and scratch pools are the launching stream's:
  // those arguments are set again for every enqueue.
  bool argumentsFollowStream() const;
};

// CUDA's checks of a launch that do not depend on its arguments or stream:
// an unregistered `func` -> cudaErrorInvalidDeviceFunction, a bad shape ->
// cudaErrorInvalidConfiguration, too many threads for the kernel ->
// cudaErrorLaunchOutOfResources, too much shared memory ->
// cudaErrorInvalidValue, a cooperative grid larger than the device holds ->
// cudaErrorCooperativeLaunchTooLarge.
cudaError_t planLaunch(Device &device, const void *func, const LaunchShape &shape,
                       LaunchPlan *plan);

// Sets `clKernel`'s arguments (include/cucl/module_abi.h) from CUDA's `args`
// and the hidden ones; mapped host memory among them is noted in `mapped`.
// A pointer that is no memory of the device -> cudaErrorInvalidValue.
cudaError_t setLaunchArguments(const LaunchPlan &plan, cl::Kernel &clKernel, void **args,
                               CUstream_st &stream, MappedCommand *mapped);

// Enqueues `clKernel` (arguments set) on `stream`.
cudaError_t enqueueLaunch(const LaunchPlan &plan, cl::Kernel &clKernel, MappedCommand &mapped,
                          CUstream_st &stream);

} // namespace cucl

#endif // CUCL_CORE_KERNEL_LAUNCH_H
