// trsm, trmm, syrk and symm against OpenBLAS (CBLAS) on the same inputs: every
// side/uplo/trans/diag combination, sizes on both sides of the block size
// (128), both pointer modes, and every bad input's status. Elements the
// routine must not read hold NaN; elements it must not write are checked.
#include "blas_test_support.h"

#include <cblas.h>

#include <algorithm>

using namespace blastest;

namespace {

class Level3 : public HandleTest {};

template <class T> const T kNaN = std::numeric_limits<T>::quiet_NaN();

CBLAS_SIDE cblasSide(cublasSideMode_t s) {
  return s == CUBLAS_SIDE_LEFT ? CblasLeft : CblasRight;
}
CBLAS_UPLO cblasUplo(cublasFillMode_t u) {
  return u == CUBLAS_FILL_MODE_LOWER ? CblasLower : CblasUpper;
}
CBLAS_TRANSPOSE cblasTrans(cublasOperation_t t) {
  return t == CUBLAS_OP_N ? CblasNoTrans : CblasTrans;
}
CBLAS_DIAG cblasDiag(cublasDiagType_t d) {
  return d == CUBLAS_DIAG_UNIT ? CblasUnit : CblasNonUnit;
}

// A triangular k x k matrix (lda) that is well conditioned: a dominant
// diagonal, NaN in the triangle that is not `uplo` and, with a unit
// diagonal, on the diagonal.
template <class T>
std::vector<T> triangular(int k, int lda, cublasFillMode_t uplo, cublasDiagType_t diag,
                          unsigned seed) {
  std::vector<T> a = randomValues<T>(std::size_t(lda) * k, seed);
  for (int j = 0; j < k; ++j)
    for (int i = 0; i < lda; ++i) {
      T &v = a[std::size_t(j) * lda + i];
      if (i >= k || (uplo == CUBLAS_FILL_MODE_LOWER ? i < j : i > j))
        v = kNaN<T>;
      else if (i == j)
        v = diag == CUBLAS_DIAG_UNIT ? kNaN<T> : T(2 + std::fabs(double(v)));
      else
        v = T(v / k);
    }
  return a;
}

// OpenBLAS must not see the NaNs it would not read either; it reads the
// same triangle, but a unit diagonal is read by nobody: replace for it.
template <class T> std::vector<T> forReference(std::vector<T> a) {
  for (T &v : a)
    if (std::isnan(double(v)))
      v = T(0);
  return a;
}

template <class T>
void expectNear(const std::vector<T> &got, const std::vector<T> &want, double tolerance,
                const char *what) {
  ASSERT_EQ(got.size(), want.size());
  for (std::size_t i = 0; i < got.size(); ++i) {
    if (std::isnan(double(want[i]))) {
      ASSERT_TRUE(std::isnan(double(got[i]))) << what << " at " << i;
      continue;
    }
    ASSERT_NEAR(double(got[i]), double(want[i]), tolerance * (1 + std::fabs(double(want[i]))))
        << what << " at " << i;
  }
}

template <class T>
cublasStatus_t callTrsm(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo,
                        cublasOperation_t trans, cublasDiagType_t diag, int m, int n,
                        const T *alpha, const T *A, int lda, T *B, int ldb) {
  if constexpr (std::is_same_v<T, float>)
    return cublasStrsm(h, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
  else
    return cublasDtrsm(h, side, uplo, trans, diag, m, n, alpha, A, lda, B, ldb);
}

template <class T>
void trsmCase(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo,
              cublasOperation_t trans, cublasDiagType_t diag, int m, int n) {
  const int k = side == CUBLAS_SIDE_LEFT ? m : n, lda = k + 3, ldb = m + 2;
  std::vector<T> a = triangular<T>(k, lda, uplo, diag, 7);
  std::vector<T> b = randomValues<T>(std::size_t(ldb) * n, 8);
  for (int j = 0; j < n; ++j)
    for (int i = m; i < ldb; ++i)
      b[std::size_t(j) * ldb + i] = T(42); // padding: never written
  const T alpha = T(1.25);
  DeviceArray<T> dA(a), dB(b);
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            callTrsm<T>(h, side, uplo, trans, diag, m, n, &alpha, dA.get(), lda, dB.get(), ldb));
  std::vector<T> want = b, reference = forReference(a);
  if constexpr (std::is_same_v<T, float>)
    cblas_strsm(CblasColMajor, cblasSide(side), cblasUplo(uplo), cblasTrans(trans), cblasDiag(diag),
                m, n, alpha, reference.data(), lda, want.data(), ldb);
  else
    cblas_dtrsm(CblasColMajor, cblasSide(side), cblasUplo(uplo), cblasTrans(trans), cblasDiag(diag),
                m, n, alpha, reference.data(), lda, want.data(), ldb);
  expectNear(dB.download(), want, 200 * epsilon<T>() * k, "trsm");
}

TEST_F(Level3, TrsmEveryVariantAgainstOpenBlas) {
  for (cublasSideMode_t side : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT})
    for (cublasFillMode_t uplo : {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER})
      for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T})
        for (cublasDiagType_t diag : {CUBLAS_DIAG_NON_UNIT, CUBLAS_DIAG_UNIT}) {
          SCOPED_TRACE(::testing::Message() << "side " << side << " uplo " << uplo << " trans "
                                            << trans << " diag " << diag);
          trsmCase<float>(handle, side, uplo, trans, diag, 37, 21);
          trsmCase<double>(handle, side, uplo, trans, diag, 300, 150); // blocks of 128
          trsmCase<double>(handle, side, uplo, trans, diag, 129, 257);
        }
}

