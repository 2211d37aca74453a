// Mapped (zero-copy) host memory: kernels, copies and memsets reach host
// blocks through the device pointer cudaHostGetDevicePointer gives, and the
// host sees their writes after CUDA's synchronization points. Registered in
// CMake twice: as is, and with CUCL_ZERO_COPY=0, which forces the map/unmap
// protocol of drivers that cache host memory onto every device.
#include "test_kernels.h"

#include <cstdlib>

#include <cucl/opencl_interop.h>

namespace {

using namespace test_kernels;

const char kMappedSource[] = R"CL(
#define DEVICE_PTR(T, name) __global T *name = (__global T *)((__global char *)name##__base + name##__off)

/* out[i] = 2 * in[i] + 1 (reads one mapped block, writes another). */
__kernel void twice_plus_one(__global int *out__base, ulong out__off,
                             __global const int *in__base, ulong in__off, int n) {
  DEVICE_PTR(int, out);
  DEVICE_PTR(const int, in);
  int i = (int)get_global_id(0);
  if (i < n) out[i] = 2 * in[i] + 1;
}
)CL";

const char twicePlusOne = 0;

void registerMapped() {
  static bool done = [] {
    void **module = registerModuleSource("mapped_kernels.cl", kMappedSource);
    cuclKernelArgInfo args[] = {kPtr, kPtr, kInt};
    __cuclRegisterKernel(module, &twicePlusOne, "twice_plus_one", 3, args, 0);
    return true;
  }();
  (void)done;
}

// Whether this run forces the map protocol (CUCL_ZERO_COPY=0, also set by
// the caching driver shim).
bool mapProtocolForced() {
  const char *forced = std::getenv("CUCL_ZERO_COPY");
  return forced != nullptr && std::strcmp(forced, "0") == 0;
}

class MappedMemory : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    registerMapped();
    cudaGetLastError();
  }
  void TearDown() override { EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize()); }

  // p[i] += 1 for i < n, launched on `stream`.
  static cudaError_t addOneTo(int *device, int n, cudaStream_t stream = nullptr) {
    void *args[] = {&device, &n};
    return cudaLaunchKernel(&addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
  }
  static cudaError_t twicePlusOneOf(int *out, const int *in, int n) {
    void *args[] = {&out, &in, &n};
    return cudaLaunchKernel(&twicePlusOne, dim3((n + 63) / 64), dim3(64), args, 0, nullptr);
  }
};

// A mapped cudaHostAlloc block and its device pointer.
struct MappedInts {
  int *host = nullptr;
  int *device = nullptr;
  explicit MappedInts(int n, unsigned flags = cudaHostAllocMapped) {
    EXPECT_EQ(cudaSuccess, cudaHostAlloc(&host, n * sizeof(int), flags));
    EXPECT_EQ(cudaSuccess, cudaHostGetDevicePointer(reinterpret_cast<void **>(&device), host, 0));
  }
  ~MappedInts() { EXPECT_EQ(cudaSuccess, cudaFreeHost(host)); }
};

} // namespace

TEST_F(MappedMemory, DevicesReportThatTheyMapHostMemory) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(1, prop.canMapHostMemory);
  EXPECT_EQ(1, prop.hostRegisterSupported);
  int value = 0;
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrCanMapHostMemory, 0));
  EXPECT_EQ(1, value);
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrHostRegisterSupported, 0));
  EXPECT_EQ(1, value);
  CUDA_OK(cudaSetDeviceFlags(cudaDeviceMapHost));
  unsigned flags = 0;
  CUDA_OK(cudaGetDeviceFlags(&flags));
  EXPECT_EQ(static_cast<unsigned>(cudaDeviceMapHost), flags);
}

TEST_F(MappedMemory, KernelWritesReachTheHostAfterDeviceSynchronize) {
  const int n = 1000;
  MappedInts block(n);
  ASSERT_NE(nullptr, block.device);
  EXPECT_NE(static_cast<void *>(block.host), static_cast<void *>(block.device));
  for (int i = 0; i < n; ++i)
    block.host[i] = 10 * i;
  CUDA_OK(addOneTo(block.device, n));
  CUDA_OK(cudaDeviceSynchronize());
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(10 * i + 1, block.host[i]) << i;
  // Host writes after a synchronization reach the next kernel.
  for (int i = 0; i < n; ++i)
    block.host[i] = -i;
  CUDA_OK(addOneTo(block.device, n));
  CUDA_OK(addOneTo(block.device, n));
  CUDA_OK(cudaDeviceSynchronize());
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(2 - i, block.host[i]) << i;
}

