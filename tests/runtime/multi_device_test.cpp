// Two or more devices: per-device memory, launches, cross-device copies and
// the errors for mixing devices. ctest runs it with POCL_DEVICES="pthread
// pthread" so PoCL exposes two CPU devices; it skips with fewer than two.
#include "test_kernels.h"

namespace {

using namespace test_kernels;

class MultiDevice : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    ASSERT_EQ(cudaSuccess, cudaGetDeviceCount(&count));
    if (count < 2)
      GTEST_SKIP() << "needs two devices";
    ASSERT_EQ(cudaSuccess, cudaSetDevice(0));
    cudaGetLastError();
  }
  void TearDown() override { cudaSetDevice(0); }
  int count = 0;
};

} // namespace

TEST_F(MultiDevice, CurrentDeviceIsPerThread) {
  CUDA_OK(cudaSetDevice(1));
  int seen = -1;
  std::thread other([&] { cudaGetDevice(&seen); });
  other.join();
  EXPECT_EQ(0, seen);
  int mine = -1;
  CUDA_OK(cudaGetDevice(&mine));
  EXPECT_EQ(1, mine);
}

TEST_F(MultiDevice, CopiesBetweenDevices) {
  std::vector<int> values(64), back(64, 0);
  std::iota(values.begin(), values.end(), 3);
  int *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMalloc(&a, 64 * sizeof(int)));
  CUDA_OK(cudaSetDevice(1));
  CUDA_OK(cudaMalloc(&b, 64 * sizeof(int)));
  CUDA_OK(cudaMemcpy(a, values.data(), 64 * sizeof(int), cudaMemcpyHostToDevice)); // a is on 0
  CUDA_OK(cudaMemcpy(b, a, 64 * sizeof(int), cudaMemcpyDeviceToDevice));
  CUDA_OK(cudaMemcpy(back.data(), b, 64 * sizeof(int), cudaMemcpyDefault));
  EXPECT_EQ(values, back);
  std::fill(back.begin(), back.end(), 0);
  CUDA_OK(cudaMemset(a, 0, 64 * sizeof(int)));
  CUDA_OK(cudaMemcpyPeer(a, 0, b, 1, 64 * sizeof(int)));
  CUDA_OK(cudaMemcpy(back.data(), a, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(values, back);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpyPeer(a, 1, b, 1, 4)); // a is not on device 1
  size_t pitchA = 0, pitchB = 0;
  char *pa = nullptr, *pb = nullptr;
  CUDA_OK(cudaMallocPitch(&pb, &pitchB, 20, 3));
  CUDA_OK(cudaSetDevice(0));
  CUDA_OK(cudaMallocPitch(&pa, &pitchA, 20, 3));
  CUDA_OK(cudaMemset2D(pa, pitchA, 9, 20, 3));
  CUDA_OK(cudaMemcpy2D(pb, pitchB, pa, pitchA, 20, 3, cudaMemcpyDeviceToDevice));
  std::vector<char> rows(60, 0);
  CUDA_OK(cudaMemcpy2D(rows.data(), 20, pb, pitchB, 20, 3, cudaMemcpyDeviceToHost));
  for (char c : rows)
    EXPECT_EQ(9, c);
  for (void *p : {static_cast<void *>(a), static_cast<void *>(b), static_cast<void *>(pa),
                  static_cast<void *>(pb)})
    CUDA_OK(cudaFree(p));
  cudaGetLastError();
}

TEST_F(MultiDevice, LaunchesUseTheCurrentDevicesMemoryOnly) {
  int *onOne = nullptr, *onZero = nullptr;
  CUDA_OK(cudaMalloc(&onZero, sizeof(int)));
  CUDA_OK(cudaSetDevice(1));
  CUDA_OK(cudaMalloc(&onOne, sizeof(int)));
  CUDA_OK(cudaMemset(onOne, 0, sizeof(int)));
  int n = 1;
  void *good[] = {&onOne, &n};
  CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(1), good, 0, nullptr));
  int value = 0;
  CUDA_OK(cudaMemcpy(&value, onOne, sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(1, value);
  void *bad[] = {&onZero, &n}; // device 0 memory in a device 1 launch
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernel(&addOne, dim3(1), dim3(1), bad, 0, nullptr));
  CUDA_OK(cudaFree(onOne));
  CUDA_OK(cudaFree(onZero));
  cudaGetLastError();
}

