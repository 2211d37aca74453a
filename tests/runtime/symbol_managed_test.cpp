// Device symbols and managed memory are not supported yet: the calls exist
// with CUDA's signatures and fail with the documented codes
// (cudaErrorInvalidSymbol, cudaErrorNotSupported), recorded as last error.
#include "test_kernels.h"

namespace {

// Stands in for a __constant__ / __device__ variable in a host program.
float coefficients[4];
int counter;

class Unsupported : public ::testing::Test {
protected:
  void SetUp() override { cudaGetLastError(); }
};

} // namespace

TEST_F(Unsupported, SymbolCopiesReturnInvalidSymbol) {
  const float host[4] = {1, 2, 3, 4};
  float back[4] = {0, 0, 0, 0};
  // C++ templates taking the variable itself, with CUDA's default arguments.
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyToSymbol(coefficients, host, sizeof(host)));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyToSymbol(counter, host, sizeof(int), 0));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyFromSymbol(back, coefficients, sizeof(back)));
  EXPECT_EQ(cudaErrorInvalidSymbol,
            cudaMemcpyToSymbolAsync(coefficients, host, sizeof(host), 0, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyFromSymbolAsync(back, coefficients, sizeof(back)));
  // The C API taking the variable's address.
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaMemcpyToSymbol(static_cast<const void *>(&counter), host,
                                                       sizeof(int), 0, cudaMemcpyHostToDevice));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
  EXPECT_EQ(0.0f, back[0]); // nothing was copied
}

TEST_F(Unsupported, SymbolQueriesReturnInvalidSymbolOrInvalidValue) {
  void *address = reinterpret_cast<void *>(1);
  size_t size = 7;
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetSymbolAddress(&address, coefficients));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetSymbolSize(&size, counter));
  EXPECT_EQ(cudaErrorInvalidSymbol, cudaGetLastError());
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSymbolAddress(nullptr, coefficients));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetSymbolSize(nullptr, counter));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  EXPECT_EQ(7u, size);
}

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
