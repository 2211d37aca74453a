// geam, dgmm and ger (S and D) against a host double-precision reference:
// every transpose pair and side, odd shapes, leading dimensions larger than
// the matrix (whose padding must stay as filled), increments of either sign
// (and 0 for dgmm), host and device pointer mode, zero scalars whose matrix
// is not read (null or NaN-filled), in-place calls, empty shapes, and every
// bad input with cuBLAS's status.
#include <algorithm>
#include <cstring>

#include "blas_test_support.h"

using namespace blastest;

namespace {

// The S and D routines under one name, for the typed tests.
cublasStatus_t geam(cublasHandle_t h, cublasOperation_t transa, cublasOperation_t transb, int m,
                    int n, const float *alpha, const float *A, int lda, const float *beta,
                    const float *B, int ldb, float *C, int ldc) {
  return cublasSgeam(h, transa, transb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}
cublasStatus_t geam(cublasHandle_t h, cublasOperation_t transa, cublasOperation_t transb, int m,
                    int n, const double *alpha, const double *A, int lda, const double *beta,
                    const double *B, int ldb, double *C, int ldc) {
  return cublasDgeam(h, transa, transb, m, n, alpha, A, lda, beta, B, ldb, C, ldc);
}
cublasStatus_t dgmm(cublasHandle_t h, cublasSideMode_t mode, int m, int n, const float *A, int lda,
                    const float *x, int incx, float *C, int ldc) {
  return cublasSdgmm(h, mode, m, n, A, lda, x, incx, C, ldc);
}
cublasStatus_t dgmm(cublasHandle_t h, cublasSideMode_t mode, int m, int n, const double *A, int lda,
                    const double *x, int incx, double *C, int ldc) {
  return cublasDdgmm(h, mode, m, n, A, lda, x, incx, C, ldc);
}
cublasStatus_t ger(cublasHandle_t h, int m, int n, const float *alpha, const float *x, int incx,
                   const float *y, int incy, float *A, int lda) {
  return cublasSger(h, m, n, alpha, x, incx, y, incy, A, lda);
}
cublasStatus_t ger(cublasHandle_t h, int m, int n, const double *alpha, const double *x, int incx,
                   const double *y, int incy, double *A, int lda) {
  return cublasDger(h, m, n, alpha, x, incx, y, incy, A, lda);
}

// An enum argument holding a value outside its enumerators, as a C caller
// can pass one (c_callers.c has no wrappers for these routines).
template <class Enum> Enum rawEnum(int value) {
  static_assert(sizeof(Enum) == sizeof(int), "enums are int-sized");
  Enum result;
  std::memcpy(&result, &value, sizeof result);
  return result;
}

template <class T> class Geam : public HandleTest {};
template <class T> class Dgmm : public HandleTest {};
template <class T> class Ger : public HandleTest {};
using Precisions = ::testing::Types<float, double>;
TYPED_TEST_SUITE(Geam, Precisions);
TYPED_TEST_SUITE(Dgmm, Precisions);
TYPED_TEST_SUITE(Ger, Precisions);

using GeamErrors = HandleTest;
using DgmmErrors = HandleTest;
using GerErrors = HandleTest;
constexpr cublasStatus_t kInvalid = CUBLAS_STATUS_INVALID_VALUE;

struct Shape {
  int m, n;
};
// One element, odd sizes, tall and wide, and more than one work-group along
// each dimension.
const Shape kShapes[] = {{1, 1}, {17, 33}, {64, 5}, {5, 64}, {1, 300}, {130, 70}};
const cublasOperation_t kOps[] = {CUBLAS_OP_N, CUBLAS_OP_T, CUBLAS_OP_C};

std::size_t at(int row, int column, int ld) {
  return std::size_t(row) + std::size_t(column) * std::size_t(ld);
}

// Element (i, j) of op(M), M column-major with leading dimension ld.
template <class T>
double opElement(const std::vector<T> &m, cublasOperation_t op, int i, int j, int ld) {
  return op == CUBLAS_OP_N ? double(m[at(i, j, ld)]) : double(m[at(j, i, ld)]);
}

// Elements of an ld x columns storage outside its top `rows` rows: the
// padding a routine must leave as it was.
template <class T>
void expectPaddingKept(const std::vector<T> &got, const std::vector<T> &before, int rows,
                       int columns, int ld) {
  for (int j = 0; j < columns; ++j)
    for (int i = rows; i < ld; ++i)
      ASSERT_EQ(before[at(i, j, ld)], got[at(i, j, ld)]) << "padding (" << i << ", " << j << ")";
}

// ---------------------------------------------------------------- geam

// C = alpha * op(A) + beta * op(B) on the host, compared element by element;
// C's padding (ldc > m) must keep its filler.
template <class T>
void checkGeam(cublasHandle_t handle, cublasOperation_t transa, cublasOperation_t transb, int m,
               int n, int pad, T alpha, T beta, unsigned seed) {
  SCOPED_TRACE(::testing::Message()
               << precisionName<T>() << " transa=" << transa << " transb=" << transb << " m=" << m
               << " n=" << n << " pad=" << pad << " alpha=" << alpha << " beta=" << beta);
  const int aRows = transa == CUBLAS_OP_N ? m : n, aColumns = transa == CUBLAS_OP_N ? n : m;
  const int bRows = transb == CUBLAS_OP_N ? m : n, bColumns = transb == CUBLAS_OP_N ? n : m;
  const int lda = aRows + pad, ldb = bRows + 2 * pad, ldc = m + pad;
  std::vector<T> a = randomValues<T>(at(0, aColumns, lda), seed);
  std::vector<T> b = randomValues<T>(at(0, bColumns, ldb), seed + 1);
  const std::vector<T> c(at(0, n, ldc), T(-321));
  DeviceArray<T> da(a), db(b), dc(c);
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS, geam(handle, transa, transb, m, n, &alpha, da.get(), lda, &beta,
                                        db.get(), ldb, dc.get(), ldc));
  std::vector<T> got = dc.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double aTerm = double(alpha) * opElement(a, transa, i, j, lda);
      double bTerm = double(beta) * opElement(b, transb, i, j, ldb);
      ASSERT_TRUE(
          closeForSum<T>(got[at(i, j, ldc)], aTerm + bTerm, std::fabs(aTerm) + std::fabs(bTerm), 2))
          << "element (" << i << ", " << j << ")";
    }
  expectPaddingKept(got, c, m, n, ldc);
}

