// Device enumeration, selection, properties, attributes, versions.
#include "test_kernels.h"

TEST(Device, CountAndCurrent) {
  int count = 0;
  CUDA_OK(cudaGetDeviceCount(&count));
  EXPECT_GE(count, 1);
  int device = -1;
  CUDA_OK(cudaGetDevice(&device));
  EXPECT_EQ(0, device);
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetDeviceCount(nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetDevice(nullptr));
  cudaGetLastError();
}

TEST(Device, SetDeviceValidatesTheIndex) {
  int count = 0;
  CUDA_OK(cudaGetDeviceCount(&count));
  CUDA_OK(cudaSetDevice(count - 1));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetDevice(count));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetDevice(-1));
  CUDA_OK(cudaSetDevice(0));
  cudaGetLastError();
}

TEST(Device, PropertiesComeFromTheOpenCLDevice) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_GT(std::strlen(prop.name), 0u);
  EXPECT_GT(prop.totalGlobalMem, 0u);
  EXPECT_GT(prop.sharedMemPerBlock, 0u);
  EXPECT_GT(prop.maxThreadsPerBlock, 0);
  EXPECT_GT(prop.multiProcessorCount, 0);
  EXPECT_EQ(32, prop.warpSize);
  EXPECT_EQ(7, prop.major);
  EXPECT_EQ(0, prop.minor);
  EXPECT_EQ(2147483647, prop.maxGridSize[0]);
  EXPECT_EQ(65535, prop.maxGridSize[1]);
  EXPECT_EQ(65535, prop.maxGridSize[2]);
  EXPECT_LE(prop.maxThreadsDim[0], prop.maxThreadsPerBlock);
  EXPECT_EQ(1, prop.unifiedAddressing);
  EXPECT_EQ(cudaComputeModeDefault, prop.computeMode);
  EXPECT_EQ(cudaErrorInvalidDevice, cudaGetDeviceProperties(&prop, 99));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetDeviceProperties(nullptr, 0));
  cudaGetLastError();
}

TEST(Device, AttributesMatchProperties) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  struct {
    cudaDeviceAttr attr;
    int expected;
  } checks[] = {
      {cudaDevAttrMaxThreadsPerBlock, prop.maxThreadsPerBlock},
      {cudaDevAttrMaxBlockDimX, prop.maxThreadsDim[0]},
      {cudaDevAttrMaxGridDimY, prop.maxGridSize[1]},
      {cudaDevAttrMaxSharedMemoryPerBlock, static_cast<int>(prop.sharedMemPerBlock)},
      {cudaDevAttrWarpSize, 32},
      {cudaDevAttrClockRate, prop.clockRate},
      {cudaDevAttrMultiProcessorCount, prop.multiProcessorCount},
      {cudaDevAttrComputeMode, prop.computeMode},
      {cudaDevAttrComputeCapabilityMajor, 7},
      {cudaDevAttrComputeCapabilityMinor, 0},
      {cudaDevAttrUnifiedAddressing, 1},
      {cudaDevAttrMaxTexture1DWidth, prop.maxTexture1D},
      {cudaDevAttrMaxTexture2DLinearPitch, prop.maxTexture2DLinear[2]},
      {cudaDevAttrTexturePitchAlignment, 32},
      {cudaDevAttrTextureAlignment, 256},
      {cudaDevAttrTimelineSemaphoreInteropSupported, 0}, // no counterpart: 0
  };
  for (const auto &check : checks) {
    int value = -1;
    CUDA_OK(cudaDeviceGetAttribute(&value, check.attr, 0));
    EXPECT_EQ(check.expected, value) << "attribute " << check.attr;
  }
  int value = 0;
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaDeviceGetAttribute(&value, static_cast<cudaDeviceAttr>(200), 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetAttribute(nullptr, cudaDevAttrWarpSize, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceGetAttribute(&value, cudaDevAttrWarpSize, 42));
  cudaGetLastError();
}

TEST(Device, Versions) {
  int version = 0;
  CUDA_OK(cudaRuntimeGetVersion(&version));
  EXPECT_EQ(CUDART_VERSION, version);
  EXPECT_EQ(12000, version);
  CUDA_OK(cudaDriverGetVersion(&version));
  EXPECT_GE(version, CUDART_VERSION);
  EXPECT_EQ(cudaErrorInvalidValue, cudaRuntimeGetVersion(nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDriverGetVersion(nullptr));
  cudaGetLastError();
}

TEST(Device, FlagsCacheConfigAndProfilerAreAccepted) {
  CUDA_OK(cudaSetDeviceFlags(cudaDeviceScheduleBlockingSync));
  unsigned flags = 0;
  CUDA_OK(cudaGetDeviceFlags(&flags));
  EXPECT_EQ(static_cast<unsigned>(cudaDeviceScheduleBlockingSync), flags);
  EXPECT_EQ(cudaErrorInvalidValue, cudaSetDeviceFlags(0x1000));
  CUDA_OK(cudaDeviceSetCacheConfig(cudaFuncCachePreferShared));
  cudaFuncCache cache;
  CUDA_OK(cudaDeviceGetCacheConfig(&cache));
  CUDA_OK(cudaProfilerStart());
  CUDA_OK(cudaProfilerStop());
  cudaGetLastError();
}

// The pre-4.0 thread API answers as the device calls it became.
TEST(Device, ThreadApiIsTheDeviceApi) {
  CUDA_OK(cudaThreadSetLimit(cudaLimitPrintfFifoSize, 4 << 20));
  size_t viaThread = 0, viaDevice = 0;
  CUDA_OK(cudaThreadGetLimit(&viaThread, cudaLimitPrintfFifoSize));
  CUDA_OK(cudaDeviceGetLimit(&viaDevice, cudaLimitPrintfFifoSize));
  EXPECT_EQ(size_t(4) << 20, viaThread);
  EXPECT_EQ(viaDevice, viaThread);
  EXPECT_EQ(cudaErrorInvalidValue, cudaThreadGetLimit(nullptr, cudaLimitStackSize));
  EXPECT_EQ(cudaErrorUnsupportedLimit, cudaThreadSetLimit(static_cast<cudaLimit>(0x7777), 1));
  CUDA_OK(cudaThreadSetCacheConfig(cudaFuncCachePreferL1));
  cudaFuncCache cache = cudaFuncCachePreferShared;
  CUDA_OK(cudaThreadGetCacheConfig(&cache));
  EXPECT_EQ(cudaFuncCachePreferNone, cache);
  void *p = nullptr;
  CUDA_OK(cudaMalloc(&p, 1024));
  CUDA_OK(cudaThreadExit()); // cudaDeviceReset: the allocation is gone
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(p));
  cudaGetLastError();
}