TEST_F(Level3, TrsmAlphaZeroAndDevicePointerMode) {
  std::vector<float> b(16, std::numeric_limits<float>::quiet_NaN());
  DeviceArray<float> dB(b);
  const float zero = 0;
  // alpha == 0: B becomes 0 and A is not read (not even a valid pointer).
  ASSERT_EQ(CUBLAS_STATUS_SUCCESS,
            cublasStrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_NON_UNIT, 4, 4, &zero, nullptr, 4, dB.get(), 4));
  for (float v : dB.download())
    EXPECT_EQ(v, 0.0f);
  // Device pointer mode: alpha read on the device.
  std::vector<double> a = {2, 0, 0, 4}, x = {1, 1};
  DeviceArray<double> dA(a), dX(x), dAlpha(std::vector<double>{8});
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  CUBLAS_OK(cublasDtrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_UPPER, CUBLAS_OP_N,
                        CUBLAS_DIAG_NON_UNIT, 2, 1, dAlpha.get(), dA.get(), 2, dX.get(), 2));
  std::vector<double> solved = dX.download();
  EXPECT_DOUBLE_EQ(solved[0], 4.0);
  EXPECT_DOUBLE_EQ(solved[1], 2.0);
}

template <class T>
void syrkCase(cublasHandle_t h, cublasFillMode_t uplo, cublasOperation_t trans, int n, int k,
              T alpha, T beta) {
  const bool t = trans != CUBLAS_OP_N;
  const int lda = (t ? k : n) + 1, ldc = n + 2;
  std::vector<T> a = randomValues<T>(std::size_t(lda) * (t ? n : k) + 1, 3);
  std::vector<T> c = randomValues<T>(std::size_t(ldc) * n, 4);
  DeviceArray<T> dA(a), dC(c);
  if constexpr (std::is_same_v<T, float>)
    CUBLAS_OK(cublasSsyrk(h, uplo, trans, n, k, &alpha, dA.get(), lda, &beta, dC.get(), ldc));
  else
    CUBLAS_OK(cublasDsyrk(h, uplo, trans, n, k, &alpha, dA.get(), lda, &beta, dC.get(), ldc));
  std::vector<T> want = c;
  if constexpr (std::is_same_v<T, float>)
    cblas_ssyrk(CblasColMajor, cblasUplo(uplo), cblasTrans(trans), n, k, alpha, a.data(), lda, beta,
                want.data(), ldc);
  else
    cblas_dsyrk(CblasColMajor, cblasUplo(uplo), cblasTrans(trans), n, k, alpha, a.data(), lda, beta,
                want.data(), ldc);
  // OpenBLAS leaves the other triangle alone as well: comparing all of C
  // checks that cucl wrote only its triangle.
  expectNear(dC.download(), want, 8 * epsilon<T>() * (k + 2), "syrk");
}

TEST_F(Level3, SyrkEveryVariantAgainstOpenBlas) {
  for (cublasFillMode_t uplo : {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER})
    for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T}) {
      SCOPED_TRACE(::testing::Message() << "uplo " << uplo << " trans " << trans);
      syrkCase<float>(handle, uplo, trans, 45, 17, 1.5f, -0.5f);
      syrkCase<double>(handle, uplo, trans, 300, 70, 0.75, 2.0);
      syrkCase<double>(handle, uplo, trans, 129, 0, 1.0, 0.5);   // k = 0: C = beta C
      syrkCase<double>(handle, uplo, trans, 130, 40, 0.0, -1.0); // alpha 0
    }
}

