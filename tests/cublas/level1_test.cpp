// Level 1 (axpy, scal, dot, nrm2, asum, iamax; S and D) against a host
// double-precision reference: odd sizes, positive and negative increments,
// host and device pointer mode, quick returns, and the values reference BLAS
// is careful with (huge/tiny norms, NaN in iamax, alpha == 0 in axpy).
#include "blas_calls.h"
#include "blas_test_support.h"

#include <algorithm>

using namespace blastest;

namespace {

const int kSizes[] = {1, 7, 33, 1000};
struct Increments {
  int x, y;
};
const Increments kIncrementPairs[] = {{1, 1}, {2, 3}, {-1, 1}, {1, -2}, {-3, -2}};
const int kPositiveIncrements[] = {1, 3};

template <class T> class Level1 : public HandleTest {};
using Precisions = ::testing::Types<float, double>;
TYPED_TEST_SUITE(Level1, Precisions);

// Reference dot over the logical vectors, and the sum of |terms|.
template <class T>
void referenceDot(const std::vector<T> &x, const std::vector<T> &y, double *dot,
                  double *magnitude) {
  *dot = 0;
  *magnitude = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    *dot += double(x[i]) * double(y[i]);
    *magnitude += std::fabs(double(x[i]) * double(y[i]));
  }
}

template <class T> double referenceNorm(const std::vector<T> &x) {
  long double sum = 0;
  for (T value : x)
    sum += static_cast<long double>(value) * static_cast<long double>(value);
  return static_cast<double>(std::sqrt(sum));
}

// A scalar in device memory, for device pointer mode.
template <class T> struct DeviceScalar {
  explicit DeviceScalar(T value) : array(std::vector<T>{value}) {}
  T read() const { return array.download()[0]; }
  DeviceArray<T> array;
};

} // namespace

TYPED_TEST(Level1, AxpyMatchesReferenceForSizesAndIncrements) {
  using T = TypeParam;
  const T alpha = T(0.75);
  const T filler = T(-77);
  for (int n : kSizes) {
    for (Increments inc : kIncrementPairs) {
      SCOPED_TRACE(::testing::Message()
                   << precisionName<T>() << " n=" << n << " incx=" << inc.x << " incy=" << inc.y);
      std::vector<T> x = randomValues<T>(std::size_t(n), 1), y = randomValues<T>(std::size_t(n), 2);
      DeviceArray<T> dx(toStorage(x, inc.x, filler)), dy(toStorage(y, inc.y, filler));
      CUBLAS_OK(axpy(this->handle, n, &alpha, dx.get(), inc.x, dy.get(), inc.y));
      std::vector<T> storage = dy.download();
      std::vector<T> got = fromStorage(storage, n, inc.y);
      for (int i = 0; i < n; ++i) {
        double want = double(alpha) * double(x[std::size_t(i)]) + double(y[std::size_t(i)]);
        ASSERT_TRUE(closeForSum<T>(got[std::size_t(i)], want, 2.0, 2)) << "i=" << i;
      }
      // The gaps between elements are untouched.
      std::size_t written = 0;
      for (T value : storage)
        written += value != filler;
      EXPECT_EQ(std::size_t(n), written);
    }
  }
}

TYPED_TEST(Level1, AxpyDevicePointerModeReadsAlphaWhenItRuns) {
  using T = TypeParam;
  const int n = 33;
  std::vector<T> x = randomValues<T>(n, 3), y = randomValues<T>(n, 4);
  DeviceArray<T> dx(x), dy(y);
  DeviceScalar<T> alpha(T(-2));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(axpy(this->handle, n, alpha.array.get(), dx.get(), 1, dy.get(), 1));
  std::vector<T> got = dy.download();
  for (int i = 0; i < n; ++i)
    EXPECT_TRUE(
        closeForSum<T>(got[std::size_t(i)], -2.0 * x[std::size_t(i)] + y[std::size_t(i)], 3.0, 2));
}

