// Batched LU (getrfBatched, getrsBatched, getriBatched, matinvBatched; S and
// D) against LAPACKE: pivots equal LAPACK's on matrices whose pivots are well
// separated, P*L*U reconstructs A within n*eps*|L||U|, solves and inverses
// pass LAPACK's test ratios, singular matrices give LAPACK's info, and every
// invalid argument its status (and getrs its -j info). Each routine runs on
// batches in one cudaMalloc (matrices in shuffled order, gaps between them)
// and on separately allocated matrices, with leading dimensions > n whose
// padding must stay untouched.
#include <lapacke.h>

#include <algorithm>
#include <numeric>
#include <string>

#include "blas_test_support.h"

using namespace blastest;

namespace {

// --- The routines by precision -------------------------------------------------

cublasStatus_t getrfBatched(cublasHandle_t h, int n, float *const A[], int lda, int *P, int *info,
                            int batch) {
  return cublasSgetrfBatched(h, n, A, lda, P, info, batch);
}
cublasStatus_t getrfBatched(cublasHandle_t h, int n, double *const A[], int lda, int *P, int *info,
                            int batch) {
  return cublasDgetrfBatched(h, n, A, lda, P, info, batch);
}
cublasStatus_t getrsBatched(cublasHandle_t h, cublasOperation_t trans, int n, int nrhs,
                            const float *const A[], int lda, const int *P, float *const B[],
                            int ldb, int *info, int batch) {
  return cublasSgetrsBatched(h, trans, n, nrhs, A, lda, P, B, ldb, info, batch);
}
cublasStatus_t getrsBatched(cublasHandle_t h, cublasOperation_t trans, int n, int nrhs,
                            const double *const A[], int lda, const int *P, double *const B[],
                            int ldb, int *info, int batch) {
  return cublasDgetrsBatched(h, trans, n, nrhs, A, lda, P, B, ldb, info, batch);
}
cublasStatus_t getriBatched(cublasHandle_t h, int n, const float *const A[], int lda, const int *P,
                            float *const C[], int ldc, int *info, int batch) {
  return cublasSgetriBatched(h, n, A, lda, P, C, ldc, info, batch);
}
cublasStatus_t getriBatched(cublasHandle_t h, int n, const double *const A[], int lda, const int *P,
                            double *const C[], int ldc, int *info, int batch) {
  return cublasDgetriBatched(h, n, A, lda, P, C, ldc, info, batch);
}
cublasStatus_t matinvBatched(cublasHandle_t h, int n, const float *const A[], int lda,
                             float *const Ainv[], int ldaInv, int *info, int batch) {
  return cublasSmatinvBatched(h, n, A, lda, Ainv, ldaInv, info, batch);
}
cublasStatus_t matinvBatched(cublasHandle_t h, int n, const double *const A[], int lda,
                             double *const Ainv[], int ldaInv, int *info, int batch) {
  return cublasDmatinvBatched(h, n, A, lda, Ainv, ldaInv, info, batch);
}

lapack_int lapackGetrf(int n, float *a, int lda, lapack_int *ipiv) {
  return LAPACKE_sgetrf(LAPACK_COL_MAJOR, n, n, a, lda, ipiv);
}
lapack_int lapackGetrf(int n, double *a, int lda, lapack_int *ipiv) {
  return LAPACKE_dgetrf(LAPACK_COL_MAJOR, n, n, a, lda, ipiv);
}

// --- Batches of matrices on the device ------------------------------------------

enum class Layout { Shared, Separate };
const Layout kLayouts[] = {Layout::Shared, Layout::Separate};
const char *layoutName(Layout layout) {
  return layout == Layout::Shared ? "one allocation" : "separate allocations";
}

using Matrix = std::vector<double>; // column-major, host side, any leading dimension

// `count` rows x cols matrices with leading dimension ld and the device
// array of their pointers. Shared: one cudaMalloc, matrices in reverse
// order with 3-element gaps; Separate: one cudaMalloc each.
template <class T> class DeviceBatch {
public:
  DeviceBatch(int count, int rows, int cols, int ld, Layout layout)
      : count_(count), ld_(ld), elements_(std::size_t(ld) * std::size_t(std::max(cols, 1))) {
    (void)rows; // the span is ld * cols either way
    pointers_.assign(std::size_t(count), nullptr);
    if (layout == Layout::Shared) {
      const std::size_t stride = elements_ + 3;
      EXPECT_EQ(cudaSuccess, cudaMalloc(reinterpret_cast<void **>(&block_),
                                        stride * std::size_t(std::max(count, 1)) * sizeof(T)));
      for (int i = 0; i < count; ++i)
        pointers_[std::size_t(i)] = block_ + std::size_t(count - 1 - i) * stride;
    } else {
      for (T *&pointer : pointers_)
        EXPECT_EQ(cudaSuccess,
                  cudaMalloc(reinterpret_cast<void **>(&pointer), elements_ * sizeof(T)));
    }
    EXPECT_EQ(cudaSuccess, cudaMalloc(reinterpret_cast<void **>(&array_),
                                      std::size_t(std::max(count, 1)) * sizeof(T *)));
    EXPECT_EQ(cudaSuccess, cudaMemcpy(array_, pointers_.data(), pointers_.size() * sizeof(T *),
                                      cudaMemcpyHostToDevice));
  }
  ~DeviceBatch() {
    cudaFree(array_);
    if (block_ != nullptr)
      cudaFree(block_);
    else
      for (T *pointer : pointers_)
        cudaFree(pointer);
  }
  DeviceBatch(const DeviceBatch &) = delete;
  DeviceBatch &operator=(const DeviceBatch &) = delete;

  T **array() const { return array_; }
  T *matrix(int i) const { return pointers_[std::size_t(i)]; }
  int ld() const { return ld_; }

  // Each host matrix holds ld * cols values (rounded to T).
  void upload(const std::vector<Matrix> &host) {
    for (int i = 0; i < count_; ++i) {
      const Matrix &m = host[std::size_t(i)];
      std::vector<T> values(m.begin(), m.end());
      ASSERT_EQ(elements_, values.size());
      ASSERT_EQ(cudaSuccess, cudaMemcpy(matrix(i), values.data(), elements_ * sizeof(T),
                                        cudaMemcpyHostToDevice));
    }
  }
  std::vector<Matrix> download() const {
    std::vector<Matrix> host(static_cast<std::size_t>(count_));
    for (int i = 0; i < count_; ++i) {
      std::vector<T> values(elements_);
      EXPECT_EQ(cudaSuccess, cudaMemcpy(values.data(), matrix(i), elements_ * sizeof(T),
                                        cudaMemcpyDeviceToHost));
      host[std::size_t(i)].assign(values.begin(), values.end());
    }
    return host;
  }

private:
  int count_, ld_;
  std::size_t elements_;
  T *block_ = nullptr;
  std::vector<T *> pointers_;
  T **array_ = nullptr;
};

// --- Test matrices --------------------------------------------------------------

const double kPadding = -777.0; // rows ld > n hold it; routines must leave it

double &at(Matrix &m, int ld, int i, int j) {
  return m[std::size_t(i) + std::size_t(j) * std::size_t(ld)];
}
double at(const Matrix &m, int ld, int i, int j) {
  return m[std::size_t(i) + std::size_t(j) * std::size_t(ld)];
}

// Rounds every value to T (what the device holds).
template <class T> Matrix rounded(Matrix m) {
  for (double &value : m)
    value = double(T(value));
  return m;
}

// n x n with entries in [-1, 1]: pivots may come close to ties, so only
// reconstruction and residuals are compared on these.
template <class T> Matrix randomMatrix(int n, int ld, unsigned seed) {
  std::vector<double> values = randomValues<double>(std::size_t(ld) * std::size_t(n), seed);
  Matrix m(values.begin(), values.end());
  for (int j = 0; j < n; ++j)
    for (int i = n; i < ld; ++i)
      at(m, ld, i, j) = kPadding;
  return rounded<T>(m);
}

// A = P0 * L0 * U0 with |L0(i, j)| <= 1/2 below a unit diagonal and
// 1 <= |U0(j, j)| <= 2: partial pivoting picks P0's rows, each pivot at
// least twice any other candidate, so any LU in any rounding chooses the
// same pivots as LAPACK.
template <class T> Matrix separatedPivotMatrix(int n, int ld, unsigned seed) {
  std::mt19937 engine(seed);
  std::uniform_real_distribution<double> unit(-1.0, 1.0);
  Matrix l(std::size_t(n) * std::size_t(n), 0.0), u(l);
  for (int j = 0; j < n; ++j) {
    at(l, n, j, j) = 1;
    for (int i = j + 1; i < n; ++i)
      at(l, n, i, j) = 0.5 * unit(engine);
    for (int i = 0; i < j; ++i)
      at(u, n, i, j) = unit(engine) / std::sqrt(double(n));
    double diagonal = 1.0 + std::fabs(unit(engine));
    at(u, n, j, j) = unit(engine) < 0 ? -diagonal : diagonal;
  }
  std::vector<int> rows(static_cast<std::size_t>(n));
  std::iota(rows.begin(), rows.end(), 0);
  std::shuffle(rows.begin(), rows.end(), engine);
  Matrix a(std::size_t(ld) * std::size_t(n), kPadding);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double sum = 0;
      for (int k = 0; k <= std::min(i, j); ++k)
        sum += at(l, n, i, k) * at(u, n, k, j);
      at(a, ld, rows[std::size_t(i)], j) = sum;
    }
  return rounded<T>(a);
}