TEST_F(MultiDevice, StreamsAndEventsBelongToADevice) {
  cudaStream_t streamZero = nullptr;
  CUDA_OK(cudaStreamCreate(&streamZero));
  cudaEvent_t eventZero = nullptr;
  CUDA_OK(cudaEventCreate(&eventZero));
  CUDA_OK(cudaSetDevice(1));
  int *onOne = nullptr;
  CUDA_OK(cudaMalloc(&onOne, 16));
  // A device-1 allocation on a device-0 stream.
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemsetAsync(onOne, 0, 16, streamZero));
  cudaStream_t streamOne = nullptr;
  CUDA_OK(cudaStreamCreate(&streamOne));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventRecord(eventZero, streamOne));
  // Stream 0 is the current device's (1) legacy stream, not the event's.
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventRecord(eventZero, nullptr));
  // A launch from device 1 into a device-0 stream.
  int n = 1;
  void *args[] = {&onOne, &n};
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, streamZero));
  CUDA_OK(cudaEventRecord(eventZero, streamZero));
  CUDA_OK(cudaStreamWaitEvent(streamOne, eventZero, 0)); // waits on the host
  cudaEvent_t eventOne = nullptr;
  CUDA_OK(cudaEventCreate(&eventOne));
  CUDA_OK(cudaEventRecord(eventOne, streamOne));
  CUDA_OK(cudaEventSynchronize(eventOne));
  float ms = 0;
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventElapsedTime(&ms, eventZero, eventOne));
  CUDA_OK(cudaStreamDestroy(streamOne));
  CUDA_OK(cudaStreamDestroy(streamZero));
  CUDA_OK(cudaEventDestroy(eventZero));
  CUDA_OK(cudaEventDestroy(eventOne));
  CUDA_OK(cudaFree(onOne));
  cudaGetLastError();
}

TEST_F(MultiDevice, ResetAffectsOnlyTheCurrentDevice) {
  int *onZero = nullptr, *onOne = nullptr;
  CUDA_OK(cudaMalloc(&onZero, 16));
  CUDA_OK(cudaSetDevice(1));
  CUDA_OK(cudaMalloc(&onOne, 16));
  CUDA_OK(cudaDeviceReset());
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(onOne));
  CUDA_OK(cudaSetDevice(0));
  CUDA_OK(cudaFree(onZero));
  cudaGetLastError();
}

namespace {
int perDeviceCounter = 5; // a __device__ symbol's host shadow
const char bumpPerDevice = 0;
} // namespace

// Each device has its own copy of a module's symbols, initialized on first
// use there; the symbol API works on the current device's copy.
TEST_F(MultiDevice, SymbolsHaveOneCopyPerDevice) {
  static bool registered = [] {
    void **module = registerModuleSource(
        "per_device_symbols.cl",
        "__kernel void bump(__global uchar *dev, __constant uchar *con, __global uchar *cong) {\n"
        "  *(__global int *)dev += 1;\n"
        "}\n");
    __cuclRegisterKernel(module, &bumpPerDevice, "bump", 0, nullptr, CUCL_KERNEL_SYMBOLS);
    __cuclRegisterSymbol(module, &perDeviceCounter, "counter", sizeof(int), 0, CUCL_SYMBOL_DEVICE);
    return true;
  }();
  (void)registered;
  void *noArgs[] = {nullptr};
  CUDA_OK(cudaLaunchKernel(&bumpPerDevice, dim3(1), dim3(1), noArgs, 0, nullptr));
  void *on0 = nullptr, *on1 = nullptr;
  CUDA_OK(cudaGetSymbolAddress(&on0, perDeviceCounter));
  CUDA_OK(cudaSetDevice(1));
  CUDA_OK(cudaGetSymbolAddress(&on1, perDeviceCounter));
  EXPECT_NE(on0, on1);
  int value = 0;
  CUDA_OK(cudaMemcpyFromSymbol(&value, perDeviceCounter, sizeof value));
  EXPECT_EQ(5, value); // device 1's copy starts from the initializer
  const int forty = 40;
  CUDA_OK(cudaMemcpyToSymbol(perDeviceCounter, &forty, sizeof forty));
  CUDA_OK(cudaLaunchKernel(&bumpPerDevice, dim3(1), dim3(1), noArgs, 0, nullptr));
  CUDA_OK(cudaMemcpyFromSymbol(&value, perDeviceCounter, sizeof value));
  EXPECT_EQ(41, value);
  CUDA_OK(cudaSetDevice(0));
  CUDA_OK(cudaMemcpyFromSymbol(&value, perDeviceCounter, sizeof value));
  EXPECT_EQ(6, value);
}

namespace {
int managedCounter = 1; // a __managed__ variable's host storage
const char bumpManaged = 0;
} // namespace

// A __managed__ variable is the host storage mapped into one device: kernels
// there update the host's variable; a launch on a second device is refused
// with cudaErrorNotSupported instead of using a stale copy.
TEST_F(MultiDevice, ManagedVariableLivesOnOneDevice) {
  static bool registered = [] {
    void **module = registerModuleSource(
        "managed_variable.cl",
        "__kernel void bump(__global uchar *base, ulong offset) {\n"
        "  *(__global int *)(base + offset) += 1;\n"
        "}\n");
    __cuclRegisterKernel(module, &bumpManaged, "bump", 0, nullptr, 0);
    __cuclRegisterKernelManagedVariable(module, &bumpManaged, &managedCounter, sizeof(int));
    return true;
  }();
  (void)registered;
  void *noArgs[] = {nullptr};
  CUDA_OK(cudaLaunchKernel(&bumpManaged, dim3(1), dim3(1), noArgs, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(2, managedCounter);
  managedCounter = 10; // the host writes the variable itself
  CUDA_OK(cudaLaunchKernel(&bumpManaged, dim3(1), dim3(1), noArgs, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(11, managedCounter);
  CUDA_OK(cudaSetDevice(1));
  EXPECT_EQ(cudaErrorNotSupported,
            cudaLaunchKernel(&bumpManaged, dim3(1), dim3(1), noArgs, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(11, managedCounter);
}
