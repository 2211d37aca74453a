// The GEMM API layer: cuBLAS's statuses for bad handles, sizes, leading
// dimensions, ops, type combinations and pointers; quick returns; and a few
// end-to-end calls that exercise the plumbing into the engine (interior
// pointers, lda > m, device pointer mode, k == 0 with null A and B). The
// engine's numerics are tested by gemm_*_test.cpp.
#include "blas_calls.h"
#include "blas_test_support.h"
#include "c_callers.h"

using namespace blastest;

namespace {

using GemmApi = HandleTest;
constexpr cublasStatus_t kInvalid = CUBLAS_STATUS_INVALID_VALUE;
constexpr cublasStatus_t kNotSupported = CUBLAS_STATUS_NOT_SUPPORTED;

// Column-major reference C = alpha * op(A) * op(B) + beta * C in double.
template <class T>
std::vector<double> referenceGemm(bool ta, bool tb, int m, int n, int k, double alpha,
                                  const std::vector<T> &a, int lda, const std::vector<T> &b,
                                  int ldb, double beta, const std::vector<T> &c, int ldc) {
  std::vector<double> out(c.begin(), c.end());
  for (int j = 0; j < n; ++j)
    for (int i = 0; i < m; ++i) {
      double sum = 0;
      for (int p = 0; p < k; ++p) {
        double av = ta ? a[std::size_t(p) + std::size_t(i) * lda]
                       : a[std::size_t(i) + std::size_t(p) * lda];
        double bv = tb ? b[std::size_t(j) + std::size_t(p) * ldb]
                       : b[std::size_t(p) + std::size_t(j) * ldb];
        sum += av * bv;
      }
      std::size_t at = std::size_t(i) + std::size_t(j) * ldc;
      out[at] = alpha * sum + (beta == 0 ? 0.0 : beta * double(c[at]));
    }
  return out;
}

} // namespace

TEST(GemmNullHandle, EveryGemmSaysNotInitialized) {
  const float f = 1;
  const double d = 1;
  float *fp = nullptr;
  double *dp = nullptr;
  const cublasStatus_t expected = CUBLAS_STATUS_NOT_INITIALIZED;
  EXPECT_EQ(expected,
            cublasSgemm(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &f, fp, 1, fp, 1, &f, fp, 1));
  EXPECT_EQ(expected,
            cublasDgemm(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &d, dp, 1, dp, 1, &d, dp, 1));
  EXPECT_EQ(expected, cublasSgemmStridedBatched(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &f, fp,
                                                1, 1, fp, 1, 1, &f, fp, 1, 1, 1));
  EXPECT_EQ(expected, cublasDgemmStridedBatched(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &d, dp,
                                                1, 1, dp, 1, 1, &d, dp, 1, 1, 1));
  EXPECT_EQ(expected, cublasGemmEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &f, fp, CUDA_R_32F,
                                   1, fp, CUDA_R_32F, 1, &f, fp, CUDA_R_32F, 1, CUBLAS_COMPUTE_32F,
                                   CUBLAS_GEMM_DEFAULT));
  EXPECT_EQ(expected,
            cublasGemmStridedBatchedEx(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 1, 1, 1, &f, fp,
                                       CUDA_R_32F, 1, 1, fp, CUDA_R_32F, 1, 1, &f, fp, CUDA_R_32F,
                                       1, 1, 1, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT));
}

