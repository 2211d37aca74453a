// Memory truth: allocations the device (or the process's address space)
// cannot back fail with cudaErrorMemoryAllocation, which is not sticky;
// cudaMemGetInfo follows the allocations; and under an address-space limit
// (RLIMIT_AS, `ulimit -v`) every allocation either fails cleanly or can be
// used in full: every page is written and read back. Light on purpose: no
// test moves more than a few hundred MiB.
#include "test_kernels.h"

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include <CL/cl.h>
#include <cucl/opencl_interop.h>

#include "address_space_in_use.h"

namespace {

constexpr size_t kMiB = size_t(1) << 20;
constexpr size_t kPage = 4096;

// The first position in `bytes` that is not `value`, or -1.
long firstMismatch(const unsigned char *bytes, size_t count, unsigned char value) {
  const unsigned char *end = bytes + count;
  const unsigned char *at =
      std::find_if(bytes, end, [value](unsigned char byte) { return byte != value; });
  return at == end ? -1 : static_cast<long>(at - bytes);
}

// Writes every byte of `bytes` device bytes at `device` and reads them all
// back: each page is used on both sides.
void useInFull(void *device, size_t bytes, unsigned char value) {
  std::vector<unsigned char> back(bytes, static_cast<unsigned char>(~value));
  ASSERT_EQ(cudaSuccess, cudaMemset(device, value, bytes));
  ASSERT_EQ(cudaSuccess, cudaMemcpy(back.data(), device, bytes, cudaMemcpyDeviceToHost));
  EXPECT_EQ(-1, firstMismatch(back.data(), bytes, value));
}

// Whether device 0's memory is host memory (a CPU device sharing host
// memory): only then does the process's address space bound its
// allocations, and the runtime makes its buffers with CL_MEM_ALLOC_HOST_PTR.
bool deviceMemoryIsHostMemory() {
  cuclOpenCLDevice device{};
  if (__cuclGetOpenCLDevice(0, &device) != cudaSuccess)
    return false;
  cl_device_type type = 0;
  cl_bool unified = CL_FALSE;
  return clGetDeviceInfo(device.device, CL_DEVICE_TYPE, sizeof type, &type, nullptr) ==
             CL_SUCCESS &&
         clGetDeviceInfo(device.device, CL_DEVICE_HOST_UNIFIED_MEMORY, sizeof unified, &unified,
                         nullptr) == CL_SUCCESS &&
         (type & CL_DEVICE_TYPE_CPU) != 0 && unified == CL_TRUE;
}

// Whether the buffer behind device pointer `p` is made with `flag`.
bool bufferHasFlag(void *p, cl_mem_flags flag) {
  cuclDeviceBuffer where{};
  cl_mem_flags flags = 0;
  return __cuclResolveDevicePointer(p, &where) == cudaSuccess &&
         clGetMemObjectInfo(where.buffer, CL_MEM_FLAGS, sizeof flags, &flags, nullptr) ==
             CL_SUCCESS &&
         (flags & flag) != 0;
}

// --- Device memory accounting --------------------------------------------

// Untouched allocations (which cost no memory on a host-memory device) until
// the device refuses: what it grants never exceeds its memory, the refusal is
// cudaErrorMemoryAllocation, not sticky, and everything keeps working.
TEST(DeviceMemoryTruth, OversizeMallocFailsAndTheNextCallWorks) {
  size_t free0 = 0, total = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free0, &total));
  cudaDeviceProp prop{};
  ASSERT_EQ(cudaSuccess, cudaGetDeviceProperties(&prop, 0));
  void *p = reinterpret_cast<void *>(1);
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMalloc(&p, total + 1));
  EXPECT_EQ(nullptr, p);
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError()); // not sticky

  size_t chunk = std::min<size_t>(prop.memPitch, 512 * kMiB); // memPitch: the largest buffer
  std::vector<void *> granted;
  cudaError_t refused = cudaSuccess;
  for (size_t i = 0; i <= total / chunk + 1; ++i) {
    void *block = nullptr;
    refused = cudaMalloc(&block, chunk);
    if (refused != cudaSuccess) {
      EXPECT_EQ(nullptr, block);
      break;
    }
    granted.push_back(block);
  }
  EXPECT_EQ(cudaErrorMemoryAllocation, refused);
  EXPECT_LE(granted.size() * chunk, total); // never more than the device has
  size_t freeThen = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&freeThen, &total));
  EXPECT_LT(freeThen, chunk + 2 * kPage); // the refusal matches what it reports
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());

  // The device is fine: the synchronization that reports sticky errors
  // succeeds, and once memory is returned an allocation works in full.
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
  for (void *block : granted)
    ASSERT_EQ(cudaSuccess, cudaFree(block));
  void *small = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&small, kMiB));
  useInFull(small, kMiB, 0x3c);
  ASSERT_EQ(cudaSuccess, cudaFree(small));
  size_t free1 = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  if (free0 == total)
    EXPECT_EQ(free0, free1); // cudaFree returned every byte
  else // bound by the machine's available memory, which other processes change
    EXPECT_NEAR(static_cast<double>(free0), static_cast<double>(free1), total / 50.0);
}