TEST_F(MappedMemory, KernelReadsHostWritesAndWritesAnotherBlock) {
  // simpleZeroCopy's shape: inputs and output all mapped host memory.
  const int n = 4096;
  MappedInts in(n), out(n, cudaHostAllocMapped | cudaHostAllocPortable);
  for (int i = 0; i < n; ++i) {
    in.host[i] = i;
    out.host[i] = -7;
  }
  CUDA_OK(twicePlusOneOf(out.device, in.device, n));
  CUDA_OK(cudaDeviceSynchronize());
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(2 * i + 1, out.host[i]) << i;
  EXPECT_EQ(n - 1, in.host[n - 1]); // the input is untouched
}

TEST_F(MappedMemory, StreamEventAndHostFunctionSynchronizationShowKernelWrites) {
  const int n = 256;
  MappedInts block(n);
  for (int i = 0; i < n; ++i)
    block.host[i] = i;
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  CUDA_OK(addOneTo(block.device, n, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(1, block.host[0]);
  EXPECT_EQ(n, block.host[n - 1]);

  cudaEvent_t event = nullptr;
  CUDA_OK(cudaEventCreate(&event));
  CUDA_OK(addOneTo(block.device, n, stream));
  CUDA_OK(cudaEventRecord(event, stream));
  CUDA_OK(cudaEventSynchronize(event));
  EXPECT_EQ(2, block.host[0]);
  EXPECT_EQ(n + 1, block.host[n - 1]);

  // A host function queued after a kernel runs once the kernel's writes are
  // visible on the host.
  struct Seen {
    const int *host;
    std::atomic<int> value{-1};
  } seen{block.host};
  CUDA_OK(addOneTo(block.device, n, stream));
  CUDA_OK(cudaLaunchHostFunc(
      stream,
      [](void *user) {
        auto *s = static_cast<Seen *>(user);
        s->value = s->host[0];
      },
      &seen));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(3, seen.value.load());

  // Polling until the stream is done also shows the writes.
  CUDA_OK(addOneTo(block.device, n, stream));
  cudaError_t query;
  while ((query = cudaStreamQuery(stream)) == cudaErrorNotReady)
    std::this_thread::yield();
  CUDA_OK(query);
  EXPECT_EQ(4, block.host[0]);
  CUDA_OK(cudaEventDestroy(event));
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST_F(MappedMemory, InteriorPointersMapToTheSameOffset) {
  const int n = 64;
  MappedInts block(n);
  for (int i = 0; i < n; ++i)
    block.host[i] = 0;
  int *inner = nullptr;
  CUDA_OK(cudaHostGetDevicePointer(reinterpret_cast<void **>(&inner), block.host + 10, 0));
  EXPECT_EQ(block.device + 10, inner);
  CUDA_OK(addOneTo(inner, 5));
  CUDA_OK(addOneTo(block.device + 40, 3)); // device-side arithmetic works too
  CUDA_OK(cudaDeviceSynchronize());
  for (int i = 0; i < n; ++i) {
    bool touched = (i >= 10 && i < 15) || (i >= 40 && i < 43);
    ASSERT_EQ(touched ? 1 : 0, block.host[i]) << i;
  }
}

TEST_F(MappedMemory, PointerAttributesNameBothAddresses) {
  MappedInts block(32);
  int device = -1;
  CUDA_OK(cudaGetDevice(&device));
  for (const void *pointer :
       {static_cast<const void *>(block.host + 3), static_cast<const void *>(block.device + 3)}) {
    cudaPointerAttributes attributes;
    CUDA_OK(cudaPointerGetAttributes(&attributes, pointer));
    EXPECT_EQ(cudaMemoryTypeHost, attributes.type);
    EXPECT_EQ(device, attributes.device);
    EXPECT_EQ(static_cast<void *>(block.host + 3), attributes.hostPointer);
    EXPECT_EQ(static_cast<void *>(block.device + 3), attributes.devicePointer);
  }
}

TEST_F(MappedMemory, CopiesAndMemsetsThroughTheDevicePointer) {
  const int n = 128;
  MappedInts block(n);
  std::vector<int> source(n), back(n, -1);
  std::iota(source.begin(), source.end(), 100);
  // A blocking host-to-device copy has landed in the host block on return.
  CUDA_OK(cudaMemcpy(block.device, source.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  EXPECT_EQ(source, std::vector<int>(block.host, block.host + n));
  // The device sees the host's writes: copy to ordinary device memory and back.
  block.host[5] = -5;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemcpy(d, block.device, n * sizeof(int), cudaMemcpyDeviceToDevice));
  CUDA_OK(cudaMemcpy(back.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(-5, back[5]);
  EXPECT_EQ(100 + n - 1, back[n - 1]);
  // Device -> host from the mapped block reads what the host wrote.
  block.host[6] = -6;
  CUDA_OK(cudaMemcpy(back.data(), block.device, n * sizeof(int), cudaMemcpyDefault));
  EXPECT_EQ(-6, back[6]);
  // Memsets are asynchronous: visible after synchronization.
  CUDA_OK(cudaMemset(block.device + 8, 0, 4 * sizeof(int)));
  CUDA_OK(cudaMemsetAsync(block.device + 16, 0xff, sizeof(int), nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(0, block.host[8]);
  EXPECT_EQ(0, block.host[11]);
  EXPECT_EQ(112, block.host[12]);
  EXPECT_EQ(-1, block.host[16]);
  // 2D copies too.
  std::vector<int> rows(8, 9);
  CUDA_OK(cudaMemcpy2D(block.device + 64, 4 * sizeof(int), rows.data(), 2 * sizeof(int),
                       2 * sizeof(int), 4, cudaMemcpyHostToDevice));
  EXPECT_EQ(9, block.host[64]);
  EXPECT_EQ(9, block.host[65]);
  EXPECT_EQ(100 + 66, block.host[66]);
  EXPECT_EQ(9, block.host[68]);
  CUDA_OK(cudaFree(d));
}

TEST_F(MappedMemory, MappedBlocksAreNotDeviceMemory) {
  size_t free0 = 0, total = 0;
  CUDA_OK(cudaMemGetInfo(&free0, &total));
  {
    MappedInts block(1 << 18);
    size_t free1 = 0;
    CUDA_OK(cudaMemGetInfo(&free1, &total));
    EXPECT_EQ(free0, free1); // host memory: the device's is untouched
    EXPECT_EQ(cudaErrorInvalidValue, cudaFree(block.device));
    EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  }
}

TEST_F(MappedMemory, RegisteredRangesMapAtAnyAlignment) {
  // Page-aligned and misaligned registrations (the latter needs a driver
  // that copies misaligned host pointers to keep them coherent).
  const int n = 300;
  char *raw = static_cast<char *>(std::aligned_alloc(4096, 4 * 4096));
  ASSERT_NE(nullptr, raw);
  for (size_t misalign : {size_t(0), size_t(4), size_t(260)}) {
    int *host = reinterpret_cast<int *>(raw + 4096 + misalign);
    for (int i = 0; i < n; ++i)
      host[i] = i;
    CUDA_OK(cudaHostRegister(host, n * sizeof(int), cudaHostRegisterMapped));
    int *device = nullptr;
    CUDA_OK(cudaHostGetDevicePointer(reinterpret_cast<void **>(&device), host, 0));
    // The device address keeps the host pointer's alignment.
    EXPECT_EQ(reinterpret_cast<uintptr_t>(host) % 256, reinterpret_cast<uintptr_t>(device) % 256);
    CUDA_OK(addOneTo(device, n));
    CUDA_OK(cudaDeviceSynchronize());
    for (int i = 0; i < n; ++i)
      ASSERT_EQ(i + 1, host[i]) << misalign << " " << i;
    cudaPointerAttributes attributes;
    CUDA_OK(cudaPointerGetAttributes(&attributes, device + 1));
    EXPECT_EQ(static_cast<void *>(host + 1), attributes.hostPointer);
    CUDA_OK(cudaHostUnregister(host));
    // The mapping and its device address are gone.
    void *stale = nullptr;
    EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&stale, host, 0));
    EXPECT_EQ(cudaErrorInvalidValue, cudaPointerGetAttributes(&attributes, device));
    EXPECT_EQ(cudaErrorInvalidValue, addOneTo(device, n));
    EXPECT_EQ(n, host[n - 1]); // the host bytes are the program's again
  }
  std::free(raw);
  cudaGetLastError();
}

TEST_F(MappedMemory, FreeHostReleasesTheDeviceAddress) {
  int *host = nullptr, *device = nullptr;
  CUDA_OK(cudaHostAlloc(&host, 64 * sizeof(int), cudaHostAllocMapped));
  CUDA_OK(cudaHostGetDevicePointer(reinterpret_cast<void **>(&device), host, 0));
  CUDA_OK(addOneTo(device, 64));
  CUDA_OK(cudaFreeHost(host)); // waits for the kernel first
  cudaPointerAttributes attributes;
  EXPECT_EQ(cudaErrorInvalidValue, cudaPointerGetAttributes(&attributes, device));
  int value = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaMemcpy(&value, device, sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(cudaErrorInvalidValue, addOneTo(device, 1));
  cudaGetLastError();
}

TEST_F(MappedMemory, GetDevicePointerErrors) {
  MappedInts block(16);
  void *device = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(nullptr, block.host, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, nullptr, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, block.host, 1));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  // One past the end is outside the block.
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, block.host + 16, 0));
  // Page-locked but not mapped.
  int *pinned = nullptr;
  CUDA_OK(cudaMallocHost(&pinned, 64));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, pinned, 0));
  std::vector<int> registered(16);
  CUDA_OK(cudaHostRegister(registered.data(), 64, cudaHostRegisterDefault));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, registered.data(), 0));
  CUDA_OK(cudaHostUnregister(registered.data()));
  // Ordinary host and device memory.
  int onStack = 0;
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, &onStack, 0));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, d, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&device, block.device, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  CUDA_OK(cudaFree(d));
  CUDA_OK(cudaFreeHost(pinned));
}

