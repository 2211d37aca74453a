// The runtime side of warp-level code (include/cucl/module_abi.h): lane-mode
// launch geometry, the kernel status record raising a sticky error,
// cooperative launches and their limits, with hand-written OpenCL C kernels
// registered as the translator registers lane-mode kernels.
#include "test_kernels.h"

namespace {

const char kWarpSource[] = R"CL(
#define DEVICE_PTR(T, name) __global T *name = (__global T *)((__global char *)name##__base + name##__off)

/* One work-item per warp: each records the work-group it ran in and the
 * block shape it was given. */
__kernel void lane_shape(__global uint *out__base, ulong out__off, uint bdx, uint bdy, uint bdz,
                         __global uint *status, uint launch) {
  DEVICE_PTR(uint, out);
  uint warp = (uint)get_local_id(0);
  __global uint *o = out + ((uint)get_group_id(0) * (uint)get_local_size(0) + warp) * 5u;
  o[0] = (uint)get_local_size(0);
  o[1] = bdx;
  o[2] = bdy;
  o[3] = bdz;
  o[4] = warp;
}

/* Breaks a warp rule in block 1, thread 37, as lane-mode code records it. */
__kernel void break_rule(uint error, uint bdx, uint bdy, uint bdz, __global uint *status,
                         uint launch) {
  if (get_group_id(0) != 1 || get_local_id(0) != 1)
    return;
  if (atomic_cmpxchg(&status[0], 0u, error) != 0u)
    return;
  status[1] = launch;
  status[2] = 1u | (4u << 8); /* the calling lane not in the mask, __shfl_xor_sync */
  status[3] = 1u;
  status[4] = 0u;
  status[5] = 0u;
  status[6] = 37u;
  status[7] = 0xffffu;
}

/* Records the cooperative block count it was given (0: not cooperative). */
__kernel void grid_blocks(__global uint *out__base, ulong out__off, uint bdx, uint bdy, uint bdz,
                          __global uint *status, uint launch, __global uint *grid, uint blocks) {
  DEVICE_PTR(uint, out);
  if (get_local_id(0) == 0)
    out[get_group_id(0)] = blocks + 1000u * (grid[0] + grid[1]);
}
)CL";

const char laneShape = 0, breakRule = 0, gridBlocks = 0;

void registerWarpKernels() {
  static bool done = [] {
    void **module = test_kernels::registerModuleSource("warp_kernels.cl", kWarpSource);
    const unsigned lanes = CUCL_KERNEL_WARP_LANES | CUCL_KERNEL_STATUS;
    __cuclRegisterKernel(module, &laneShape, "lane_shape", 1, &test_kernels::kPtr, lanes);
    __cuclRegisterKernel(module, &breakRule, "break_rule", 1, &test_kernels::kInt, lanes);
    __cuclRegisterKernel(module, &gridBlocks, "grid_blocks", 1, &test_kernels::kPtr,
                         lanes | CUCL_KERNEL_GRID_SYNC);
    return true;
  }();
  (void)done;
}

class WarpLaunch : public ::testing::Test {
protected:
  void SetUp() override { registerWarpKernels(); }
};

// The work-group of a lane-mode block is one work-item per (partial) warp,
// and the kernel receives the CUDA block shape.
TEST_F(WarpLaunch, OneWorkItemPerWarpWithTheBlockShape) {
  struct Case {
    dim3 block;
    unsigned warps;
  };
  for (Case c : {Case{dim3(32), 1}, Case{dim3(33), 2}, Case{dim3(100), 4}, Case{dim3(16, 8), 4},
                 Case{dim3(3, 5, 7), 4}}) {
    const unsigned grid = 3;
    std::vector<unsigned> out(grid * c.warps * 5, 0xdeadu);
    unsigned *d = nullptr;
    CUDA_OK(cudaMalloc(&d, out.size() * sizeof(unsigned)));
    void *args[] = {&d};
    CUDA_OK(cudaLaunchKernel(&laneShape, dim3(grid), c.block, args, 0, nullptr));
    CUDA_OK(cudaMemcpy(out.data(), d, out.size() * sizeof(unsigned), cudaMemcpyDeviceToHost));
    for (unsigned i = 0; i < grid * c.warps; ++i) {
      EXPECT_EQ(c.warps, out[i * 5 + 0]);
      EXPECT_EQ(c.block.x, out[i * 5 + 1]);
      EXPECT_EQ(c.block.y, out[i * 5 + 2]);
      EXPECT_EQ(c.block.z, out[i * 5 + 3]);
      EXPECT_EQ(i % c.warps, out[i * 5 + 4]);
    }
    CUDA_OK(cudaFree(d));
  }
}

// A broken rule recorded by a kernel is the device's sticky error from the
// next call that waits for the kernel; the launch itself succeeds.
TEST_F(WarpLaunch, RecordedRuleIsAStickyError) {
  unsigned error = cudaErrorIllegalInstruction;
  void *args[] = {&error};
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  CUDA_OK(cudaLaunchKernel(&breakRule, dim3(2), dim3(64), args, 0, stream));
  EXPECT_EQ(cudaErrorIllegalInstruction, cudaStreamSynchronize(stream));
  EXPECT_EQ(cudaErrorIllegalInstruction, cudaGetLastError());
  EXPECT_EQ(cudaErrorIllegalInstruction, cudaGetLastError()) << "sticky: never reset";
  void *p = nullptr;
  EXPECT_EQ(cudaErrorIllegalInstruction, cudaMalloc(&p, 16));
  EXPECT_EQ(cudaErrorIllegalInstruction, cudaDeviceSynchronize());
}

