// Kernel launch: cudaLaunchKernel and nvcc's push/pop configuration ABI.
#include "api/api_support.h"

#include "core/kernel_launch.h"
#include "core/launch_config_stack.h"
#include "core/stream.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;

cudaError_t launch(Device &current, const void *func, void **args, const cucl::LaunchShape &shape,
                   cudaStream_t streamHandle) {
  CUstream_st *stream = nullptr;
  cudaError_t status = cucl::resolveStream(streamHandle, current, &stream);
  if (status != cudaSuccess)
    return status;
  // A stream belongs to its device: launching into it from another current
  // device is a context mismatch, as in CUDA.
  if (&stream->device != &current)
    return cudaErrorInvalidResourceHandle;
  cucl::LaunchPlan plan;
  status = cucl::planLaunch(current, func, shape, &plan);
  if (status != cudaSuccess)
    return status;
  if (stream->capturing())
    return cucl::captureKernelLaunch(*stream, plan, args);
  // The instance's OpenCL kernel is shared: its arguments are set and
  // enqueued under the kernel's lock.
  std::lock_guard<std::mutex> lock(plan.kernel->launchMutex);
  cucl::MappedCommand mapped;
  cl::Kernel &clKernel = plan.sharedKernel();
  status = cucl::setLaunchArguments(plan, clKernel, args, *stream, &mapped);
  if (status != cudaSuccess)
    return status;
  return cucl::enqueueLaunch(plan, clKernel, mapped, *stream);
}

} // namespace

CUCL_API cudaError_t cudaLaunchKernel(const void *func, dim3 gridDim, dim3 blockDim, void **args,
                                      size_t sharedMem, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) {
    return launch(device, func, args, cucl::LaunchShape{gridDim, blockDim, sharedMem, false},
                  stream);
  });
}

// All blocks run at once, so the kernel may synchronize its grid
// (grid_group::sync); more blocks than the device holds at once (the
// occupancy API's answer times the multiprocessors) ->
// cudaErrorCooperativeLaunchTooLarge.
CUCL_API cudaError_t cudaLaunchCooperativeKernel(const void *func, dim3 gridDim, dim3 blockDim,
                                                 void **args, size_t sharedMem,
                                                 cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) {
    return launch(device, func, args, cucl::LaunchShape{gridDim, blockDim, sharedMem, true},
                  stream);
  });
}

// cudaLaunchKernel with its configuration in a struct. Attributes: Ignore;
// Cooperative (as cudaLaunchCooperativeKernel); AccessPolicyWindow,
// SynchronizationPolicy, Priority, MemSyncDomain(Map) are hints OpenCL has
// no use for and are accepted; thread-block clusters and programmatic
// launches cannot be honoured -> cudaErrorNotSupported; an unknown id ->
// cudaErrorInvalidValue.
CUCL_API cudaError_t cudaLaunchKernelExC(const cudaLaunchConfig_t *config, const void *func,
                                         void **args) {
  return cucl::onCurrentDevice([&](Device &device) {
    if (config == nullptr || (config->numAttrs != 0 && config->attrs == nullptr))
      return cudaErrorInvalidValue;
    bool cooperative = false;
    for (unsigned i = 0; i < config->numAttrs; ++i) {
      const cudaLaunchAttribute &attribute = config->attrs[i];
      switch (static_cast<int>(attribute.id)) {
      case cudaLaunchAttributeCooperative:
        cooperative = attribute.val.cooperative != 0;
        break;
      case cudaLaunchAttributeIgnore:
      case cudaLaunchAttributeAccessPolicyWindow:
      case cudaLaunchAttributeSynchronizationPolicy:
      case cudaLaunchAttributePriority:
      case cudaLaunchAttributeMemSyncDomainMap:
      case cudaLaunchAttributeMemSyncDomain:
        break;
      case cudaLaunchAttributeClusterDimension:
      case cudaLaunchAttributeClusterSchedulingPolicyPreference:
      case cudaLaunchAttributeProgrammaticStreamSerialization:
      case cudaLaunchAttributeProgrammaticEvent:
        return cudaErrorNotSupported;
      default:
        return cudaErrorInvalidValue;
      }
    }
    return launch(
        device, func, args,
        cucl::LaunchShape{config->gridDim, config->blockDim, config->dynamicSmemBytes, cooperative},
        config->stream);
  });
}

// Always 0: the launch expression `push(...) ? (void)0 : stub(...)` then
// calls the stub, which reports any problem through cudaLaunchKernel.
CUCL_API unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim, size_t sharedMem,
                                              struct CUstream_st *stream) {
  cucl::pushLaunchConfig(cucl::LaunchConfig{gridDim, blockDim, sharedMem, stream});
  return 0;
}

// `stream` points to a cudaStream_t (nvcc's signature).
CUCL_API cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim, size_t *sharedMem,
                                                void *stream) {
  cucl::LaunchConfig config;
  if (!cucl::popLaunchConfig(&config))
    return cucl::report(cudaErrorMissingConfiguration);
  if (gridDim != nullptr)
    *gridDim = config.grid;
  if (blockDim != nullptr)
    *blockDim = config.block;
  if (sharedMem != nullptr)
    *sharedMem = config.sharedMem;
  if (stream != nullptr)
    *static_cast<cudaStream_t *>(stream) = config.stream;
  return cudaSuccess;
}
