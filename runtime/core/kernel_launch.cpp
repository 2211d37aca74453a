#include "core/kernel_launch.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <vector>

#include "core/block_variants.h"
#include "core/device_memory.h"
#include "core/device_registry.h"
#include "core/diagnostics.h"
#include "core/enqueue_status.h"
#include "core/kernel_faults.h"
#include "core/mapped_host_memory.h"
#include "core/memcheck_report.h"
#include "core/occupancy.h"
#include "core/program_cache.h"
#include "core/textures.h"

namespace cucl {

namespace {

cudaError_t validateDimensions(const Device &device, dim3 grid, dim3 block) {
  const DeviceLimits &limits = device.limits();
  if (grid.x == 0 || grid.y == 0 || grid.z == 0 || block.x == 0 || block.y == 0 || block.z == 0)
    return cudaErrorInvalidConfiguration;
  if (grid.x > kMaxGridX || grid.y > kMaxGridYZ || grid.z > kMaxGridYZ)
    return cudaErrorInvalidConfiguration;
  if (block.x > limits.maxWorkItemSizes[0] || block.y > limits.maxWorkItemSizes[1] ||
      block.z > limits.maxWorkItemSizes[2])
    return cudaErrorInvalidConfiguration;
  std::size_t threads = std::size_t(block.x) * block.y * block.z;
  if (threads > limits.maxWorkGroupSize)
    return cudaErrorInvalidConfiguration;
  return cudaSuccess;
}

// A texture, surface or texture reference: its buffer (NULL for no texels)
// and its cuclTextureDesc by value.
cl_int setTextureArguments(cl::Kernel &clKernel, cl_uint *index, const cl::Buffer &texels,
                           const cuclTextureDesc &desc) {
  cl_mem buffer = texels();
  cl_int status = clKernel.setArg((*index)++, sizeof(cl_mem), &buffer);
  if (status == CL_SUCCESS)
    status = clKernel.setArg((*index)++, sizeof(cuclTextureDesc), &desc);
  return status;
}

// A pointer argument's allocation. One past the end of an allocation is a
// valid pointer too (an end iterator, `d + n`): CUDA passes it as it is.
bool resolveArgument(const MemoryMap &memory, const void *pointer, ResolvedAddress *at) {
  if (memory.resolve(pointer, at))
    return true;
  if (!memory.resolve(static_cast<const char *>(pointer) - 1, at) || at->bytesToEnd != 1)
    return false;
  at->offset += 1;
  at->bytesToEnd = 0;
  return true;
}

// The OpenCL work-group of a CUDA block: one work-item per thread, or in lane
// mode one per warp of 32 threads (include/cucl/module_abi.h).
cl::NDRange workGroupOf(const Kernel &kernel, dim3 block) {
  if ((kernel.flags & CUCL_KERNEL_WARP_LANES) == 0)
    return cl::NDRange(block.x, block.y, block.z);
  std::size_t threads = std::size_t(block.x) * block.y * block.z;
  return cl::NDRange((threads + 31) / 32, 1, 1);
}

} // namespace

cudaError_t setLaunchArguments(const LaunchPlan &plan, cl::Kernel &clKernel, void **args,
                               CUstream_st &stream, MappedCommand *mapped) {
  const Kernel &kernel = *plan.kernel;
  Device &device = *plan.device;
  const LaunchShape &shape = plan.shape;
  const std::size_t residentBlocks = plan.residentBlocks;
  const dim3 block = shape.block;
  const std::size_t sharedMem = shape.sharedMem;
  if (!kernel.args.empty() && args == nullptr)
    return cudaErrorInvalidValue;
  MemoryMap &memory = DeviceRegistry::instance().memory();
  const bool memcheck = (kernel.flags & CUCL_KERNEL_MEMCHECK) != 0;
  std::vector<std::uintptr_t> allocations(memcheck ? kernel.args.size() : 0); // for its report
  cl_uint index = 0;
  for (std::size_t i = 0; i < kernel.args.size(); ++i) {
    const cuclKernelArgInfo &info = kernel.args[i];
    if (args[i] == nullptr)
      return cudaErrorInvalidValue;
    cl_int status = CL_SUCCESS;
    if (info.kind == cuclArgGlobalPointer) {
      const void *pointer = *static_cast<void *const *>(args[i]);
      cl_mem buffer = nullptr;
      cl_ulong offset = 0;
      ResolvedAddress at;
      if (pointer != nullptr) {
        if (!resolveArgument(memory, pointer, &at) || at.device != device.index()) {
          verboseLog("kernel %s, argument %zu: %p is not device memory of device %d",
                     kernel.name.c_str(), i, pointer, device.index());
          return cudaErrorInvalidValue;
        }
        buffer = at.buffer();
        offset = at.offset;
        mapped->use(at);
      }
      status = clKernel.setArg(index++, sizeof(cl_mem), &buffer);
      if (status == CL_SUCCESS)
        status = clKernel.setArg(index++, sizeof(cl_ulong), &offset);
      if (memcheck && status == CL_SUCCESS) {
        // The bytes the program asked for, not the buffer's slack.
        cl_ulong bytes = pointer != nullptr ? cl_ulong(at.offset + at.bytesToEnd) : 0;
        status = clKernel.setArg(index++, sizeof(cl_ulong), &bytes);
        if (pointer != nullptr)
          allocations[i] = reinterpret_cast<std::uintptr_t>(pointer) - at.offset;
      }
    } else if (info.kind == cuclArgTexture || info.kind == cuclArgSurface) {
      // The object's texels and descriptor on this device (core/textures.h).
      unsigned long long handle = 0;
      std::memcpy(&handle, args[i], std::min(info.size, sizeof handle));
      cl::Buffer texels;
      cuclTextureDesc desc{};
      cudaError_t resolved =
          resolveTextureObject(handle, info.kind == cuclArgSurface, device, mapped, &texels, &desc);
      if (resolved != cudaSuccess) {
        verboseLog("kernel %s, argument %zu: %s object %llu is not usable on device %d",
                   kernel.name.c_str(), i, info.kind == cuclArgSurface ? "surface" : "texture",
                   handle, device.index());
        return resolved;
      }
      status = setTextureArguments(clKernel, &index, texels, desc);
    } else {
      status = clKernel.setArg(index++, info.size, args[i]);
    }
    if (status != CL_SUCCESS) {
      verboseLog("kernel %s, argument %zu rejected by OpenCL (status %d)", kernel.name.c_str(), i,
                 status);
      return cudaErrorInvalidKernelImage;
    }
  }
  if (kernel.flags & CUCL_KERNEL_DYNAMIC_SHARED) {
    // OpenCL rejects a zero-sized __local argument.
    if (clKernel.setArg(index++, cl::Local(std::max<std::size_t>(sharedMem, 1))) != CL_SUCCESS)
      return cudaErrorInvalidValue;
    if (memcheck && clKernel.setArg(index++, cl_uint(sharedMem)) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  if (kernel.flags & CUCL_KERNEL_WARP_LANES) {
    // Work-items are warps, so the kernel is told the CUDA block's shape.
    for (cl_uint extent : {block.x, block.y, block.z})
      if (clKernel.setArg(index++, extent) != CL_SUCCESS)
        return cudaErrorInvalidKernelImage;
  }
  if (kernel.flags & CUCL_KERNEL_STATUS) {
    cl::Buffer record;
    cl_uint launch = 0;
    LaunchNote note{kernel.name, kernel.module, block, std::move(allocations)};
    if (stream.status.prepare(stream, std::move(note), &record, &launch) != CL_SUCCESS)
      return cudaErrorMemoryAllocation;
    if (clKernel.setArg(index++, record) != CL_SUCCESS ||
        clKernel.setArg(index++, launch) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  if (kernel.flags & CUCL_KERNEL_GRID_SYNC) {
    // Outside a cooperative launch the kernel reports its grid sync instead
    // of waiting for blocks that may never run at the same time.
    cl::Buffer words;
    if (stream.gridBarrier.prepare(stream, &words) != CL_SUCCESS)
      return cudaErrorMemoryAllocation;
    cl_uint blocks = shape.cooperative ? cl_uint(shape.grid.x) * shape.grid.y * shape.grid.z : 0u;
    if (clKernel.setArg(index++, words) != CL_SUCCESS ||
        clKernel.setArg(index++, blocks) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  if (kernel.flags & CUCL_KERNEL_SYMBOLS) {
    // Made and initialized on the module's first use on this device.
    SymbolSegments segments;
    cudaError_t made = kernel.module->symbols.on(device, &segments);
    if (made != cudaSuccess)
      return made;
    cl_mem deviceSegment = segments.buffer[CUCL_SYMBOL_DEVICE]();
    cl_mem constantSegment = segments.buffer[CUCL_SYMBOL_CONSTANT]();
    for (cl_mem segment : {deviceSegment, constantSegment, constantSegment})
      if (clKernel.setArg(index++, sizeof(cl_mem), &segment) != CL_SUCCESS)
        return cudaErrorInvalidKernelImage;
  }
  if (kernel.flags & CUCL_KERNEL_HEAP) {
    cudaError_t status = setHeapArguments(device, kernel.name, clKernel, &index);
    if (status != cudaSuccess)
      return status;
  }
  for (const textureReference *reference : kernel.textureReferences) {
    // Bound with cudaBindTexture*; its attributes are read now, as in CUDA.
    cl::Buffer texels;
    cuclTextureDesc desc{};
    cudaError_t resolved = resolveTextureReference(reference, device, mapped, &texels, &desc);
    if (resolved != cudaSuccess) {
      verboseLog("kernel %s: texture reference %p is not usable (%s)", kernel.name.c_str(),
                 static_cast<const void *>(reference), cudaGetErrorName(resolved));
      return resolved;
    }
    if (setTextureArguments(clKernel, &index, texels, desc) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  for (const Kernel::ManagedVariable &variable : kernel.managedVariables) {
    ResolvedAddress at;
    cudaError_t status = managedStorage(device, variable.host, variable.size, &at);
    if (status != cudaSuccess) {
      verboseLog("kernel %s: __managed__ variable at %p cannot be mapped into device %d (%s)",
                 kernel.name.c_str(), variable.host, device.index(), cudaGetErrorName(status));
      return status;
    }
    mapped->use(at);
    cl_mem buffer = at.buffer();
    cl_ulong offset = at.offset;
    if (clKernel.setArg(index++, sizeof(cl_mem), &buffer) != CL_SUCCESS ||
        clKernel.setArg(index++, sizeof(cl_ulong), &offset) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  if (residentBlocks > 0) {
    // The scratch variant: a frame per work-item of the work-groups that run at once.
    cl::NDRange local = workGroupOf(kernel, block);
    std::size_t groups = std::size_t(shape.grid.x) * shape.grid.y * shape.grid.z;
    ScratchShape scratch =
        scratchShapeFor(device, groups, residentBlocks, local[0] * local[1] * local[2],
                        kernel.scratchBytes, shape.cooperative);
    cl::Buffer pool;
    cudaError_t made = stream.scratch.prepare(stream, scratch, &pool);
    if (made != cudaSuccess)
      return made;
    cl_uint slots = cl_uint(scratch.slots);
    if (clKernel.setArg(index++, pool) != CL_SUCCESS ||
        clKernel.setArg(index++, slots) != CL_SUCCESS)
      return cudaErrorInvalidKernelImage;
  }
  return cudaSuccess;
}

cudaError_t planLaunch(Device &device, const void *func, const LaunchShape &shape,
                       LaunchPlan *plan) {
  const dim3 grid = shape.grid, block = shape.block;
  const std::size_t sharedMem = shape.sharedMem;
  Kernel *kernel = ModuleRegistry::instance().find(func);
  if (kernel == nullptr)
    return cudaErrorInvalidDeviceFunction;
  noteUncheckedLaunch(*kernel->module);
  cudaError_t status = validateDimensions(device, grid, block);
  if (status != cudaSuccess)
    return status;
  KernelInstance *instance = nullptr;
  {
    std::lock_guard<std::mutex> lock(kernel->launchMutex);
    status = ModuleRegistry::instance().instantiate(*kernel, device, &instance);
    // A block size the kernel keeps being launched with: its exact variant.
    if (status == cudaSuccess &&
        std::size_t(block.x) * block.y * block.z <= instance->maxBlockThreads)
      if (KernelInstance *variant = blockVariant(*kernel, device, block))
        instance = variant;
  }
  if (status != cudaSuccess)
    return status;
  if (std::size_t(block.x) * block.y * block.z > instance->maxBlockThreads)
    return cudaErrorLaunchOutOfResources; // the kernel's own limit, as CUDA's register limit
  cl::NDRange local = workGroupOf(*kernel, block);
  std::size_t localMem = device.limits().localMemSize;
  if (sharedMem > localMem || instance->staticLocalMem > localMem - sharedMem)
    return cudaErrorInvalidValue; // CUDA's answer to too much dynamic shared memory
  if (shape.cooperative) {
    // Every block must run at the same time: no more than the device holds.
    std::size_t perUnit = maxActiveBlocksPerUnit(
        device, *kernel, *instance, std::size_t(block.x) * block.y * block.z, sharedMem);
    std::size_t blocks = std::size_t(grid.x) * grid.y * grid.z;
    if (blocks > perUnit * std::size_t(device.properties().multiProcessorCount)) {
      verboseLog("cooperative launch of %s: %zu blocks, at most %zu run at once",
                 kernel->name.c_str(), blocks,
                 perUnit * std::size_t(device.properties().multiProcessorCount));
      return cudaErrorCooperativeLaunchTooLarge;
    }
  }
  // Large local arrays: in scratch memory where the device cannot hold them
  // privately, with frames for the blocks that run at once.
  std::size_t residentBlocks = 0;
  if (runsScratchVariant(device, *kernel, *instance, std::size_t(block.x) * block.y * block.z)) {
    std::size_t units = std::size_t(device.properties().multiProcessorCount);
    residentBlocks =
        device.limits().hostMemory // CPU: one work-group per worker
            ? 2 * units
            : units * maxActiveBlocksPerUnit(device, *kernel, *instance,
                                             std::size_t(block.x) * block.y * block.z, sharedMem);
  }
  plan->func = func;
  plan->device = &device;
  plan->kernel = kernel;
  plan->instance = instance;
  plan->shape = shape;
  plan->local = local;
  plan->global = cl::NDRange(grid.x * local[0], grid.y * local[1], grid.z * local[2]);
  plan->residentBlocks = residentBlocks;
  return cudaSuccess;
}

cl::Kernel &LaunchPlan::sharedKernel() const {
  return residentBlocks > 0 ? instance->scratchKernel : instance->kernel;
}

bool LaunchPlan::argumentsFollowStream() const {
  return residentBlocks > 0 || (kernel->flags & (CUCL_KERNEL_STATUS | CUCL_KERNEL_GRID_SYNC)) != 0;
}

cudaError_t enqueueLaunch(const LaunchPlan &plan, cl::Kernel &clKernel, MappedCommand &mapped,
                          CUstream_st &stream) {
  Device &device = *plan.device;
  const bool cooperative = plan.shape.cooperative;
  std::unique_lock<std::mutex> cooperativeLock(device.cooperativeMutex, std::defer_lock);
  if (cooperative)
    cooperativeLock.lock();
  noteKernelLaunch(device);
  cl_int result = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    std::vector<cl::Event> after = waits ? *waits : std::vector<cl::Event>();
    if (cooperative && device.lastCooperative() != nullptr)
      after.push_back(device.lastCooperative);
    return mapped.enqueue(stream.queue, after.empty() ? nullptr : &after, done,
                          /*blocking=*/false,
                          [&](const std::vector<cl::Event> *ready, cl::Event *event) {
                            return stream.queue.enqueueNDRangeKernel(
                                clKernel, cl::NullRange, plan.global, plan.local, ready, event);
                          });
  });
  if (cooperative && result == CL_SUCCESS) {
    device.lastCooperative = stream.tail();
    stream.queue.flush(); // a later queue waits on it
  }
  if (result == CL_SUCCESS && ProgramCache::hasDeferredStores()) {
    // A freshly built module's binary goes to the cache while its first
    // kernel runs, instead of before it.
    stream.queue.flush();
    ProgramCache::storeDeferred();
  }
  return fromEnqueueStatus(result, device);
}

} // namespace cucl
