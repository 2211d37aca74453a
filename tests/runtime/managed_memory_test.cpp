// Managed memory is not supported yet: cudaMallocManaged exists with CUDA's
// signature and fails with cudaErrorNotSupported after CUDA's argument checks.
#include "test_kernels.h"

namespace {

class Unsupported : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
};

} // namespace

TEST_F(Unsupported, MallocManagedReturnsNotSupported) {
  int *p = reinterpret_cast<int *>(1);
  EXPECT_EQ(cudaErrorNotSupported, cudaMallocManaged(&p, 64 * sizeof(int)));
  EXPECT_EQ(nullptr, p);
  EXPECT_EQ(cudaErrorNotSupported, cudaGetLastError());
  void *q = nullptr;
  EXPECT_EQ(cudaErrorNotSupported, cudaMallocManaged(&q, 16, cudaMemAttachHost));
  // CUDA's argument checks come first.
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 16, cudaMemAttachSingle));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(&q, 16, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaMallocManaged(static_cast<void **>(nullptr), 16));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
}

TEST_F(Unsupported, DeviceReportsNoManagedMemory) {
  cudaDeviceProp prop;
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  EXPECT_EQ(0, prop.managedMemory);
  int value = -1;
  CUDA_OK(cudaDeviceGetAttribute(&value, cudaDevAttrManagedMemory, 0));
  EXPECT_EQ(0, value);
}
