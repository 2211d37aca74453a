// symv, trmv and trsv (S and D) against OpenBLAS run in double precision:
// every uplo x trans x diag, sizes around the kernels' 32-wide tiles,
// increments 1, 2, -1, -3, lda above n. The triangle that is not named, the
// padding below each column and (with CUBLAS_DIAG_UNIT) the diagonal hold
// NaN, so reading any of them shows; the gaps between vector elements hold
// a filler that must survive. Also both pointer modes of symv, beta == 0
// with a NaN-filled y, the quick returns and every bad argument's status.
#include <cblas.h>

#include <algorithm>
#include <iterator>

#include "blas_test_support.h"

using namespace blastest;

namespace {

// The S and D routines under one overloaded name each.
cublasStatus_t symv(cublasHandle_t h, cublasFillMode_t uplo, int n, const float *alpha,
                    const float *A, int lda, const float *x, int incx, const float *beta, float *y,
                    int incy) {
  return cublasSsymv(h, uplo, n, alpha, A, lda, x, incx, beta, y, incy);
}
cublasStatus_t symv(cublasHandle_t h, cublasFillMode_t uplo, int n, const double *alpha,
                    const double *A, int lda, const double *x, int incx, const double *beta,
                    double *y, int incy) {
  return cublasDsymv(h, uplo, n, alpha, A, lda, x, incx, beta, y, incy);
}
cublasStatus_t trmv(cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const float *A, int lda, float *x, int incx) {
  return cublasStrmv(h, uplo, trans, diag, n, A, lda, x, incx);
}
cublasStatus_t trmv(cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const double *A, int lda, double *x, int incx) {
  return cublasDtrmv(h, uplo, trans, diag, n, A, lda, x, incx);
}
cublasStatus_t trsv(cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const float *A, int lda, float *x, int incx) {
  return cublasStrsv(h, uplo, trans, diag, n, A, lda, x, incx);
}
cublasStatus_t trsv(cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const double *A, int lda, double *x, int incx) {
  return cublasDtrsv(h, uplo, trans, diag, n, A, lda, x, incx);
}

template <class T> class Symv : public HandleTest {};
template <class T> class Trmv : public HandleTest {};
template <class T> class Trsv : public HandleTest {};
template <class T> class Level2 : public HandleTest {};
using Precisions = ::testing::Types<float, double>;
TYPED_TEST_SUITE(Symv, Precisions);
TYPED_TEST_SUITE(Trmv, Precisions);
TYPED_TEST_SUITE(Trsv, Precisions);
TYPED_TEST_SUITE(Level2, Precisions);

const int kSizes[] = {1, 2, 63, 64, 65, 300, 1000};
const int kIncrements[] = {1, 2, -1, -3};
const cublasFillMode_t kFills[] = {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER};
const cublasOperation_t kOps[] = {CUBLAS_OP_N, CUBLAS_OP_T, CUBLAS_OP_C};
const cublasDiagType_t kDiags[] = {CUBLAS_DIAG_NON_UNIT, CUBLAS_DIAG_UNIT};

// lda = n, or a little more (the padding holds NaN).
int leadingDimension(int n) {
  return n + n % 3;
}

template <class T> T quietNan() {
  return std::numeric_limits<T>::quiet_NaN();
}

CBLAS_UPLO cblasFill(cublasFillMode_t uplo) {
  return uplo == CUBLAS_FILL_MODE_UPPER ? CblasUpper : CblasLower;
}
CBLAS_TRANSPOSE cblasOp(cublasOperation_t op) {
  return op == CUBLAS_OP_N ? CblasNoTrans : CblasTrans;
}

bool inTriangle(cublasFillMode_t uplo, int i, int j) {
  return uplo == CUBLAS_FILL_MODE_UPPER ? i <= j : i >= j;
}

std::size_t at(int i, int j, int lda) {
  return std::size_t(i) + std::size_t(j) * std::size_t(lda);
}

// An n x n matrix with leading dimension lda of which only the `uplo`
// triangle holds values (from `offDiagonal` and `diagonal`); everything else
// is NaN, and so is the diagonal when `unit`.
template <class T, class Off, class Diagonal>
std::vector<T> triangleMatrix(int n, int lda, cublasFillMode_t uplo, bool unit, unsigned seed,
                              Off offDiagonal, Diagonal diagonal) {
  std::mt19937 engine(seed);
  std::vector<T> a(std::size_t(lda) * std::size_t(n), quietNan<T>());
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      if (i == j)
        a[at(i, j, lda)] = unit ? quietNan<T>() : static_cast<T>(diagonal(engine));
      else if (inTriangle(uplo, i, j))
        a[at(i, j, lda)] = static_cast<T>(offDiagonal(engine));
  return a;
}

// The matrix as the reference sees it, in double: the unused triangle 0, a
// unit diagonal written out as 1, |elements| when `absolute`.
template <class T>
std::vector<double> referenceMatrix(const std::vector<T> &a, int n, int lda, cublasFillMode_t uplo,
                                    bool unit, bool absolute) {
  std::vector<double> clean(std::size_t(n) * std::size_t(n), 0.0);
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      if (i == j && unit)
        clean[at(i, j, n)] = 1;
      else if (inTriangle(uplo, i, j))
        clean[at(i, j, n)] =
            absolute ? std::fabs(double(a[at(i, j, lda)])) : double(a[at(i, j, lda)]);
  return clean;
}

template <class T> std::vector<double> toDouble(const std::vector<T> &values, bool absolute) {
  std::vector<double> out(values.size());
  for (std::size_t i = 0; i < values.size(); ++i)
    out[i] = absolute ? std::fabs(double(values[i])) : double(values[i]);
  return out;
}

// The elements of a vector's storage outside its n elements still hold `filler`.
template <class T>
::testing::AssertionResult gapsUntouched(const std::vector<T> &storage, int n, int inc, T filler) {
  std::vector<bool> owned(storage.size(), false);
  for (int i = 0; i < n; ++i)
    owned[storageIndex(i, n, inc)] = true;
  for (std::size_t k = 0; k < storage.size(); ++k)
    if (!owned[k] && !(storage[k] == filler))
      return ::testing::AssertionFailure() << "gap element " << k << " is " << storage[k];
  return ::testing::AssertionSuccess();
}

const double kFiller = -321;

// ---- symv ----

template <class T>
void checkSymv(cublasHandle_t handle, cublasFillMode_t uplo, int n, int incx, int incy, T alpha,
               T beta, unsigned seed) {
  SCOPED_TRACE(::testing::Message() << precisionName<T>() << " uplo=" << uplo << " n=" << n
                                    << " incx=" << incx << " incy=" << incy);
  const int lda = leadingDimension(n);
  std::uniform_real_distribution<double> values(-1, 1);
  std::vector<T> a = triangleMatrix<T>(n, lda, uplo, false, seed, values, values);
  std::vector<T> x = randomValues<T>(std::size_t(n), seed + 1);
  std::vector<T> y = randomValues<T>(std::size_t(n), seed + 2);
  const T filler = T(kFiller);
  DeviceArray<T> da(a), dx(toStorage(x, incx, filler)), dy(toStorage(y, incy, filler));
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            symv(handle, uplo, n, &alpha, da.get(), lda, dx.get(), incx, &beta, dy.get(), incy));