// free drops by the allocation (its buffer's slack included: at most two
// pages more) and comes back with cudaFree; likewise for pitched, 3-D and
// array allocations.
TEST(DeviceMemoryTruth, MemGetInfoFollowsAllocations) {
  size_t free0 = 0, total = 0, free1 = 0, free2 = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free0, &total));
  EXPECT_LE(free0, total);

  void *p = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, 32 * kMiB));
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  EXPECT_GE(free0 - free1, 32 * kMiB);
  EXPECT_LE(free0 - free1, 32 * kMiB + 2 * kPage);
  ASSERT_EQ(cudaSuccess, cudaFree(p));
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free2, &total));
  EXPECT_EQ(free0, free2);

  size_t pitch = 0;
  ASSERT_EQ(cudaSuccess, cudaMallocPitch(&p, &pitch, 1000, 1000));
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  EXPECT_GE(free0 - free1, pitch * 1000);
  EXPECT_LE(free0 - free1, pitch * 1000 + 2 * kPage);
  ASSERT_EQ(cudaSuccess, cudaFree(p));

  cudaPitchedPtr pitched{};
  ASSERT_EQ(cudaSuccess, cudaMalloc3D(&pitched, make_cudaExtent(300, 20, 30)));
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  EXPECT_GE(free0 - free1, pitched.pitch * 20 * 30);
  EXPECT_LE(free0 - free1, pitched.pitch * 20 * 30 + 2 * kPage);
  ASSERT_EQ(cudaSuccess, cudaFree(pitched.ptr));

  cudaChannelFormatDesc float4Format = cudaCreateChannelDesc<float4>();
  cudaArray_t array = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMallocArray(&array, &float4Format, 512, 256));
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  EXPECT_GE(free0 - free1, size_t(512) * 256 * 16);
  EXPECT_LE(free0 - free1, size_t(512) * 256 * 16 + 2 * kPage);
  ASSERT_EQ(cudaSuccess, cudaFreeArray(array));

  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free2, &total));
  EXPECT_EQ(free0, free2);
}

// cudaDeviceReset returns the memory of the allocations it drops.
TEST(DeviceMemoryTruth, DeviceResetReturnsTheMemory) {
  size_t free0 = 0, total = 0, free1 = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free0, &total));
  void *p = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, 8 * kMiB));
  cudaArray_t array = nullptr;
  cudaChannelFormatDesc format = cudaCreateChannelDesc<float>();
  ASSERT_EQ(cudaSuccess, cudaMallocArray(&array, &format, 1024, 1024));
  ASSERT_EQ(cudaSuccess, cudaDeviceReset());
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free1, &total));
  EXPECT_EQ(free0, free1);
}

