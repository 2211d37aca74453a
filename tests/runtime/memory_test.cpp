// Allocation, every copy kind, memset, pointer arithmetic through the memory
// map, and the errors bad pointers and sizes get.
#include "test_kernels.h"
#include <cucl/opencl_interop.h>

namespace {

std::vector<int> iota(int n, int from = 0) {
  std::vector<int> values(static_cast<size_t>(n));
  std::iota(values.begin(), values.end(), from);
  return values;
}

class Memory : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
  void TearDown() override { EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize()); }
};

} // namespace

TEST_F(Memory, MallocReturnsAlignedDistinctPointersThatAreNotHostMemory) {
  void *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMalloc(&a, 1));
  CUDA_OK(cudaMalloc(&b, 1000));
  EXPECT_NE(nullptr, a);
  EXPECT_NE(a, b);
  EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(a) % 256);
  EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(b) % 256);
  cudaPointerAttributes attributes;
  CUDA_OK(cudaPointerGetAttributes(&attributes, static_cast<char *>(b) + 10));
  EXPECT_EQ(cudaMemoryTypeDevice, attributes.type);
  int onStack = 0;
  CUDA_OK(cudaPointerGetAttributes(&attributes, &onStack));
  EXPECT_EQ(cudaMemoryTypeUnregistered, attributes.type);
  CUDA_OK(cudaFree(a));
  CUDA_OK(cudaFree(b));
}

TEST_F(Memory, MallocEdgeCases) {
  void *p = reinterpret_cast<void *>(0x1);
  CUDA_OK(cudaMalloc(&p, 0));
  EXPECT_EQ(nullptr, p);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMalloc(nullptr, 4));
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMalloc(&p, size_t(1) << 62));
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaGetLastError());
  CUDA_OK(cudaFree(nullptr));
}

TEST_F(Memory, FreeRejectsForeignFreedAndInteriorPointers) {
  char *p = nullptr;
  CUDA_OK(cudaMalloc(&p, 512));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(p + 4)); // interior
  int host = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(&host)); // host memory
  CUDA_OK(cudaFree(p));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(p)); // double free
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST_F(Memory, FreedRangesAreReused) {
  void *first = nullptr, *second = nullptr;
  CUDA_OK(cudaMalloc(&first, 4096));
  CUDA_OK(cudaFree(first));
  CUDA_OK(cudaMalloc(&second, 4096));
  EXPECT_EQ(first, second); // first fit after coalescing
  CUDA_OK(cudaFree(second));
}