TYPED_TEST(Geam, EveryOpPairAndShapeMatchesReference) {
  using T = TypeParam;
  unsigned seed = 100;
  for (cublasOperation_t transa : kOps)
    for (cublasOperation_t transb : kOps)
      for (Shape s : kShapes)
        checkGeam<T>(this->handle, transa, transb, s.m, s.n, 0, T(1.5), T(-0.75), seed++);
}

TYPED_TEST(Geam, LeadingDimensionsLargerThanTheMatrix) {
  using T = TypeParam;
  unsigned seed = 200;
  for (cublasOperation_t transa : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (cublasOperation_t transb : {CUBLAS_OP_N, CUBLAS_OP_T}) {
      checkGeam<T>(this->handle, transa, transb, 17, 33, 3, T(-2), T(0.5), seed++);
      checkGeam<T>(this->handle, transa, transb, 64, 5, 7, T(0.25), T(1), seed++);
    }
}

// alpha = 1, beta = 0 transposes A exactly; B is never read, so it may be
// null (host pointer mode).
TYPED_TEST(Geam, BetaZeroTransposesWithoutReadingB) {
  using T = TypeParam;
  const int m = 17, n = 33;
  const T one = 1, zero = 0;
  std::vector<T> a = randomValues<T>(std::size_t(n) * m, 300);
  DeviceArray<T> da(a), dc(std::size_t(m) * n);
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, &one, da.get(), n, &zero,
                 static_cast<const T *>(nullptr), m, dc.get(), m));
  std::vector<T> got = dc.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i)
      ASSERT_EQ(a[at(j, i, n)], got[at(i, j, m)]) << "(" << i << ", " << j << ")";
  // A NaN-filled B with beta == 0 leaves no NaN in C either.
  DeviceArray<T> nanB(std::vector<T>(std::size_t(m) * n, std::numeric_limits<T>::quiet_NaN()));
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_T, CUBLAS_OP_T, m, n, &one, da.get(), n, &zero, nanB.get(),
                 n, dc.get(), m));
  EXPECT_EQ(got, dc.download());
}

TYPED_TEST(Geam, AlphaZeroScalesBWithoutReadingA) {
  using T = TypeParam;
  const int m = 64, n = 5;
  const T zero = 0, beta = -2;
  std::vector<T> b = randomValues<T>(std::size_t(m) * n, 400);
  DeviceArray<T> db(b), dc(std::size_t(m) * n);
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, &zero,
                 static_cast<const T *>(nullptr), m, &beta, db.get(), m, dc.get(), m));
  std::vector<T> got = dc.download();
  for (std::size_t k = 0; k < b.size(); ++k)
    ASSERT_EQ(T(-2 * b[k]), got[k]) << k;
}