// --- Under an address-space limit ----------------------------------------

// Lowers this process's RLIMIT_AS to what it uses now plus `room` (the
// runtime already initialized, its device address range reserved), and
// restores the limit afterwards.
class AddressSpaceLimit {
public:
  explicit AddressSpaceLimit(size_t room) {
    getrlimit(RLIMIT_AS, &saved_);
    rlimit lowered = saved_;
    lowered.rlim_cur = addressSpaceInUse() + room;
    active_ = setrlimit(RLIMIT_AS, &lowered) == 0;
  }
  ~AddressSpaceLimit() { setrlimit(RLIMIT_AS, &saved_); }
  bool active() const { return active_; }

private:
  rlimit saved_{};
  bool active_ = false;
};

// Room over what the process uses: far less than the device's memory, so the
// address space is what refuses the large requests. kLarge never fits it;
// kUsable always does (with the runtime's margin and a host copy beside it).
constexpr size_t kRoom = 448 * kMiB;
constexpr size_t kLarge = 1024 * kMiB;
constexpr size_t kUsable = 64 * kMiB;

class UnderAddressSpaceLimit : public ::testing::Test {
protected:
  void SetUp() override {
    ASSERT_EQ(cudaSuccess, cudaFree(nullptr)); // initialize first
    if (!deviceMemoryIsHostMemory())
      GTEST_SKIP() << "the device's memory is not host memory";
    size_t free = 0, total = 0;
    ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free, &total));
    if (free < 2 * kLarge)
      GTEST_SKIP() << "the device is too small for this test";
    limit_ = std::make_unique<AddressSpaceLimit>(kRoom);
    ASSERT_TRUE(limit_->active());
  }
  void TearDown() override { limit_.reset(); }

  // After a refusal: the error is the thread's last error once, then gone.
  static void expectRefusalNotSticky() {
    EXPECT_EQ(cudaErrorMemoryAllocation, cudaGetLastError());
    EXPECT_EQ(cudaSuccess, cudaGetLastError());
  }

private:
  std::unique_ptr<AddressSpaceLimit> limit_;
};

TEST_F(UnderAddressSpaceLimit, MemGetInfoReportsTheAddressSpaceLeft) {
  size_t free = 0, total = 0;
  ASSERT_EQ(cudaSuccess, cudaMemGetInfo(&free, &total));
  EXPECT_LE(free, kRoom);
  EXPECT_GE(free, kUsable);
}

// The driver backs a host-memory device's buffers when they are made.
TEST_F(UnderAddressSpaceLimit, BuffersAreAllocatedByTheDriverAtOnce) {
  void *p = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, kPage));
  EXPECT_TRUE(bufferHasFlag(p, CL_MEM_ALLOC_HOST_PTR));
  EXPECT_EQ(cudaSuccess, cudaFree(p));
}

TEST_F(UnderAddressSpaceLimit, Malloc) {
  void *p = reinterpret_cast<void *>(1);
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMalloc(&p, kLarge));
  EXPECT_EQ(nullptr, p);
  expectRefusalNotSticky();
  ASSERT_EQ(cudaSuccess, cudaMalloc(&p, kUsable));
  useInFull(p, kUsable, 0xa5);
  EXPECT_EQ(cudaSuccess, cudaFree(p));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
}

TEST_F(UnderAddressSpaceLimit, MallocPitch) {
  void *p = nullptr;
  size_t pitch = 0;
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMallocPitch(&p, &pitch, 64 * 1024, kLarge / 65536));
  expectRefusalNotSticky();
  const size_t width = 8 * 1024, height = kUsable / width;
  ASSERT_EQ(cudaSuccess, cudaMallocPitch(&p, &pitch, width, height));
  ASSERT_EQ(cudaSuccess, cudaMemset2D(p, pitch, 0x5a, width, height));
  std::vector<unsigned char> back(width * height, 0);
  ASSERT_EQ(cudaSuccess,
            cudaMemcpy2D(back.data(), width, p, pitch, width, height, cudaMemcpyDeviceToHost));
  EXPECT_EQ(-1, firstMismatch(back.data(), back.size(), 0x5a));
  EXPECT_EQ(cudaSuccess, cudaFree(p));
}