  std::vector<double> want = toDouble(y, false), magnitude = toDouble(y, true);
  std::vector<double> ref = referenceMatrix(a, n, lda, uplo, false, false);
  std::vector<double> refAbs = referenceMatrix(a, n, lda, uplo, false, true);
  std::vector<double> xd = toDouble(x, false), xAbs = toDouble(x, true);
  cblas_dsymv(CblasColMajor, cblasFill(uplo), n, double(alpha), ref.data(), n, xd.data(), 1,
              double(beta), want.data(), 1);
  cblas_dsymv(CblasColMajor, cblasFill(uplo), n, std::fabs(double(alpha)), refAbs.data(), n,
              xAbs.data(), 1, std::fabs(double(beta)), magnitude.data(), 1);
  std::vector<T> storage = dy.download();
  std::vector<T> got = fromStorage(storage, n, incy);
  for (int i = 0; i < n; ++i)
    ASSERT_TRUE(
        closeForSum<T>(got[std::size_t(i)], want[std::size_t(i)], magnitude[std::size_t(i)], n + 1))
        << "element " << i;
  EXPECT_TRUE(gapsUntouched(storage, n, incy, filler));
}

TYPED_TEST(Symv, EveryUploSizeAndIncrementMatchesOpenBlas) {
  using T = TypeParam;
  unsigned seed = 1000;
  for (int n : kSizes)
    for (cublasFillMode_t uplo : kFills)
      for (std::size_t k = 0; k < std::size(kIncrements); ++k) {
        const int incx = kIncrements[k], incy = kIncrements[(k + 1) % std::size(kIncrements)];
        checkSymv<T>(this->handle, uplo, n, incx, incy, T(1.5), T(-0.5), seed += 3);
      }
}