// A kernel that follows the rules leaves no error behind on the same stream.
TEST_F(WarpLaunch, CleanRecordRaisesNothing) {
  unsigned error = 0; // the kernel writes 0: nothing failed
  void *args[] = {&error};
  for (int i = 0; i < 3; ++i)
    CUDA_OK(cudaLaunchKernel(&breakRule, dim3(2), dim3(64), args, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaGetLastError());
}

TEST_F(WarpLaunch, DeviceReportsCooperativeLaunch) {
  int value = 0;
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrCooperativeLaunch, 0));
  EXPECT_EQ(1, value);
  cudaDeviceProp prop{};
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(1, prop.cooperativeLaunch);
}

// A grid-synchronising kernel gets its block count only in a cooperative
// launch, always a zeroed grid barrier, and occupancy one block per unit.
TEST_F(WarpLaunch, CooperativeLaunchPassesItsBlocks) {
  int perUnit = 0;
  CUDA_OK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&perUnit, &gridBlocks, 64, 0));
  EXPECT_EQ(1, perUnit);
  cudaDeviceProp prop{};
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  const unsigned grid = static_cast<unsigned>(perUnit * prop.multiProcessorCount);
  std::vector<unsigned> out(grid, 0xdeadu);
  unsigned *d = nullptr;
  CUDA_OK(cudaMalloc(&d, grid * sizeof(unsigned)));
  void *args[] = {&d};
  CUDA_OK(cudaLaunchCooperativeKernel(&gridBlocks, dim3(grid), dim3(64), args, 0, nullptr));
  CUDA_OK(cudaMemcpy(out.data(), d, grid * sizeof(unsigned), cudaMemcpyDeviceToHost));
  for (unsigned b = 0; b < grid; ++b)
    EXPECT_EQ(grid, out[b]) << "block " << b;
  CUDA_OK(cudaLaunchKernel(&gridBlocks, dim3(grid), dim3(64), args, 0, nullptr));
  CUDA_OK(cudaMemcpy(out.data(), d, grid * sizeof(unsigned), cudaMemcpyDeviceToHost));
  for (unsigned b = 0; b < grid; ++b)
    EXPECT_EQ(0u, out[b]) << "block " << b;
  CUDA_OK(cudaFree(d));
}

TEST_F(WarpLaunch, CooperativeGridLargerThanTheDeviceIsRefused) {
  cudaDeviceProp prop{};
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  unsigned *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 4096 * sizeof(unsigned)));
  void *args[] = {&d};
  dim3 tooMany(static_cast<unsigned>(prop.multiProcessorCount) + 1);
  EXPECT_EQ(cudaErrorCooperativeLaunchTooLarge,
            cudaLaunchCooperativeKernel(&gridBlocks, tooMany, dim3(64), args, 0, nullptr));
  EXPECT_EQ(cudaErrorCooperativeLaunchTooLarge, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError()) << "not sticky";
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaLaunchCooperativeKernel(&test_kernels::notRegistered, dim3(1), dim3(32), args, 0,
                                        nullptr));
  EXPECT_EQ(cudaErrorInvalidConfiguration,
            cudaLaunchCooperativeKernel(&gridBlocks, dim3(0), dim3(64), args, 0, nullptr));
  CUDA_OK(cudaFree(d));
}

// cudaLaunchKernelExC: the cooperative attribute makes a cooperative launch
// (with its limit); hints are accepted; what OpenCL cannot honour is refused.
TEST_F(WarpLaunch, LaunchKernelExCooperativeAttribute) {
  cudaDeviceProp prop{};
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  const unsigned grid = static_cast<unsigned>(prop.multiProcessorCount);
  std::vector<unsigned> out(grid + 1, 0xdeadu);
  unsigned *d = nullptr;
  CUDA_OK(cudaMalloc(&d, out.size() * sizeof(unsigned)));
  void *args[] = {&d};
  cudaLaunchAttribute attributes[2] = {};
  attributes[0].id = cudaLaunchAttributePriority;
  attributes[0].val.priority = 0;
  attributes[1].id = cudaLaunchAttributeCooperative;
  attributes[1].val.cooperative = 1;
  cudaLaunchConfig_t config = {};
  config.gridDim = dim3(grid);
  config.blockDim = dim3(64);
  config.attrs = attributes;
  config.numAttrs = 2;
  CUDA_OK(cudaLaunchKernelExC(&config, &gridBlocks, args));
  CUDA_OK(cudaMemcpy(out.data(), d, grid * sizeof(unsigned), cudaMemcpyDeviceToHost));
  for (unsigned b = 0; b < grid; ++b)
    EXPECT_EQ(grid, out[b]) << "block " << b;

  config.gridDim = dim3(grid + 1);
  EXPECT_EQ(cudaErrorCooperativeLaunchTooLarge, cudaLaunchKernelExC(&config, &gridBlocks, args));
  attributes[1].val.cooperative = 0; // an ordinary launch: any grid
  CUDA_OK(cudaLaunchKernelExC(&config, &gridBlocks, args));
  CUDA_OK(cudaMemcpy(out.data(), d, out.size() * sizeof(unsigned), cudaMemcpyDeviceToHost));
  EXPECT_EQ(0u, out[grid]);

  attributes[0].id = cudaLaunchAttributeClusterDimension;
  attributes[0].val.clusterDim = {2, 1, 1};
  EXPECT_EQ(cudaErrorNotSupported, cudaLaunchKernelExC(&config, &gridBlocks, args));
  attributes[0].id = static_cast<cudaLaunchAttributeID>(99);
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernelExC(&config, &gridBlocks, args));
  config.attrs = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernelExC(&config, &gridBlocks, args));
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernelExC(nullptr, &gridBlocks, args));
  CUDA_OK(cudaFree(d));
}

} // namespace
