// A handle belongs to the device current at cublasCreate: its routines run
// there whatever the current device is later, and memory of another device
// is refused. Runs with two devices (PoCL shows two CPU devices under
// POCL_DEVICES="pthread pthread"); skipped with fewer.
#include "blas_test_support.h"

using namespace blastest;

namespace {
class TwoDevices : public ::testing::Test {
protected:
  void SetUp() override {
    int count = 0;
    ASSERT_EQ(cudaSuccess, cudaGetDeviceCount(&count));
    if (count < 2)
      GTEST_SKIP() << "needs two devices";
  }
  void TearDown() override { cudaSetDevice(0); }
};
} // namespace

TEST_F(TwoDevices, HandleStaysOnItsDevice) {
  CUDA_OK(cudaSetDevice(1));
  cublasHandle_t handle = nullptr;
  CUBLAS_OK(cublasCreate(&handle));
  DeviceArray<float> onOne(std::vector<float>{1, -2, 3});
  CUDA_OK(cudaSetDevice(0));
  DeviceArray<float> onZero(std::vector<float>{1, -2, 3});
  float sum = 0;
  // Current device 0, handle and memory on device 1: runs on device 1.
  CUBLAS_OK(cublasSasum(handle, 3, onOne.get(), 1, &sum));
  EXPECT_EQ(6.0f, sum);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, cublasSasum(handle, 3, onZero.get(), 1, &sum));
  const float two = 2;
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            cublasSaxpy(handle, 3, &two, onOne.get(), 1, onZero.get(), 1));
  CUBLAS_OK(cublasDestroy(handle));
}
