// Stream-ordered allocation (core/memory_pool.h): cudaMallocAsync and
// cudaFreeAsync in stream order, from 8 host threads at once; the default,
// current and created pools, their attributes and CUDA's argument checks.
#include <thread>
#include <vector>

#include "test_kernels.h"

using namespace test_kernels;

namespace {

class MemoryPool : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

cudaError_t launchAddOne(int *p, int n, cudaStream_t stream) {
  void *args[] = {&p, &n};
  return cudaLaunchKernel(&test_kernels::addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
}

unsigned long long poolAttribute(cudaMemPool_t pool, cudaMemPoolAttr attribute) {
  unsigned long long value = ~0ull;
  EXPECT_EQ(cudaSuccess, cudaMemPoolGetAttribute(pool, attribute, &value));
  return value;
}

} // namespace

TEST_F(MemoryPool, AllocateUseAndFreeInStreamOrder) {
  cudaStream_t stream;
  CUDA_OK(cudaStreamCreate(&stream));
  const int n = 5000;
  std::vector<int> host(n, 41);
  int *data = nullptr;
  CUDA_OK(cudaMallocAsync(&data, n * sizeof(int), stream));
  ASSERT_NE(nullptr, data);
  CUDA_OK(cudaMemcpyAsync(data, host.data(), n * sizeof(int), cudaMemcpyHostToDevice, stream));
  CUDA_OK(launchAddOne(data, n, stream));
  CUDA_OK(cudaMemcpyAsync(host.data(), data, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaFreeAsync(data, stream)); // after the copy back, in stream order
  CUDA_OK(cudaStreamSynchronize(stream));
  for (int i = 0; i < n; i += 499)
    ASSERT_EQ(42, host[i]);
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeAsync(data, stream)) << "freed twice";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host.data(), data, 4, cudaMemcpyDefault))
      << "a freed address is no device memory";
  cudaGetLastError();
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST_F(MemoryPool, EightThreadsWithStreamsOfTheirOwn) {
  std::vector<std::thread> threads;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([t, &failures] {
      cudaStream_t stream;
      if (cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking) != cudaSuccess) {
        ++failures[t];
        return;
      }
      for (int round = 0; round < 20; ++round) {
        const int n = 128 * (t + 1) + round;
        int *data = nullptr;
        int back[1] = {0};
        failures[t] += cudaMallocAsync(&data, n * sizeof(int), stream) != cudaSuccess;
        failures[t] += cudaMemsetAsync(data, 0, n * sizeof(int), stream) != cudaSuccess;
        failures[t] += launchAddOne(data, n, stream) != cudaSuccess;
        failures[t] += launchAddOne(data, n, stream) != cudaSuccess;
        failures[t] += cudaMemcpyAsync(back, data + n - 1, sizeof(int), cudaMemcpyDeviceToHost,
                                       stream) != cudaSuccess;
        failures[t] += cudaFreeAsync(data, stream) != cudaSuccess;
        failures[t] += cudaStreamSynchronize(stream) != cudaSuccess;
        failures[t] += back[0] != 2;
      }
      failures[t] += cudaStreamDestroy(stream) != cudaSuccess;
    });
  for (std::thread &thread : threads)
    thread.join();
  for (int t = 0; t < 8; ++t)
    EXPECT_EQ(0, failures[t]) << "thread " << t;
}

TEST_F(MemoryPool, CountsWhatIsOutstanding) {
  cudaMemPool_t pool = nullptr, current = nullptr;
  CUDA_OK(cudaDeviceGetDefaultMemPool(&pool, 0));
  CUDA_OK(cudaDeviceGetMemPool(&current, 0));
  EXPECT_EQ(pool, current);
  unsigned long long before = poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent);
  void *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMallocAsync(&a, 1 << 20, nullptr));
  CUDA_OK(cudaMallocFromPoolAsync(&b, 1 << 10, pool, nullptr));
  EXPECT_EQ(before + (1 << 20) + (1 << 10), poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  EXPECT_GE(poolAttribute(pool, cudaMemPoolAttrUsedMemHigh), before + (1 << 20) + (1 << 10));
  EXPECT_EQ(poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent),
            poolAttribute(pool, cudaMemPoolAttrReservedMemCurrent));
  CUDA_OK(cudaFreeAsync(a, nullptr));
  CUDA_OK(cudaFree(b)); // a synchronous free of a pooled allocation is allowed too
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(before, poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  unsigned long long zero = 0, threshold = 1 << 30;
  CUDA_OK(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrUsedMemHigh, &zero));
  EXPECT_EQ(before, poolAttribute(pool, cudaMemPoolAttrUsedMemHigh));
  CUDA_OK(cudaMemPoolSetAttribute(pool, cudaMemPoolAttrReleaseThreshold, &threshold));
  EXPECT_EQ(threshold, poolAttribute(pool, cudaMemPoolAttrReleaseThreshold));
  CUDA_OK(cudaMemPoolTrimTo(pool, 0));
  int reuse = 0;
  CUDA_OK(cudaMemPoolSetAttribute(pool, cudaMemPoolReuseAllowOpportunistic, &reuse));
  reuse = 7;
  CUDA_OK(cudaMemPoolGetAttribute(pool, cudaMemPoolReuseAllowOpportunistic, &reuse));
  EXPECT_EQ(0, reuse);
  unsigned long long one = 1;
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemPoolSetAttribute(pool, cudaMemPoolAttrUsedMemCurrent, &one))
      << "read-only";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolSetAttribute(pool, cudaMemPoolAttrUsedMemHigh, &one));
  cudaGetLastError();
}