TYPED_TEST(Symv, BetaZeroNeverReadsY) {
  using T = TypeParam;
  const T alpha = 1, beta = 0;
  for (int n : {1, 33, 65})
    for (cublasFillMode_t uplo : kFills) {
      const int lda = leadingDimension(n);
      std::uniform_real_distribution<double> values(-1, 1);
      DeviceArray<T> da(triangleMatrix<T>(n, lda, uplo, false, 50, values, values)),
          dx(randomValues<T>(std::size_t(n), 51)),
          dy(std::vector<T>(storageLength(n, -2), quietNan<T>()));
      CUBLAS_OK(
          symv(this->handle, uplo, n, &alpha, da.get(), lda, dx.get(), 1, &beta, dy.get(), -2));
      std::vector<T> got = fromStorage(dy.download(), n, -2);
      for (int i = 0; i < n; ++i)
        ASSERT_FALSE(std::isnan(got[std::size_t(i)])) << "n " << n << " element " << i;
    }
}

TYPED_TEST(Symv, DevicePointerModeReadsAlphaAndBetaWhenItRuns) {
  using T = TypeParam;
  const int n = 70, lda = 72;
  const cublasFillMode_t uplo = CUBLAS_FILL_MODE_UPPER;
  std::uniform_real_distribution<double> values(-1, 1);
  std::vector<T> a = triangleMatrix<T>(n, lda, uplo, false, 60, values, values);
  std::vector<T> x = randomValues<T>(n, 61), y = randomValues<T>(n, 62);
  std::vector<double> ref = referenceMatrix(a, n, lda, uplo, false, false);
  std::vector<double> refAbs = referenceMatrix(a, n, lda, uplo, false, true);
  std::vector<double> xd = toDouble(x, false), xAbs = toDouble(x, true);
  // {alpha, beta}: 2 and 0 (y, full of NaN, is not read), then 0.5 and 2.
  DeviceArray<T> da(a), dx(x), dy(std::vector<T>(n, quietNan<T>())),
      scalars(std::vector<T>{T(2), T(0), T(0.5), T(2)});
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(symv(this->handle, uplo, n, scalars.get(), da.get(), lda, dx.get(), 1,
                 scalars.get() + 1, dy.get(), 1));
  std::vector<double> want(n, 0.0), magnitude(n, 0.0);
  cblas_dsymv(CblasColMajor, CblasUpper, n, 2.0, ref.data(), n, xd.data(), 1, 0.0, want.data(), 1);
  cblas_dsymv(CblasColMajor, CblasUpper, n, 2.0, refAbs.data(), n, xAbs.data(), 1, 0.0,
              magnitude.data(), 1);
  std::vector<T> got = dy.download();
  for (int i = 0; i < n; ++i)
    ASSERT_TRUE(closeForSum<T>(got[i], want[i], magnitude[i], n + 1)) << "element " << i;

  dy.upload(y);
  CUBLAS_OK(symv(this->handle, uplo, n, scalars.get() + 2, da.get(), lda, dx.get(), 1,
                 scalars.get() + 3, dy.get(), 1));
  want = toDouble(y, false);
  magnitude = toDouble(y, true);
  cblas_dsymv(CblasColMajor, CblasUpper, n, 0.5, ref.data(), n, xd.data(), 1, 2.0, want.data(), 1);
  cblas_dsymv(CblasColMajor, CblasUpper, n, 0.5, refAbs.data(), n, xAbs.data(), 1, 2.0,
              magnitude.data(), 1);
  got = dy.download();
  for (int i = 0; i < n; ++i)
    ASSERT_TRUE(closeForSum<T>(got[i], want[i], magnitude[i], n + 1)) << "element " << i;
}