TYPED_TEST(Level1, AxpyWithZeroAlphaLeavesYAloneEvenWithNaNInX) {
  using T = TypeParam;
  const int n = 7;
  std::vector<T> x(n, std::numeric_limits<T>::quiet_NaN()), y = randomValues<T>(n, 5);
  DeviceArray<T> dx(x), dy(y);
  const T zero = 0;
  CUBLAS_OK(axpy(this->handle, n, &zero, dx.get(), 1, dy.get(), 1));
  EXPECT_EQ(y, dy.download());
  DeviceScalar<T> deviceZero(T(0));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(axpy(this->handle, n, deviceZero.array.get(), dx.get(), 1, dy.get(), 1));
  EXPECT_EQ(y, dy.download());
}

TYPED_TEST(Level1, AxpyWithZeroIncrementsAccumulatesAndBroadcasts) {
  using T = TypeParam;
  const int n = 100;
  const T alpha = 1;
  std::vector<T> x = randomValues<T>(n, 6);
  DeviceArray<T> dx(x), dy(std::vector<T>{T(0.5)});
  // incy == 0: every term lands in y[0], in order.
  CUBLAS_OK(axpy(this->handle, n, &alpha, dx.get(), 1, dy.get(), 0));
  double want = 0.5, magnitude = 0.5;
  for (T value : x) {
    want += value;
    magnitude += std::fabs(double(value));
  }
  EXPECT_TRUE(closeForSum<T>(dy.download()[0], want, magnitude, n));
  // incx == 0: x[0] added to every y.
  DeviceArray<T> single(std::vector<T>{T(2)}), dz(std::vector<T>(n, T(1)));
  CUBLAS_OK(axpy(this->handle, n, &alpha, single.get(), 0, dz.get(), 1));
  EXPECT_EQ(std::vector<T>(n, T(3)), dz.download());
}

TYPED_TEST(Level1, AxpyWithNoElementsDoesNothing) {
  using T = TypeParam;
  DeviceArray<T> dy(std::vector<T>{T(4)});
  const T alpha = 1;
  CUBLAS_OK(axpy(this->handle, 0, &alpha, static_cast<const T *>(nullptr), 1, dy.get(), 1));
  CUBLAS_OK(axpy(this->handle, -3, &alpha, static_cast<const T *>(nullptr), 1, dy.get(), 1));
  EXPECT_EQ(T(4), dy.download()[0]);
}

TYPED_TEST(Level1, ScalMatchesReferenceAndSkipsGaps) {
  using T = TypeParam;
  const T alpha = T(-1.5), filler = T(9);
  for (int n : kSizes) {
    for (int inc : kPositiveIncrements) {
      SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << n << " inc=" << inc);
      std::vector<T> x = randomValues<T>(std::size_t(n), 7);
      DeviceArray<T> dx(toStorage(x, inc, filler));
      CUBLAS_OK(scal(this->handle, n, &alpha, dx.get(), inc));
      std::vector<T> storage = dx.download();
      std::vector<T> got = fromStorage(storage, n, inc);
      for (int i = 0; i < n; ++i)
        ASSERT_EQ(T(alpha * x[std::size_t(i)]), got[std::size_t(i)]) << "i=" << i;
      EXPECT_EQ(std::size_t(n), std::size_t(std::count_if(storage.begin(), storage.end(),
                                                          [&](T v) { return v != filler; })));
    }
  }
}

TYPED_TEST(Level1, ScalDevicePointerModeAndQuickReturns) {
  using T = TypeParam;
  std::vector<T> x = {1, 2, 3};
  DeviceArray<T> dx(x);
  const T two = 2;
  // incx <= 0 and n <= 0 leave x alone (reference BLAS).
  CUBLAS_OK(scal(this->handle, 3, &two, dx.get(), 0));
  CUBLAS_OK(scal(this->handle, 3, &two, dx.get(), -1));
  CUBLAS_OK(scal(this->handle, 0, &two, dx.get(), 1));
  EXPECT_EQ(x, dx.download());
  DeviceScalar<T> alpha(T(-3));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(scal(this->handle, 3, alpha.array.get(), dx.get(), 1));
  EXPECT_EQ((std::vector<T>{-3, -6, -9}), dx.download());
}

