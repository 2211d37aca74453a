// Kernel ("function") queries and settings, and the occupancy calculator.
#include "api/api_support.h"
#include "api/enum_argument.h"

#include <algorithm>
#include <climits>

#include "core/module_registry.h"
#include "core/occupancy.h"

namespace {

using cucl::Device;

// Finds `func` and makes sure it is built for `device`.
cudaError_t instanceFor(const void *func, Device &device, cucl::KernelInstance **out) {
  cucl::Kernel *kernel = cucl::ModuleRegistry::instance().find(func);
  if (kernel == nullptr)
    return cudaErrorInvalidDeviceFunction;
  std::lock_guard<std::mutex> lock(kernel->launchMutex);
  return cucl::ModuleRegistry::instance().instantiate(*kernel, device, out);
}

} // namespace

CUCL_API cudaError_t cudaFuncGetAttributes(cudaFuncAttributes *attr, const void *func) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (attr == nullptr)
      return cudaErrorInvalidValue;
    cucl::KernelInstance *instance = nullptr;
    cudaError_t status = instanceFor(func, device, &instance);
    if (status != cudaSuccess)
      return status;
    *attr = cudaFuncAttributes{};
    attr->sharedSizeBytes = instance->staticLocalMem;
    attr->maxThreadsPerBlock = static_cast<int>(
        std::min<std::size_t>(instance->maxBlockThreads, device.limits().maxWorkGroupSize));
    attr->ptxVersion = 70;
    attr->binaryVersion = 70;
    attr->maxDynamicSharedSizeBytes =
        static_cast<int>(device.limits().localMemSize - instance->staticLocalMem);
    return cudaSuccess;
  });
}

// Accepted for compatibility: OpenCL needs no opt-in for dynamic shared
// memory and has no carve-out; values are validated, not stored.
CUCL_API cudaError_t cudaFuncSetAttribute(const void *func, cudaFuncAttribute attr, int value) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (cucl::ModuleRegistry::instance().find(func) == nullptr)
      return cudaErrorInvalidDeviceFunction;
    switch (cucl::enumArgument(attr)) {
    case cudaFuncAttributeMaxDynamicSharedMemorySize:
      return value >= 0 && static_cast<std::size_t>(value) <= device.limits().localMemSize
                 ? cudaSuccess
                 : cudaErrorInvalidValue;
    case cudaFuncAttributePreferredSharedMemoryCarveout:
      return value >= -1 && value <= 100 ? cudaSuccess : cudaErrorInvalidValue;
    default:
      return cudaErrorInvalidValue;
    }
  });
}

CUCL_API cudaError_t cudaFuncSetCacheConfig(const void *func, cudaFuncCache cacheConfig) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (cucl::ModuleRegistry::instance().find(func) == nullptr)
      return cudaErrorInvalidDeviceFunction;
    int raw = cucl::enumArgument(cacheConfig);
    if (raw < cudaFuncCachePreferNone || raw > cudaFuncCachePreferEqual)
      return cudaErrorInvalidValue;
    return cudaSuccess;
  });
}

// Blocks of `blockSize` threads that fit one "multiprocessor" (compute unit)
// at once, from cucl's nominal per-unit limits (docs/runtime-api.md): the
// thread limit, the local-memory size and 32 blocks.
CUCL_API cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
    int *numBlocks, const void *func, int blockSize, size_t dynamicSMemSize, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (numBlocks == nullptr || blockSize <= 0 ||
        (flags & ~static_cast<unsigned>(cudaOccupancyDisableCachingOverride)) != 0)
      return cudaErrorInvalidValue;
    cucl::KernelInstance *instance = nullptr;
    cudaError_t status = instanceFor(func, device, &instance);
    if (status != cudaSuccess)
      return status;
    std::size_t blocks = cucl::maxActiveBlocksPerUnit(
        device, *cucl::ModuleRegistry::instance().find(func), *instance,
        static_cast<std::size_t>(blockSize), dynamicSMemSize);
    *numBlocks = static_cast<int>(std::min<std::size_t>(blocks, INT_MAX));
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *numBlocks, const void *func,
                                                                   int blockSize,
                                                                   size_t dynamicSMemSize) {
  return cudaOccupancyMaxActiveBlocksPerMultiprocessorWithFlags(
      numBlocks, func, blockSize, dynamicSMemSize, cudaOccupancyDefault);
}

CUCL_API cudaError_t cudaFuncGetName(const char **name, const void *func) {
  if (name == nullptr || func == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cucl::Kernel *kernel = cucl::ModuleRegistry::instance().find(func);
  if (kernel == nullptr)
    return cucl::report(cudaErrorInvalidDeviceFunction);
  *name = kernel->name.c_str(); // the OpenCL name: the kernel's, with template arguments mangled in
  return cudaSuccess;
}

// The dynamic shared memory each of `numBlocks` blocks of `blockSize`
// threads can have while all of them fit one unit at once (0 when they do not
// fit even without it).
CUCL_API cudaError_t cudaOccupancyAvailableDynamicSMemPerBlock(size_t *dynamicSmemSize,
                                                               const void *func, int numBlocks,
                                                               int blockSize) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (dynamicSmemSize == nullptr || numBlocks <= 0 || blockSize <= 0)
      return cudaErrorInvalidValue;
    cucl::KernelInstance *instance = nullptr;
    cudaError_t status = instanceFor(func, device, &instance);
    if (status != cudaSuccess)
      return status;
    std::size_t fit =
        cucl::maxActiveBlocksPerUnit(device, *cucl::ModuleRegistry::instance().find(func),
                                     *instance, static_cast<std::size_t>(blockSize), 0);
    std::size_t share = device.limits().localMemSize / static_cast<std::size_t>(numBlocks);
    *dynamicSmemSize =
        fit >= static_cast<std::size_t>(numBlocks) && share > instance->staticLocalMem
            ? share - instance->staticLocalMem
            : 0;
    return cudaSuccess;
  });
}