// alpha = beta = 0 resets C, NaNs included, and reads neither A nor B.
TYPED_TEST(Geam, BothZeroResetsC) {
  using T = TypeParam;
  const int m = 17, n = 33;
  const T zero = 0;
  DeviceArray<T> dc(std::vector<T>(std::size_t(m) * n, std::numeric_limits<T>::quiet_NaN()));
  const T *none = nullptr;
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_T, CUBLAS_OP_C, m, n, &zero, none, n, &zero, none, n,
                 dc.get(), m));
  EXPECT_EQ(std::vector<T>(std::size_t(m) * n, T(0)), dc.download());
}

// alpha and beta read from device memory, zeros included: a zero scalar
// still keeps its (NaN-filled) matrix out of C.
TYPED_TEST(Geam, DevicePointerMode) {
  using T = TypeParam;
  const int m = 17, n = 33;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  std::vector<T> a = randomValues<T>(std::size_t(m) * n, 500),
                 b = randomValues<T>(std::size_t(m) * n, 501);
  DeviceArray<T> da(a), db(b), dc(std::size_t(m) * n),
      nans(std::vector<T>(std::size_t(m) * n, nan)), scalars(std::vector<T>{T(2), T(-0.5), T(0)});
  const T *two = scalars.get(), *minusHalf = scalars.get() + 1, *zero = scalars.get() + 2;
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));

  CUBLAS_OK(geam(this->handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, two, da.get(), m, minusHalf,
                 db.get(), n, dc.get(), m));
  std::vector<T> got = dc.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double aTerm = 2.0 * a[at(i, j, m)], bTerm = -0.5 * b[at(j, i, n)];
      ASSERT_TRUE(
          closeForSum<T>(got[at(i, j, m)], aTerm + bTerm, std::fabs(aTerm) + std::fabs(bTerm), 2));
    }

  CUBLAS_OK(geam(this->handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, two, da.get(), m, zero, nans.get(),
                 m, dc.get(), m));
  got = dc.download();
  for (std::size_t k = 0; k < a.size(); ++k)
    ASSERT_EQ(T(2 * a[k]), got[k]) << k;

  CUBLAS_OK(geam(this->handle, CUBLAS_OP_T, CUBLAS_OP_N, m, n, zero, nans.get(), n, minusHalf,
                 db.get(), m, dc.get(), m));
  got = dc.download();
  for (std::size_t k = 0; k < b.size(); ++k)
    ASSERT_EQ(T(-0.5 * b[k]), got[k]) << k;
}

// C == A (transa N, lda == ldc) and C == B (transb N, ldb == ldc).
TYPED_TEST(Geam, InPlace) {
  using T = TypeParam;
  const int m = 33, n = 17, ld = 40;
  const T alpha = 1.5, beta = -3;
  std::vector<T> c = randomValues<T>(at(0, n, ld), 600);
  std::vector<T> other = randomValues<T>(std::size_t(n) * m, 601); // n x m, used transposed
  DeviceArray<T> dc(c), dother(other);
  auto check = [&](const std::vector<T> &got, double cScale, double otherScale) {
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < m; ++i) {
        double cTerm = cScale * c[at(i, j, ld)], otherTerm = otherScale * other[at(j, i, n)];
        ASSERT_TRUE(closeForSum<T>(got[at(i, j, ld)], cTerm + otherTerm,
                                   std::fabs(cTerm) + std::fabs(otherTerm), 2))
            << "(" << i << ", " << j << ")";
      }
    expectPaddingKept(got, c, m, n, ld);
  };

  // C = alpha * C + beta * B^T
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_N, CUBLAS_OP_T, m, n, &alpha, dc.get(), ld, &beta,
                 dother.get(), n, dc.get(), ld));
  check(dc.download(), alpha, beta);
  // C = alpha * A^T + beta * C
  dc.upload(c);
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_C, CUBLAS_OP_N, m, n, &alpha, dother.get(), n, &beta,
                 dc.get(), ld, dc.get(), ld));
  check(dc.download(), beta, alpha);
}