TYPED_TEST(Level1, DotMatchesReferenceForSizesAndIncrements) {
  using T = TypeParam;
  for (int n : kSizes) {
    for (Increments inc : kIncrementPairs) {
      SCOPED_TRACE(::testing::Message()
                   << precisionName<T>() << " n=" << n << " incx=" << inc.x << " incy=" << inc.y);
      std::vector<T> x = randomValues<T>(std::size_t(n), 8), y = randomValues<T>(std::size_t(n), 9);
      DeviceArray<T> dx(toStorage(x, inc.x, T(0))), dy(toStorage(y, inc.y, T(0)));
      T result = T(123);
      CUBLAS_OK(dot(this->handle, n, dx.get(), inc.x, dy.get(), inc.y, &result));
      double want = 0, magnitude = 0;
      referenceDot(x, y, &want, &magnitude);
      EXPECT_TRUE(closeForSum<T>(result, want, magnitude, n));
    }
  }
}

TYPED_TEST(Level1, DotDevicePointerModeWritesDeviceResult) {
  using T = TypeParam;
  const int n = 1000;
  std::vector<T> x = randomValues<T>(n, 10), y = randomValues<T>(n, 11);
  DeviceArray<T> dx(x), dy(y);
  DeviceScalar<T> result(T(-1));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(dot(this->handle, n, dx.get(), 1, dy.get(), 1, result.array.get()));
  double want = 0, magnitude = 0;
  referenceDot(x, y, &want, &magnitude);
  EXPECT_TRUE(closeForSum<T>(result.read(), want, magnitude, n));
}

TYPED_TEST(Level1, ReductionsOfNoElementsReportZeroInBothPointerModes) {
  using T = TypeParam;
  DeviceArray<T> dx(std::vector<T>{1, 2});
  T value = T(5);
  int index = 5;
  CUBLAS_OK(dot(this->handle, 0, dx.get(), 1, dx.get(), 1, &value));
  EXPECT_EQ(T(0), value);
  value = T(5);
  CUBLAS_OK(nrm2(this->handle, 2, dx.get(), 0, &value)); // incx <= 0
  EXPECT_EQ(T(0), value);
  value = T(5);
  CUBLAS_OK(asum(this->handle, -1, dx.get(), 1, &value));
  EXPECT_EQ(T(0), value);
  CUBLAS_OK(iamax(this->handle, 2, dx.get(), -1, &index));
  EXPECT_EQ(0, index);

  DeviceScalar<T> deviceValue(T(5));
  DeviceArray<int> deviceIndex(std::vector<int>{5});
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(nrm2(this->handle, 0, dx.get(), 1, deviceValue.array.get()));
  EXPECT_EQ(T(0), deviceValue.read());
  CUBLAS_OK(iamax(this->handle, 0, dx.get(), 1, deviceIndex.get()));
  EXPECT_EQ(0, deviceIndex.download()[0]);
}

TYPED_TEST(Level1, Nrm2MatchesReference) {
  using T = TypeParam;
  for (int n : kSizes) {
    for (int inc : kPositiveIncrements) {
      SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << n << " inc=" << inc);
      std::vector<T> x = randomValues<T>(std::size_t(n), 12);
      DeviceArray<T> dx(toStorage(x, inc, T(1000)));
      T result = 0;
      CUBLAS_OK(nrm2(this->handle, n, dx.get(), inc, &result));
      double want = referenceNorm(x);
      EXPECT_NEAR(want, result, want * epsilon<T>() * (n + 4));
    }
  }
}

TYPED_TEST(Level1, Nrm2NeitherOverflowsNorUnderflows) {
  using T = TypeParam;
  const int n = 1000;
  // Squares of these overflow (or underflow to zero) in T.
  const T huge = std::is_same<T, float>::value ? T(1e30) : T(1e300);
  const T tiny = std::is_same<T, float>::value ? T(1e-30) : T(1e-300);
  for (T scale : {huge, tiny}) {
    std::vector<T> x(n, scale);
    x[3] = -scale * 2;
    DeviceArray<T> dx(x);
    T result = 0;
    CUBLAS_OK(nrm2(this->handle, n, dx.get(), 1, &result));
    double want = double(scale) * std::sqrt(double(n - 1) + 4.0);
    EXPECT_NEAR(want, double(result), want * epsilon<T>() * 64) << "scale " << scale;
  }
}

