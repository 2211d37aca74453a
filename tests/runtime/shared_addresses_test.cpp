// Pointers stored in device memory through the module ABI (docs/design.md,
// "Pointers in device memory"), with a hand-written OpenCL kernel that follows
// a pointer it loads (CUCL_KERNEL_HEAP). Registering that kernel gives the
// device shared (SVM) addresses at its first allocation; each test runs in a
// process of its own, so a test may choose the model with
// CUCL_DEVICE_ADDRESSES before it.
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <vector>

#include <cucl/module_abi.h>
#include <cuda_runtime.h>

namespace {

const char kFollow = 0;

// out[i] = *slots[i] + 1, and slots[i] advanced by one element.
const char kSource[] = R"CL(
__global uchar *to_near(__global uchar *heap, ulong origin, ulong address) {
  return address != 0ul ? heap + (address - origin) : (__global uchar *)0;
}
__kernel void follow(__global ulong *slots__base, ulong slots__off, __global int *out__base,
                     ulong out__off, __global uchar *heap, ulong origin) {
  __global ulong *slots = (__global ulong *)((__global char *)slots__base + slots__off);
  __global int *out = (__global int *)((__global char *)out__base + out__off);
  size_t i = get_global_id(0);
  __global int *target = (__global int *)to_near(heap, origin, slots[i]);
  out[i] = target != 0 ? *target + 1 : -1;
  if (target != 0)
    slots[i] += sizeof(int);
}
)CL";

struct Registrar {
  Registrar() {
    static const cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "heap.cl",
                                       kSource,           sizeof kSource - 1,      nullptr};
    void **module = __cuclRegisterModule(&image);
    static const cuclKernelArgInfo pointers[] = {{cuclArgGlobalPointer, sizeof(void *)},
                                                 {cuclArgGlobalPointer, sizeof(void *)}};
    __cuclRegisterKernel(module, &kFollow, "follow", 2, pointers, CUCL_KERNEL_HEAP);
  }
} registrar;

bool deviceHasSvm() {
  // The runtime's own test: a device without coarse-grained SVM keeps
  // reserved addresses, whatever the program's kernels (see below).
  int *probe = nullptr;
  if (cudaMalloc(&probe, 4) != cudaSuccess)
    return false;
  int **slot = nullptr, *out = nullptr;
  bool shared = cudaMalloc(&slot, sizeof(int *)) == cudaSuccess &&
                cudaMalloc(&out, sizeof(int)) == cudaSuccess &&
                cudaMemcpy(slot, &probe, sizeof probe, cudaMemcpyHostToDevice) == cudaSuccess;
  void *args[] = {&slot, &out};
  shared = shared && cudaLaunchKernel(&kFollow, 1, 1, args, 0, nullptr) == cudaSuccess &&
           cudaDeviceSynchronize() == cudaSuccess;
  cudaGetLastError();
  cudaFree(probe);
  cudaFree(slot);
  cudaFree(out);
  return shared;
}

TEST(SharedAddresses, KernelsFollowPointersToEveryAllocation) {
  if (!deviceHasSvm())
    GTEST_SKIP() << "the device has no coarse-grained buffer SVM";
  // Allocations of many sizes, each holding its index; slots point into them.
  const int count = 40;
  std::vector<int *> blocks(count);
  for (int i = 0; i < count; ++i) {
    ASSERT_EQ(cudaMalloc(&blocks[i], sizeof(int) * (1 + 37 * i)), cudaSuccess);
    EXPECT_EQ(reinterpret_cast<std::uintptr_t>(blocks[i]) % 256, 0u) << "CUDA's alignment";
    std::vector<int> values(1 + 37 * i, i * 10);
    ASSERT_EQ(
        cudaMemcpy(blocks[i], values.data(), values.size() * sizeof(int), cudaMemcpyHostToDevice),
        cudaSuccess);
  }
  std::vector<int *> pointers(blocks);
  pointers.push_back(nullptr); // null stays null
  int **slots = nullptr, *out = nullptr;
  ASSERT_EQ(cudaMalloc(&slots, pointers.size() * sizeof(int *)), cudaSuccess);
  ASSERT_EQ(cudaMalloc(&out, pointers.size() * sizeof(int)), cudaSuccess);
  ASSERT_EQ(
      cudaMemcpy(slots, pointers.data(), pointers.size() * sizeof(int *), cudaMemcpyHostToDevice),
      cudaSuccess);
  void *args[] = {&slots, &out};
  ASSERT_EQ(cudaLaunchKernel(&kFollow, unsigned(pointers.size()), 1, args, 0, nullptr),
            cudaSuccess);
  ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
  std::vector<int> results(pointers.size());
  std::vector<int *> advanced(pointers.size());
  ASSERT_EQ(cudaMemcpy(results.data(), out, results.size() * sizeof(int), cudaMemcpyDeviceToHost),
            cudaSuccess);
  ASSERT_EQ(
      cudaMemcpy(advanced.data(), slots, advanced.size() * sizeof(int *), cudaMemcpyDeviceToHost),
      cudaSuccess);
  for (int i = 0; i < count; ++i) {
    EXPECT_EQ(results[i], i * 10 + 1) << "block " << i;
    EXPECT_EQ(advanced[i], blocks[i] + 1) << "the kernel's address arithmetic is the host's";
  }
  EXPECT_EQ(results[count], -1);
  EXPECT_EQ(advanced[count], nullptr);
  // Memory truth holds in this model too.
  std::size_t freeBefore = 0, freeAfter = 0, total = 0;
  ASSERT_EQ(cudaMemGetInfo(&freeBefore, &total), cudaSuccess);
  for (int *block : blocks)
    ASSERT_EQ(cudaFree(block), cudaSuccess);
  ASSERT_EQ(cudaMemGetInfo(&freeAfter, &total), cudaSuccess);
  EXPECT_GT(freeAfter, freeBefore);
  EXPECT_EQ(cudaFree(blocks[0]), cudaErrorInvalidValue) << "freed twice";
  cudaFree(slots);
  cudaFree(out);
}

TEST(SharedAddresses, ReservedAddressesRefuseSuchKernels) {
  setenv("CUCL_DEVICE_ADDRESSES", "reserved", 1);
  int **slots = nullptr, *out = nullptr;
  ASSERT_EQ(cudaMalloc(&slots, sizeof(int *)), cudaSuccess);
  ASSERT_EQ(cudaMalloc(&out, sizeof(int)), cudaSuccess);
  ASSERT_EQ(cudaMemset(slots, 0, sizeof(int *)), cudaSuccess);
  void *args[] = {&slots, &out};
  EXPECT_EQ(cudaLaunchKernel(&kFollow, 1, 1, args, 0, nullptr), cudaErrorNotSupported);
  EXPECT_EQ(cudaGetLastError(), cudaErrorNotSupported);
  EXPECT_EQ(cudaDeviceSynchronize(), cudaSuccess) << "not a sticky error";
  cudaFree(slots);
  cudaFree(out);
}

} // namespace