// Diagonally dominant: LU without pivoting is stable.
template <class T> Matrix dominantMatrix(int n, int ld, unsigned seed) {
  Matrix a = randomMatrix<T>(n, ld, seed);
  for (int j = 0; j < n; ++j)
    at(a, ld, j, j) = double(T(n + 1 + at(a, ld, j, j)));
  return a;
}

// --- Checks ---------------------------------------------------------------------

// Splits getrf's in-place result; returns |P*L*U - A| elementwise against
// (n + 4) eps (|L| |U|) (LU's backward error bound), as a failure message.
template <class T>
::testing::AssertionResult reconstructs(const Matrix &a, const Matrix &lu, int n, int ld,
                                        const int *pivots) {
  Matrix product(std::size_t(n) * std::size_t(n)), magnitude(product);
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double sum = 0, abs = 0;
      for (int k = 0; k <= std::min(i, j); ++k) {
        double lik = k == i ? 1.0 : at(lu, ld, i, k);
        double term = lik * at(lu, ld, k, j);
        sum += term;
        abs += std::fabs(term);
      }
      at(product, n, i, j) = sum;
      at(magnitude, n, i, j) = abs;
    }
  // A = P * (L U): undo the interchanges, last first.
  if (pivots != nullptr)
    for (int i = n - 1; i >= 0; --i) {
      int p = pivots[i] - 1;
      for (int j = 0; j < n; ++j) {
        std::swap(at(product, n, i, j), at(product, n, p, j));
        std::swap(at(magnitude, n, i, j), at(magnitude, n, p, j));
      }
    }
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i) {
      auto close = closeForSum<T>(at(product, n, i, j), at(a, ld, i, j), at(magnitude, n, i, j), n);
      if (!close)
        return close << " at (" << i << ", " << j << ")";
    }
  for (int j = 0; j < n; ++j)
    for (int i = n; i < ld; ++i)
      if (at(lu, ld, i, j) != kPadding)
        return ::testing::AssertionFailure()
               << "padding row " << i << " of column " << j << " changed to " << at(lu, ld, i, j);
  return ::testing::AssertionSuccess();
}

