// White-box tests of scratch memory for large local arrays (docs/design.md,
// "Local memory"): the pool's shape, and the launch of a kernel's scratch
// variant through the module ABI with hand-written OpenCL twins. ctest runs
// them with the scratch variants forced (CUCL_LOCAL_ARRAYS=scratch);
// tests/translator/device/run_local_memory_choice.cu covers the runtime's own
// choice.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "core/device_memory.h"
#include "core/device_registry.h"
#include "core/kernel_scratch.h"
#include <cuda_runtime.h>

namespace {

const char kWellFormed = 0, kDirty = 0, kWrongArguments = 0, kMissingVariant = 0;

// The scratch variant of `slots` reports the slots it was given and whether
// every slot word was zero at launch; `dirty` leaves every word set, as
// work-items that never left would: the next launch must find them zero.
const char kSource[] = R"CL(
__kernel void slots(__global int *out__base, ulong out__off) {
  ((__global int *)((__global char *)out__base + out__off))[get_global_id(0)] = -1;
}
__kernel void slots__scratch(__global int *out__base, ulong out__off, __global uint *pool,
                             uint slots) {
  __global int *out = (__global int *)((__global char *)out__base + out__off);
  uint dirty = 0u;
  for (uint s = 0u; s < slots; ++s)
    dirty |= pool[s];
  out[get_global_id(0)] = dirty == 0u ? (int)slots : -2;
}
__kernel void dirty(__global int *out__base, ulong out__off) {}
__kernel void dirty__scratch(__global int *out__base, ulong out__off, __global uint *pool,
                             uint slots) {
  if (get_global_id(0) < slots)
    pool[get_global_id(0)] = 77u;
}
__kernel void broken(__global int *out__base, ulong out__off) {}
__kernel void broken__scratch(__global int *out__base, ulong out__off) {}
__kernel void missing(__global int *out__base, ulong out__off) {}
)CL";

struct Registrar {
  Registrar() {
    static const cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "scratch.cl",
                                       kSource,           sizeof kSource - 1,      nullptr};
    void **module = __cuclRegisterModule(&image);
    static const cuclKernelArgInfo pointer[] = {{cuclArgGlobalPointer, sizeof(void *)}};
    __cuclRegisterKernel(module, &kWellFormed, "slots", 1, pointer, CUCL_KERNEL_SCRATCH);
    __cuclRegisterKernelScratch(module, &kWellFormed, "slots__scratch", 1024);
    __cuclRegisterKernel(module, &kDirty, "dirty", 1, pointer, CUCL_KERNEL_SCRATCH);
    __cuclRegisterKernelScratch(module, &kDirty, "dirty__scratch", 1024);
    __cuclRegisterKernel(module, &kWrongArguments, "broken", 1, pointer, CUCL_KERNEL_SCRATCH);
    __cuclRegisterKernelScratch(module, &kWrongArguments, "broken__scratch", 1024);
    __cuclRegisterKernel(module, &kMissingVariant, "missing", 1, pointer, CUCL_KERNEL_SCRATCH);
    __cuclRegisterKernelScratch(module, &kMissingVariant, "missing__scratch", 1024);
  }
} registrar;

cudaError_t launch(const void *kernel, dim3 grid, dim3 block, int *out) {
  void *args[] = {&out};
  return cudaLaunchKernel(kernel, grid, block, args, 0, nullptr);
}

// The launches below need the scratch variants (ctest's environment).
bool scratchForced() {
  const char *forced = std::getenv("CUCL_LOCAL_ARRAYS");
  return forced != nullptr && std::strcmp(forced, "scratch") == 0;
}

cucl::Device &currentDevice() {
  int ignored = 0;
  cudaGetDevice(&ignored); // initializes the runtime
  return *cucl::DeviceRegistry::instance().currentIfInitialized();
}

} // namespace

TEST(ScratchShape, HeaderIsOneWordPerSlotRoundedTo128Bytes) {
  EXPECT_EQ(128u, (cucl::ScratchShape{1, 64, 1024}.headerBytes()));
  EXPECT_EQ(128u, (cucl::ScratchShape{32, 64, 1024}.headerBytes()));
  EXPECT_EQ(256u, (cucl::ScratchShape{33, 64, 1024}.headerBytes()));
  EXPECT_EQ(256u + 33u * 64u * 1024u, (cucl::ScratchShape{33, 64, 1024}.totalBytes()));
}

TEST(ScratchShape, OverflowingSizesSaySo) {
  EXPECT_EQ(SIZE_MAX, (cucl::ScratchShape{2, SIZE_MAX / 2, 4}.totalBytes()));
  EXPECT_EQ(SIZE_MAX, (cucl::ScratchShape{SIZE_MAX / 1024, 1024, 1024}.totalBytes()));
}

TEST(ScratchShape, SlotsFollowTheBlocksThatRunAtOnce) {
  cucl::Device &device = currentDevice();
  EXPECT_EQ(4u, cucl::scratchShapeFor(device, 100, 4, 256, 1024, false).slots);
  EXPECT_EQ(3u,
            cucl::scratchShapeFor(device, 3, 4, 256, 1024, false).slots); // no more than the grid
  EXPECT_EQ(100u, cucl::scratchShapeFor(device, 100, 4, 256, 1024, true).slots); // cooperative
  // Frames that would take more than half the free memory: fewer slots, never none.
  std::size_t third = cucl::deviceMemoryFree(device) / 3;
  EXPECT_EQ(1u, cucl::scratchShapeFor(device, 100, 8, 1, third, false).slots);
}

TEST(ScratchVariant, RunsWithItsSlotWordsZeroedForEveryLaunch) {
  if (!scratchForced())
    GTEST_SKIP() << "run with CUCL_LOCAL_ARRAYS=scratch (as ctest does)";
  int *out = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&out, 64 * sizeof(int)));
  int units = 0;
  ASSERT_EQ(cudaSuccess, cudaDeviceGetAttribute(&units, cudaDevAttrMultiProcessorCount, 0));
  // An in-process CPU device runs a work-group per compute unit: twice that
  // many slots; elsewhere the occupancy calculator's answer, at most the grid.
  bool cpu = currentDevice().limits().hostMemory;
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(cudaSuccess, launch(&kWellFormed, dim3(8), dim3(8), out));
    ASSERT_EQ(cudaSuccess, launch(&kDirty, dim3(8), dim3(8), out)); // on the same stream
    std::vector<int> host(64);
    ASSERT_EQ(cudaSuccess, cudaMemcpy(host.data(), out, 64 * sizeof(int), cudaMemcpyDeviceToHost));
    for (int value : host) {
      if (cpu)
        ASSERT_EQ(std::min(8, 2 * units), value) << "run " << run;
      else
        ASSERT_TRUE(value >= 1 && value <= 8) << "run " << run << ": " << value;
    }
  }
  cudaFree(out);
}

TEST(ScratchVariant, AMalformedVariantIsABadImage) {
  if (!scratchForced())
    GTEST_SKIP() << "run with CUCL_LOCAL_ARRAYS=scratch (as ctest does)";
  int *out = nullptr;
  ASSERT_EQ(cudaSuccess, cudaMalloc(&out, 64 * sizeof(int)));
  EXPECT_EQ(cudaErrorInvalidKernelImage, launch(&kWrongArguments, dim3(1), dim3(8), out));
  EXPECT_EQ(cudaErrorInvalidKernelImage, launch(&kMissingVariant, dim3(1), dim3(8), out));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize()); // not sticky: nothing ran
  cudaGetLastError();
  cudaFree(out);
}