TEST_F(Memory, RoundTripEveryKind) {
  const int n = 1000;
  std::vector<int> source = iota(n), back(n, -1), hostCopy(n, -1);
  int *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMalloc(&a, n * sizeof(int)));
  CUDA_OK(cudaMalloc(&b, n * sizeof(int)));
  CUDA_OK(cudaMemcpy(a, source.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy(b, a, n * sizeof(int), cudaMemcpyDeviceToDevice));
  CUDA_OK(cudaMemcpy(back.data(), b, n * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(source, back);
  CUDA_OK(cudaMemcpy(hostCopy.data(), source.data(), n * sizeof(int), cudaMemcpyHostToHost));
  EXPECT_EQ(source, hostCopy);
  CUDA_OK(cudaFree(a));
  CUDA_OK(cudaFree(b));
}

TEST_F(Memory, DefaultKindInfersTheDirection) {
  const int n = 64;
  std::vector<int> source = iota(n, 100), back(n, 0), hostCopy(n, 0);
  int *a = nullptr, *b = nullptr;
  CUDA_OK(cudaMalloc(&a, n * sizeof(int)));
  CUDA_OK(cudaMalloc(&b, n * sizeof(int)));
  CUDA_OK(cudaMemcpy(a, source.data(), n * sizeof(int), cudaMemcpyDefault));
  CUDA_OK(cudaMemcpy(b, a, n * sizeof(int), cudaMemcpyDefault));
  CUDA_OK(cudaMemcpy(back.data(), b, n * sizeof(int), cudaMemcpyDefault));
  CUDA_OK(cudaMemcpy(hostCopy.data(), back.data(), n * sizeof(int), cudaMemcpyDefault));
  EXPECT_EQ(source, hostCopy);
  CUDA_OK(cudaFree(a));
  CUDA_OK(cudaFree(b));
}

TEST_F(Memory, CopiesAtOffsetsInsideAllocations) {
  const int n = 100;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, n * sizeof(int)));
  std::vector<int> five = {1, 2, 3, 4, 5};
  CUDA_OK(cudaMemcpy(d + 10, five.data(), 5 * sizeof(int), cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpy(d + 50, d + 10, 5 * sizeof(int), cudaMemcpyDeviceToDevice));
  std::vector<int> all(n, -1);
  CUDA_OK(cudaMemcpy(all.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) {
    int expected = (i >= 10 && i < 15) ? i - 9 : (i >= 50 && i < 55) ? i - 49 : 0;
    EXPECT_EQ(expected, all[i]) << i;
  }
  int last = 0;
  CUDA_OK(cudaMemcpy(&last, d + n - 1, sizeof(int), cudaMemcpyDeviceToHost)); // up to the end
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory, MemsetFillsBytesAtAnOffset) {
  unsigned char *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 256));
  CUDA_OK(cudaMemset(d, 0x11, 256));
  CUDA_OK(cudaMemset(d + 100, 0x1ab, 20)); // only the low byte counts
  std::vector<unsigned char> bytes(256);
  CUDA_OK(cudaMemcpy(bytes.data(), d, 256, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 256; ++i)
    EXPECT_EQ((i >= 100 && i < 120) ? 0xab : 0x11, bytes[i]) << i;
  CUDA_OK(cudaMemset(d, 0, 0));                                     // nothing to do
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset(d + 200, 0, 57));     // past the end
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset(bytes.data(), 0, 4)); // host memory
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemset(nullptr, 0, 4));
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory, SizesPastTheEndAreRejected) {
  char *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 100));
  std::vector<char> host(200);
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d, host.data(), 101, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d + 50, host.data(), 51, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host.data(), d + 1, 100, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d, d + 60, 50, cudaMemcpyDeviceToDevice));
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory, PointersMustMatchTheKind) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64));
  int host[16] = {};
  // Device pointer where a host one is required, and vice versa.
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d, d, 64, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host, host, 64, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host, host, 64, cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d, host, 64, cudaMemcpyDeviceToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host, d, 64, cudaMemcpyHostToHost));
  EXPECT_EQ(cudaErrorInvalidMemcpyDirection,
            cudaMemcpy(d, host, 64, static_cast<cudaMemcpyKind>(7)));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(nullptr, host, 4, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host, nullptr, 4, cudaMemcpyDeviceToHost));
  CUDA_OK(cudaMemcpy(nullptr, nullptr, 0, cudaMemcpyHostToDevice)); // zero bytes: nothing
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory, FreedPointersAreRejectedByCopies) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64));
  CUDA_OK(cudaFree(d));
  int host[16] = {};
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(d, host, 64, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(host, d, 64, cudaMemcpyDefault));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST_F(Memory, AsyncCopiesAndMemsetOnTheDefaultStream) {
  const int n = 256;
  std::vector<int> source = iota(n), back(n, 0);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemsetAsync(d, 0xff, n * sizeof(int)));
  CUDA_OK(cudaMemcpyAsync(d, source.data(), n / 2 * sizeof(int), cudaMemcpyHostToDevice));
  CUDA_OK(cudaMemcpyAsync(back.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost, 0));
  CUDA_OK(cudaStreamSynchronize(0));
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(i < n / 2 ? i : -1, back[i]) << i;
  CUDA_OK(cudaFree(d));
}