double infNorm(const Matrix &m, int rows, int cols, int ld) {
  double norm = 0;
  for (int i = 0; i < rows; ++i) {
    double sum = 0;
    for (int j = 0; j < cols; ++j)
      sum += std::fabs(at(m, ld, i, j));
    norm = std::max(norm, sum);
  }
  return norm;
}

// op(A)(i, j).
double opAt(const Matrix &a, int ld, cublasOperation_t trans, int i, int j) {
  return trans == CUBLAS_OP_N ? at(a, ld, i, j) : at(a, ld, j, i);
}

// LAPACK's getrs test ratio ||B - op(A) X|| / (n eps ||op(A)|| ||X||) per
// column (inf-norms), which passes under 30.
template <class T>
double solveRatio(const Matrix &a, int lda, cublasOperation_t trans, const Matrix &b,
                  const Matrix &x, int ldb, int n, int nrhs) {
  Matrix opA(std::size_t(n) * std::size_t(n));
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j)
      at(opA, n, i, j) = opAt(a, lda, trans, i, j);
  const double aNorm = infNorm(opA, n, n, n);
  double worst = 0;
  for (int k = 0; k < nrhs; ++k) {
    double residual = 0, xNorm = 0;
    for (int i = 0; i < n; ++i) {
      double sum = at(b, ldb, i, k);
      for (int j = 0; j < n; ++j)
        sum -= at(opA, n, i, j) * at(x, ldb, j, k);
      residual = std::max(residual, std::fabs(sum));
      xNorm = std::max(xNorm, std::fabs(at(x, ldb, i, k)));
    }
    worst = std::max(
        worst, residual / (n * epsilon<T>() * aNorm * xNorm + std::numeric_limits<double>::min()));
  }
  return worst;
}

// LAPACK's getri test ratio ||I - A Ainv|| / (n eps ||A|| ||Ainv||).
template <class T>
double inverseRatio(const Matrix &a, int lda, const Matrix &inverse, int ldi, int n) {
  double residual = 0;
  for (int i = 0; i < n; ++i) {
    double rowSum = 0;
    for (int j = 0; j < n; ++j) {
      double sum = i == j ? 1.0 : 0.0;
      for (int k = 0; k < n; ++k)
        sum -= at(a, lda, i, k) * at(inverse, ldi, k, j);
      rowSum += std::fabs(sum);
    }
    residual = std::max(residual, rowSum);
  }
  return residual / (n * epsilon<T>() * infNorm(a, n, n, lda) * infNorm(inverse, n, n, ldi));
}

// The routine runs in double on this device (skip otherwise).
#define SKIP_WITHOUT_PRECISION(status)                                                             \
  do {                                                                                             \
    if ((status) == CUBLAS_STATUS_ARCH_MISMATCH)                                                   \
      GTEST_SKIP() << "no double precision on this device";                                        \
  } while (0)

template <class T> class GetrfBatched : public HandleTest {};
template <class T> class GetrsBatched : public HandleTest {};
template <class T> class GetriBatched : public HandleTest {};
template <class T> class MatinvBatched : public HandleTest {};
template <class T> class BatchedLuArguments : public HandleTest {};
using Precisions = ::testing::Types<float, double>;
TYPED_TEST_SUITE(GetrfBatched, Precisions);
TYPED_TEST_SUITE(GetrsBatched, Precisions);
TYPED_TEST_SUITE(GetriBatched, Precisions);
TYPED_TEST_SUITE(MatinvBatched, Precisions);
TYPED_TEST_SUITE(BatchedLuArguments, Precisions);

struct Case {
  int n, count;
};
const Case kCases[] = {{1, 5}, {2, 6}, {7, 9}, {32, 4}, {33, 3}, {100, 2}};

// Runs getrf on `matrices` (n x n, leading dimension ld) in `layout`;
// returns the factors, pivots (when `pivoting`) and info.
template <class T>
void runGetrf(cublasHandle_t handle, const std::vector<Matrix> &matrices, int n, int ld,
              Layout layout, bool pivoting, std::vector<Matrix> *factors, std::vector<int> *pivots,
              std::vector<int> *info) {
  const int count = int(matrices.size());
  DeviceBatch<T> batch(count, n, n, ld, layout);
  batch.upload(matrices);
  DeviceArray<int> devicePivots(std::size_t(n) * std::size_t(count));
  DeviceArray<int> deviceInfo(static_cast<std::size_t>(count));
  devicePivots.upload(std::vector<int>(devicePivots.size(), -1));
  deviceInfo.upload(std::vector<int>(deviceInfo.size(), -1));
  cublasStatus_t status =
      getrfBatched(handle, n, batch.array(), ld, pivoting ? devicePivots.get() : nullptr,
                   deviceInfo.get(), count);
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS, status);
  *factors = batch.download();
  *pivots = devicePivots.download();
  *info = deviceInfo.download();
}

} // namespace

// --- getrf ----------------------------------------------------------------------