TYPED_TEST(Geam, EmptyShapesReturnAtOnce) {
  using T = TypeParam;
  const T one = 1;
  const T *none = nullptr;
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 5, &one, none, 1, &one, none, 1,
                 static_cast<T *>(nullptr), 1));
  CUBLAS_OK(geam(this->handle, CUBLAS_OP_T, CUBLAS_OP_T, 5, 0, &one, none, 1, &one, none, 1,
                 static_cast<T *>(nullptr), 5));
}

TEST_F(GeamErrors, BadArgumentsGetInvalidValue) {
  DeviceArray<float> a(64), b(64), c(64);
  const float one = 1, zero = 0;
  auto call = [&](cublasOperation_t transa, cublasOperation_t transb, int m, int n, int lda,
                  int ldb, int ldc) {
    return cublasSgeam(handle, transa, transb, m, n, &one, a.get(), lda, &one, b.get(), ldb,
                       c.get(), ldc);
  };
  const cublasOperation_t N = CUBLAS_OP_N, T = CUBLAS_OP_T;
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_CONJG, N, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(N, CUBLAS_OP_CONJG, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(rawEnum<cublasOperation_t>(9), N, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(N, rawEnum<cublasOperation_t>(-1), 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(N, N, -1, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(N, N, 2, -1, 2, 2, 2));
  EXPECT_EQ(kInvalid, call(N, N, 4, 2, 3, 4, 4)); // lda < m
  EXPECT_EQ(kInvalid, call(T, N, 2, 4, 3, 2, 2)); // lda < n for op T
  EXPECT_EQ(kInvalid, call(N, N, 4, 2, 4, 3, 4)); // ldb < m
  EXPECT_EQ(kInvalid, call(N, T, 2, 4, 2, 3, 2)); // ldb < n for op T
  EXPECT_EQ(kInvalid, call(N, N, 4, 2, 4, 4, 3)); // ldc < m
  EXPECT_EQ(kInvalid, call(T, T, 4, 2, 2, 2, 3)); // ldc < m with ops T too
  EXPECT_EQ(kInvalid, call(N, N, 0, 2, 0, 1, 1)); // lda < max(1, m)
  EXPECT_EQ(kInvalid, call(N, N, 0, 2, 1, 1, 0)); // ldc < max(1, m)
  // The boundary cases are fine: for op T the stored A is n x m.
  CUBLAS_OK(call(T, T, 4, 2, 2, 2, 4));
  CUBLAS_OK(call(N, N, 0, 2, 1, 1, 1));
  CUBLAS_OK(call(N, N, 2, 0, 2, 2, 2));
  // Null scalars.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, nullptr, a.get(), 2, &one, b.get(), 2, c.get(), 2));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &one, a.get(), 2, nullptr, b.get(), 2, c.get(), 2));
  // A null matrix that is read, or a null C.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &one, nullptr, 2, &one, b.get(), 2, c.get(), 2));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &one, a.get(), 2, &one, nullptr, 2, c.get(), 2));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &zero, a.get(), 2, &zero, b.get(), 2, nullptr, 2));
}

TEST_F(GeamErrors, InPlaceOnlyElementForElement) {
  DeviceArray<float> c(64), other(64);
  const float one = 1, zero = 0;
  const cublasOperation_t N = CUBLAS_OP_N, T = CUBLAS_OP_T;
  // C == A needs transa == N and lda == ldc; C == B likewise.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, T, N, 4, 4, &one, c.get(), 4, &one, other.get(), 4, c.get(), 4));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, c.get(), 5, &one, other.get(), 4, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSgeam(handle, N, CUBLAS_OP_C, 4, 4, &one, other.get(), 4, &one, c.get(),
                                  4, c.get(), 4));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, other.get(), 4, &one, c.get(), 4, c.get(), 5));
  // A matrix whose scalar is 0 (host pointer mode) is not read: it may be C.
  CUBLAS_OK(cublasSgeam(handle, T, N, 4, 4, &zero, c.get(), 4, &one, other.get(), 4, c.get(), 4));
  CUBLAS_OK(cublasSgeam(handle, N, T, 4, 4, &one, other.get(), 4, &zero, c.get(), 8, c.get(), 4));
  // In device pointer mode the scalars are unknown: the rule holds.
  DeviceArray<float> scalars(std::vector<float>{0.0f, 1.0f});
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid, cublasSgeam(handle, T, N, 4, 4, scalars.get(), c.get(), 4, scalars.get() + 1,
                                  other.get(), 4, c.get(), 4));
}

