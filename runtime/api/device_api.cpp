// Device management: count, selection, properties, attributes, sync, reset.
#include "api/api_support.h"
#include "api/enum_argument.h"

#include <climits>
#include <cstdio>
#include <cstring>
#include <mutex>

#include "core/device_memory.h"
#include "core/mapped_host_memory.h"
#include "core/memory_pool.h"
#include "core/stream.h"
#include "core/stream_capture.h"

namespace {

unsigned deviceFlags = cudaDeviceScheduleAuto; // accepted and reported back only

// cudaDeviceGetAttribute from the same data cudaGetDeviceProperties reports.
// Attributes with no counterpart in cucl are 0.
int attributeValue(const cudaDeviceProp &p, cudaDeviceAttr attr) {
  switch (attr) {
  case cudaDevAttrMaxTexture1DWidth:
    return p.maxTexture1D;
  case cudaDevAttrMaxTexture2DWidth:
    return p.maxTexture2D[0];
  case cudaDevAttrMaxTexture2DHeight:
    return p.maxTexture2D[1];
  case cudaDevAttrMaxTexture3DWidth:
    return p.maxTexture3D[0];
  case cudaDevAttrMaxTexture3DHeight:
    return p.maxTexture3D[1];
  case cudaDevAttrMaxTexture3DDepth:
    return p.maxTexture3D[2];
  case cudaDevAttrMaxTexture2DLayeredWidth:
    return p.maxTexture2DLayered[0];
  case cudaDevAttrMaxTexture2DLayeredHeight:
    return p.maxTexture2DLayered[1];
  case cudaDevAttrMaxTexture2DLayeredLayers:
    return p.maxTexture2DLayered[2];
  case cudaDevAttrMaxTexture1DLayeredWidth:
    return p.maxTexture1DLayered[0];
  case cudaDevAttrMaxTexture1DLayeredLayers:
    return p.maxTexture1DLayered[1];
  case cudaDevAttrMaxTexture2DGatherWidth:
    return p.maxTexture2DGather[0];
  case cudaDevAttrMaxTexture2DGatherHeight:
    return p.maxTexture2DGather[1];
  case cudaDevAttrMaxTexture3DWidthAlt:
    return p.maxTexture3DAlt[0];
  case cudaDevAttrMaxTexture3DHeightAlt:
    return p.maxTexture3DAlt[1];
  case cudaDevAttrMaxTexture3DDepthAlt:
    return p.maxTexture3DAlt[2];
  case cudaDevAttrMaxTextureCubemapWidth:
    return p.maxTextureCubemap;
  case cudaDevAttrMaxTextureCubemapLayeredWidth:
    return p.maxTextureCubemapLayered[0];
  case cudaDevAttrMaxTextureCubemapLayeredLayers:
    return p.maxTextureCubemapLayered[1];
  case cudaDevAttrMaxSurface1DWidth:
    return p.maxSurface1D;
  case cudaDevAttrMaxSurface2DWidth:
    return p.maxSurface2D[0];
  case cudaDevAttrMaxSurface2DHeight:
    return p.maxSurface2D[1];
  case cudaDevAttrMaxSurface3DWidth:
    return p.maxSurface3D[0];
  case cudaDevAttrMaxSurface3DHeight:
    return p.maxSurface3D[1];
  case cudaDevAttrMaxSurface3DDepth:
    return p.maxSurface3D[2];
  case cudaDevAttrMaxSurface1DLayeredWidth:
    return p.maxSurface1DLayered[0];
  case cudaDevAttrMaxSurface1DLayeredLayers:
    return p.maxSurface1DLayered[1];
  case cudaDevAttrMaxSurface2DLayeredWidth:
    return p.maxSurface2DLayered[0];
  case cudaDevAttrMaxSurface2DLayeredHeight:
    return p.maxSurface2DLayered[1];
  case cudaDevAttrMaxSurface2DLayeredLayers:
    return p.maxSurface2DLayered[2];
  case cudaDevAttrMaxSurfaceCubemapWidth:
    return p.maxSurfaceCubemap;
  case cudaDevAttrMaxSurfaceCubemapLayeredWidth:
    return p.maxSurfaceCubemapLayered[0];
  case cudaDevAttrMaxSurfaceCubemapLayeredLayers:
    return p.maxSurfaceCubemapLayered[1];
  case cudaDevAttrMaxTexture1DLinearWidth:
    return p.maxTexture1DLinear;
  case cudaDevAttrMaxTexture2DLinearWidth:
    return p.maxTexture2DLinear[0];
  case cudaDevAttrMaxTexture2DLinearHeight:
    return p.maxTexture2DLinear[1];
  case cudaDevAttrMaxTexture2DLinearPitch:
    return p.maxTexture2DLinear[2];
  case cudaDevAttrMaxTexture2DMipmappedWidth:
    return p.maxTexture2DMipmap[0];
  case cudaDevAttrMaxTexture2DMipmappedHeight:
    return p.maxTexture2DMipmap[1];
  case cudaDevAttrMaxTexture1DMipmappedWidth:
    return p.maxTexture1DMipmap;
  case cudaDevAttrMaxThreadsPerBlock:
    return p.maxThreadsPerBlock;
  case cudaDevAttrMaxBlockDimX:
    return p.maxThreadsDim[0];
  case cudaDevAttrMaxBlockDimY:
    return p.maxThreadsDim[1];
  case cudaDevAttrMaxBlockDimZ:
    return p.maxThreadsDim[2];
  case cudaDevAttrMaxGridDimX:
    return p.maxGridSize[0];
  case cudaDevAttrMaxGridDimY:
    return p.maxGridSize[1];
  case cudaDevAttrMaxGridDimZ:
    return p.maxGridSize[2];
  case cudaDevAttrMaxSharedMemoryPerBlock:
    return static_cast<int>(p.sharedMemPerBlock);
  case cudaDevAttrTotalConstantMemory:
    return static_cast<int>(p.totalConstMem);
  case cudaDevAttrWarpSize:
    return p.warpSize;
  case cudaDevAttrMaxPitch:
    return p.memPitch > 0x7fffffff ? 0x7fffffff : static_cast<int>(p.memPitch);
  case cudaDevAttrMaxRegistersPerBlock:
    return p.regsPerBlock;
  case cudaDevAttrClockRate:
    return p.clockRate;
  case cudaDevAttrTextureAlignment:
    return static_cast<int>(p.textureAlignment);
  case cudaDevAttrGpuOverlap:
    return p.deviceOverlap;
  case cudaDevAttrMultiProcessorCount:
    return p.multiProcessorCount;
  case cudaDevAttrKernelExecTimeout:
    return p.kernelExecTimeoutEnabled;
  case cudaDevAttrIntegrated:
    return p.integrated;
  case cudaDevAttrCanMapHostMemory:
    return p.canMapHostMemory;
  case cudaDevAttrComputeMode:
    return p.computeMode;
  case cudaDevAttrSurfaceAlignment:
    return static_cast<int>(p.surfaceAlignment);
  case cudaDevAttrConcurrentKernels:
    return p.concurrentKernels;
  case cudaDevAttrEccEnabled:
    return p.ECCEnabled;
  case cudaDevAttrPciBusId:
    return p.pciBusID;
  case cudaDevAttrPciDeviceId:
    return p.pciDeviceID;
  case cudaDevAttrPciDomainId:
    return p.pciDomainID;
  case cudaDevAttrMemoryClockRate:
    return p.memoryClockRate;
  case cudaDevAttrGlobalMemoryBusWidth:
    return p.memoryBusWidth;
  case cudaDevAttrL2CacheSize:
    return p.l2CacheSize;
  case cudaDevAttrMaxThreadsPerMultiProcessor:
    return p.maxThreadsPerMultiProcessor;
  case cudaDevAttrAsyncEngineCount:
    return p.asyncEngineCount;
  case cudaDevAttrUnifiedAddressing:
    return p.unifiedAddressing;
  case cudaDevAttrTexturePitchAlignment:
    return static_cast<int>(p.texturePitchAlignment);
  case cudaDevAttrComputeCapabilityMajor:
    return p.major;
  case cudaDevAttrComputeCapabilityMinor:
    return p.minor;
  case cudaDevAttrGlobalL1CacheSupported:
    return p.globalL1CacheSupported;
  case cudaDevAttrLocalL1CacheSupported:
    return p.localL1CacheSupported;
  case cudaDevAttrMaxSharedMemoryPerMultiprocessor:
    return static_cast<int>(p.sharedMemPerMultiprocessor);
  case cudaDevAttrMaxRegistersPerMultiprocessor:
    return p.regsPerMultiprocessor;
  case cudaDevAttrManagedMemory:
    return p.managedMemory;
  case cudaDevAttrMemoryPoolsSupported:
    return p.memoryPoolsSupported;
  case cudaDevAttrIsMultiGpuBoard:
    return p.isMultiGpuBoard;
  case cudaDevAttrSingleToDoublePrecisionPerfRatio:
    return p.singleToDoublePrecisionPerfRatio;
  case cudaDevAttrMaxSharedMemoryPerBlockOptin:
    return static_cast<int>(p.sharedMemPerBlockOptin);
  case cudaDevAttrMaxBlocksPerMultiprocessor:
    return p.maxBlocksPerMultiProcessor;
  case cudaDevAttrCooperativeLaunch:
    return p.cooperativeLaunch;
  case cudaDevAttrHostRegisterSupported:
    return p.hostRegisterSupported;
  default:
    return 0;
  }
}

// Initializes the registry and checks that `device` names one of its devices.
cudaError_t checkDevice(int device) {
  cucl::DeviceRegistry &registry = cucl::DeviceRegistry::instance();
  cudaError_t status = registry.initialize();
  if (status != cudaSuccess)
    return status;
  return device >= 0 && device < registry.count() ? cudaSuccess : cudaErrorInvalidDevice;
}
} // namespace

