// White-box tests linked against the runtime's internals: sticky errors
// (which a correct kernel on the CPU device cannot provoke), module
// registration from static initializers before any other call, and which
// streams the legacy default stream waits for.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "core/device_registry.h"
#include "core/error_state.h"
#include "core/module_registry.h"
#include "core/stream.h"
#include <cuda_runtime.h>

namespace {

const char kStaticStub = 0;
const char kStaticSource[] = "__kernel void nop(void) {}";

// Runs before main, as a translated program's registrar does.
struct StaticRegistrar {
  StaticRegistrar() {
    cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION,    "static.cl",
                          kStaticSource,     std::strlen(kStaticSource), "-cl-fast-relaxed-math"};
    void **module = __cuclRegisterModule(&image);
    __cuclRegisterKernel(module, &kStaticStub, "nop", 0, nullptr, 0);
    initializedByRegistration = cucl::DeviceRegistry::instance().currentIfInitialized() != nullptr;
  }
  bool initializedByRegistration = true;
} registrar;

} // namespace

TEST(StaticRegistration, WorksBeforeAnyCallWithoutInitializingOpenCL) {
  EXPECT_FALSE(registrar.initializedByRegistration);
  EXPECT_EQ(nullptr, cucl::DeviceRegistry::instance().currentIfInitialized());
  ASSERT_NE(nullptr, cucl::ModuleRegistry::instance().find(&kStaticStub));
  EXPECT_EQ(cudaSuccess, cudaLaunchKernel(&kStaticStub, dim3(1), dim3(1), nullptr, 0, nullptr));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
}

TEST(StickyErrors, PersistUntilDeviceReset) {
  void *p = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, 64));
  cucl::Device *device = cucl::DeviceRegistry::instance().currentIfInitialized();
  ASSERT_NE(nullptr, device);
  device->raiseStickyError(cudaErrorLaunchFailure); // as a failed kernel would

  EXPECT_EQ(cudaErrorLaunchFailure, cudaDeviceSynchronize());
  EXPECT_EQ(cudaErrorLaunchFailure, cudaMalloc(&p, 64));
  int host = 0;
  EXPECT_EQ(cudaErrorLaunchFailure, cudaMemcpy(&host, p, 4, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorLaunchFailure, cudaLaunchKernel(&kStaticStub, 1, 1, nullptr, 0, nullptr));
  // cudaGetLastError cannot clear a sticky error.
  EXPECT_EQ(cudaErrorLaunchFailure, cudaGetLastError());
  EXPECT_EQ(cudaErrorLaunchFailure, cudaGetLastError());
  EXPECT_EQ(cudaErrorLaunchFailure, cudaPeekAtLastError());
  // A later sticky error does not replace the first.
  device->raiseStickyError(cudaErrorIllegalAddress);
  EXPECT_EQ(cudaErrorLaunchFailure, cudaDeviceSynchronize());

  EXPECT_EQ(cudaSuccess, cudaDeviceReset());
  // The failures recorded while sticky remain this thread's last error, once.
  EXPECT_EQ(cudaErrorLaunchFailure, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaMalloc(&p, 64));
  EXPECT_EQ(cudaSuccess, cudaFree(p));
}

TEST(StickyErrors, Classification) {
  EXPECT_TRUE(cucl::isStickyError(cudaErrorLaunchFailure));
  EXPECT_TRUE(cucl::isStickyError(cudaErrorIllegalAddress));
  EXPECT_FALSE(cucl::isStickyError(cudaErrorInvalidValue));
  EXPECT_FALSE(cucl::isStickyError(cudaErrorInvalidConfiguration));
}

TEST(LegacyStream, WaitsForBlockingStreamsOnly) {
  cudaStream_t blocking = nullptr, nonBlocking = nullptr;
  ASSERT_EQ(cudaSuccess, cudaStreamCreate(&blocking));
  ASSERT_EQ(cudaSuccess, cudaStreamCreateWithFlags(&nonBlocking, cudaStreamNonBlocking));
  cucl::Device *device = cucl::DeviceRegistry::instance().currentIfInitialized();
  ASSERT_NE(nullptr, device);
  EXPECT_TRUE(device->blockingStreamTails().empty()); // nothing queued yet
  // One allocation each: the two streams are not ordered with each other.
  void *p = nullptr, *q = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, 64));
  ASSERT_EQ(cudaSuccess, cudaMalloc(&q, 64));
  ASSERT_EQ(cudaSuccess, cudaMemsetAsync(p, 0, 64, blocking));
  ASSERT_EQ(cudaSuccess, cudaMemsetAsync(q, 1, 64, nonBlocking));
  std::vector<cl::Event> tails = device->blockingStreamTails();
  ASSERT_EQ(1u, tails.size());
  EXPECT_EQ(blocking->tail()(), tails[0]());
  EXPECT_FALSE(nonBlocking->blocking());
  EXPECT_TRUE(blocking->blocking());
  EXPECT_FALSE(device->legacyStream().blocking()); // the legacy stream is the other side
  ASSERT_EQ(cudaSuccess, cudaStreamDestroy(blocking));
  ASSERT_EQ(cudaSuccess, cudaStreamDestroy(nonBlocking));
  ASSERT_EQ(cudaSuccess, cudaFree(p));
  ASSERT_EQ(cudaSuccess, cudaFree(q));
}

// The reported block limits are OpenCL's capped at CUDA's (1024 threads,
// {1024, 1024, 64}), whichever is smaller on this device.
TEST(BlockLimits, AreTheSmallerOfOpenCLAndCuda) {
  ASSERT_EQ(cudaSuccess, cudaSetDevice(0));
  cucl::DeviceRegistry &registry = cucl::DeviceRegistry::instance();
  const cl::Device &clDevice = registry.device(0).clDevice();
  std::size_t openclThreads = clDevice.getInfo<CL_DEVICE_MAX_WORK_GROUP_SIZE>();
  std::vector<cl::size_type> openclDims = clDevice.getInfo<CL_DEVICE_MAX_WORK_ITEM_SIZES>();
  ASSERT_GE(openclDims.size(), 3u);
  cudaDeviceProp prop;
  ASSERT_EQ(cudaSuccess, cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(static_cast<int>(std::min<std::size_t>(openclThreads, 1024)), prop.maxThreadsPerBlock);
  const std::size_t cudaDims[3] = {1024, 1024, 64};
  const cudaDeviceAttr dimAttrs[3] = {cudaDevAttrMaxBlockDimX, cudaDevAttrMaxBlockDimY,
                                      cudaDevAttrMaxBlockDimZ};
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(static_cast<int>(std::min<std::size_t>(openclDims[i], cudaDims[i])),
              prop.maxThreadsDim[i]);
    int value = 0;
    ASSERT_EQ(cudaSuccess, cudaDeviceGetAttribute(&value, dimAttrs[i], 0));
    EXPECT_EQ(prop.maxThreadsDim[i], value);
  }
  int value = 0;
  ASSERT_EQ(cudaSuccess, cudaDeviceGetAttribute(&value, cudaDevAttrMaxThreadsPerBlock, 0));
  EXPECT_EQ(prop.maxThreadsPerBlock, value);
}