TEST_F(GemmApi, NegativeSizesAndBadOps) {
  DeviceArray<float> a(64);
  const float one = 1;
  float *p = a.get();
  auto sgemm = [&](int ta, int tb, int m, int n, int k, int lda, int ldb, int ldc) {
    return c_sgemm(handle, ta, tb, m, n, k, &one, p, lda, p, ldb, &one, p, ldc);
  };
  EXPECT_EQ(kInvalid, sgemm(CUBLAS_OP_N, CUBLAS_OP_N, -1, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, sgemm(CUBLAS_OP_N, CUBLAS_OP_N, 2, -1, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, sgemm(CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, -1, 2, 2, 2));
  EXPECT_EQ(kInvalid, sgemm(7, CUBLAS_OP_N, 2, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, sgemm(CUBLAS_OP_N, -1, 2, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, sgemm(CUBLAS_OP_CONJG, CUBLAS_OP_N, 2, 2, 2, 2, 2, 2));
  EXPECT_EQ(kInvalid, cublasSgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, &one, p,
                                                2, 4, p, 2, 4, &one, p, 2, 4, -1));
}

TEST_F(GemmApi, LeadingDimensionsFollowOpAndStorage) {
  DeviceArray<float> a(64);
  const float one = 1;
  float *p = a.get();
  auto sgemm = [&](cublasOperation_t ta, cublasOperation_t tb, int m, int n, int k, int lda,
                   int ldb, int ldc) {
    return cublasSgemm(handle, ta, tb, m, n, k, &one, p, lda, p, ldb, &one, p, ldc);
  };
  const auto N = CUBLAS_OP_N, T = CUBLAS_OP_T;
  // m = 3, n = 2, k = 4. A is m x k (N) or k x m (T); B is k x n (N) or n x k (T).
  EXPECT_EQ(kInvalid, sgemm(N, N, 3, 2, 4, 2, 4, 3)); // lda < m
  EXPECT_EQ(kInvalid, sgemm(T, N, 3, 2, 4, 3, 4, 3)); // lda < k
  EXPECT_EQ(kInvalid, sgemm(N, N, 3, 2, 4, 3, 3, 3)); // ldb < k
  EXPECT_EQ(kInvalid, sgemm(N, T, 3, 2, 4, 3, 1, 3)); // ldb < n
  EXPECT_EQ(kInvalid, sgemm(N, N, 3, 2, 4, 3, 4, 2)); // ldc < m
  EXPECT_EQ(kInvalid, sgemm(N, N, 0, 2, 4, 0, 4, 1)); // lda < max(1, m)
  EXPECT_EQ(kInvalid, sgemm(N, N, 0, 2, 4, 1, 4, 0)); // ldc < max(1, m)
  EXPECT_EQ(kInvalid, sgemm(N, N, 3, 2, 0, 3, 0, 3)); // ldb < max(1, k)
  // Sizes with a zero m or n return at once, whatever the pointers.
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            cublasSgemm(handle, N, N, 0, 2, 4, &one, nullptr, 1, nullptr, 4, &one, nullptr, 1));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            cublasSgemm(handle, T, T, 3, 0, 4, &one, nullptr, 4, nullptr, 1, &one, nullptr, 3));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            cublasSgemmStridedBatched(handle, N, N, 3, 2, 4, &one, nullptr, 3, 12, nullptr, 4, 8,
                                      &one, nullptr, 3, 6, 0));
}