TYPED_TEST(GetrfBatched, PivotsEqualLapackeAndFactorsReconstructA) {
  using T = TypeParam;
  unsigned seed = 1000;
  for (Layout layout : kLayouts)
    for (Case c : kCases) {
      SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << c.n
                                        << " batch=" << c.count << " " << layoutName(layout));
      const int ld = c.n + 2;
      std::vector<Matrix> matrices;
      for (int b = 0; b < c.count; ++b)
        matrices.push_back(separatedPivotMatrix<T>(c.n, ld, seed++));
      std::vector<Matrix> factors;
      std::vector<int> pivots, info;
      cublasStatus_t status =
          getrfBatched(this->handle, c.n, static_cast<T **>(nullptr), ld, nullptr, nullptr, 0);
      SKIP_WITHOUT_PRECISION(status);
      runGetrf<T>(this->handle, matrices, c.n, ld, layout, true, &factors, &pivots, &info);
      ASSERT_FALSE(this->HasFatalFailure());
      for (int b = 0; b < c.count; ++b) {
        SCOPED_TRACE(::testing::Message() << "matrix " << b);
        std::vector<T> reference(matrices[std::size_t(b)].begin(), matrices[std::size_t(b)].end());
        std::vector<lapack_int> referencePivots(static_cast<std::size_t>(c.n));
        lapack_int referenceInfo = lapackGetrf(c.n, reference.data(), ld, referencePivots.data());
        EXPECT_EQ(0, referenceInfo);
        EXPECT_EQ(0, info[std::size_t(b)]);
        const int *ours = pivots.data() + std::size_t(b) * std::size_t(c.n);
        EXPECT_EQ(std::vector<int>(referencePivots.begin(), referencePivots.end()),
                  std::vector<int>(ours, ours + c.n));
        EXPECT_TRUE(
            reconstructs<T>(matrices[std::size_t(b)], factors[std::size_t(b)], c.n, ld, ours));
      }
    }
}

TYPED_TEST(GetrfBatched, RandomMatricesReconstruct) {
  using T = TypeParam;
  unsigned seed = 2000;
  for (Layout layout : kLayouts)
    for (Case c : kCases) {
      SCOPED_TRACE(::testing::Message()
                   << precisionName<T>() << " n=" << c.n << " " << layoutName(layout));
      const int ld = c.n + 1;
      std::vector<Matrix> matrices;
      for (int b = 0; b < c.count; ++b)
        matrices.push_back(randomMatrix<T>(c.n, ld, seed++));
      std::vector<Matrix> factors;
      std::vector<int> pivots, info;
      SKIP_WITHOUT_PRECISION(
          getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
      runGetrf<T>(this->handle, matrices, c.n, ld, layout, true, &factors, &pivots, &info);
      ASSERT_FALSE(this->HasFatalFailure());
      for (int b = 0; b < c.count; ++b) {
        EXPECT_EQ(0, info[std::size_t(b)]) << "matrix " << b;
        const int *ours = pivots.data() + std::size_t(b) * std::size_t(c.n);
        for (int i = 0; i < c.n; ++i) // a pivot row is at or below its step
          ASSERT_TRUE(ours[i] >= i + 1 && ours[i] <= c.n) << "pivot " << i << " = " << ours[i];
        EXPECT_TRUE(
            reconstructs<T>(matrices[std::size_t(b)], factors[std::size_t(b)], c.n, ld, ours))
            << "matrix " << b;
      }
    }
}

// Larger than a work-group (256): every step loops over rows and columns.
TYPED_TEST(GetrfBatched, LargerThanAWorkGroup) {
  using T = TypeParam;
  const int n = 257, ld = 260;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  for (Layout layout : kLayouts) {
    SCOPED_TRACE(layoutName(layout));
    std::vector<Matrix> matrices = {separatedPivotMatrix<T>(n, ld, 3000),
                                    randomMatrix<T>(n, ld, 3001)};
    std::vector<Matrix> factors;
    std::vector<int> pivots, info;
    runGetrf<T>(this->handle, matrices, n, ld, layout, true, &factors, &pivots, &info);
    ASSERT_FALSE(this->HasFatalFailure());
    std::vector<T> reference(matrices[0].begin(), matrices[0].end());
    std::vector<lapack_int> referencePivots(static_cast<std::size_t>(n));
    ASSERT_EQ(0, lapackGetrf(n, reference.data(), ld, referencePivots.data()));
    EXPECT_EQ(std::vector<int>(referencePivots.begin(), referencePivots.end()),
              std::vector<int>(pivots.begin(), pivots.begin() + n));
    for (int b = 0; b < 2; ++b) {
      EXPECT_EQ(0, info[std::size_t(b)]);
      EXPECT_TRUE(reconstructs<T>(matrices[std::size_t(b)], factors[std::size_t(b)], n, ld,
                                  pivots.data() + std::size_t(b) * n))
          << "matrix " << b;
    }
  }
}

TYPED_TEST(GetrfBatched, WithoutPivotingFactorsInPlace) {
  using T = TypeParam;
  unsigned seed = 4000;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  for (Layout layout : kLayouts)
    for (Case c : kCases) {
      SCOPED_TRACE(::testing::Message() << "n=" << c.n << " " << layoutName(layout));
      const int ld = c.n + 3;
      std::vector<Matrix> matrices;
      for (int b = 0; b < c.count; ++b)
        matrices.push_back(dominantMatrix<T>(c.n, ld, seed++));
      std::vector<Matrix> factors;
      std::vector<int> pivots, info;
      runGetrf<T>(this->handle, matrices, c.n, ld, layout, false, &factors, &pivots, &info);
      ASSERT_FALSE(this->HasFatalFailure());
      for (int b = 0; b < c.count; ++b) {
        EXPECT_EQ(0, info[std::size_t(b)]);
        EXPECT_TRUE(
            reconstructs<T>(matrices[std::size_t(b)], factors[std::size_t(b)], c.n, ld, nullptr))
            << "matrix " << b;
      }
      // P is not written at all.
      EXPECT_EQ(std::vector<int>(pivots.size(), -1), pivots);
    }
}

// Exactly singular matrices: info is the first k with U(k, k) == 0, as
// LAPACK's, and the factorization still completes.
TYPED_TEST(GetrfBatched, SingularMatricesReportTheFirstZeroPivot) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 7, ld = 7;
  std::vector<Matrix> matrices;
  std::vector<int> expected;
  auto zeroColumns = [&](std::initializer_list<int> columns, unsigned seed) {
    Matrix a = randomMatrix<T>(n, ld, seed);
    for (int j : columns)
      for (int i = 0; i < n; ++i)
        at(a, ld, i, j) = 0;
    matrices.push_back(a);
    expected.push_back(1 + *std::min_element(columns.begin(), columns.end()));
  };
  zeroColumns({0}, 1);
  zeroColumns({3}, 2);
  zeroColumns({6}, 3);
  zeroColumns({4, 2}, 4);
  matrices.push_back(Matrix(std::size_t(n) * n, 0.0)); // all zero
  expected.push_back(1);
  // A zero row stays zero and is the last pivot row: U(n, n) == 0.
  Matrix zeroRow = randomMatrix<T>(n, ld, 5);
  for (int j = 0; j < n; ++j)
    at(zeroRow, ld, 2, j) = 0;
  matrices.push_back(zeroRow);
  expected.push_back(n);
  matrices.push_back(randomMatrix<T>(n, ld, 6)); // regular, between singular ones
  expected.push_back(0);
  for (Layout layout : kLayouts) {
    SCOPED_TRACE(layoutName(layout));
    std::vector<Matrix> factors;
    std::vector<int> pivots, info;
    runGetrf<T>(this->handle, matrices, n, ld, layout, true, &factors, &pivots, &info);
    ASSERT_FALSE(this->HasFatalFailure());
    for (std::size_t b = 0; b < matrices.size(); ++b) {
      std::vector<T> reference(matrices[b].begin(), matrices[b].end());
      std::vector<lapack_int> referencePivots(static_cast<std::size_t>(n));
      lapack_int referenceInfo = lapackGetrf(n, reference.data(), ld, referencePivots.data());
      EXPECT_EQ(expected[b], referenceInfo) << "matrix " << b;
      EXPECT_EQ(referenceInfo, info[b]) << "matrix " << b;
      EXPECT_TRUE(reconstructs<T>(matrices[b], factors[b], n, ld, pivots.data() + b * n))
          << "matrix " << b;
    }
  }
  // Without pivoting a zero in the leading position is a zero pivot.
  Matrix leadingZero = dominantMatrix<T>(n, ld, 7);
  at(leadingZero, ld, 0, 0) = 0;
  std::vector<Matrix> factors;
  std::vector<int> pivots, info;
  runGetrf<T>(this->handle, {leadingZero}, n, ld, Layout::Separate, false, &factors, &pivots,
              &info);
  EXPECT_EQ(std::vector<int>{1}, info);
}