TYPED_TEST(Level1, Nrm2PropagatesInfAndNaN) {
  using T = TypeParam;
  std::vector<T> x = randomValues<T>(100, 13);
  x[50] = std::numeric_limits<T>::infinity();
  DeviceArray<T> dx(x);
  T result = 0;
  CUBLAS_OK(nrm2(this->handle, 100, dx.get(), 1, &result));
  EXPECT_EQ(std::numeric_limits<T>::infinity(), result);
  x[70] = std::numeric_limits<T>::quiet_NaN();
  dx.upload(x);
  CUBLAS_OK(nrm2(this->handle, 100, dx.get(), 1, &result));
  EXPECT_TRUE(std::isnan(result));
}

TYPED_TEST(Level1, Nrm2DevicePointerMode) {
  using T = TypeParam;
  DeviceArray<T> dx(std::vector<T>{3, 4});
  DeviceScalar<T> result(T(0));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(nrm2(this->handle, 2, dx.get(), 1, result.array.get()));
  EXPECT_EQ(T(5), result.read());
}

TYPED_TEST(Level1, AsumMatchesReference) {
  using T = TypeParam;
  for (int n : kSizes) {
    for (int inc : kPositiveIncrements) {
      SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << n << " inc=" << inc);
      std::vector<T> x = randomValues<T>(std::size_t(n), 14);
      DeviceArray<T> dx(toStorage(x, inc, T(-50)));
      T result = 0;
      CUBLAS_OK(asum(this->handle, n, dx.get(), inc, &result));
      double want = 0;
      for (T value : x)
        want += std::fabs(double(value));
      EXPECT_TRUE(closeForSum<T>(result, want, want, n));
    }
  }
  DeviceArray<T> dx(std::vector<T>{-1, 2, -3});
  DeviceScalar<T> result(T(0));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(asum(this->handle, 3, dx.get(), 1, result.array.get()));
  EXPECT_EQ(T(6), result.read());
}

TYPED_TEST(Level1, IamaxFindsTheFirstLargestMagnitude) {
  using T = TypeParam;
  for (int n : kSizes) {
    for (int inc : kPositiveIncrements) {
      SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << n << " inc=" << inc);
      std::vector<T> x = randomValues<T>(std::size_t(n), 15);
      // A tie later in the vector must not win; the gaps are larger still.
      std::size_t peak = std::size_t(n) / 2;
      x[peak] = T(-4);
      if (n > 2)
        x[std::size_t(n) - 1] = T(4);
      DeviceArray<T> dx(toStorage(x, inc, T(100)));
      int result = -1;
      CUBLAS_OK(iamax(this->handle, n, dx.get(), inc, &result));
      EXPECT_EQ(int(peak) + 1, result);
    }
  }
}

TYPED_TEST(Level1, IamaxTreatsNaNAsReferenceBlasDoes) {
  using T = TypeParam;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  int result = 0;
  // A NaN after the first element never wins ...
  DeviceArray<T> middle(std::vector<T>{1, nan, 3, -2});
  CUBLAS_OK(iamax(this->handle, 4, middle.get(), 1, &result));
  EXPECT_EQ(3, result);
  // ... a NaN in the first element always does (nothing compares greater).
  std::vector<T> first = randomValues<T>(1000, 16);
  first[0] = nan;
  first[500] = std::numeric_limits<T>::infinity();
  DeviceArray<T> leading(first);
  CUBLAS_OK(iamax(this->handle, 1000, leading.get(), 1, &result));
  EXPECT_EQ(1, result);
}

TYPED_TEST(Level1, IamaxDevicePointerMode) {
  using T = TypeParam;
  std::vector<T> x = randomValues<T>(1000, 17);
  x[777] = T(-9);
  DeviceArray<T> dx(x);
  DeviceArray<int> result(std::vector<int>{0});
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(iamax(this->handle, 1000, dx.get(), 1, result.get()));
  EXPECT_EQ(778, result.download()[0]);
}

TYPED_TEST(Level1, RoutinesAcceptInteriorDevicePointers) {
  using T = TypeParam;
  std::vector<T> data = randomValues<T>(64, 18);
  DeviceArray<T> dx(data);
  T result = 0;
  // d + k resolves to the allocation with an offset.
  CUBLAS_OK(asum(this->handle, 10, dx.get() + 17, 1, &result));
  double want = 0;
  for (int i = 17; i < 27; ++i)
    want += std::fabs(double(data[std::size_t(i)]));
  EXPECT_TRUE(closeForSum<T>(result, want, want, 10));
}