TYPED_TEST(Symv, AlphaZeroReadsNeitherAnorX) {
  using T = TypeParam;
  const int n = 40;
  DeviceArray<T> da(std::vector<T>(std::size_t(n * n), quietNan<T>())),
      dx(std::vector<T>(std::size_t(n), quietNan<T>()));
  std::vector<T> y = randomValues<T>(n, 70);
  DeviceArray<T> dy(y);
  const T zero = 0, one = 1, two = 2;
  // alpha == 0, beta == 1: nothing to do, whatever A and x are.
  CUBLAS_OK(symv(this->handle, CUBLAS_FILL_MODE_LOWER, n, &zero, static_cast<const T *>(nullptr), n,
                 static_cast<const T *>(nullptr), 1, &one, dy.get(), 1));
  EXPECT_EQ(y, dy.download());
  // alpha == 0, beta == 2: y doubles; NaN in A and x stays out.
  CUBLAS_OK(symv(this->handle, CUBLAS_FILL_MODE_LOWER, n, &zero, da.get(), n, dx.get(), 1, &two,
                 dy.get(), 1));
  std::vector<T> got = dy.download();
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(T(2 * y[std::size_t(i)]), got[std::size_t(i)]);
  // alpha == 0, beta == 0: y becomes 0 even where it was NaN.
  dy.upload(std::vector<T>(std::size_t(n), quietNan<T>()));
  CUBLAS_OK(symv(this->handle, CUBLAS_FILL_MODE_UPPER, n, &zero, da.get(), n, dx.get(), 1, &zero,
                 dy.get(), 1));
  EXPECT_EQ(std::vector<T>(std::size_t(n), T(0)), dy.download());
  // The same from device memory: the kernel reads alpha == 0 and leaves A alone.
  DeviceArray<T> scalars(std::vector<T>{T(0), T(0)});
  dy.upload(std::vector<T>(std::size_t(n), quietNan<T>()));
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(symv(this->handle, CUBLAS_FILL_MODE_LOWER, n, scalars.get(), da.get(), n, dx.get(), 1,
                 scalars.get() + 1, dy.get(), 1));
  EXPECT_EQ(std::vector<T>(std::size_t(n), T(0)), dy.download());
}

// ---- trmv and trsv ----