TEST(Device, SynchronizeAndResetSucceedWhenIdle) {
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaThreadSynchronize());
  void *p = nullptr;
  CUDA_OK(cudaMalloc(&p, 1024));
  CUDA_OK(cudaDeviceReset());
  // Reset freed every allocation of the device.
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(p));
  cudaGetLastError();
}

TEST(Device, LimitsAreStoredAndReported) {
  size_t value = 0;
  CUDA_OK(cudaDeviceGetLimit(&value, cudaLimitStackSize));
  EXPECT_GT(value, 0u);
  CUDA_OK(cudaDeviceSetLimit(cudaLimitMallocHeapSize, 64u << 20));
  CUDA_OK(cudaDeviceGetLimit(&value, cudaLimitMallocHeapSize));
  EXPECT_EQ(64u << 20, value);
  EXPECT_EQ(cudaErrorUnsupportedLimit, cudaDeviceSetLimit(static_cast<cudaLimit>(7), 1));
  EXPECT_EQ(cudaErrorUnsupportedLimit, cudaDeviceGetLimit(&value, static_cast<cudaLimit>(7)));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetLimit(nullptr, cudaLimitStackSize));
  cudaGetLastError();
}

TEST(Device, PciBusIdsRoundTrip) {
  int count = 0;
  CUDA_OK(cudaGetDeviceCount(&count));
  for (int d = 0; d < count; ++d) {
    char id[32] = {};
    CUDA_OK(cudaDeviceGetPCIBusId(id, sizeof id, d));
    int back = -1;
    CUDA_OK(cudaDeviceGetByPCIBusId(&back, id));
    EXPECT_EQ(d, back) << id;
    cudaDeviceProp prop;
    CUDA_OK(cudaGetDeviceProperties(&prop, d));
    char expected[32];
    std::snprintf(expected, sizeof expected, "%04x:%02x:%02x.0", prop.pciDomainID, prop.pciBusID,
                  prop.pciDeviceID);
    EXPECT_STREQ(expected, id);
  }
  int device = -1;
  CUDA_OK(cudaDeviceGetByPCIBusId(&device, "00:00.0")); // bus:device.function
  EXPECT_EQ(0, device);
  char shortBuffer[8];
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetPCIBusId(shortBuffer, sizeof shortBuffer, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceGetPCIBusId(shortBuffer, 13, count));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceGetByPCIBusId(&device, "0000:05:00.0"));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetByPCIBusId(&device, "not a bus id"));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetByPCIBusId(nullptr, "0000:00:00.0"));
  cudaGetLastError();
}

TEST(Device, ChooseInitValidDevicesAndPeerAttributes) {
  cudaDeviceProp wanted = {};
  wanted.major = 7;
  int device = -1;
  CUDA_OK(cudaChooseDevice(&device, &wanted));
  EXPECT_EQ(0, device);
  EXPECT_EQ(cudaErrorInvalidValue, cudaChooseDevice(&device, nullptr));
  CUDA_OK(cudaInitDevice(0, 0, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaInitDevice(99, 0, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaInitDevice(0, 0, 7));
  int valid[] = {0};
  CUDA_OK(cudaSetValidDevices(valid, 1));
  CUDA_OK(cudaSetValidDevices(nullptr, 0));
  int invalid[] = {0, 99};
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetValidDevices(invalid, 2));
  int count = 0, value = -1;
  CUDA_OK(cudaGetDeviceCount(&count));
  EXPECT_EQ(cudaErrorInvalidDevice,
            cudaDeviceGetP2PAttribute(&value, cudaDevP2PAttrAccessSupported, 0, 0));
  if (count > 1) {
    CUDA_OK(cudaDeviceGetP2PAttribute(&value, cudaDevP2PAttrAccessSupported, 0, 1));
    EXPECT_EQ(0, value) << "no peer access between cucl's devices";
  }
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaDeviceGetP2PAttribute(&value, cudaDeviceP2PAttr(0), 0, count > 1 ? 1 : 0));
  cudaGetLastError();
}