// --- getrs ----------------------------------------------------------------------

// Factors with getrfBatched, solves op(A) X = B with getrsBatched, checks
// LAPACK's residual ratio and that B's padding and A stay as they were.
// B's matrices are laid out as A's unless `bLayout` says otherwise.
template <class T>
void checkSolve(cublasHandle_t handle, const std::vector<Matrix> &matrices, int n, int nrhs,
                cublasOperation_t trans, Layout layout, bool pivoting, unsigned seed,
                const Layout *bLayout = nullptr) {
  SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << n << " nrhs=" << nrhs
                                    << " trans=" << trans << " A: " << layoutName(layout)
                                    << " B: " << layoutName(bLayout != nullptr ? *bLayout : layout)
                                    << (pivoting ? "" : " no pivoting"));
  const int count = int(matrices.size()), lda = n + 1, ldb = n + 3;
  DeviceBatch<T> a(count, n, n, lda, layout),
      b(count, n, nrhs, ldb, bLayout != nullptr ? *bLayout : layout);
  a.upload(matrices);
  std::vector<Matrix> rhs;
  for (int i = 0; i < count; ++i) {
    Matrix m = randomMatrix<T>(std::max(n, nrhs), ldb, seed + unsigned(i));
    m.resize(std::size_t(ldb) * std::size_t(nrhs));
    rhs.push_back(m);
  }
  b.upload(rhs);
  DeviceArray<int> pivots(std::size_t(n) * std::size_t(count)),
      info(static_cast<std::size_t>(count));
  int *p = pivoting ? pivots.get() : nullptr;
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS, getrfBatched(handle, n, a.array(), lda, p, info.get(), count));
  std::vector<Matrix> factors = a.download();
  int hostInfo = 99;
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS, getrsBatched(handle, trans, n, nrhs, a.array(), lda, p,
                                                b.array(), ldb, &hostInfo, count));
  EXPECT_EQ(0, hostInfo);
  std::vector<Matrix> solutions = b.download();
  EXPECT_EQ(factors, a.download()) << "getrs changed the factors";
  for (int i = 0; i < count; ++i) {
    const Matrix &x = solutions[std::size_t(i)];
    EXPECT_LT(
        solveRatio<T>(matrices[std::size_t(i)], lda, trans, rhs[std::size_t(i)], x, ldb, n, nrhs),
        30.0)
        << "matrix " << i;
    for (int k = 0; k < nrhs; ++k)
      for (int r = n; r < ldb; ++r)
        ASSERT_EQ(at(rhs[std::size_t(i)], ldb, r, k), at(x, ldb, r, k))
            << "padding of B " << i << " at row " << r;
  }
}

TYPED_TEST(GetrsBatched, EveryTransposeSolvesWithinLapackRatio) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  unsigned seed = 5000;
  for (Layout layout : kLayouts)
    for (Case c : kCases)
      for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T, CUBLAS_OP_C})
        for (int nrhs : {1, 3}) {
          std::vector<Matrix> matrices;
          for (int b = 0; b < c.count; ++b)
            matrices.push_back(randomMatrix<T>(c.n, c.n + 1, seed++));
          checkSolve<T>(this->handle, matrices, c.n, nrhs, trans, layout, true, seed);
          seed += 100;
          ASSERT_FALSE(this->HasFatalFailure());
        }
}