TEST_F(GeamErrors, MemoryTheLibraryCannotUseIsRefused) {
  DeviceArray<float> a(16), b(16), c(16);
  DeviceArray<double> d(16);
  std::vector<float> host(16, 1.0f);
  const float one = 1;
  const double done = 1;
  const cublasOperation_t N = CUBLAS_OP_N, T = CUBLAS_OP_T;
  // Host memory for a matrix.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, host.data(), 4, &one, b.get(), 4, c.get(), 4));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, a.get(), 4, &one, b.get(), 4, host.data(), 4));
  // Spans past the allocation: (cols - 1) * ld + rows elements.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, a.get(), 5, &one, b.get(), 4, c.get(), 4));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, T, N, 2, 8, &one, a.get(), 9, &one, b.get(), 2, c.get(), 2));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, T, 8, 2, &one, a.get(), 8, &one, b.get(), 3, c.get(), 8));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 4, 4, &one, a.get(), 4, &one, b.get(), 4, c.get() + 1, 4));
  // Misaligned (not a whole number of elements into the allocation).
  const float *shiftedA =
      reinterpret_cast<const float *>(reinterpret_cast<const char *>(a.get()) + 2);
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &one, shiftedA, 2, &one, b.get(), 2, c.get(), 2));
  EXPECT_EQ(kInvalid, cublasDgeam(handle, N, N, 2, 2, &done, d.get(), 2, &done, d.get() + 4, 2,
                                  reinterpret_cast<double *>(c.get() + 1), 2));
  // Host pointer mode with device scalars, device pointer mode with host ones.
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, a.get(), a.get(), 2, &one, b.get(), 2, c.get(), 2));
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid,
            cublasSgeam(handle, N, N, 2, 2, &one, a.get(), 2, b.get(), b.get(), 2, c.get(), 2));
  // Exactly the allocations is fine.
  CUBLAS_OK(
      cublasSgeam(handle, T, N, 4, 4, a.get(), a.get(), 4, a.get() + 1, b.get(), 4, c.get(), 4));
}

TEST_F(GeamErrors, FreedMemoryIsRefused) {
  DeviceArray<float> c(16); // first: an allocation after the free could reuse its address
  float *freed = nullptr;
  CUDA_OK(cudaMalloc(reinterpret_cast<void **>(&freed), 64));
  CUDA_OK(cudaFree(freed));
  const float one = 1;
  EXPECT_EQ(kInvalid, cublasSgeam(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, &one, freed, 4, &one,
                                  c.get(), 4, c.get(), 4));
}

// ---------------------------------------------------------------- dgmm

// Storage of the diagonal for `count` logical elements with increment inc
// (0: one element, repeated).
template <class T>
std::vector<T> diagonalStorage(const std::vector<T> &logical, int inc, T filler) {
  if (inc == 0)
    return std::vector<T>{logical[0]};
  return toStorage(logical, inc, filler);
}

template <class T>
void checkDgmm(cublasHandle_t handle, cublasSideMode_t mode, int m, int n, int pad, int incx,
               unsigned seed) {
  SCOPED_TRACE(::testing::Message() << precisionName<T>() << " mode=" << mode << " m=" << m
                                    << " n=" << n << " pad=" << pad << " incx=" << incx);
  const bool right = mode == CUBLAS_SIDE_RIGHT;
  const int lda = m + pad, ldc = m + 2 * pad;
  std::vector<T> a = randomValues<T>(at(0, n, lda), seed);
  std::vector<T> x = randomValues<T>(std::size_t(right ? n : m), seed + 1);
  if (incx == 0) // every element of the diagonal is x[0]
    std::fill(x.begin(), x.end(), x[0]);
  const std::vector<T> c(at(0, n, ldc), T(-321));
  DeviceArray<T> da(a), dx(diagonalStorage(x, incx, T(-123))), dc(c);
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            dgmm(handle, mode, m, n, da.get(), lda, dx.get(), incx, dc.get(), ldc));
  std::vector<T> got = dc.download();
  // One product per element: the same rounding as on the host.
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i)
      ASSERT_EQ(T(a[at(i, j, lda)] * x[std::size_t(right ? j : i)]), got[at(i, j, ldc)])
          << "element (" << i << ", " << j << ")";
  expectPaddingKept(got, c, m, n, ldc);
}

TYPED_TEST(Dgmm, EverySideShapeAndIncrementMatchesReference) {
  using T = TypeParam;
  unsigned seed = 700;
  for (cublasSideMode_t mode : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT})
    for (Shape s : kShapes)
      for (int incx : {1, 2, -1, -3, 0})
        checkDgmm<T>(this->handle, mode, s.m, s.n, 0, incx, seed++);
}