TEST_F(GemmApi, UnsupportedTypeCombinations) {
  const float one = 1;
  void *none = nullptr;
  // m == 0 stops after the checks: only the type decides.
  auto ex = [&](int at, int bt, int ct, int compute, int algo = CUBLAS_GEMM_DEFAULT) {
    return c_gemm_ex(handle, CUBLAS_OP_N, CUBLAS_OP_N, 0, 1, 1, &one, none, at, 1, none, bt, 1,
                     &one, none, ct, 1, compute, algo);
  };
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUBLAS_COMPUTE_32F_FAST_TF32));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_16F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_32F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, ex(CUDA_R_64F, CUDA_R_64F, CUDA_R_64F, CUBLAS_COMPUTE_64F));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_ALGO5));

  EXPECT_EQ(kNotSupported, ex(CUDA_R_32F, CUDA_R_16F, CUDA_R_32F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_16F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_16F, CUBLAS_COMPUTE_16F));
  // cuBLAS offers the reduced-precision fp32 compute types for fp32 A/B/C only.
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS,
            ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_32F, CUBLAS_COMPUTE_32F_PEDANTIC));
  for (int fast : {CUBLAS_COMPUTE_32F_FAST_16F, CUBLAS_COMPUTE_32F_FAST_16BF,
                   CUBLAS_COMPUTE_32F_FAST_TF32, CUBLAS_COMPUTE_32F_EMULATED_16BFX9}) {
    EXPECT_EQ(CUBLAS_STATUS_SUCCESS, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, fast)) << fast;
    EXPECT_EQ(kNotSupported, ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_16F, fast)) << fast;
    EXPECT_EQ(kNotSupported, ex(CUDA_R_16F, CUDA_R_16F, CUDA_R_32F, fast)) << fast;
  }
  EXPECT_EQ(kNotSupported, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUBLAS_COMPUTE_64F));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_64F, CUDA_R_64F, CUDA_R_64F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_8I, CUDA_R_8I, CUDA_R_32I, CUBLAS_COMPUTE_32I));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_16BF, CUDA_R_16BF, CUDA_R_32F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(kNotSupported, ex(CUDA_C_32F, CUDA_C_32F, CUDA_C_32F, CUBLAS_COMPUTE_32F));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, 12345));
  EXPECT_EQ(kNotSupported, ex(CUDA_R_32F, CUDA_R_32F, CUDA_R_32F, CUBLAS_COMPUTE_32F, 4242));
  // Size errors come first.
  EXPECT_EQ(kInvalid, c_gemm_ex(handle, CUBLAS_OP_N, CUBLAS_OP_N, -1, 1, 1, &one, none, CUDA_R_8I,
                                1, none, CUDA_R_8I, 1, &one, none, CUDA_R_8I, 1, CUBLAS_COMPUTE_32I,
                                CUBLAS_GEMM_DEFAULT));
}

TEST_F(GemmApi, PointersMustBeDeviceMemoryCoveringTheSpan) {
  const int m = 4, n = 4, k = 4;
  DeviceArray<float> a(16), b(16), c(16);
  std::vector<float> host(16);
  const float one = 1;
  const auto N = CUBLAS_OP_N;
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, host.data(), m, b.get(), k, &one, c.get(), m));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m, host.data(), k, &one, c.get(), m));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m, b.get(), k, &one, host.data(), m));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get() + 1, m, b.get(), k, &one, c.get(), m));
  EXPECT_EQ(kInvalid, cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m + 1, b.get(), k, &one,
                                  c.get(), m)); // 3 * 5 + 4 = 19 > 16
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m, b.get(), k, &one, c.get(), m + 1));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, nullptr, a.get(), m, b.get(), k, &one, c.get(), m));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m, b.get(), k, nullptr, c.get(), m));
  // Strided batches: the last batch must fit too, and so must the first
  // with a negative stride.
  EXPECT_EQ(kInvalid, cublasSgemmStridedBatched(handle, N, N, 2, 2, 2, &one, a.get(), 2, 4, b.get(),
                                                2, 4, &one, c.get(), 2, 4, 5));
  EXPECT_EQ(kInvalid, cublasSgemmStridedBatched(handle, N, N, 2, 2, 2, &one, a.get(), 2, -4,
                                                b.get(), 2, 4, &one, c.get(), 2, 4, 2));
  // Device pointer mode: alpha and beta must be device memory.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid,
            cublasSgemm(handle, N, N, m, n, k, &one, a.get(), m, b.get(), k, c.get(), c.get(), m));
}