TEST_F(UnderAddressSpaceLimit, Malloc3D) {
  cudaPitchedPtr pitched{};
  EXPECT_EQ(cudaErrorMemoryAllocation,
            cudaMalloc3D(&pitched, make_cudaExtent(64 * 1024, 128, kLarge / (64 * 1024) / 128)));
  expectRefusalNotSticky();
  cudaExtent extent = make_cudaExtent(8 * 1024, 64, kUsable / (8 * 1024) / 64);
  ASSERT_EQ(cudaSuccess, cudaMalloc3D(&pitched, extent));
  ASSERT_EQ(cudaSuccess, cudaMemset3D(pitched, 0x6b, extent));
  useInFull(pitched.ptr, pitched.pitch * extent.height * extent.depth, 0x6b);
  EXPECT_EQ(cudaSuccess, cudaFree(pitched.ptr));
}

TEST_F(UnderAddressSpaceLimit, MallocArray) {
  cudaChannelFormatDesc format = cudaCreateChannelDesc<float4>();
  cudaArray_t array = nullptr;
  EXPECT_EQ(cudaErrorMemoryAllocation,
            cudaMallocArray(&array, &format, 16384, kLarge / 16384 / sizeof(float4)));
  expectRefusalNotSticky();
  EXPECT_EQ(cudaErrorMemoryAllocation,
            cudaMalloc3DArray(&array, &format, make_cudaExtent(1024, 1024, 64)));
  expectRefusalNotSticky();
  const size_t width = 2048, height = kUsable / width / sizeof(float4);
  ASSERT_EQ(cudaSuccess, cudaMallocArray(&array, &format, width, height));
  const size_t rowBytes = width * sizeof(float4);
  std::vector<unsigned char> bytes(rowBytes * height, 0x7c);
  ASSERT_EQ(cudaSuccess, cudaMemcpy2DToArray(array, 0, 0, bytes.data(), rowBytes, rowBytes, height,
                                             cudaMemcpyHostToDevice));
  std::fill(bytes.begin(), bytes.end(), 0);
  ASSERT_EQ(cudaSuccess, cudaMemcpy2DFromArray(bytes.data(), rowBytes, array, 0, 0, rowBytes,
                                               height, cudaMemcpyDeviceToHost));
  EXPECT_EQ(-1, firstMismatch(bytes.data(), bytes.size(), 0x7c));
  EXPECT_EQ(cudaSuccess, cudaFreeArray(array));
}

TEST_F(UnderAddressSpaceLimit, MallocHostAndHostAlloc) {
  void *h = reinterpret_cast<void *>(1);
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMallocHost(&h, kLarge));
  expectRefusalNotSticky();
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaHostAlloc(&h, kLarge, cudaHostAllocMapped));
  expectRefusalNotSticky();

  // Page-locked: written on the host, through a device buffer and back.
  ASSERT_EQ(cudaSuccess, cudaMallocHost(&h, kUsable));
  auto *bytes = static_cast<unsigned char *>(h);
  std::memset(bytes, 0x11, kUsable);
  void *d = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&d, kUsable));
  ASSERT_EQ(cudaSuccess, cudaMemcpy(d, h, kUsable, cudaMemcpyHostToDevice));
  std::memset(bytes, 0, kUsable);
  ASSERT_EQ(cudaSuccess, cudaMemcpy(h, d, kUsable, cudaMemcpyDeviceToHost));
  EXPECT_EQ(-1, firstMismatch(bytes, kUsable, 0x11));
  EXPECT_EQ(cudaSuccess, cudaFree(d));
  EXPECT_EQ(cudaSuccess, cudaFreeHost(h));

  // Mapped: written by the device, read on the host.
  ASSERT_EQ(cudaSuccess, cudaHostAlloc(&h, kUsable, cudaHostAllocMapped));
  ASSERT_EQ(cudaSuccess, cudaHostGetDevicePointer(&d, h, 0));
  ASSERT_EQ(cudaSuccess, cudaMemset(d, 0x22, kUsable));
  ASSERT_EQ(cudaSuccess, cudaDeviceSynchronize());
  EXPECT_EQ(-1, firstMismatch(static_cast<unsigned char *>(h), kUsable, 0x22));
  EXPECT_EQ(cudaSuccess, cudaFreeHost(h));
}