TYPED_TEST(Dgmm, LeadingDimensionsLargerThanTheMatrix) {
  using T = TypeParam;
  unsigned seed = 800;
  for (cublasSideMode_t mode : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT}) {
    checkDgmm<T>(this->handle, mode, 17, 33, 3, 1, seed++);
    checkDgmm<T>(this->handle, mode, 64, 5, 5, -2, seed++);
  }
}

// C == A with lda == ldc: each element is read, then written, by one work-item.
TYPED_TEST(Dgmm, InPlace) {
  using T = TypeParam;
  const int m = 33, n = 17, ld = 36;
  std::vector<T> a = randomValues<T>(at(0, n, ld), 900);
  std::vector<T> x = randomValues<T>(std::size_t(m), 901);
  DeviceArray<T> da(a), dx(x);
  CUBLAS_OK(dgmm(this->handle, CUBLAS_SIDE_LEFT, m, n, da.get(), ld, dx.get(), 1, da.get(), ld));
  std::vector<T> got = da.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i)
      ASSERT_EQ(T(a[at(i, j, ld)] * x[std::size_t(i)]), got[at(i, j, ld)]);
  expectPaddingKept(got, a, m, n, ld);
}

TYPED_TEST(Dgmm, EmptyShapesReturnAtOnce) {
  using T = TypeParam;
  const T *none = nullptr;
  CUBLAS_OK(
      dgmm(this->handle, CUBLAS_SIDE_LEFT, 0, 5, none, 1, none, 1, static_cast<T *>(nullptr), 1));
  CUBLAS_OK(
      dgmm(this->handle, CUBLAS_SIDE_RIGHT, 5, 0, none, 5, none, 1, static_cast<T *>(nullptr), 5));
}

TEST_F(DgmmErrors, BadArgumentsGetInvalidValue) {
  DeviceArray<float> a(64), x(8), c(64);
  auto call = [&](cublasSideMode_t mode, int m, int n, int lda, int incx, int ldc) {
    return cublasSdgmm(handle, mode, m, n, a.get(), lda, x.get(), incx, c.get(), ldc);
  };
  const cublasSideMode_t L = CUBLAS_SIDE_LEFT, R = CUBLAS_SIDE_RIGHT;
  EXPECT_EQ(kInvalid, call(rawEnum<cublasSideMode_t>(2), 2, 2, 2, 1, 2));
  EXPECT_EQ(kInvalid, call(rawEnum<cublasSideMode_t>(-1), 2, 2, 2, 1, 2));
  EXPECT_EQ(kInvalid, call(L, -1, 2, 2, 1, 2));
  EXPECT_EQ(kInvalid, call(R, 2, -1, 2, 1, 2));
  EXPECT_EQ(kInvalid, call(L, 4, 2, 3, 1, 4)); // lda < m
  EXPECT_EQ(kInvalid, call(R, 4, 2, 4, 1, 3)); // ldc < m
  EXPECT_EQ(kInvalid, call(L, 0, 2, 0, 1, 1)); // lda < max(1, m)
  EXPECT_EQ(kInvalid, call(L, 0, 2, 1, 1, 0)); // ldc < max(1, m)
  // Any increment is fine, 0 and negative ones included.
  CUBLAS_OK(call(L, 4, 2, 4, 0, 4));
  CUBLAS_OK(call(R, 4, 2, 4, -2, 4));
  CUBLAS_OK(call(L, 0, 2, 1, 1, 1));
  // In place needs lda == ldc.
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, c.get(), 4, x.get(), 1, c.get(), 5));
  CUBLAS_OK(cublasSdgmm(handle, L, 4, 4, c.get(), 4, x.get(), 1, c.get(), 4));
}