// Runs trmv or trsv for every op and increment on one matrix and compares x
// with OpenBLAS (dtrmv/dtrsv in double on the same values).
template <class T, class Call, class Check>
void sweepTriangular(cublasHandle_t handle, const char *routine, Call call, Check check,
                     bool wellConditioned) {
  unsigned seed = wellConditioned ? 5000 : 3000;
  for (int n : kSizes)
    for (cublasFillMode_t uplo : kFills)
      for (cublasDiagType_t diag : kDiags) {
        const bool unit = diag == CUBLAS_DIAG_UNIT;
        const int lda = leadingDimension(n);
        std::vector<T> a;
        if (wellConditioned) {
          // Diagonally dominant by rows and columns (|diagonal| in [1, 2],
          // every off-diagonal sum below 1): op(A)^-1 stays small.
          std::uniform_real_distribution<double> off(-1.0 / n, 1.0 / n);
          std::uniform_real_distribution<double> size(1, 2);
          a = triangleMatrix<T>(n, lda, uplo, unit, seed++, off, [&](std::mt19937 &engine) {
            double d = size(engine);
            return engine() % 2 ? d : -d;
          });
        } else {
          std::uniform_real_distribution<double> values(-1, 1);
          a = triangleMatrix<T>(n, lda, uplo, unit, seed++, values, values);
        }
        DeviceArray<T> da(a);
        std::vector<double> ref = referenceMatrix(a, n, lda, uplo, unit, false);
        std::vector<double> refAbs = referenceMatrix(a, n, lda, uplo, unit, true);
        for (cublasOperation_t op : kOps)
          for (int inc : kIncrements) {
            SCOPED_TRACE(::testing::Message()
                         << routine << " " << precisionName<T>() << " uplo=" << uplo << " op=" << op
                         << " diag=" << diag << " n=" << n << " inc=" << inc);
            std::vector<T> x = randomValues<T>(std::size_t(n), seed++);
            const T filler = T(kFiller);
            DeviceArray<T> dx(toStorage(x, inc, filler));
            ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
                      call(handle, uplo, op, diag, n, da.get(), lda, dx.get(), inc));
            std::vector<T> storage = dx.download();
            check(uplo, op, n, ref, refAbs, x, fromStorage(storage, n, inc));
            if (::testing::Test::HasFatalFailure())
              return;
            ASSERT_TRUE(gapsUntouched(storage, n, inc, filler));
          }
      }
}

TYPED_TEST(Trmv, EveryUploOpDiagSizeAndIncrementMatchesOpenBlas) {
  using T = TypeParam;
  auto call = [](cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t op,
                 cublasDiagType_t diag, int n, const T *A, int lda, T *x,
                 int inc) { return trmv(h, uplo, op, diag, n, A, lda, x, inc); };
  auto check = [](cublasFillMode_t uplo, cublasOperation_t op, int n,
                  const std::vector<double> &ref, const std::vector<double> &refAbs,
                  const std::vector<T> &x, const std::vector<T> &got) {
    std::vector<double> want = toDouble(x, false), magnitude = toDouble(x, true);
    cblas_dtrmv(CblasColMajor, cblasFill(uplo), cblasOp(op), CblasNonUnit, n, ref.data(), n,
                want.data(), 1);
    cblas_dtrmv(CblasColMajor, cblasFill(uplo), cblasOp(op), CblasNonUnit, n, refAbs.data(), n,
                magnitude.data(), 1);
    for (int i = 0; i < n; ++i)
      ASSERT_TRUE(closeForSum<T>(got[std::size_t(i)], want[std::size_t(i)],
                                 magnitude[std::size_t(i)], n + 1))
          << "element " << i;
  };
  sweepTriangular<T>(this->handle, "trmv", call, check, false);
}

TYPED_TEST(Trsv, EveryUploOpDiagSizeAndIncrementMatchesOpenBlas) {
  using T = TypeParam;
  auto call = [](cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t op,
                 cublasDiagType_t diag, int n, const T *A, int lda, T *x,
                 int inc) { return trsv(h, uplo, op, diag, n, A, lda, x, inc); };
  auto check = [](cublasFillMode_t uplo, cublasOperation_t op, int n,
                  const std::vector<double> &ref, const std::vector<double> &,
                  const std::vector<T> &x, const std::vector<T> &got) {
    std::vector<double> want = toDouble(x, false);
    cblas_dtrsv(CblasColMajor, cblasFill(uplo), cblasOp(op), CblasNonUnit, n, ref.data(), n,
                want.data(), 1);
    // ||op(A)||_inf <= 3 and ||op(A)^-1||_inf <= 1 / (1 - max off-diagonal
    // sum), a few at most: the forward error stays within a small multiple
    // of n * eps * ||x||_inf.
    double largest = 0;
    for (double value : want)
      largest = std::max(largest, std::fabs(value));
    const double bound = 16.0 * (n + 4) * epsilon<T>() * largest;
    for (int i = 0; i < n; ++i)
      ASSERT_LE(std::fabs(double(got[std::size_t(i)]) - want[std::size_t(i)]), bound)
          << "element " << i << ": got " << got[std::size_t(i)] << ", want "
          << want[std::size_t(i)];
  };
  sweepTriangular<T>(this->handle, "trsv", call, check, true);
}

