// gemv (S and D) against a host double-precision reference: every op, odd
// shapes, lda larger than m, positive and negative increments, host and
// device pointer mode, beta == 0 with a NaN-filled y, alpha == 0 with a
// NaN-filled A.
#include "blas_calls.h"
#include "blas_test_support.h"

using namespace blastest;

namespace {

template <class T> class Gemv : public HandleTest {};
using Precisions = ::testing::Types<float, double>;
TYPED_TEST_SUITE(Gemv, Precisions);

struct Shape {
  int m, n;
};
const Shape kShapes[] = {{1, 1}, {7, 33}, {33, 7}, {1000, 7}, {7, 1000}, {33, 33}};
const cublasOperation_t kOps[] = {CUBLAS_OP_N, CUBLAS_OP_T, CUBLAS_OP_C};

// y = alpha * op(A) * x + beta * y on the logical vectors; `magnitudes`
// receives the sum of |terms| per element for the error bound.
template <class T>
std::vector<double> referenceGemv(cublasOperation_t op, int m, int n, double alpha,
                                  const std::vector<T> &a, int lda, const std::vector<T> &x,
                                  double beta, const std::vector<T> &y,
                                  std::vector<double> *magnitudes) {
  const bool transposed = op != CUBLAS_OP_N;
  const int rows = transposed ? n : m, inner = transposed ? m : n;
  std::vector<double> result(std::size_t(rows), 0.0);
  magnitudes->assign(std::size_t(rows), 0.0);
  for (int r = 0; r < rows; ++r) {
    double sum = 0, magnitude = 0;
    for (int c = 0; c < inner; ++c) {
      double element = transposed ? a[std::size_t(c) + std::size_t(r) * std::size_t(lda)]
                                  : a[std::size_t(r) + std::size_t(c) * std::size_t(lda)];
      sum += element * double(x[std::size_t(c)]);
      magnitude += std::fabs(element * double(x[std::size_t(c)]));
    }
    double previous = beta == 0 ? 0 : beta * double(y[std::size_t(r)]);
    result[std::size_t(r)] = alpha * sum + previous;
    (*magnitudes)[std::size_t(r)] = std::fabs(alpha) * magnitude + std::fabs(previous);
  }
  return result;
}

// Runs one gemv and compares every element of y; the gaps of y stay as filled.
template <class T>
void checkGemv(cublasHandle_t handle, cublasOperation_t op, int m, int n, int lda, int incx,
               int incy, T alpha, T beta, unsigned seed) {
  SCOPED_TRACE(::testing::Message()
               << precisionName<T>() << " op=" << op << " m=" << m << " n=" << n << " lda=" << lda
               << " incx=" << incx << " incy=" << incy << " alpha=" << alpha << " beta=" << beta);
  const bool transposed = op != CUBLAS_OP_N;
  const int xLength = transposed ? m : n, yLength = transposed ? n : m;
  std::vector<T> a = randomValues<T>(std::size_t(lda) * std::size_t(n), seed);
  std::vector<T> x = randomValues<T>(std::size_t(xLength), seed + 1);
  std::vector<T> y = randomValues<T>(std::size_t(yLength), seed + 2);
  const T filler = T(-321);
  DeviceArray<T> da(a), dx(toStorage(x, incx, filler)), dy(toStorage(y, incy, filler));
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            gemv(handle, op, m, n, &alpha, da.get(), lda, dx.get(), incx, &beta, dy.get(), incy));
  std::vector<double> magnitudes;
  std::vector<double> want = referenceGemv(op, m, n, alpha, a, lda, x, beta, y, &magnitudes);
  std::vector<T> storage = dy.download();
  std::vector<T> got = fromStorage(storage, yLength, incy);
  for (int i = 0; i < yLength; ++i)
    ASSERT_TRUE(closeForSum<T>(got[std::size_t(i)], want[std::size_t(i)],
                               magnitudes[std::size_t(i)], xLength + 1))
        << "element " << i;
  std::size_t untouched = 0;
  for (T value : storage)
    untouched += value == filler;
  EXPECT_EQ(storage.size() - std::size_t(yLength), untouched);
}

} // namespace

TYPED_TEST(Gemv, EveryOpAndShapeMatchesReference) {
  using T = TypeParam;
  unsigned seed = 100;
  for (cublasOperation_t op : kOps)
    for (Shape s : kShapes)
      checkGemv<T>(this->handle, op, s.m, s.n, s.m, 1, 1, T(1.5), T(-0.5), seed++);
}