TEST_F(Memory, MemGetInfoTracksAllocations) {
  size_t free0 = 0, total = 0;
  CUDA_OK(cudaMemGetInfo(&free0, &total));
  EXPECT_GT(total, 0u);
  EXPECT_LE(free0, total);
  void *p = nullptr;
  CUDA_OK(cudaMalloc(&p, 1 << 20));
  size_t free1 = 0;
  CUDA_OK(cudaMemGetInfo(&free1, &total));
  // The buffer with its slack (at most two pages past the end).
  EXPECT_GE(free0 - free1, size_t(1) << 20);
  EXPECT_LE(free0 - free1, (size_t(1) << 20) + 2 * 4096);
  CUDA_OK(cudaFree(p));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemGetInfo(nullptr, &total));
}

TEST_F(Memory, HostAllocations) {
  int *h = nullptr;
  CUDA_OK(cudaMallocHost(&h, 100 * sizeof(int)));
  ASSERT_NE(nullptr, h);
  EXPECT_EQ(0u, reinterpret_cast<uintptr_t>(h) % 4096);
  h[99] = 7; // plain host memory
  cudaPointerAttributes attributes;
  CUDA_OK(cudaPointerGetAttributes(&attributes, h));
  EXPECT_EQ(cudaMemoryTypeHost, attributes.type);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 100 * sizeof(int)));
  CUDA_OK(cudaMemcpy(d, h, 100 * sizeof(int), cudaMemcpyHostToDevice));
  CUDA_OK(cudaFree(d));
  CUDA_OK(cudaFreeHost(h));
  void *mapped = nullptr;
  CUDA_OK(cudaHostAlloc(&mapped, 64, cudaHostAllocPortable | cudaHostAllocWriteCombined));
  CUDA_OK(cudaFreeHost(mapped));
  int notOurs = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaFreeHost(&notOurs));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostAlloc(&mapped, 64, 0x80));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocHost(nullptr, 64));
  CUDA_OK(cudaFreeHost(nullptr));
  cudaGetLastError();
}

TEST_F(Memory, ConcurrentAllocationFromManyThreads) {
  std::vector<std::thread> threads;
  std::atomic<int> failures{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&failures, t] {
      for (int i = 0; i < 200; ++i) {
        int *d = nullptr;
        int value = t * 1000 + i, back = -1;
        if (cudaMalloc(&d, 4 + i) != cudaSuccess ||
            cudaMemcpy(d, &value, sizeof(int), cudaMemcpyHostToDevice) != cudaSuccess ||
            cudaMemcpy(&back, d, sizeof(int), cudaMemcpyDeviceToHost) != cudaSuccess ||
            back != value || cudaFree(d) != cudaSuccess)
          ++failures;
      }
    });
  }
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(0, failures.load());
}

// A kernel's read slightly past an allocation (harmless on NVIDIA GPUs, whose
// allocations live in 2 MiB pages) stays inside the buffer: every buffer has
// slack after the end, while the API keeps the allocation's own size.
TEST(MemorySlack, BuffersExtendPastTheAllocation) {
  for (size_t size : {size_t(1), size_t(4), size_t(4093), size_t(4096), size_t(1) << 20}) {
    void *p = nullptr;
    CUDA_OK(cudaMalloc(&p, size));
    cuclDeviceBuffer where{};
    CUDA_OK(__cuclResolveDevicePointer(p, &where));
    EXPECT_EQ(size, where.bytesToEnd);
    size_t bytes = 0;
    ASSERT_EQ(CL_SUCCESS,
              clGetMemObjectInfo(where.buffer, CL_MEM_SIZE, sizeof bytes, &bytes, nullptr));
    EXPECT_GE(bytes, size + 256) << size;
    EXPECT_EQ(0u, bytes % 4096) << size;
    // The API still stops at the allocation's end.
    char byte = 0;
    EXPECT_EQ(cudaErrorInvalidValue,
              cudaMemcpy(&byte, static_cast<char *>(p) + size, 1, cudaMemcpyDeviceToHost));
    CUDA_OK(cudaFree(p));
  }
}