TYPED_TEST(GetrsBatched, WithoutPivotsAfterGetrfWithoutPivoting) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  unsigned seed = 6000;
  for (Layout layout : kLayouts)
    for (int n : {1, 7, 33})
      for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T}) {
        std::vector<Matrix> matrices;
        for (int b = 0; b < 3; ++b)
          matrices.push_back(dominantMatrix<T>(n, n + 1, seed++));
        checkSolve<T>(this->handle, matrices, n, 2, trans, layout, false, seed);
        ASSERT_FALSE(this->HasFatalFailure());
      }
}

TYPED_TEST(GetrsBatched, ManyRightHandSidesAndLargeN) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  checkSolve<T>(this->handle, {randomMatrix<T>(7, 8, 7000), randomMatrix<T>(7, 8, 7001)}, 7, 300,
                CUBLAS_OP_N, Layout::Shared, true, 7002);
  checkSolve<T>(this->handle, {randomMatrix<T>(257, 258, 7003)}, 257, 2, CUBLAS_OP_T,
                Layout::Separate, true, 7004);
}

// A in one allocation, B in many (and the other way round): one launch
// per matrix.
TYPED_TEST(GetrsBatched, MixedLayouts) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  unsigned seed = 7100;
  for (Layout layout : kLayouts) {
    const Layout other = layout == Layout::Shared ? Layout::Separate : Layout::Shared;
    std::vector<Matrix> matrices;
    for (int b = 0; b < 5; ++b)
      matrices.push_back(randomMatrix<T>(9, 10, seed++));
    checkSolve<T>(this->handle, matrices, 9, 2, CUBLAS_OP_N, layout, true, seed, &other);
    ASSERT_FALSE(this->HasFatalFailure());
  }
}

// --- getri ----------------------------------------------------------------------

TYPED_TEST(GetriBatched, InvertsFromGetrfFactorsLeavingThemUnchanged) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  unsigned seed = 8000;
  for (Layout layout : kLayouts)
    for (Case c : kCases)
      for (bool pivoting : {true, false}) {
        SCOPED_TRACE(::testing::Message() << precisionName<T>() << " n=" << c.n << " "
                                          << layoutName(layout) << " pivoting=" << pivoting);
        const int lda = c.n + 1, ldc = c.n + 2;
        std::vector<Matrix> matrices;
        for (int b = 0; b < c.count; ++b)
          matrices.push_back(pivoting ? randomMatrix<T>(c.n, lda, seed++)
                                      : dominantMatrix<T>(c.n, lda, seed++));
        DeviceBatch<T> a(c.count, c.n, c.n, lda, layout), inverse(c.count, c.n, c.n, ldc, layout);
        a.upload(matrices);
        inverse.upload(std::vector<Matrix>(std::size_t(c.count),
                                           Matrix(std::size_t(ldc) * std::size_t(c.n), kPadding)));
        DeviceArray<int> pivots(std::size_t(c.n) * std::size_t(c.count)),
            info(static_cast<std::size_t>(c.count));
        int *p = pivoting ? pivots.get() : nullptr;
        CUBLAS_OK(getrfBatched(this->handle, c.n, a.array(), lda, p, info.get(), c.count));
        std::vector<Matrix> factors = a.download();
        info.upload(std::vector<int>(std::size_t(c.count), -1));
        CUBLAS_OK(getriBatched(this->handle, c.n, a.array(), lda, p, inverse.array(), ldc,
                               info.get(), c.count));
        EXPECT_EQ(std::vector<int>(std::size_t(c.count), 0), info.download());
        EXPECT_EQ(factors, a.download()) << "getri changed A";
        std::vector<Matrix> inverses = inverse.download();
        for (int b = 0; b < c.count; ++b) {
          EXPECT_LT(
              inverseRatio<T>(matrices[std::size_t(b)], lda, inverses[std::size_t(b)], ldc, c.n),
              30.0)
              << "matrix " << b;
          for (int j = 0; j < c.n; ++j)
            for (int i = c.n; i < ldc; ++i)
              ASSERT_EQ(kPadding, at(inverses[std::size_t(b)], ldc, i, j));
        }
      }
}

TYPED_TEST(GetriBatched, SingularFactorsReportInfoAndLeaveC) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 7;
  for (Layout layout : kLayouts) {
    SCOPED_TRACE(layoutName(layout));
    std::vector<Matrix> matrices = {randomMatrix<T>(n, n, 9000), randomMatrix<T>(n, n, 9001),
                                    randomMatrix<T>(n, n, 9002)};
    for (int i = 0; i < n; ++i)
      at(matrices[1], n, i, 4) = 0; // U(5, 5) == 0
    DeviceBatch<T> a(3, n, n, n, layout), inverse(3, n, n, n, layout);
    a.upload(matrices);
    const Matrix untouched(std::size_t(n) * n, kPadding);
    inverse.upload({untouched, untouched, untouched});
    DeviceArray<int> pivots(std::size_t(n) * 3), info(3);
    CUBLAS_OK(getrfBatched(this->handle, n, a.array(), n, pivots.get(), info.get(), 3));
    EXPECT_EQ((std::vector<int>{0, 5, 0}), info.download());
    info.upload({-1, -1, -1});
    CUBLAS_OK(getriBatched(this->handle, n, a.array(), n, pivots.get(), inverse.array(), n,
                           info.get(), 3));
    EXPECT_EQ((std::vector<int>{0, 5, 0}), info.download());
    std::vector<Matrix> inverses = inverse.download();
    EXPECT_EQ(untouched, inverses[1]);
    EXPECT_LT(inverseRatio<T>(matrices[0], n, inverses[0], n, n), 30.0);
    EXPECT_LT(inverseRatio<T>(matrices[2], n, inverses[2], n, n), 30.0);
  }
}