TEST_F(DgmmErrors, MemoryTheLibraryCannotUseIsRefused) {
  DeviceArray<float> a(16), x(4), c(16);
  std::vector<float> host(16, 1.0f);
  const cublasSideMode_t L = CUBLAS_SIDE_LEFT, R = CUBLAS_SIDE_RIGHT;
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, nullptr, 4, x.get(), 1, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, a.get(), 4, nullptr, 1, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, a.get(), 4, x.get(), 1, nullptr, 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, host.data(), 4, x.get(), 1, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, R, 4, 4, a.get(), 4, host.data(), 1, c.get(), 4));
  // Spans past the allocation: A, C; x has m (left) or n (right) elements.
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, a.get(), 5, x.get(), 1, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 4, a.get(), 4, x.get(), 1, c.get() + 1, 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, L, 4, 2, a.get(), 4, x.get(), 2, c.get(), 4));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, R, 2, 8, a.get(), 2, x.get(), 1, c.get(), 2));
  EXPECT_EQ(kInvalid, cublasSdgmm(handle, R, 2, 4, a.get(), 2, x.get() + 1, -1, c.get(), 2));
  // Exactly the allocations is fine.
  CUBLAS_OK(cublasSdgmm(handle, R, 2, 2, a.get(), 2, x.get(), -3, c.get(), 2));
  CUBLAS_OK(cublasSdgmm(handle, L, 4, 4, a.get(), 4, x.get() + 3, 0, c.get(), 4));
}

// ---------------------------------------------------------------- ger

template <class T>
void checkGer(cublasHandle_t handle, int m, int n, int pad, int incx, int incy, T alpha,
              unsigned seed) {
  SCOPED_TRACE(::testing::Message()
               << precisionName<T>() << " m=" << m << " n=" << n << " pad=" << pad
               << " incx=" << incx << " incy=" << incy << " alpha=" << alpha);
  const int lda = m + pad;
  std::vector<T> a = randomValues<T>(at(0, n, lda), seed);
  std::vector<T> x = randomValues<T>(std::size_t(m), seed + 1);
  std::vector<T> y = randomValues<T>(std::size_t(n), seed + 2);
  DeviceArray<T> da(a), dx(toStorage(x, incx, T(-123))), dy(toStorage(y, incy, T(-123)));
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            ger(handle, m, n, &alpha, dx.get(), incx, dy.get(), incy, da.get(), lda));
  std::vector<T> got = da.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double update = double(alpha) * x[std::size_t(i)] * y[std::size_t(j)];
      double before = a[at(i, j, lda)];
      ASSERT_TRUE(closeForSum<T>(got[at(i, j, lda)], before + update,
                                 std::fabs(before) + std::fabs(update), 2))
          << "element (" << i << ", " << j << ")";
    }
  expectPaddingKept(got, a, m, n, lda);
}

TYPED_TEST(Ger, ShapesAndIncrementsMatchReference) {
  using T = TypeParam;
  unsigned seed = 1000;
  const int increments[][2] = {{1, 1}, {2, -1}, {-3, 2}, {-1, -2}};
  for (Shape s : kShapes)
    for (auto inc : increments)
      checkGer<T>(this->handle, s.m, s.n, 0, inc[0], inc[1], T(1.5), seed++);
  checkGer<T>(this->handle, 17, 33, 4, 1, 1, T(-0.5), seed++);
  checkGer<T>(this->handle, 64, 5, 1, -2, 3, T(2), seed++);
}

// alpha == 0 leaves A as it is: x and y are not read (null in host pointer
// mode; NaN-filled in device pointer mode, where the kernel sees the 0).
TYPED_TEST(Ger, AlphaZeroLeavesAAlone) {
  using T = TypeParam;
  const int m = 17, n = 33;
  const T zero = 0;
  const T nan = std::numeric_limits<T>::quiet_NaN();
  std::vector<T> a = randomValues<T>(std::size_t(m) * n, 1100);
  DeviceArray<T> da(a), nans(std::vector<T>(std::size_t(n), nan)), deviceZero(std::vector<T>{T(0)});
  const T *none = nullptr;
  CUBLAS_OK(ger(this->handle, m, n, &zero, none, 1, none, 1, da.get(), m));
  EXPECT_EQ(a, da.download());
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(ger(this->handle, m, n, deviceZero.get(), nans.get(), 1, nans.get(), 1, da.get(), m));
  EXPECT_EQ(a, da.download());
}