TEST_F(MappedMemory, RegistrationErrors) {
  // Inside a cudaHostAlloc block: already page-locked (and here mapped).
  MappedInts block(1024);
  EXPECT_EQ(cudaErrorHostMemoryAlreadyRegistered,
            cudaHostRegister(block.host + 16, 64, cudaHostRegisterMapped));
  EXPECT_EQ(cudaErrorHostMemoryAlreadyRegistered, cudaGetLastError());
  EXPECT_EQ(cudaErrorHostMemoryAlreadyRegistered,
            cudaHostRegister(block.host, 64, cudaHostRegisterDefault));
  // Device memory, including a mapped block's device address.
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostRegister(d, 64, cudaHostRegisterMapped));
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostRegister(block.device, 64, cudaHostRegisterMapped));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  // Twice, and overlapping.
  std::vector<int> host(64);
  CUDA_OK(cudaHostRegister(host.data(), 64 * sizeof(int), cudaHostRegisterMapped));
  EXPECT_EQ(cudaErrorHostMemoryAlreadyRegistered,
            cudaHostRegister(host.data() + 8, 16, cudaHostRegisterMapped));
  CUDA_OK(cudaHostUnregister(host.data()));
  EXPECT_EQ(cudaErrorHostMemoryNotRegistered, cudaHostUnregister(host.data()));
  // Unknown flags, with Mapped.
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaHostRegister(host.data(), 64, cudaHostRegisterMapped | 0x100));
  void *unused = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostAlloc(&unused, 64, cudaHostAllocMapped | 0x80));
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}