// --- matinv ---------------------------------------------------------------------

TYPED_TEST(MatinvBatched, InvertsUpTo32WithoutTouchingA) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  unsigned seed = 10000;
  for (Layout layout : kLayouts)
    for (Case c : {Case{1, 5}, Case{2, 6}, Case{7, 9}, Case{16, 3}, Case{31, 2}, Case{32, 4}}) {
      SCOPED_TRACE(::testing::Message()
                   << precisionName<T>() << " n=" << c.n << " " << layoutName(layout));
      const int lda = c.n + 2, ldi = c.n + 1;
      std::vector<Matrix> matrices;
      for (int b = 0; b < c.count; ++b)
        matrices.push_back(randomMatrix<T>(c.n, lda, seed++));
      DeviceBatch<T> a(c.count, c.n, c.n, lda, layout), inverse(c.count, c.n, c.n, ldi, layout);
      a.upload(matrices);
      inverse.upload(std::vector<Matrix>(std::size_t(c.count),
                                         Matrix(std::size_t(ldi) * std::size_t(c.n), kPadding)));
      DeviceArray<int> info(std::vector<int>(std::size_t(c.count), -1));
      CUBLAS_OK(matinvBatched(this->handle, c.n, a.array(), lda, inverse.array(), ldi, info.get(),
                              c.count));
      EXPECT_EQ(std::vector<int>(std::size_t(c.count), 0), info.download());
      EXPECT_EQ(matrices, a.download()) << "matinv changed A";
      std::vector<Matrix> inverses = inverse.download();
      for (int b = 0; b < c.count; ++b) {
        EXPECT_LT(
            inverseRatio<T>(matrices[std::size_t(b)], lda, inverses[std::size_t(b)], ldi, c.n),
            30.0)
            << "matrix " << b;
        for (int j = 0; j < c.n; ++j)
          for (int i = c.n; i < ldi; ++i)
            ASSERT_EQ(kPadding, at(inverses[std::size_t(b)], ldi, i, j));
      }
    }
}

TYPED_TEST(MatinvBatched, InPlaceAndSingular) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 9, ld = 10;
  for (Layout layout : kLayouts) {
    SCOPED_TRACE(layoutName(layout));
    std::vector<Matrix> matrices = {randomMatrix<T>(n, ld, 11000), randomMatrix<T>(n, ld, 11001),
                                    separatedPivotMatrix<T>(n, ld, 11002)};
    for (int i = 0; i < n; ++i)
      at(matrices[1], ld, i, 6) = at(matrices[1], ld, i, 8) = 0; // first zero pivot: 7
    DeviceBatch<T> a(3, n, n, ld, layout);
    a.upload(matrices);
    DeviceArray<int> info(std::vector<int>{-1, -1, -1});
    // Ainv == A: the inverse replaces the matrix.
    CUBLAS_OK(matinvBatched(this->handle, n, a.array(), ld, a.array(), ld, info.get(), 3));
    EXPECT_EQ((std::vector<int>{0, 7, 0}), info.download());
    std::vector<Matrix> inverses = a.download();
    EXPECT_LT(inverseRatio<T>(matrices[0], ld, inverses[0], ld, n), 30.0);
    EXPECT_LT(inverseRatio<T>(matrices[2], ld, inverses[2], ld, n), 30.0);
  }
}

// --- Arguments ------------------------------------------------------------------

TYPED_TEST(BatchedLuArguments, NullHandle) {
  using T = TypeParam;
  T **array = nullptr;
  int info = 0, *devInfo = nullptr;
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED, getrfBatched(nullptr, 2, array, 2, nullptr, devInfo, 1));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED,
            getrsBatched(nullptr, CUBLAS_OP_N, 2, 1, array, 2, nullptr, array, 2, &info, 1));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED,
            getriBatched(nullptr, 2, array, 2, nullptr, array, 2, devInfo, 1));
  EXPECT_EQ(CUBLAS_STATUS_NOT_INITIALIZED,
            matinvBatched(nullptr, 2, array, 2, array, 2, devInfo, 1));
}

TYPED_TEST(BatchedLuArguments, InvalidSizesAndQuickReturns) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 4;
  DeviceBatch<T> a(2, n, n, n, Layout::Shared), c(2, n, n, n, Layout::Separate);
  DeviceArray<int> pivots(2 * n), info(2);
  const std::vector<int> sentinel = {-5, -5};
  info.upload(sentinel);
  auto getrf = [&](int size, int lda, int batch) {
    return getrfBatched(this->handle, size, a.array(), lda, pivots.get(), info.get(), batch);
  };
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(-1, n, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(n, n - 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(0, 0, 2)); // lda >= max(1, n)
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(n, n, -1));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, getrf(0, 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, getrf(n, n, 0));
  EXPECT_EQ(sentinel, info.download()); // nothing ran

  auto getri = [&](int size, int lda, int ldc, int batch) {
    return getriBatched(this->handle, size, a.array(), lda, pivots.get(), c.array(), ldc,
                        info.get(), batch);
  };
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getri(-1, n, n, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getri(n, n - 1, n, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getri(n, n, n - 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getri(n, n, n, -1));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, getri(0, 1, 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, getri(n, n, n, 0));

  auto matinv = [&](int size, int lda, int ldi, int batch) {
    return matinvBatched(this->handle, size, a.array(), lda, c.array(), ldi, info.get(), batch);
  };
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, matinv(-1, n, n, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, matinv(n, n - 1, n, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, matinv(n, n, n - 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, matinv(n, n, n, -1));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, matinv(33, 33, 33, 2)); // n <= 32 only
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, matinv(0, 1, 1, 2));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, matinv(n, n, n, 0));
  EXPECT_EQ(sentinel, info.download());
}