TYPED_TEST(Ger, DevicePointerMode) {
  using T = TypeParam;
  const int m = 33, n = 17;
  std::vector<T> a = randomValues<T>(std::size_t(m) * n, 1200), x = randomValues<T>(m, 1201),
                 y = randomValues<T>(n, 1202);
  DeviceArray<T> da(a), dx(x), dy(y), alpha(std::vector<T>{T(-2)});
  CUBLAS_OK(cublasSetPointerMode(this->handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(ger(this->handle, m, n, alpha.get(), dx.get(), 1, dy.get(), 1, da.get(), m));
  std::vector<T> got = da.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double update = -2.0 * x[std::size_t(i)] * y[std::size_t(j)], before = a[at(i, j, m)];
      ASSERT_TRUE(closeForSum<T>(got[at(i, j, m)], before + update,
                                 std::fabs(before) + std::fabs(update), 2));
    }
}

TYPED_TEST(Ger, EmptyShapesReturnAtOnce) {
  using T = TypeParam;
  const T one = 1;
  const T *none = nullptr;
  CUBLAS_OK(ger(this->handle, 0, 5, &one, none, 1, none, 1, static_cast<T *>(nullptr), 1));
  CUBLAS_OK(ger(this->handle, 5, 0, &one, none, 1, none, 1, static_cast<T *>(nullptr), 5));
}

TEST_F(GerErrors, BadArgumentsGetInvalidValue) {
  DeviceArray<float> a(64), x(8), y(8);
  const float one = 1;
  auto call = [&](int m, int n, int incx, int incy, int lda) {
    return cublasSger(handle, m, n, &one, x.get(), incx, y.get(), incy, a.get(), lda);
  };
  EXPECT_EQ(kInvalid, call(-1, 2, 1, 1, 2));
  EXPECT_EQ(kInvalid, call(2, -1, 1, 1, 2));
  EXPECT_EQ(kInvalid, call(2, 2, 0, 1, 2));
  EXPECT_EQ(kInvalid, call(2, 2, 1, 0, 2));
  EXPECT_EQ(kInvalid, call(4, 2, 1, 1, 3)); // lda < m
  EXPECT_EQ(kInvalid, call(0, 2, 1, 1, 0)); // lda < max(1, m)
  EXPECT_EQ(kInvalid, call(0, 2, 0, 1, 1)); // checked before the empty shape
  CUBLAS_OK(call(0, 2, 1, 1, 1));
  CUBLAS_OK(call(4, 2, -2, -1, 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 2, 2, nullptr, x.get(), 1, y.get(), 1, a.get(), 2));
}

TEST_F(GerErrors, MemoryTheLibraryCannotUseIsRefused) {
  DeviceArray<float> a(16), x(4), y(4);
  std::vector<float> host(16, 1.0f);
  const float one = 1;
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, nullptr, 1, y.get(), 1, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, nullptr, 1, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, y.get(), 1, nullptr, 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, host.data(), 1, y.get(), 1, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, y.get(), 1, host.data(), 4));
  // Spans past the allocation.
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 2, y.get(), 1, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, y.get() + 1, -1, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, y.get(), 1, a.get(), 5));
  // Device pointer mode: alpha must be device memory.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, &one, x.get(), 1, y.get(), 1, a.get(), 4));
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
  EXPECT_EQ(kInvalid, cublasSger(handle, 4, 4, x.get(), x.get(), 1, y.get(), 1, a.get(), 4));
  // Exactly the allocations is fine.
  CUBLAS_OK(cublasSger(handle, 4, 4, &one, x.get(), 1, y.get(), -1, a.get(), 4));
}

} // namespace

TEST(GeamDgmmGer, NullHandleSaysNotInitialized) {
  DeviceArray<float> f(16);
  DeviceArray<double> d(16);
  const float fone = 1;
  const double done = 1;
  const cublasStatus_t expected = CUBLAS_STATUS_NOT_INITIALIZED;
  const cublasOperation_t N = CUBLAS_OP_N;
  EXPECT_EQ(expected, cublasSgeam(nullptr, N, N, 2, 2, &fone, f.get(), 2, &fone, f.get() + 4, 2,
                                  f.get() + 8, 2));
  EXPECT_EQ(expected, cublasDgeam(nullptr, N, N, 2, 2, &done, d.get(), 2, &done, d.get() + 4, 2,
                                  d.get() + 8, 2));
  EXPECT_EQ(expected,
            cublasSdgmm(nullptr, CUBLAS_SIDE_LEFT, 2, 2, f.get(), 2, f.get() + 4, 1, f.get(), 2));
  EXPECT_EQ(expected,
            cublasDdgmm(nullptr, CUBLAS_SIDE_RIGHT, 2, 2, d.get(), 2, d.get() + 4, 1, d.get(), 2));
  EXPECT_EQ(expected, cublasSger(nullptr, 2, 2, &fone, f.get(), 1, f.get() + 2, 1, f.get() + 4, 2));
  EXPECT_EQ(expected, cublasDger(nullptr, 2, 2, &done, d.get(), 1, d.get() + 2, 1, d.get() + 4, 2));
}