TEST_F(GemmApi, DoubleGemmChecksLikeSingle) {
  DeviceArray<double> a(16);
  const double one = 1;
  std::vector<double> host(16);
  EXPECT_EQ(kInvalid, cublasDgemm(handle, CUBLAS_OP_T, CUBLAS_OP_N, 4, 4, 4, &one, a.get(), 3,
                                  a.get(), 4, &one, a.get(), 4));
  EXPECT_EQ(kInvalid, cublasDgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, host.data(), 4,
                                  a.get(), 4, &one, a.get(), 4));
  EXPECT_EQ(kInvalid,
            cublasDgemmStridedBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, a.get(), 4,
                                      16, a.get(), 4, 0, &one, a.get(), 4, 0, 2));
}

// End to end through the engine: interior pointers, lda/ldb/ldc larger than
// needed, every op pair.
TEST_F(GemmApi, SgemmWithOffsetsAndLargeLeadingDimensions) {
  const int m = 7, n = 5, k = 3;
  const float alpha = 1.5f, beta = -0.5f;
  for (cublasOperation_t ta : {CUBLAS_OP_N, CUBLAS_OP_T})
    for (cublasOperation_t tb : {CUBLAS_OP_N, CUBLAS_OP_C}) {
      const bool transA = ta != CUBLAS_OP_N, transB = tb != CUBLAS_OP_N;
      const int lda = (transA ? k : m) + 2, ldb = (transB ? n : k) + 1, ldc = m + 3;
      std::vector<float> a = randomValues<float>(std::size_t(lda) * (transA ? m : k), 600);
      std::vector<float> b = randomValues<float>(std::size_t(ldb) * (transB ? k : n), 601);
      std::vector<float> c = randomValues<float>(std::size_t(ldc) * n, 602);
      // Each operand starts 5 elements into its allocation.
      std::vector<float> pad(5, 0.0f);
      auto padded = [&](const std::vector<float> &v) {
        std::vector<float> out(pad);
        out.insert(out.end(), v.begin(), v.end());
        return out;
      };
      DeviceArray<float> da(padded(a)), db(padded(b)), dc(padded(c));
      CUBLAS_OK(cublasSgemm(handle, ta, tb, m, n, k, &alpha, da.get() + 5, lda, db.get() + 5, ldb,
                            &beta, dc.get() + 5, ldc));
      std::vector<double> want =
          referenceGemm(transA, transB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
      std::vector<float> got = dc.download();
      for (int j = 0; j < n; ++j)
        for (int i = 0; i < m; ++i) {
          std::size_t at = std::size_t(i) + std::size_t(j) * ldc;
          ASSERT_NEAR(want[at], got[5 + at], 1e-5 * (k + 2) * 4) << "op " << ta << tb;
        }
      // Rows between m and ldc are untouched.
      for (int j = 0; j < n; ++j)
        for (int i = m; i < ldc; ++i) {
          std::size_t at = std::size_t(i) + std::size_t(j) * ldc;
          ASSERT_EQ(c[at], got[5 + at]);
        }
    }
}

TEST_F(GemmApi, DevicePointerModeAndZeroK) {
  const int m = 3, n = 2, k = 4;
  std::vector<float> a = randomValues<float>(m * k, 700), b = randomValues<float>(k * n, 701),
                     c = randomValues<float>(m * n, 702);
  DeviceArray<float> da(a), db(b), dc(c), scalars(std::vector<float>{2.0f, 0.0f});
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  dc.upload(std::vector<float>(m * n, std::numeric_limits<float>::quiet_NaN()));
  CUBLAS_OK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, k, scalars.get(), da.get(), m,
                        db.get(), k, scalars.get() + 1, dc.get(), m));
  std::vector<double> want = referenceGemm(false, false, m, n, k, 2.0, a, m, b, k, 0.0, c, m);
  std::vector<float> got = dc.download();
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(want[i], got[i], 1e-5 * 16);
  // k == 0: C = beta * C, and A and B are never looked at.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
  dc.upload(c);
  const float one = 1, two = 2;
  CUBLAS_OK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, m, n, 0, &one, nullptr, m, nullptr, 1,
                        &two, dc.get(), m));
  got = dc.download();
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_EQ(2 * c[i], got[i]);
}