TYPED_TEST(Gemv, LeadingDimensionAndIncrements) {
  using T = TypeParam;
  unsigned seed = 200;
  const int increments[][2] = {{2, 3}, {-1, 1}, {1, -2}, {-3, -2}};
  for (cublasOperation_t op : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (auto inc : increments) {
      checkGemv<T>(this->handle, op, 33, 7, 40, inc[0], inc[1], T(0.5), T(2), seed++);
      checkGemv<T>(this->handle, op, 7, 33, 9, inc[0], inc[1], T(-1), T(1), seed++);
    }
}

TYPED_TEST(Gemv, BetaZeroNeverReadsY) {
  using T = TypeParam;
  const int m = 33, n = 7;
  const T alpha = 1, beta = 0;
  std::vector<T> a = randomValues<T>(m * n, 300);
  for (cublasOperation_t op : {CUBLAS_OP_N, CUBLAS_OP_T}) {
    const int yLength = op == CUBLAS_OP_N ? m : n;
    DeviceArray<T> da(a), dx(randomValues<T>(std::size_t(op == CUBLAS_OP_N ? n : m), 302)),
        dy(std::vector<T>(std::size_t(yLength), std::numeric_limits<T>::quiet_NaN()));
    CUBLAS_OK(gemv(this->handle, op, m, n, &alpha, da.get(), m, dx.get(), 1, &beta, dy.get(), 1));
    for (T value : dy.download())
      ASSERT_FALSE(std::isnan(value)) << "op " << op;
  }
}

TYPED_TEST(Gemv, AlphaZeroScalesYWithoutReadingA) {
  using T = TypeParam;
  const int m = 7, n = 33;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  DeviceArray<T> da(std::vector<T>(std::size_t(m * n), nan)), dx(std::vector<T>(n, nan));
  std::vector<T> y = randomValues<T>(m, 400);
  DeviceArray<T> dy(y);
  const T alpha = 0, beta = 2;
  CUBLAS_OK(
      gemv(this->handle, CUBLAS_OP_N, m, n, &alpha, da.get(), m, dx.get(), 1, &beta, dy.get(), 1));
  std::vector<T> got = dy.download();
  for (int i = 0; i < m; ++i)
    EXPECT_EQ(T(2 * y[std::size_t(i)]), got[std::size_t(i)]);
  // alpha == 0 and beta == 0: y becomes 0 even where it was NaN.
  const T zero = 0;
  dy.upload(std::vector<T>(std::size_t(m), nan));
  CUBLAS_OK(
      gemv(this->handle, CUBLAS_OP_N, m, n, &zero, da.get(), m, dx.get(), 1, &zero, dy.get(), 1));
  EXPECT_EQ(std::vector<T>(std::size_t(m), T(0)), dy.download());
}

TYPED_TEST(Gemv, DevicePointerModeReadsAlphaAndBetaWhenItRuns) {
  using T = TypeParam;
  const int m = 33, n = 7;
  std::vector<T> a = randomValues<T>(m * n, 500), x = randomValues<T>(n, 501),
                 y = randomValues<T>(m, 502);
  DeviceArray<T> da(a), dx(x), dy(y), scalars(std::vector<T>{T(2), T(0)});
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  // alpha = 2, beta = 0 from device memory: y is overwritten, not read.
  CUBLAS_OK(gemv(this->handle, CUBLAS_OP_N, m, n, scalars.get(), da.get(), m, dx.get(), 1,
                 scalars.get() + 1, dy.get(), 1));
  std::vector<double> magnitudes;
  std::vector<double> want = referenceGemv(CUBLAS_OP_N, m, n, 2.0, a, m, x, 0.0, y, &magnitudes);
  std::vector<T> got = dy.download();
  for (int i = 0; i < m; ++i)
    EXPECT_TRUE(closeForSum<T>(got[std::size_t(i)], want[std::size_t(i)],
                               magnitudes[std::size_t(i)], n + 1));
}

TYPED_TEST(Gemv, EmptyShapesReturnAtOnce) {
  using T = TypeParam;
  const T one = 1;
  DeviceArray<T> dy(std::vector<T>{T(7)});
  CUBLAS_OK(gemv(this->handle, CUBLAS_OP_N, 0, 5, &one, static_cast<const T *>(nullptr), 1,
                 static_cast<const T *>(nullptr), 1, &one, dy.get(), 1));
  CUBLAS_OK(gemv(this->handle, CUBLAS_OP_T, 5, 0, &one, static_cast<const T *>(nullptr), 5,
                 static_cast<const T *>(nullptr), 1, &one, dy.get(), 1));
  EXPECT_EQ(T(7), dy.download()[0]);
}