TEST_F(MemoryPool, CreatedPools) {
  cudaMemPoolProps props = {};
  props.allocType = cudaMemAllocationTypePinned;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = 0;
  cudaMemPool_t pool = nullptr, fallback = nullptr;
  CUDA_OK(cudaMemPoolCreate(&pool, &props));
  CUDA_OK(cudaDeviceGetDefaultMemPool(&fallback, 0));
  EXPECT_NE(fallback, pool);
  CUDA_OK(cudaDeviceSetMemPool(0, pool));
  void *p = nullptr;
  CUDA_OK(cudaMallocAsync(&p, 4096, nullptr)); // from the current pool
  EXPECT_EQ(4096u, poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  CUDA_OK(cudaFreeAsync(p, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(0u, poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  cudaMemAccessDesc access = {{cudaMemLocationTypeDevice, 0}, cudaMemAccessFlagsProtReadWrite};
  CUDA_OK(cudaMemPoolSetAccess(pool, &access, 1));
  cudaMemAccessFlags flags = cudaMemAccessFlagsProtNone;
  cudaMemLocation here = {cudaMemLocationTypeDevice, 0};
  CUDA_OK(cudaMemPoolGetAccess(&flags, pool, &here));
  EXPECT_EQ(cudaMemAccessFlagsProtReadWrite, flags);
  CUDA_OK(cudaMemPoolDestroy(pool));
  cudaMemPool_t current = nullptr;
  CUDA_OK(cudaDeviceGetMemPool(&current, 0));
  EXPECT_EQ(fallback, current) << "destroying the current pool restores the default";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolDestroy(pool)) << "destroyed twice";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolDestroy(fallback)) << "a default pool";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocFromPoolAsync(&p, 16, pool, nullptr));
  cudaGetLastError();
}

TEST_F(MemoryPool, ArgumentChecks) {
  void *p = nullptr;
  cudaMemPool_t pool = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocAsync(nullptr, 16, nullptr));
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaMallocAsync(&p, 16, reinterpret_cast<cudaStream_t>(0x1234)));
  CUDA_OK(cudaMallocAsync(&p, 0, nullptr));
  EXPECT_EQ(nullptr, p);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocFromPoolAsync(&p, 16, nullptr, nullptr));
  CUDA_OK(cudaFreeAsync(nullptr, nullptr));
  int local = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeAsync(&local, nullptr)) << "host memory";
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceGetDefaultMemPool(&pool, 99));
  EXPECT_EQ(cudaErrorInvalidValue, cudaDeviceGetDefaultMemPool(nullptr, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceGetMemPool(&pool, -1));
  CUDA_OK(cudaDeviceGetDefaultMemPool(&pool, 0));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaDeviceSetMemPool(99, pool));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaDeviceSetMemPool(0, reinterpret_cast<cudaMemPool_t>(&local)));
  cudaMemPoolProps props = {};
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolCreate(&pool, &props)) << "no allocation type";
  props.allocType = cudaMemAllocationTypePinned;
  props.location.type = cudaMemLocationTypeDevice;
  props.location.id = 99;
  EXPECT_EQ(cudaErrorInvalidDevice, cudaMemPoolCreate(&pool, &props));
  props.location.id = 0;
  props.handleTypes = cudaMemHandleTypePosixFileDescriptor;
  EXPECT_EQ(cudaErrorNotSupported, cudaMemPoolCreate(&pool, &props)) << "no IPC";
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolCreate(nullptr, &props));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolTrimTo(nullptr, 0));
  unsigned long long value = 0;
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaMemPoolGetAttribute(nullptr, cudaMemPoolAttrUsedMemCurrent, &value));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemPoolGetAttribute(pool, cudaMemPoolAttr(99), &value));
  cudaGetLastError();
  int supported = 0;
  CUDA_OK(cudaDeviceGetAttribute(&supported, cudaDevAttrMemoryPoolsSupported, 0));
  EXPECT_EQ(1, supported);
}

TEST_F(MemoryPool, ResetFreesPooledAllocations) {
  cudaMemPool_t pool = nullptr;
  CUDA_OK(cudaDeviceGetDefaultMemPool(&pool, 0));
  unsigned long long before = poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent);
  void *p = nullptr;
  CUDA_OK(cudaMallocAsync(&p, 1 << 16, nullptr));
  EXPECT_EQ(before + (1 << 16), poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  CUDA_OK(cudaDeviceReset());
  EXPECT_EQ(before, poolAttribute(pool, cudaMemPoolAttrUsedMemCurrent));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeAsync(p, nullptr)) << "freed by the reset";
  cudaGetLastError();
}