TEST_F(Level3, SyrkBetaZeroDoesNotReadC) {
  const int n = 5, k = 3;
  std::vector<float> a = randomValues<float>(n * k, 1);
  std::vector<float> c(n * n, std::numeric_limits<float>::quiet_NaN());
  DeviceArray<float> dA(a), dC(c);
  const float one = 1, zero = 0;
  CUBLAS_OK(cublasSsyrk(handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, n, k, &one, dA.get(), n, &zero,
                        dC.get(), n));
  std::vector<float> got = dC.download();
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < n; ++i)
      EXPECT_EQ(std::isnan(got[j * n + i]), i < j) << i << "," << j; // upper stays NaN
}

template <class T>
void symmCase(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo, int m, int n) {
  const int ka = side == CUBLAS_SIDE_LEFT ? m : n, lda = ka + 1, ldb = m + 3, ldc = m + 1;
  std::vector<T> a = randomValues<T>(std::size_t(lda) * ka, 5);
  for (int j = 0; j < ka; ++j) // the triangle that is not stored: NaN
    for (int i = 0; i < ka; ++i)
      if (uplo == CUBLAS_FILL_MODE_LOWER ? i < j : i > j)
        a[std::size_t(j) * lda + i] = kNaN<T>;
  std::vector<T> b = randomValues<T>(std::size_t(ldb) * n, 6),
                 c = randomValues<T>(std::size_t(ldc) * n, 7);
  const T alpha = T(0.5), beta = T(1.5);
  DeviceArray<T> dA(a), dB(b), dC(c);
  if constexpr (std::is_same_v<T, float>)
    CUBLAS_OK(cublasSsymm(h, side, uplo, m, n, &alpha, dA.get(), lda, dB.get(), ldb, &beta,
                          dC.get(), ldc));
  else
    CUBLAS_OK(cublasDsymm(h, side, uplo, m, n, &alpha, dA.get(), lda, dB.get(), ldb, &beta,
                          dC.get(), ldc));
  std::vector<T> want = c, reference = forReference(a);
  if constexpr (std::is_same_v<T, float>)
    cblas_ssymm(CblasColMajor, cblasSide(side), cblasUplo(uplo), m, n, alpha, reference.data(), lda,
                b.data(), ldb, beta, want.data(), ldc);
  else
    cblas_dsymm(CblasColMajor, cblasSide(side), cblasUplo(uplo), m, n, alpha, reference.data(), lda,
                b.data(), ldb, beta, want.data(), ldc);
  expectNear(dC.download(), want, 8 * epsilon<T>() * (ka + 2), "symm");
}

TEST_F(Level3, SymmEveryVariantAgainstOpenBlas) {
  for (cublasSideMode_t side : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT})
    for (cublasFillMode_t uplo : {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER}) {
      SCOPED_TRACE(::testing::Message() << "side " << side << " uplo " << uplo);
      symmCase<float>(handle, side, uplo, 33, 20);
      symmCase<double>(handle, side, uplo, 140, 75);
    }
}

template <class T>
void trmmCase(cublasHandle_t h, cublasSideMode_t side, cublasFillMode_t uplo,
              cublasOperation_t trans, cublasDiagType_t diag, int m, int n, bool inPlace) {
  const int k = side == CUBLAS_SIDE_LEFT ? m : n, lda = k + 1, ldb = m + 2;
  std::vector<T> a = triangular<T>(k, lda, uplo, diag, 11);
  std::vector<T> b = randomValues<T>(std::size_t(ldb) * n, 12);
  const T alpha = T(-0.75);
  DeviceArray<T> dA(a), dB(b), dC(b.size());
  T *c = inPlace ? dB.get() : dC.get();
  if constexpr (std::is_same_v<T, float>)
    CUBLAS_OK(cublasStrmm(h, side, uplo, trans, diag, m, n, &alpha, dA.get(), lda, dB.get(), ldb, c,
                          ldb));
  else
    CUBLAS_OK(cublasDtrmm(h, side, uplo, trans, diag, m, n, &alpha, dA.get(), lda, dB.get(), ldb, c,
                          ldb));
  std::vector<T> want = b, reference = forReference(a);
  if constexpr (std::is_same_v<T, float>)
    cblas_strmm(CblasColMajor, cblasSide(side), cblasUplo(uplo), cblasTrans(trans), cblasDiag(diag),
                m, n, alpha, reference.data(), lda, want.data(), ldb);
  else
    cblas_dtrmm(CblasColMajor, cblasSide(side), cblasUplo(uplo), cblasTrans(trans), cblasDiag(diag),
                m, n, alpha, reference.data(), lda, want.data(), ldb);
  std::vector<T> got = inPlace ? dB.download() : dC.download();
  for (int j = 0; j < n; ++j) // compare the m x n result, not C's padding
    for (int i = 0; i < m; ++i)
      ASSERT_NEAR(double(got[std::size_t(j) * ldb + i]), double(want[std::size_t(j) * ldb + i]),
                  8 * epsilon<T>() * (k + 2))
          << "(" << i << ", " << j << ")";
}

