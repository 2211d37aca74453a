// Managed memory (core/managed_memory.h): one pointer for host code and
// kernels, touched alternately by both; pointer attributes, cudaFree, and the
// calls that steer it (prefetch, advice, stream attachment) with CUDA's
// argument checks. ctest also runs these with the map protocol forced
// (CUCL_ZERO_COPY=0), as on a device that keeps its own copy.
#include <thread>
#include <vector>

#include "test_kernels.h"

using namespace test_kernels;

namespace {

class Managed : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

cudaError_t launchAddOne(int *p, int n, cudaStream_t stream = nullptr) {
  void *args[] = {&p, &n};
  return cudaLaunchKernel(&test_kernels::addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
}

} // namespace

TEST_F(Managed, HostAndKernelsTakeTurns) {
  const int n = 10000;
  int *data = nullptr;
  CUDA_OK(cudaMallocManaged(&data, n * sizeof(int)));
  ASSERT_NE(nullptr, data);
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(0, data[i]) << "managed memory starts zeroed";
  for (int round = 1; round <= 5; ++round) {
    for (int i = 0; i < n; ++i)
      data[i] += 10; // the host's turn
    CUDA_OK(launchAddOne(data, n));
    CUDA_OK(cudaDeviceSynchronize()); // the kernel's results are the host's now
    for (int i = 0; i < n; i += 997)
      ASSERT_EQ(round * 11, data[i]) << "round " << round << ", element " << i;
  }
  // Copies and memsets take the pointer as device memory.
  std::vector<int> host(n);
  CUDA_OK(cudaMemcpy(host.data(), data, n * sizeof(int), cudaMemcpyDefault));
  EXPECT_EQ(55, host[n - 1]);
  CUDA_OK(cudaMemset(data + 1, 0, sizeof(int)));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(0, data[1]);
  EXPECT_EQ(55, data[2]);
  CUDA_OK(cudaFree(data));
}

TEST_F(Managed, StreamsAndStreamOrder) {
  const int n = 4096;
  int *data = nullptr;
  CUDA_OK(cudaMallocManaged(&data, n * sizeof(int), cudaMemAttachHost));
  cudaStream_t stream;
  CUDA_OK(cudaStreamCreate(&stream));
  CUDA_OK(cudaStreamAttachMemAsync(stream, data));
  CUDA_OK(cudaMemPrefetchAsync(data, n * sizeof(int), 0, stream));
  for (int k = 0; k < 3; ++k)
    CUDA_OK(launchAddOne(data, n, stream));
  CUDA_OK(cudaMemPrefetchAsync(data, n * sizeof(int), cudaCpuDeviceId, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  for (int i = 0; i < n; i += 511)
    EXPECT_EQ(3, data[i]);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(data));
}

TEST_F(Managed, EightThreadsAllocateUseAndFree) {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([t, &failures] {
      for (int round = 0; round < 4; ++round) {
        int *data = nullptr;
        int n = 256 * (t + 1);
        if (cudaMallocManaged(&data, n * sizeof(int)) != cudaSuccess) {
          ++failures[t];
          return;
        }
        for (int i = 0; i < n; ++i)
          data[i] = t;
        if (launchAddOne(data, n) != cudaSuccess || cudaDeviceSynchronize() != cudaSuccess)
          ++failures[t];
        for (int i = 0; i < n; ++i)
          failures[t] += data[i] != t + 1;
        failures[t] += cudaFree(data) != cudaSuccess;
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  for (int t = 0; t < 8; ++t)
    EXPECT_EQ(0, failures[t]) << "thread " << t;
}

TEST_F(Managed, AttributesAndFree) {
  float *data = nullptr;
  CUDA_OK(cudaMallocManaged(&data, 1000 * sizeof(float)));
  cudaPointerAttributes attributes;
  CUDA_OK(cudaPointerGetAttributes(&attributes, data + 10));
  EXPECT_EQ(cudaMemoryTypeManaged, attributes.type);
  EXPECT_EQ(data + 10, attributes.devicePointer);
  EXPECT_EQ(data + 10, attributes.hostPointer);
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(data + 1)) << "not the start";
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeHost(data)) << "not cudaMallocHost memory";
  cudaGetLastError();
  CUDA_OK(cudaFree(data));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(data)) << "freed twice";
  cudaGetLastError();
}

TEST_F(Managed, ArgumentChecks) {
  void *q = reinterpret_cast<void *>(1);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 16, cudaMemAttachSingle));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 16, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(static_cast<void **>(nullptr), 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());

  int *data = nullptr, *device = nullptr;
  CUDA_OK(cudaMallocManaged(&data, 64 * sizeof(int)));
  CUDA_OK(cudaMalloc(&device, 64 * sizeof(int)));
  const size_t bytes = 64 * sizeof(int);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPrefetchAsync(device, bytes, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPrefetchAsync(data, bytes + 4, 0)) << "past the end";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPrefetchAsync(data, 0, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaMemPrefetchAsync(data, bytes, 99));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaMemPrefetchAsync(data, bytes, 0, reinterpret_cast<cudaStream_t>(0x1234)));
  // CUDA 13's location forms (cudaMemPrefetchAsync_v2, cudaMemAdvise_v2).
  CUDA_OK(cudaMemPrefetchAsync(data, bytes, cudaMemLocation{cudaMemLocationTypeDevice, 0}, 0));
  CUDA_OK(cudaMemPrefetchAsync(data, bytes, cudaMemLocation{cudaMemLocationTypeHost, 0}, 0));
  EXPECT_EQ(cudaErrorInvalidDevice,
            cudaMemPrefetchAsync(data, bytes, cudaMemLocation{cudaMemLocationTypeInvalid, 0}, 0));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemPrefetchAsync(data, bytes, cudaMemLocation{cudaMemLocationTypeDevice, 0}, 1));
  CUDA_OK(cudaMemAdvise(data, bytes, cudaMemAdviseSetAccessedBy,
                        cudaMemLocation{cudaMemLocationTypeDevice, 0}));
  CUDA_OK(cudaMemAdvise(data, bytes, cudaMemAdviseSetReadMostly, 0));
  CUDA_OK(cudaMemAdvise(data, bytes, cudaMemAdviseSetPreferredLocation, cudaCpuDeviceId));
  CUDA_OK(cudaMemAdvise(data, bytes, cudaMemAdviseSetAccessedBy, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemAdvise(data, bytes, cudaMemoryAdvise(0), 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemAdvise(device, bytes, cudaMemAdviseSetReadMostly, 0));
  EXPECT_EQ(cudaErrorInvalidDevice,
            cudaMemAdvise(data, bytes, cudaMemAdviseSetPreferredLocation, 99));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamAttachMemAsync(nullptr, device));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamAttachMemAsync(nullptr, data, 0, 0x80));
  CUDA_OK(cudaStreamAttachMemAsync(nullptr, data, 0, cudaMemAttachGlobal));
  cudaGetLastError();
  CUDA_OK(cudaFree(data));
  CUDA_OK(cudaFree(device));
}

TEST_F(Managed, DeviceReportsManagedMemory) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(1, prop.managedMemory);
  EXPECT_EQ(0, prop.concurrentManagedAccess) << "no host access while kernels run";
  int value = -1;
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrManagedMemory, 0));
  EXPECT_EQ(1, value);
}