CUCL_API cudaError_t cudaGetDeviceCount(int *count) {
  if (count == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cucl::DeviceRegistry &registry = cucl::DeviceRegistry::instance();
  cudaError_t status = registry.initialize();
  *count = status == cudaSuccess ? registry.count() : 0;
  return cucl::report(status);
}

CUCL_API cudaError_t cudaSetDevice(int device) {
  return cucl::report(cucl::setCurrentDevice(device));
}

CUCL_API cudaError_t cudaGetDevice(int *device) {
  if (device == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cucl::Device *current = nullptr;
  cudaError_t status = cucl::currentDevice(&current);
  if (status == cudaSuccess)
    *device = current->index();
  return cucl::report(status);
}

CUCL_API cudaError_t cudaGetDeviceProperties(cudaDeviceProp *prop, int device) {
  if (prop == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cudaError_t status = checkDevice(device);
  if (status != cudaSuccess)
    return cucl::report(status);
  *prop = cucl::DeviceRegistry::instance().device(device).properties();
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceGetAttribute(int *value, cudaDeviceAttr attr, int device) {
  int rawAttr = cucl::enumArgument(attr);
  if (value == nullptr || rawAttr <= 0 || rawAttr >= cudaDevAttrMax)
    return cucl::report(cudaErrorInvalidValue);
  cudaError_t status = checkDevice(device);
  if (status != cudaSuccess)
    return cucl::report(status);
  *value = attributeValue(cucl::DeviceRegistry::instance().device(device).properties(), attr);
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceSynchronize(void) {
  return cucl::onCurrentDevice([](cucl::Device &device) -> cudaError_t {
    // Waiting for a capturing stream would wait for work that never runs.
    cudaError_t refused = cucl::refuseDeviceSynchronizeDuringCapture(device);
    return refused != cudaSuccess ? refused : device.synchronize();
  });
}

// Waits for the device, frees all its allocations and clears its sticky
// error. Mapped host memory stays host memory but loses its device address.
// Streams and events stay valid (documented difference from CUDA).
CUCL_API cudaError_t cudaDeviceReset(void) {
  cucl::Device *device = nullptr;
  cudaError_t status = cucl::currentDevice(&device);
  if (status != cudaSuccess)
    return cucl::report(status);
  device->synchronize();
  cucl::releaseHostMappings(*device);
  cucl::DeviceRegistry &registry = cucl::DeviceRegistry::instance();
  for (cucl::Allocation &allocation : registry.memory().takeAll(device->index()))
    cucl::returnDeviceMemory(*device, allocation);
  cucl::forgetPoolAllocations(device->index());
  ++device->generation;
  device->clearStickyError();
  return cudaSuccess;
}

CUCL_API cudaError_t cudaSetDeviceFlags(unsigned int flags) {
  if ((flags & ~static_cast<unsigned>(cudaDeviceMask)) != 0)
    return cucl::report(cudaErrorInvalidValue);
  deviceFlags = flags;
  return cudaSuccess;
}

CUCL_API cudaError_t cudaGetDeviceFlags(unsigned int *flags) {
  if (flags == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  *flags = deviceFlags;
  return cudaSuccess;
}

// OpenCL has no cache split to configure: accepted, and reported as "none".
CUCL_API cudaError_t cudaDeviceSetCacheConfig(cudaFuncCache cacheConfig) {
  int raw = cucl::enumArgument(cacheConfig);
  if (raw < cudaFuncCachePreferNone || raw > cudaFuncCachePreferEqual)
    return cucl::report(cudaErrorInvalidValue);
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceGetCacheConfig(cudaFuncCache *cacheConfig) {
  if (cacheConfig == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  *cacheConfig = cudaFuncCachePreferNone;
  return cudaSuccess;
}

namespace {
// cudaDeviceSetLimit values: stored and reported, not enforced (OpenCL
// offers no device stack, printf buffer or device heap to size).
struct Limits {
  std::mutex mutex;
  size_t values[cudaLimitPersistingL2CacheSize + 1] = {
      1024,     // cudaLimitStackSize
      1u << 20, // cudaLimitPrintfFifoSize
      8u << 20, // cudaLimitMallocHeapSize
      2,        // cudaLimitDevRuntimeSyncDepth
      2048,     // cudaLimitDevRuntimePendingLaunchCount
      64,       // cudaLimitMaxL2FetchGranularity
      0,        // cudaLimitPersistingL2CacheSize
  };
};
Limits &limits() {
  static Limits *stored = new Limits;
  return *stored;
}

bool knownLimit(const cudaLimit &limit) {
  int raw = cucl::enumArgument(limit);
  return raw >= cudaLimitStackSize && raw <= cudaLimitPersistingL2CacheSize;
}

} // namespace

CUCL_API cudaError_t cudaDeviceSetLimit(cudaLimit limit, size_t value) {
  if (!knownLimit(limit))
    return cucl::report(cudaErrorUnsupportedLimit);
  std::lock_guard<std::mutex> lock(limits().mutex);
  limits().values[limit] = value;
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceGetLimit(size_t *pValue, cudaLimit limit) {
  if (pValue == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  if (!knownLimit(limit))
    return cucl::report(cudaErrorUnsupportedLimit);
  std::lock_guard<std::mutex> lock(limits().mutex);
  *pValue = limits().values[limit];
  return cudaSuccess;
}

// Stream priorities are not supported: the range is [0, 0], as CUDA reports
// for such devices.
CUCL_API cudaError_t cudaDeviceGetStreamPriorityRange(int *leastPriority, int *greatestPriority) {
  if (leastPriority != nullptr)
    *leastPriority = 0;
  if (greatestPriority != nullptr)
    *greatestPriority = 0;
  return cudaSuccess;
}

// There is no L2 persistence to reset (access policy windows are accepted
// hints only).
CUCL_API cudaError_t cudaCtxResetPersistingL2Cache(void) {
  return cucl::onCurrentDevice([](cucl::Device &) { return cudaSuccess; });
}

// Devices live in separate OpenCL contexts: no peer access.
CUCL_API cudaError_t cudaDeviceCanAccessPeer(int *canAccessPeer, int device, int peerDevice) {
  if (canAccessPeer == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cudaError_t status = checkDevice(device);
  if (status == cudaSuccess)
    status = checkDevice(peerDevice);
  if (status != cudaSuccess)
    return cucl::report(status);
  *canAccessPeer = 0;
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceEnablePeerAccess(int peerDevice, unsigned int flags) {
  cudaError_t status = checkDevice(peerDevice);
  if (status != cudaSuccess)
    return cucl::report(status);
  if (flags != 0)
    return cucl::report(cudaErrorInvalidValue);
  return cucl::report(cudaErrorPeerAccessUnsupported);
}

CUCL_API cudaError_t cudaDeviceDisablePeerAccess(int peerDevice) {
  cudaError_t status = checkDevice(peerDevice);
  return cucl::report(status != cudaSuccess ? status : cudaErrorPeerAccessNotEnabled);
}

// The device that best matches `prop`'s compute capability (every cucl
// device reports the same), so the first one, as CUDA picks among equals.
CUCL_API cudaError_t cudaChooseDevice(int *device, const cudaDeviceProp *prop) {
  if (device == nullptr || prop == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  cucl::DeviceRegistry &registry = cucl::DeviceRegistry::instance();
  cudaError_t status = registry.initialize();
  if (status != cudaSuccess)
    return cucl::report(status);
  *device = 0;
  return cudaSuccess;
}

CUCL_API cudaError_t cudaInitDevice(int device, unsigned int deviceFlags, unsigned int flags) {
  if (flags != 0 || (deviceFlags & ~static_cast<unsigned>(cudaDeviceMask)) != 0)
    return cucl::report(cudaErrorInvalidValue);
  return cucl::report(checkDevice(device)); // devices start with the runtime
}

// Accepted: every device is valid, and cudaSetDevice names the one to use.
CUCL_API cudaError_t cudaSetValidDevices(int *device_arr, int len) {
  if (len < 0 || (len > 0 && device_arr == nullptr))
    return cucl::report(cudaErrorInvalidValue);
  for (int i = 0; i < len; ++i) {
    cudaError_t status = checkDevice(device_arr[i]);
    if (status != cudaSuccess)
      return cucl::report(status);
  }
  return cudaSuccess;
}

// "domain:bus:device.function" in hex; cucl's devices are bus 0, device
// number = index (pciDeviceID).
CUCL_API cudaError_t cudaDeviceGetPCIBusId(char *pciBusId, int len, int device) {
  if (pciBusId == nullptr || len < 13)
    return cucl::report(cudaErrorInvalidValue);
  cudaError_t status = checkDevice(device);
  if (status != cudaSuccess)
    return cucl::report(status);
  std::snprintf(pciBusId, static_cast<std::size_t>(len), "%04x:%02x:%02x.0", 0u, 0u,
                static_cast<unsigned>(device));
  return cudaSuccess;
}

CUCL_API cudaError_t cudaDeviceGetByPCIBusId(int *device, const char *pciBusId) {
  if (device == nullptr || pciBusId == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  unsigned domain = 0, bus = 0, slot = 0, function = 0;
  char end = 0;
  bool parsed =
      std::sscanf(pciBusId, "%x:%x:%x.%x%c", &domain, &bus, &slot, &function, &end) == 4 ||
      (domain = 0, std::sscanf(pciBusId, "%x:%x.%x%c", &bus, &slot, &function, &end) == 3);
  if (!parsed)
    return cucl::report(cudaErrorInvalidValue);
  if (domain != 0 || bus != 0 || function != 0 || slot > INT_MAX ||
      checkDevice(static_cast<int>(slot)) != cudaSuccess)
    return cucl::report(cudaErrorInvalidDevice);
  *device = static_cast<int>(slot);
  return cudaSuccess;
}

// No peer access between cucl's devices (separate OpenCL contexts): every
// attribute is 0.
CUCL_API cudaError_t cudaDeviceGetP2PAttribute(int *value, enum cudaDeviceP2PAttr attr,
                                               int srcDevice, int dstDevice) {
  if (value == nullptr || attr < cudaDevP2PAttrPerformanceRank ||
      attr > cudaDevP2PAttrCudaArrayAccessSupported)
    return cucl::report(cudaErrorInvalidValue);
  if (checkDevice(srcDevice) != cudaSuccess || checkDevice(dstDevice) != cudaSuccess ||
      srcDevice == dstDevice)
    return cucl::report(cudaErrorInvalidDevice);
  *value = 0;
  return cudaSuccess;
}
