#include "core/device.h"

#include "backend/shared_virtual_memory.h"

#include <algorithm>
#include <climits>
#include <cstring>
#include <string>
#include <utility>

#include "core/stream.h"

namespace cucl {

namespace {
int clampToInt(std::size_t value) {
  return static_cast<int>(std::min<std::size_t>(value, INT_MAX));
}
} // namespace

Device::Device(int index, cl::Device device, cl_int *status) : index_(index), device_(device) {
  *status = CL_SUCCESS;
  context_ = cl::Context(device_, nullptr, nullptr, nullptr, status);
  if (*status != CL_SUCCESS)
    return;
  limits_.maxWorkGroupSize =
      std::min<std::size_t>(device_.getInfo<CL_DEVICE_MAX_WORK_GROUP_SIZE>(), kMaxThreadsPerBlock);
  std::vector<cl::size_type> sizes = device_.getInfo<CL_DEVICE_MAX_WORK_ITEM_SIZES>();
  for (std::size_t i = 0; i < 3; ++i)
    limits_.maxWorkItemSizes[i] =
        std::min<std::size_t>(i < sizes.size() ? sizes[i] : 1, kMaxBlockDim[i]);
  limits_.localMemSize = device_.getInfo<CL_DEVICE_LOCAL_MEM_SIZE>();
  limits_.maxAllocSize = device_.getInfo<CL_DEVICE_MAX_MEM_ALLOC_SIZE>();
  limits_.maxConstantBufferSize = device_.getInfo<CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE>();
  limits_.globalMemSize = device_.getInfo<CL_DEVICE_GLOBAL_MEM_SIZE>();
  limits_.hostMemory = (device_.getInfo<CL_DEVICE_TYPE>() & CL_DEVICE_TYPE_CPU) != 0 &&
                       device_.getInfo<CL_DEVICE_HOST_UNIFIED_MEMORY>() == CL_TRUE;
  limits_.coarseGrainedSvm = backend::hasCoarseGrainedSvm(device_);
  deriveProperties();
  legacy_ = std::make_unique<CUstream_st>(*this, cudaStreamDefault, /*legacy=*/true, status);
}

Device::~Device() {
  backend::svmFree(context_, heapAnchor);
}

namespace {
// Array, texture and surface limits: those of compute capability 7.0 (cucl
// stores texels in ordinary buffers, so only allocation sizes bound them).
void setTextureLimits(cudaDeviceProp &p) {
  p.maxTexture1D = 131072;
  p.maxTexture1DMipmap = 32768;
  p.maxTexture1DLinear = 1 << 27;
  p.maxTexture2D[0] = 131072;
  p.maxTexture2D[1] = 65536;
  p.maxTexture2DMipmap[0] = p.maxTexture2DMipmap[1] = 32768;
  p.maxTexture2DLinear[0] = 131072;
  p.maxTexture2DLinear[1] = 65000;
  p.maxTexture2DLinear[2] = 2097120;
  p.maxTexture2DGather[0] = p.maxTexture2DGather[1] = 32768;
  p.maxTexture3D[0] = p.maxTexture3D[1] = p.maxTexture3D[2] = 16384;
  p.maxTexture3DAlt[0] = p.maxTexture3DAlt[1] = 8192;
  p.maxTexture3DAlt[2] = 32768;
  p.maxTextureCubemap = 32768;
  p.maxTexture1DLayered[0] = 32768;
  p.maxTexture1DLayered[1] = 2048;
  p.maxTexture2DLayered[0] = p.maxTexture2DLayered[1] = 32768;
  p.maxTexture2DLayered[2] = 2048;
  p.maxTextureCubemapLayered[0] = 32768;
  p.maxTextureCubemapLayered[1] = 2046;
  p.maxSurface1D = 32768;
  p.maxSurface2D[0] = 131072;
  p.maxSurface2D[1] = 65536;
  p.maxSurface3D[0] = p.maxSurface3D[1] = p.maxSurface3D[2] = 16384;
  p.maxSurface1DLayered[0] = 32768;
  p.maxSurface1DLayered[1] = 2048;
  p.maxSurface2DLayered[0] = p.maxSurface2DLayered[1] = 32768;
  p.maxSurface2DLayered[2] = 2048;
  p.maxSurfaceCubemap = 32768;
  p.maxSurfaceCubemapLayered[0] = 32768;
  p.maxSurfaceCubemapLayered[1] = 2046;
}
} // namespace

// CUDA-style properties from the OpenCL device. Values OpenCL cannot report
// are cucl's documented nominal values (docs/runtime-api.md).
void Device::deriveProperties() {
  cudaDeviceProp &p = properties_;
  std::string name = device_.getInfo<CL_DEVICE_NAME>();
  std::strncpy(p.name, name.c_str(), sizeof(p.name) - 1);
  p.totalGlobalMem = limits_.globalMemSize;
  p.sharedMemPerBlock = limits_.localMemSize;
  p.sharedMemPerBlockOptin = limits_.localMemSize;
  p.sharedMemPerMultiprocessor = limits_.localMemSize;
  p.regsPerBlock = 65536;
  p.regsPerMultiprocessor = 65536;
  p.warpSize = 32;
  p.memPitch = limits_.maxAllocSize;
  p.maxThreadsPerBlock = clampToInt(limits_.maxWorkGroupSize);
  p.maxThreadsPerMultiProcessor = p.maxThreadsPerBlock;
  for (int i = 0; i < 3; ++i)
    p.maxThreadsDim[i] = clampToInt(limits_.maxWorkItemSizes[i]);
  p.maxGridSize[0] = static_cast<int>(kMaxGridX);
  p.maxGridSize[1] = static_cast<int>(kMaxGridYZ);
  p.maxGridSize[2] = static_cast<int>(kMaxGridYZ);
  p.clockRate = clampToInt(std::size_t(device_.getInfo<CL_DEVICE_MAX_CLOCK_FREQUENCY>()) * 1000);
  p.memoryClockRate = p.clockRate;
  p.memoryBusWidth = 64;
  p.totalConstMem = device_.getInfo<CL_DEVICE_MAX_CONSTANT_BUFFER_SIZE>();
  p.major = 7; // cucl's nominal compute capability
  p.minor = 0;
  // Textures of device memory start on the allocation granularity, so every
  // cudaMalloc pointer is aligned for them, as CUDA promises.
  p.textureAlignment = 256;
  p.texturePitchAlignment = 32;
  p.surfaceAlignment = 512;
  setTextureLimits(p);
  p.deviceOverlap = 1;
  p.asyncEngineCount = 1;
  p.multiProcessorCount = clampToInt(device_.getInfo<CL_DEVICE_MAX_COMPUTE_UNITS>());
  p.kernelExecTimeoutEnabled = 0;
  p.integrated = device_.getInfo<CL_DEVICE_HOST_UNIFIED_MEMORY>() ? 1 : 0;
  p.canMapHostMemory = 1;      // core/mapped_host_memory.h
  p.hostRegisterSupported = 1; // cudaHostRegister, mapped or not
  p.computeMode = cudaComputeModeDefault;
  p.concurrentKernels = 1;
  p.ECCEnabled = device_.getInfo<CL_DEVICE_ERROR_CORRECTION_SUPPORT>() ? 1 : 0;
  p.pciBusID = 0;
  p.pciDeviceID = index_;
  p.pciDomainID = 0;
  p.unifiedAddressing = 1; // device pointers never collide with host ones
  p.l2CacheSize = clampToInt(device_.getInfo<CL_DEVICE_GLOBAL_MEM_CACHE_SIZE>());
  p.memoryPoolsSupported = 1; // cudaMallocAsync (core/memory_pool.h)
  p.managedMemory = 1;        // host memory the device maps (core/managed_memory.h)
  p.isMultiGpuBoard = 0;
  p.globalL1CacheSupported = 1;
  p.localL1CacheSupported = 1;
  p.maxBlocksPerMultiProcessor = 32;
  p.singleToDoublePrecisionPerfRatio = 2;
  p.streamPrioritiesSupported = 0;
  p.cooperativeLaunch = 1; // grid_group::sync, within occupancy (core/occupancy.h)
}

void Device::addStream(std::shared_ptr<CUstream_st> stream) {
  dropFinishedDestroyedStreams();
  std::lock_guard<std::mutex> lock(streamsMutex_);
  streams_.push_back(std::move(stream));
}

void Device::dropFinishedDestroyedStreams() {
  std::lock_guard<std::mutex> lock(streamsMutex_);
  streams_.erase(std::remove_if(streams_.begin(), streams_.end(),
                                [](const std::shared_ptr<CUstream_st> &entry) {
                                  return entry->destroyed && entry->query() != cudaErrorNotReady;
                                }),
                 streams_.end());
}

std::vector<cl::Event> Device::blockingStreamTails() {
  std::vector<cl::Event> tails;
  std::lock_guard<std::mutex> lock(streamsMutex_);
  for (const std::shared_ptr<CUstream_st> &stream : streams_) {
    if (!stream->blocking())
      continue;
    cl::Event tail = stream->tail();
    if (tail() != nullptr) {
      // A queue waiting on another queue's event needs that command flushed
      // to the device, or a strict driver may wait forever.
      stream->queue.flush();
      tails.push_back(tail);
    }
  }
  return tails;
}

cudaError_t Device::synchronize() {
  cudaError_t result = legacy_->synchronize();
  std::vector<std::shared_ptr<CUstream_st>> streams;
  {
    std::lock_guard<std::mutex> lock(streamsMutex_);
    streams = streams_;
  }
  for (const std::shared_ptr<CUstream_st> &stream : streams) {
    cudaError_t error = stream->synchronize();
    if (result == cudaSuccess)
      result = error;
  }
  dropFinishedDestroyedStreams();
  return result;
}

void Device::raiseStickyError(cudaError_t error) {
  cudaError_t expected = cudaSuccess;
  sticky_.compare_exchange_strong(expected, error);
}

} // namespace cucl