TEST_F(UnderAddressSpaceLimit, MallocManaged) {
  void *p = nullptr;
  cudaError_t small = cudaMallocManaged(&p, kPage);
  if (small == cudaErrorNotSupported) {
    cudaGetLastError();
    GTEST_SKIP() << "cudaMallocManaged is not supported";
  }
  ASSERT_EQ(cudaSuccess, small);
  EXPECT_EQ(cudaSuccess, cudaFree(p));
  EXPECT_EQ(cudaErrorMemoryAllocation, cudaMallocManaged(&p, kLarge));
  expectRefusalNotSticky();
  ASSERT_EQ(cudaSuccess, cudaMallocManaged(&p, kUsable));
  ASSERT_EQ(cudaSuccess, cudaMemset(p, 0x33, kUsable));
  ASSERT_EQ(cudaSuccess, cudaDeviceSynchronize());
  EXPECT_EQ(-1, firstMismatch(static_cast<unsigned char *>(p), kUsable, 0x33));
  std::memset(p, 0x44, kUsable); // and on the host
  useInFull(p, kUsable, 0x55);
  EXPECT_EQ(cudaSuccess, cudaFree(p));
}

// --- Started under `ulimit -v` --------------------------------------------

// The probe (memory_limit_probe.cpp) first reports, unlimited, how much
// address space the OpenCL driver takes to start; then runs under `ulimit -v`
// of that plus a little room, where the runtime must start, refuse what does
// not fit and let every granted allocation be used in full.
std::string runProbe(const std::string &command, int *status) {
  std::string output;
  *status = -1;
  FILE *pipe = popen(command.c_str(), "r");
  if (pipe == nullptr)
    return output;
  char line[512];
  while (std::fgets(line, sizeof line, pipe) != nullptr)
    output += line;
  *status = pclose(pipe);
  return output;
}

TEST(StartedUnderUlimit, EveryAllocationFailsCleanlyOrIsUsable) {
  if (!deviceMemoryIsHostMemory())
    GTEST_SKIP() << "the device's memory is not host memory";
  int status = -1;
  std::string measured = runProbe(std::string(CUCL_MEMORY_LIMIT_PROBE) + " measure", &status);
  ASSERT_EQ(0, status) << measured;
  unsigned long long driverBytes = std::strtoull(measured.c_str(), nullptr, 10);
  ASSERT_GT(driverBytes, 0u) << measured;
  // The driver's start-up, plus room for the runtime's device address range
  // and a few hundred MiB of allocations.
  unsigned long long limitKiB = (driverBytes + 384 * kMiB) / 1024;
  std::string command = "ulimit -v " + std::to_string(limitKiB) + " && exec " +
                        CUCL_MEMORY_LIMIT_PROBE + " check 2>&1";
  std::string output = runProbe("sh -c '" + command + "'", &status);
  ASSERT_TRUE(WIFEXITED(status)) << "the probe died (signal " << WTERMSIG(status) << "):\n"
                                 << output;
  EXPECT_EQ(0, WEXITSTATUS(status)) << output;
  EXPECT_NE(std::string::npos, output.find("PASSED")) << output;
}

} // namespace