TYPED_TEST(Trsv, ZeroDiagonalIsNotCheckedAndGivesInfOrNan) {
  using T = TypeParam;
  // Lower, [[2, ., .], [1, 0, .], [1, 1, 4]]: x1 = (b1 - b0 / 2) / 0.
  std::vector<T> a = {T(2), T(1),          T(1),          quietNan<T>(), T(0),
                      T(1), quietNan<T>(), quietNan<T>(), T(4)};
  DeviceArray<T> da(a), dx(std::vector<T>{T(2), T(3), T(5)});
  CUBLAS_OK(trsv(this->handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_NON_UNIT, 3,
                 da.get(), 3, dx.get(), 1));
  std::vector<T> got = dx.download();
  EXPECT_EQ(T(1), got[0]);
  EXPECT_FALSE(std::isfinite(got[1]));
  EXPECT_FALSE(std::isfinite(got[2]));
}

TYPED_TEST(Trsv, SolvesWhatTrmvMultiplied) {
  using T = TypeParam;
  // A round trip over several blocks with a large stride: trsv(trmv(x)) == x.
  const int n = 200, lda = 203, inc = -5;
  std::uniform_real_distribution<double> off(-1.0 / n, 1.0 / n), diagonal(1, 2);
  for (cublasFillMode_t uplo : kFills)
    for (cublasOperation_t op : kOps) {
      std::vector<T> a = triangleMatrix<T>(n, lda, uplo, false, 90, off, diagonal);
      std::vector<T> x = randomValues<T>(n, 91);
      DeviceArray<T> da(a), dx(toStorage(x, inc, T(kFiller)));
      CUBLAS_OK(
          trmv(this->handle, uplo, op, CUBLAS_DIAG_NON_UNIT, n, da.get(), lda, dx.get(), inc));
      CUBLAS_OK(
          trsv(this->handle, uplo, op, CUBLAS_DIAG_NON_UNIT, n, da.get(), lda, dx.get(), inc));
      std::vector<T> got = fromStorage(dx.download(), n, inc);
      for (int i = 0; i < n; ++i)
        ASSERT_NEAR(double(x[std::size_t(i)]), double(got[std::size_t(i)]), 64 * n * epsilon<T>())
            << "uplo " << uplo << " op " << op << " element " << i;
    }
}

// ---- arguments ----