// getrs reports the first invalid argument as info = -position.
TYPED_TEST(BatchedLuArguments, GetrsNamesTheInvalidArgument) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 4;
  DeviceBatch<T> a(2, n, n, n, Layout::Shared), b(2, n, 2, n, Layout::Shared);
  DeviceArray<int> pivots(2 * n);
  pivots.upload(std::vector<int>(2 * n, 1));
  auto getrs = [&](int trans, int size, int nrhs, T **aArray, int lda, const int *p, T **bArray,
                   int ldb, int batch, int *info) {
    return getrsBatched(this->handle, cublasOperation_t(trans), size, nrhs, aArray, lda, p, bArray,
                        ldb, info, batch);
  };
  struct Bad {
    int trans, n, nrhs, lda, ldb, batch, info;
  };
  const Bad cases[] = {
      {3, n, 2, n, n, 2, -2},   {-1, n, 2, n, n, 2, -2},    {0, -1, 2, n, n, 2, -3},
      {0, n, -1, n, n, 2, -4},  {0, n, 2, n - 1, n, 2, -6}, {1, n, 2, n, n - 1, 2, -9},
      {0, n, 2, n, n, -1, -11}, {0, 0, 2, 0, 1, 2, -6},     {2, 0, 1, 1, 0, 1, -9}};
  for (const Bad &bad : cases) {
    int info = 12345;
    EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
              getrs(bad.trans, bad.n, bad.nrhs, a.array(), bad.lda, pivots.get(), b.array(),
                    bad.ldb, bad.batch, &info))
        << "expected info " << bad.info;
    EXPECT_EQ(bad.info, info);
  }
  // Pointers that do not resolve.
  int info = 12345;
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, nullptr, n, pivots.get(), b.array(), n, 2, &info));
  EXPECT_EQ(-5, info);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, a.array(), n, pivots.get(), nullptr, n, 2, &info));
  EXPECT_EQ(-8, info);
  std::vector<int> hostPivots(2 * n, 1);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, a.array(), n, hostPivots.data(), b.array(), n, 2, &info));
  EXPECT_EQ(-7, info);
  DeviceArray<int> shortPivots(2 * n - 1);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, a.array(), n, shortPivots.get(), b.array(), n, 2, &info));
  EXPECT_EQ(-7, info);
  // info itself must be host memory.
  DeviceArray<int> deviceInfo(1);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, a.array(), n, pivots.get(), b.array(), n, 2, nullptr));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getrs(0, n, 2, a.array(), n, pivots.get(), b.array(), n, 2, deviceInfo.get()));
  // Quick returns set info to 0.
  for (auto sizes :
       {std::vector<int>{0, 2, 2}, std::vector<int>{n, 0, 2}, std::vector<int>{n, 2, 0}}) {
    info = 12345;
    EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
              getrs(0, sizes[0], sizes[1], nullptr, n, nullptr, nullptr, n, sizes[2], &info));
    EXPECT_EQ(0, info);
  }
}

// Pointer arrays, matrices, pivot and info arrays that do not hold their
// operands -> CUBLAS_STATUS_INVALID_VALUE, nothing written.
TYPED_TEST(BatchedLuArguments, UnresolvablePointers) {
  using T = TypeParam;
  SKIP_WITHOUT_PRECISION(
      getrfBatched(this->handle, 1, static_cast<T **>(nullptr), 1, nullptr, nullptr, 0));
  const int n = 4, count = 3;
  DeviceBatch<T> a(count, n, n, n, Layout::Separate), c(count, n, n, n, Layout::Shared);
  DeviceArray<int> pivots(count * n), info(count), shortInts(count - 1);
  const std::vector<int> sentinel(count, -5);
  info.upload(sentinel);
  std::vector<T *> hostArray = {a.matrix(0), a.matrix(1), a.matrix(2)};
  std::vector<T> hostMatrix(n * n);
  DeviceArray<T *> withHostMatrix(std::vector<T *>{a.matrix(0), hostMatrix.data(), a.matrix(2)});
  DeviceArray<T *> tooShortArray(std::vector<T *>{a.matrix(0), a.matrix(1)});
  const T *const *constA = a.array();

  auto getrf = [&](T **array, int lda, int *p, int *devInfo) {
    return getrfBatched(this->handle, n, array, lda, p, devInfo, count);
  };
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(nullptr, n, pivots.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(hostArray.data(), n, pivots.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(withHostMatrix.get(), n, pivots.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(tooShortArray.get(), n, pivots.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(a.array(), n + 1, pivots.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(a.array(), n, shortInts.get(), info.get()));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(a.array(), n, pivots.get(), nullptr));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(a.array(), n, pivots.get(), shortInts.get()));
  std::vector<int> hostInfo(count);
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getrf(a.array(), n, pivots.get(), hostInfo.data()));

  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getriBatched(this->handle, n, nullptr, n, pivots.get(),
                                                      c.array(), n, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getriBatched(this->handle, n, constA, n, pivots.get(), nullptr, n, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getriBatched(this->handle, n, constA, n, shortInts.get(),
                                                      c.array(), n, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE, getriBatched(this->handle, n, constA, n, pivots.get(),
                                                      a.array(), n + 1, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            getriBatched(this->handle, n, constA, n, pivots.get(), c.array(), n, nullptr, count));

  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            matinvBatched(this->handle, n, nullptr, n, c.array(), n, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            matinvBatched(this->handle, n, constA, n, withHostMatrix.get(), n, info.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            matinvBatched(this->handle, n, constA, n, c.array(), n, shortInts.get(), count));
  EXPECT_EQ(CUBLAS_STATUS_INVALID_VALUE,
            matinvBatched(this->handle, n, constA, n + 1, c.array(), n, info.get(), count));

  EXPECT_EQ(sentinel, info.download());
}
