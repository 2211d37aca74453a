// Kernel attributes, settings and the occupancy calculator.
#include "test_kernels.h"

namespace {

using namespace test_kernels;

class Function : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

} // namespace

TEST_F(Function, GetAttributes) {
  cudaFuncAttributes attributes;
  CUDA_OK(cudaFuncGetAttributes(&attributes, &reverseBlock));
  EXPECT_GT(attributes.maxThreadsPerBlock, 0);
  EXPECT_GT(attributes.maxDynamicSharedSizeBytes, 0);
  EXPECT_EQ(cudaErrorInvalidDeviceFunction, cudaFuncGetAttributes(&attributes, &notRegistered));
  EXPECT_EQ(cudaErrorInvalidPtx, cudaFuncGetAttributes(&attributes, &brokenKernel));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFuncGetAttributes(nullptr, &addOne));
  cudaGetLastError();
}

TEST_F(Function, SetAttributeAndCacheConfig) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  CUDA_OK(cudaFuncSetAttribute(&reverseBlock, cudaFuncAttributeMaxDynamicSharedMemorySize,
                               static_cast<int>(prop.sharedMemPerBlock)));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaFuncSetAttribute(&reverseBlock, cudaFuncAttributeMaxDynamicSharedMemorySize,
                                 static_cast<int>(prop.sharedMemPerBlock) + 1));
  CUDA_OK(cudaFuncSetAttribute(&reverseBlock, cudaFuncAttributePreferredSharedMemoryCarveout, 50));
  EXPECT_EQ(
      cudaErrorInvalidValue,
      cudaFuncSetAttribute(&reverseBlock, cudaFuncAttributePreferredSharedMemoryCarveout, 101));
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaFuncSetAttribute(&notRegistered, cudaFuncAttributeMaxDynamicSharedMemorySize, 0));
  CUDA_OK(cudaFuncSetCacheConfig(&addOne, cudaFuncCachePreferL1));
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaFuncSetCacheConfig(&notRegistered, cudaFuncCachePreferL1));
  cudaGetLastError();
}

TEST_F(Function, OccupancyFollowsThreadAndSharedMemoryLimits) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  int blocks = -1;
  CUDA_OK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &addOne, 1, 0));
  EXPECT_EQ(prop.maxBlocksPerMultiProcessor, blocks);
  CUDA_OK(
      cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &addOne, prop.maxThreadsPerBlock, 0));
  EXPECT_EQ(1, blocks);
  CUDA_OK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &addOne,
                                                        prop.maxThreadsPerBlock + 1, 0));
  EXPECT_EQ(0, blocks);
  CUDA_OK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &reverseBlock, 1,
                                                        prop.sharedMemPerBlock / 2));
  EXPECT_EQ(2, blocks);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaOccupancyMaxActiveBlocksPerMultiprocessor(nullptr, &addOne, 32, 0));
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &addOne, 0, 0));
  EXPECT_EQ(cudaErrorInvalidDeviceFunction,
            cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, &notRegistered, 32, 0));
  int minGrid = 0, blockSize = 0;
  CUDA_OK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &blockSize, &addOne));
  EXPECT_GT(blockSize, 0);
  EXPECT_LE(blockSize, prop.maxThreadsPerBlock);
  EXPECT_GE(minGrid, prop.multiProcessorCount);
  CUDA_OK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &blockSize, &addOne, 0, 64));
  EXPECT_LE(blockSize, 64);
  cudaGetLastError();
}

TEST_F(Function, NameAndAvailableDynamicSharedMemory) {
  const char *name = nullptr;
  CUDA_OK(cudaFuncGetName(&name, &addOne));
  EXPECT_STREQ("add_one", name);
  EXPECT_EQ(cudaErrorInvalidDeviceFunction, cudaFuncGetName(&name, &notRegistered));
  EXPECT_EQ(cudaErrorInvalidValue, cudaFuncGetName(nullptr, &addOne));
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  size_t available = 0;
  CUDA_OK(cudaOccupancyAvailableDynamicSMemPerBlock(&available, &reverseBlock, 1, 64));
  EXPECT_LE(available, prop.sharedMemPerBlock);
  EXPECT_GT(available, 0u);
  size_t forTwo = 0;
  CUDA_OK(cudaOccupancyAvailableDynamicSMemPerBlock(&forTwo, &reverseBlock, 2, 64));
  EXPECT_LE(forTwo, available / 2 + 1);
  // Blocks that cannot all fit one unit get nothing.
  CUDA_OK(cudaOccupancyAvailableDynamicSMemPerBlock(&forTwo, &reverseBlock, 100000, 64));
  EXPECT_EQ(0u, forTwo);
  EXPECT_EQ(cudaErrorInvalidValue,
            cudaOccupancyAvailableDynamicSMemPerBlock(&available, &reverseBlock, 0, 64));
  cudaGetLastError();
}
