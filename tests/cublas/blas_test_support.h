// Shared by the cuBLAS tests: device arrays, a handle fixture, BLAS vector
// storage (increments, negative ones walking from the far end) and error
// bounds for comparing with a host double-precision reference.
#ifndef CUCL_TESTS_CUBLAS_BLAS_TEST_SUPPORT_H
#define CUCL_TESTS_CUBLAS_BLAS_TEST_SUPPORT_H

#include <cublas_v2.h>
#include <cuda_runtime.h>

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <random>
#include <type_traits>
#include <vector>

#define CUDA_OK(call) ASSERT_EQ(cudaSuccess, (call))
#define CUBLAS_OK(call) ASSERT_EQ(CUBLAS_STATUS_SUCCESS, (call))

namespace blastest {

// A device allocation of n elements, freed at scope exit.
template <class T> class DeviceArray {
public:
  explicit DeviceArray(std::size_t n) : n_(n) {
    EXPECT_EQ(cudaSuccess, cudaMalloc(reinterpret_cast<void **>(&data_), n * sizeof(T)));
  }
  explicit DeviceArray(const std::vector<T> &host) : DeviceArray(host.size()) { upload(host); }
  ~DeviceArray() { cudaFree(data_); }
  DeviceArray(const DeviceArray &) = delete;
  DeviceArray &operator=(const DeviceArray &) = delete;

  T *get() const { return data_; }
  std::size_t size() const { return n_; }
  void upload(const std::vector<T> &host) {
    EXPECT_EQ(cudaSuccess,
              cudaMemcpy(data_, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice));
  }
  std::vector<T> download() const {
    std::vector<T> host(n_);
    EXPECT_EQ(cudaSuccess, cudaMemcpy(host.data(), data_, n_ * sizeof(T), cudaMemcpyDeviceToHost));
    return host;
  }

private:
  std::size_t n_;
  T *data_ = nullptr;
};

// A handle per test; the device is synchronized and checked at the end.
class HandleTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(CUBLAS_STATUS_SUCCESS, cublasCreate(&handle)); }
  void TearDown() override {
    EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
    EXPECT_EQ(CUBLAS_STATUS_SUCCESS, cublasDestroy(handle));
  }
  cublasHandle_t handle = nullptr;
};

// Where logical element i of an n-vector with increment inc is stored.
inline std::size_t storageIndex(int i, int n, int inc) {
  return inc >= 0 ? std::size_t(i) * std::size_t(inc) : std::size_t(n - 1 - i) * std::size_t(-inc);
}
// Elements the storage of an n-vector spans (at least one).
inline std::size_t storageLength(int n, int inc) {
  return n <= 0 ? 1 : std::size_t(n - 1) * std::size_t(std::abs(inc)) + 1;
}

// Deterministic values in [-1, 1].
template <class T> std::vector<T> randomValues(std::size_t n, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> distribution(-1.0, 1.0);
  std::vector<T> values(n);
  for (T &value : values)
    value = static_cast<T>(distribution(engine));
  return values;
}

// Storage for a logical vector; the gaps hold `filler`, so a test can check
// that a routine wrote only the elements it owns.
template <class T> std::vector<T> toStorage(const std::vector<T> &logical, int inc, T filler) {
  int n = static_cast<int>(logical.size());
  std::vector<T> storage(storageLength(n, inc), filler);
  for (int i = 0; i < n; ++i)
    storage[storageIndex(i, n, inc)] = logical[std::size_t(i)];
  return storage;
}
template <class T> std::vector<T> fromStorage(const std::vector<T> &storage, int n, int inc) {
  std::vector<T> logical(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i)
    logical[std::size_t(i)] = storage[storageIndex(i, n, inc)];
  return logical;
}

template <class T> constexpr double epsilon() {
  return std::numeric_limits<T>::epsilon();
}

// |got - want| within a bound for a sum of `terms` products whose absolute
// values add up to `magnitude` (any summation order stays inside it).
template <class T>
::testing::AssertionResult closeForSum(double got, double want, double magnitude, int terms) {
  double bound = epsilon<T>() * (terms + 4) * magnitude + std::numeric_limits<T>::min();
  if (std::fabs(got - want) <= bound)
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure()
         << "got " << got << ", want " << want << " (bound " << bound << ")";
}

template <class T> const char *precisionName() {
  return std::is_same<T, float>::value ? "float" : "double";
}

} // namespace blastest

#endif // CUCL_TESTS_CUBLAS_BLAS_TEST_SUPPORT_H