TEST_F(MappedMemory, StreamsAndThreadsShareOneBlock) {
  // Each thread bumps its own slice of one block on its own stream.
  const int n = 512, threads = 4, rounds = 25, slice = n / threads;
  MappedInts block(n);
  for (int i = 0; i < n; ++i)
    block.host[i] = 0;
  std::vector<std::thread> workers;
  std::atomic<int> failures{0};
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      cudaStream_t stream = nullptr;
      if (cudaStreamCreate(&stream) != cudaSuccess) {
        ++failures;
        return;
      }
      for (int r = 0; r < rounds; ++r)
        if (addOneTo(block.device + t * slice, slice, stream) != cudaSuccess)
          ++failures;
      if (cudaStreamSynchronize(stream) != cudaSuccess || cudaStreamDestroy(stream) != cudaSuccess)
        ++failures;
    });
  }
  for (std::thread &worker : workers)
    worker.join();
  ASSERT_EQ(0, failures.load());
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(rounds, block.host[i]) << i;
}

TEST_F(MappedMemory, DeviceResetDropsTheMappingButNotTheHostBlock) {
  int *host = nullptr, *device = nullptr;
  CUDA_OK(cudaHostAlloc(&host, 16 * sizeof(int), cudaHostAllocMapped));
  CUDA_OK(cudaHostGetDevicePointer(reinterpret_cast<void **>(&device), host, 0));
  host[0] = 41;
  CUDA_OK(addOneTo(device, 1));
  CUDA_OK(cudaDeviceReset());
  EXPECT_EQ(42, host[0]);
  void *again = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaHostGetDevicePointer(&again, host, 0));
  cudaPointerAttributes attributes;
  EXPECT_EQ(cudaErrorInvalidValue, cudaPointerGetAttributes(&attributes, device));
  CUDA_OK(cudaFreeHost(host));
  cudaGetLastError();
}