TEST_F(Level3, TrmmEveryVariantAgainstOpenBlas) {
  for (cublasSideMode_t side : {CUBLAS_SIDE_LEFT, CUBLAS_SIDE_RIGHT})
    for (cublasFillMode_t uplo : {CUBLAS_FILL_MODE_LOWER, CUBLAS_FILL_MODE_UPPER})
      for (cublasOperation_t trans : {CUBLAS_OP_N, CUBLAS_OP_T})
        for (cublasDiagType_t diag : {CUBLAS_DIAG_NON_UNIT, CUBLAS_DIAG_UNIT}) {
          SCOPED_TRACE(::testing::Message() << "side " << side << " uplo " << uplo << " trans "
                                            << trans << " diag " << diag);
          trmmCase<float>(handle, side, uplo, trans, diag, 29, 18, false);
          trmmCase<double>(handle, side, uplo, trans, diag, 70, 45, true); // C == B
        }
}

TEST_F(Level3, BadInputs) {
  DeviceArray<float> a(64), b(64);
  const float one = 1;
  auto trsm = [&](cublasSideMode_t side, cublasFillMode_t uplo, cublasOperation_t trans,
                  cublasDiagType_t diag, int m, int n, int lda, int ldb) {
    return cublasStrsm(handle, side, uplo, trans, diag, m, n, &one, a.get(), lda, b.get(), ldb);
  };
  EXPECT_EQ(cublasStrsm(nullptr, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_UNIT, 4, 4, &one, a.get(), 4, b.get(), 4),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(
      trsm(cublasSideMode_t(7), CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 4, 4, 4, 4),
      CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(trsm(CUBLAS_SIDE_LEFT, cublasFillMode_t(5), CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 4, 4, 4, 4),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(
      trsm(CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, cublasDiagType_t(9), 4, 4, 4, 4),
      CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(
      trsm(CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 4, 4, 3, 4),
      CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(
      trsm(CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 2, 5, 4, 4),
      CUBLAS_STATUS_INVALID_VALUE); // lda < n on the right
  EXPECT_EQ(
      trsm(CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, -1, 4, 4, 4),
      CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(
      trsm(CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 9, 9, 9, 9),
      CUBLAS_STATUS_INVALID_VALUE); // past the allocations
  CUBLAS_OK(
      trsm(CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, CUBLAS_DIAG_UNIT, 0, 4, 1, 1));
  std::vector<float> host(64);
  EXPECT_EQ(cublasStrsm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_UNIT, 4, 4, &one, host.data(), 4, b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSsyrk(handle, CUBLAS_FILL_MODE_FULL, CUBLAS_OP_N, 4, 4, &one, a.get(), 4, &one,
                        b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSsyrk(handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_T, 4, 6, &one, a.get(), 5, &one,
                        b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE); // lda < k with trans
  EXPECT_EQ(cublasSsyrk(handle, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N, 4, 4, &one, a.get(), 4, &one,
                        b.get(), 3),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSsymm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 4, 4, &one, a.get(), 3,
                        b.get(), 4, &one, b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSsymm(handle, CUBLAS_SIDE_RIGHT, CUBLAS_FILL_MODE_LOWER, 4, 9, &one, a.get(), 9,
                        b.get(), 4, &one, b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE); // past the allocations
  EXPECT_EQ(cublasStrmm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_UNIT, 4, 4, &one, a.get(), 4, b.get(), 4, b.get(), 3),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasStrmm(handle, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, cublasOperation_t(9),
                        CUBLAS_DIAG_UNIT, 4, 4, &one, a.get(), 4, b.get(), 4, b.get(), 4),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasStrmm(nullptr, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, CUBLAS_OP_N,
                        CUBLAS_DIAG_UNIT, 4, 4, &one, a.get(), 4, b.get(), 4, b.get(), 4),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSsymm(nullptr, CUBLAS_SIDE_LEFT, CUBLAS_FILL_MODE_LOWER, 4, 4, &one, a.get(), 4,
                        b.get(), 4, &one, b.get(), 4),
            CUBLAS_STATUS_NOT_INITIALIZED);
}

} // namespace