TYPED_TEST(Level2, BadArgumentsAreInvalidValue) {
  using T = TypeParam;
  const int n = 4;
  DeviceArray<T> da(std::vector<T>(16, T(1))), dx(std::vector<T>(4, T(1))),
      dy(std::vector<T>(4, T(1)));
  const T one = 1;
  const cublasHandle_t h = this->handle;
  const auto lower = CUBLAS_FILL_MODE_LOWER;
  const auto badFills = {CUBLAS_FILL_MODE_FULL, static_cast<cublasFillMode_t>(7)};
  const auto badOps = {CUBLAS_OP_CONJG, static_cast<cublasOperation_t>(-1)};
  const auto badDiags = {static_cast<cublasDiagType_t>(2), static_cast<cublasDiagType_t>(-1)};
  const cublasStatus_t invalid = CUBLAS_STATUS_INVALID_VALUE;

  for (cublasFillMode_t uplo : badFills)
    EXPECT_EQ(invalid, symv(h, uplo, n, &one, da.get(), n, dx.get(), 1, &one, dy.get(), 1));
  EXPECT_EQ(invalid, symv(h, lower, -1, &one, da.get(), n, dx.get(), 1, &one, dy.get(), 1));
  EXPECT_EQ(invalid, symv(h, lower, n, &one, da.get(), n - 1, dx.get(), 1, &one, dy.get(), 1));
  EXPECT_EQ(invalid, symv(h, lower, 0, &one, da.get(), 0, dx.get(), 1, &one, dy.get(), 1));
  EXPECT_EQ(invalid, symv(h, lower, n, &one, da.get(), n, dx.get(), 0, &one, dy.get(), 1));
  EXPECT_EQ(invalid, symv(h, lower, n, &one, da.get(), n, dx.get(), 1, &one, dy.get(), 0));

  using Triangular = cublasStatus_t (*)(cublasHandle_t, cublasFillMode_t, cublasOperation_t,
                                        cublasDiagType_t, int, const T *, int, T *, int);
  const Triangular routines[] = {&trmv, &trsv};
  for (Triangular routine : routines) {
    const auto N = CUBLAS_OP_N;
    const auto nonUnit = CUBLAS_DIAG_NON_UNIT;
    for (cublasFillMode_t uplo : badFills)
      EXPECT_EQ(invalid, routine(h, uplo, N, nonUnit, n, da.get(), n, dx.get(), 1));
    for (cublasOperation_t op : badOps)
      EXPECT_EQ(invalid, routine(h, lower, op, nonUnit, n, da.get(), n, dx.get(), 1));
    for (cublasDiagType_t diag : badDiags)
      EXPECT_EQ(invalid, routine(h, lower, N, diag, n, da.get(), n, dx.get(), 1));
    EXPECT_EQ(invalid, routine(h, lower, N, nonUnit, -1, da.get(), n, dx.get(), 1));
    EXPECT_EQ(invalid, routine(h, lower, N, nonUnit, n, da.get(), n - 1, dx.get(), 1));
    EXPECT_EQ(invalid, routine(h, lower, N, nonUnit, 0, da.get(), 0, dx.get(), 1));
    EXPECT_EQ(invalid, routine(h, lower, N, nonUnit, n, da.get(), n, dx.get(), 0));
  }
  // Nothing was written.
  EXPECT_EQ(std::vector<T>(4, T(1)), dx.download());
  EXPECT_EQ(std::vector<T>(4, T(1)), dy.download());
}

TYPED_TEST(Level2, EmptyProblemsReturnAtOnce) {
  using T = TypeParam;
  const T one = 1;
  T *none = nullptr;
  const cublasHandle_t h = this->handle;
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            symv(h, CUBLAS_FILL_MODE_UPPER, 0, &one, none, 1, none, 1, &one, none, 1));
  for (cublasOperation_t op : kOps)
    for (cublasDiagType_t diag : kDiags) {
      EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
                trmv(h, CUBLAS_FILL_MODE_LOWER, op, diag, 0, none, 1, none, -1));
      EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
                trsv(h, CUBLAS_FILL_MODE_UPPER, op, diag, 0, none, 1, none, 3));
    }
}

TEST(Level2Api, NullHandleIsNotInitialized) {
  const float fOne = 1;
  const double dOne = 1;
  float *f = nullptr;
  double *d = nullptr;
  const auto lower = CUBLAS_FILL_MODE_LOWER;
  const auto N = CUBLAS_OP_N;
  const auto nonUnit = CUBLAS_DIAG_NON_UNIT;
  const cublasStatus_t want = CUBLAS_STATUS_NOT_INITIALIZED;
  EXPECT_EQ(want, cublasSsymv(nullptr, lower, 1, &fOne, f, 1, f, 1, &fOne, f, 1));
  EXPECT_EQ(want, cublasDsymv(nullptr, lower, 1, &dOne, d, 1, d, 1, &dOne, d, 1));
  EXPECT_EQ(want, cublasStrmv(nullptr, lower, N, nonUnit, 1, f, 1, f, 1));
  EXPECT_EQ(want, cublasDtrmv(nullptr, lower, N, nonUnit, 1, d, 1, d, 1));
  EXPECT_EQ(want, cublasStrsv(nullptr, lower, N, nonUnit, 1, f, 1, f, 1));
  EXPECT_EQ(want, cublasDtrsv(nullptr, lower, N, nonUnit, 1, d, 1, d, 1));
}

} // namespace