TEST_F(MappedMemory, ReadOnlyRegistrationsMapOnlyWhereUsedInPlace) {
  // A map would write the host bytes, which read-only memory forbids.
  const int n = 1024;
  int *host = static_cast<int *>(std::aligned_alloc(4096, n * sizeof(int)));
  ASSERT_NE(nullptr, host);
  for (int i = 0; i < n; ++i)
    host[i] = i;
  cudaError_t status =
      cudaHostRegister(host, n * sizeof(int), cudaHostRegisterMapped | cudaHostRegisterReadOnly);
  if (mapProtocolForced()) {
    EXPECT_EQ(cudaErrorNotSupported, status);
    EXPECT_EQ(cudaErrorNotSupported, cudaGetLastError());
    EXPECT_EQ(cudaErrorHostMemoryNotRegistered, cudaHostUnregister(host)); // undone
  } else if (status != cudaErrorNotSupported) {
    CUDA_OK(status);
    int *device = nullptr, *out = nullptr;
    CUDA_OK(cudaHostGetDevicePointer(reinterpret_cast<void **>(&device), host, 0));
    CUDA_OK(cudaMalloc(&out, n * sizeof(int)));
    CUDA_OK(twicePlusOneOf(out, device, n));
    std::vector<int> back(n);
    CUDA_OK(cudaMemcpy(back.data(), out, n * sizeof(int), cudaMemcpyDeviceToHost));
    EXPECT_EQ(2 * (n - 1) + 1, back[n - 1]);
    CUDA_OK(cudaFree(out));
    CUDA_OK(cudaHostUnregister(host));
  }
  std::free(host);
  cudaGetLastError();
}

TEST_F(MappedMemory, LibrariesResolveOnlyBlocksUsedInPlace) {
  // The interop API hands out the buffer only where no map protocol is
  // needed: a library's own commands are not bracketed by it.
  MappedInts block(64);
  cuclDeviceBuffer found{};
  cudaError_t status = __cuclResolveDevicePointer(block.device + 4, &found);
  if (mapProtocolForced()) {
    EXPECT_EQ(cudaErrorNotSupported, status);
  } else if (status != cudaErrorNotSupported) {
    ASSERT_EQ(cudaSuccess, status);
    EXPECT_EQ(4 * sizeof(int), found.offset);
    EXPECT_EQ(60 * sizeof(int), found.bytesToEnd);
  }
  // The host address is host memory to a library.
  EXPECT_EQ(cudaErrorInvalidValue, __cuclResolveDevicePointer(block.host, &found));
}
