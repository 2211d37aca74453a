// cublas{S,D}gemm, the strided-batched variants and cublasGemm(StridedBatched)Ex
// against a host double-precision reference: every transpose combination,
// odd sizes, padded leading dimensions, offset pointers, the alpha/beta/k
// special cases cuBLAS defines, fp16 storage, device pointer mode, streams.
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>

#include "cublas_v2.h"
#include "cuda_runtime.h"

namespace {

// fp16 <-> fp32 on the host (round to nearest even), for fp16 operands.
std::uint16_t toHalf(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, 4);
  const std::uint32_t sign = (bits >> 16) & 0x8000u;
  const int exponent = static_cast<int>((bits >> 23) & 0xff) - 127 + 15;
  std::uint32_t mantissa = bits & 0x7fffffu;
  if (((bits >> 23) & 0xff) == 0xff)
    return static_cast<std::uint16_t>(sign | 0x7c00u | (mantissa ? 0x200u : 0));
  if (exponent >= 31)
    return static_cast<std::uint16_t>(sign | 0x7c00u);
  if (exponent <= 0) {
    if (exponent < -10)
      return static_cast<std::uint16_t>(sign);
    mantissa |= 0x800000u;
    const int shift = 14 - exponent;
    std::uint32_t half = mantissa >> shift;
    const std::uint32_t rest = mantissa & ((1u << shift) - 1), middle = 1u << (shift - 1);
    if (rest > middle || (rest == middle && (half & 1)))
      ++half;
    return static_cast<std::uint16_t>(sign | half);
  }
  std::uint32_t half = (static_cast<std::uint32_t>(exponent) << 10) | (mantissa >> 13);
  const std::uint32_t rest = mantissa & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (half & 1)))
    ++half;
  return static_cast<std::uint16_t>(sign | half);
}

float fromHalf(std::uint16_t half) {
  const std::uint32_t sign = (half & 0x8000u) << 16;
  int exponent = (half >> 10) & 0x1f;
  std::uint32_t mantissa = half & 0x3ffu;
  std::uint32_t bits;
  if (exponent == 0x1f) {
    bits = sign | 0x7f800000u | (mantissa << 13);
  } else if (exponent == 0) {
    if (mantissa == 0) {
      bits = sign;
    } else {
      exponent = 1;
      while ((mantissa & 0x400u) == 0) {
        mantissa <<= 1;
        --exponent;
      }
      bits = sign | (static_cast<std::uint32_t>(exponent + 127 - 15) << 23) |
             ((mantissa & 0x3ffu) << 13);
    }
  } else {
    bits = sign | (static_cast<std::uint32_t>(exponent + 127 - 15) << 23) | (mantissa << 13);
  }
  float value;
  std::memcpy(&value, &bits, 4);
  return value;
}

// Host storage of one precision, converted to/from double for the reference.
enum class Type { Half, Float, Double };

std::size_t bytesOf(Type type) {
  return type == Type::Half ? 2 : type == Type::Float ? 4 : 8;
}

struct HostMatrix {
  Type type;
  std::vector<unsigned char> bytes;

  HostMatrix(Type t, std::size_t count) : type(t), bytes(count * bytesOf(t)) {}
  std::size_t size() const { return bytes.size() / bytesOf(type); }
  double get(std::size_t i) const {
    switch (type) {
    case Type::Half: {
      std::uint16_t h;
      std::memcpy(&h, &bytes[i * 2], 2);
      return fromHalf(h);
    }
    case Type::Float: {
      float f;
      std::memcpy(&f, &bytes[i * 4], 4);
      return f;
    }
    case Type::Double: {
      double d;
      std::memcpy(&d, &bytes[i * 8], 8);
      return d;
    }
    }
    return 0;
  }
  void set(std::size_t i, double value) {
    switch (type) {
    case Type::Half: {
      std::uint16_t h = toHalf(static_cast<float>(value));
      std::memcpy(&bytes[i * 2], &h, 2);
      break;
    }
    case Type::Float: {
      float f = static_cast<float>(value);
      std::memcpy(&bytes[i * 4], &f, 4);
      break;
    }
    case Type::Double:
      std::memcpy(&bytes[i * 8], &value, 8);
      break;
    }
  }
};

// Device copy of a host matrix (plus a guard region to catch stray writes).
struct DeviceMatrix {
  void *base = nullptr;
  std::size_t bytes = 0;
  explicit DeviceMatrix(const HostMatrix &host) : bytes(host.bytes.size()) {
    EXPECT_EQ(cudaMalloc(&base, bytes), cudaSuccess);
    EXPECT_EQ(cudaMemcpy(base, host.bytes.data(), bytes, cudaMemcpyHostToDevice), cudaSuccess);
  }
  ~DeviceMatrix() { cudaFree(base); }
  void download(HostMatrix &host) const {
    EXPECT_EQ(cudaMemcpy(host.bytes.data(), base, bytes, cudaMemcpyDeviceToHost), cudaSuccess);
  }
};

struct Case {
  cublasOperation_t transA = CUBLAS_OP_N, transB = CUBLAS_OP_N;
  int m = 1, n = 1, k = 1;
  int padA = 0, padB = 0, padC = 0; // extra leading-dimension rows
  int offset = 0;                   // elements before (0,0) of each matrix
  int batch = 1;
  bool strideZeroA = false;     // every batch reads the same A
  bool negativeStrides = false; // pointers to the last batch, strides negated
  double alpha = 1.5, beta = 0.5;
  bool nanC = false;  // C starts as NaN (beta == 0 must not read it)
  bool nanAB = false; // A and B hold NaN (alpha == 0 must not read them)
  Type ab = Type::Float, c = Type::Float;
};

double tolerance(const Case &t) {
  if (t.ab == Type::Double)
    return 1e-12;
  if (t.c == Type::Half)
    return 2e-3; // the result is rounded to fp16
  return 1e-5;
}

class GemmTest : public ::testing::Test {
protected:
  void SetUp() override { ASSERT_EQ(cublasCreate(&handle_), CUBLAS_STATUS_SUCCESS); }
  void TearDown() override { cublasDestroy(handle_); }

  // Runs `t` through the matching cuBLAS entry point and compares every
  // element of C, including the padding rows that must stay untouched.
  void check(const Case &t) {
    SCOPED_TRACE(::testing::Message() << "op" << (t.transA == CUBLAS_OP_N ? 'N' : 'T')
                                      << (t.transB == CUBLAS_OP_N ? 'N' : 'T') << " m=" << t.m
                                      << " n=" << t.n << " k=" << t.k << " batch=" << t.batch
                                      << " alpha=" << t.alpha << " beta=" << t.beta);
    const bool ta = t.transA != CUBLAS_OP_N, tb = t.transB != CUBLAS_OP_N;
    const int aRows = ta ? t.k : t.m, aCols = ta ? t.m : t.k;
    const int bRows = tb ? t.n : t.k, bCols = tb ? t.k : t.n;
    const int lda = std::max(aRows, 1) + t.padA, ldb = std::max(bRows, 1) + t.padB,
              ldc = std::max(t.m, 1) + t.padC;
    const long long strideA = t.strideZeroA ? 0 : static_cast<long long>(lda) * aCols + 3;
    const long long strideB = static_cast<long long>(ldb) * bCols + 5;
    const long long strideC = static_cast<long long>(ldc) * t.n + 1;
    const std::size_t sizeA =
        t.offset + (t.strideZeroA ? 1 : t.batch) * (std::size_t)(lda * aCols + 3);
    const std::size_t sizeB = t.offset + t.batch * (std::size_t)strideB;
    const std::size_t sizeC = t.offset + t.batch * (std::size_t)strideC;

    std::mt19937 random(42);
    auto fill = [&](HostMatrix &matrix, bool nan) {
      for (std::size_t i = 0; i < matrix.size(); ++i)
        matrix.set(i, nan ? std::numeric_limits<double>::quiet_NaN()
                          : static_cast<int>(random() % 17) / 8.0 - 1.0);
    };
    HostMatrix a(t.ab, sizeA), b(t.ab, sizeB), c(t.c, sizeC);
    fill(a, t.nanAB);
    fill(b, t.nanAB);
    fill(c, t.nanC);
    HostMatrix expected = c;
    for (int batch = 0; batch < t.batch; ++batch)
      for (int j = 0; j < t.n; ++j)
        for (int i = 0; i < t.m; ++i) {
          double sum = 0;
          if (t.alpha != 0)
            for (int l = 0; l < t.k; ++l) {
              const std::size_t ai = t.offset + batch * strideA +
                                     (ta ? l + (std::size_t)i * lda : i + (std::size_t)l * lda);
              const std::size_t bi = t.offset + batch * strideB +
                                     (tb ? j + (std::size_t)l * ldb : l + (std::size_t)j * ldb);
              sum += a.get(ai) * b.get(bi);
            }
          const std::size_t ci = t.offset + batch * strideC + i + (std::size_t)j * ldc;
          expected.set(ci, t.alpha * sum + (t.beta == 0 ? 0 : t.beta * c.get(ci)));
        }

    DeviceMatrix da(a), db(b), dc(c);
    const auto *pa = static_cast<const unsigned char *>(da.base) + t.offset * bytesOf(t.ab);
    const auto *pb = static_cast<const unsigned char *>(db.base) + t.offset * bytesOf(t.ab);
    auto *pc = static_cast<unsigned char *>(dc.base) + t.offset * bytesOf(t.c);
    const long long sign = t.negativeStrides ? -1 : 1;
    if (t.negativeStrides) { // batch i of the call is stored batch (batch - 1 - i)
      pa += (t.batch - 1) * strideA * static_cast<long long>(bytesOf(t.ab));
      pb += (t.batch - 1) * strideB * static_cast<long long>(bytesOf(t.ab));
      pc += (t.batch - 1) * strideC * static_cast<long long>(bytesOf(t.c));
    }
    ASSERT_EQ(run(t, pa, lda, sign * strideA, pb, ldb, sign * strideB, pc, ldc, sign * strideC),
              CUBLAS_STATUS_SUCCESS);
    ASSERT_EQ(cudaDeviceSynchronize(), cudaSuccess);
    HostMatrix result(t.c, sizeC);
    dc.download(result);
    double worst = 0;
    std::size_t worstAt = 0;
    for (std::size_t i = 0; i < result.size(); ++i) {
      const double want = expected.get(i), got = result.get(i);
      const bool bothNan = std::isnan(want) && std::isnan(got);
      const double error = bothNan ? 0
                           : std::isnan(got) || std::isnan(want)
                               ? INFINITY
                               : std::fabs(got - want) / (1 + std::fabs(want));
      if (error > worst) {
        worst = error;
        worstAt = i;
      }
    }
    EXPECT_LE(worst, tolerance(t)) << "at element " << worstAt << ": got " << result.get(worstAt)
                                   << ", expected " << expected.get(worstAt);
  }

  cublasStatus_t run(const Case &t, const void *a, int lda, long long strideA, const void *b,
                     int ldb, long long strideB, void *c, int ldc, long long strideC) {
    if (t.ab == Type::Half || t.c != t.ab)
      return gemmEx(t, a, lda, strideA, b, ldb, strideB, c, ldc, strideC);
    if (t.ab == Type::Float) {
      const float alpha = static_cast<float>(t.alpha), beta = static_cast<float>(t.beta);
      if (t.batch == 1 && !t.strideZeroA)
        return cublasSgemm(handle_, t.transA, t.transB, t.m, t.n, t.k, &alpha,
                           static_cast<const float *>(a), lda, static_cast<const float *>(b), ldb,
                           &beta, static_cast<float *>(c), ldc);
      return cublasSgemmStridedBatched(handle_, t.transA, t.transB, t.m, t.n, t.k, &alpha,
                                       static_cast<const float *>(a), lda, strideA,
                                       static_cast<const float *>(b), ldb, strideB, &beta,
                                       static_cast<float *>(c), ldc, strideC, t.batch);
    }
    if (t.batch == 1 && !t.strideZeroA)
      return cublasDgemm(handle_, t.transA, t.transB, t.m, t.n, t.k, &t.alpha,
                         static_cast<const double *>(a), lda, static_cast<const double *>(b), ldb,
                         &t.beta, static_cast<double *>(c), ldc);
    return cublasDgemmStridedBatched(handle_, t.transA, t.transB, t.m, t.n, t.k, &t.alpha,
                                     static_cast<const double *>(a), lda, strideA,
                                     static_cast<const double *>(b), ldb, strideB, &t.beta,
                                     static_cast<double *>(c), ldc, strideC, t.batch);
  }

  cublasStatus_t gemmEx(const Case &t, const void *a, int lda, long long strideA, const void *b,
                        int ldb, long long strideB, void *c, int ldc, long long strideC) {
    const cudaDataType_t abType = t.ab == Type::Half ? CUDA_R_16F : CUDA_R_32F;
    const cudaDataType_t cType = t.c == Type::Half ? CUDA_R_16F : CUDA_R_32F;
    const float alpha = static_cast<float>(t.alpha), beta = static_cast<float>(t.beta);
    if (t.batch == 1 && !t.strideZeroA)
      return cublasGemmEx(handle_, t.transA, t.transB, t.m, t.n, t.k, &alpha, a, abType, lda, b,
                          abType, ldb, &beta, c, cType, ldc, CUBLAS_COMPUTE_32F,
                          CUBLAS_GEMM_DEFAULT);
    return cublasGemmStridedBatchedEx(handle_, t.transA, t.transB, t.m, t.n, t.k, &alpha, a, abType,
                                      lda, strideA, b, abType, ldb, strideB, &beta, c, cType, ldc,
                                      strideC, t.batch, CUBLAS_COMPUTE_32F, CUBLAS_GEMM_DEFAULT);
  }

  cublasHandle_t handle_ = nullptr;
};

const cublasOperation_t kOps[] = {CUBLAS_OP_N, CUBLAS_OP_T};

// Checks that build a kernel per transpose pair, one test per pair: building
// the kernels (seconds each on PoCL, more for fp16 storage) is nearly all of
// their cost, and one test holding all four pairs ran for minutes on a busy
// machine.
class GemmTransposes
    : public GemmTest,
      public ::testing::WithParamInterface<std::tuple<cublasOperation_t, cublasOperation_t>> {
protected:
  Case withTransposes() const {
    Case t;
    std::tie(t.transA, t.transB) = GetParam();
    return t;
  }
};

TEST_P(GemmTransposes, EveryOddSizeSingle) {
  const int sizes[][3] = {{1, 1, 1},    {7, 7, 7},     {33, 7, 127},  {127, 33, 7},
                          {1, 127, 33}, {1000, 7, 33}, {7, 1000, 33}, {33, 33, 1000}};
  for (const auto &size : sizes) {
    Case t = withTransposes();
    t.m = size[0];
    t.n = size[1];
    t.k = size[2];
    check(t);
  }
}

TEST_P(GemmTransposes, LargeSquareSingle) {
  // 1000 is no multiple of any tile: every group on the right and bottom edge
  // takes the guarded path, interior groups the fast one.
  Case t = withTransposes();
  t.m = t.n = 1000;
  t.k = 300;
  check(t);
}

TEST_P(GemmTransposes, EveryShapeClassSingle) {
  // One call per class the selector distinguishes (small, large, tall-skinny,
  // short-wide, batched), so each selected configuration runs at least once.
  const int shapes[][4] = {
      {96, 80, 64, 1}, {300, 290, 310, 1}, {1000, 40, 500, 1}, {40, 1000, 500, 1}, {48, 48, 48, 9}};
  for (const auto &shape : shapes) {
    Case t = withTransposes();
    t.m = shape[0];
    t.n = shape[1];
    t.k = shape[2];
    t.batch = shape[3];
    check(t);
  }
}

// cublasGemmEx and cublasGemmStridedBatchedEx with fp32 and fp16 storage,
// two kernels per test (fp16 kernels take the longest to build): fp32
// throughout and fp16 A and B with fp32 C; then fp16 throughout, one matrix
// and batched (the batched class's kernel).
Case gemmExCase(Case t) {
  t.m = 67;
  t.n = 45;
  t.k = 93;
  t.batch = 1;
  return t;
}

TEST_P(GemmTransposes, GemmExFloatStorage) {
  Case t = gemmExCase(withTransposes());
  t.ab = Type::Float;
  t.c = Type::Float;
  check(t); // through cublasGemmEx with CUDA_R_32F
  t.ab = Type::Half;
  check(t);
}

TEST_P(GemmTransposes, GemmExHalfStorage) {
  Case t = gemmExCase(withTransposes());
  t.ab = t.c = Type::Half;
  check(t);
  t.batch = 3;
  check(t);
}

INSTANTIATE_TEST_SUITE_P(Op, GemmTransposes,
                         ::testing::Combine(::testing::ValuesIn(kOps), ::testing::ValuesIn(kOps)),
                         [](const ::testing::TestParamInfo<GemmTransposes::ParamType> &info) {
                           return std::string(std::get<0>(info.param) == CUBLAS_OP_N ? "N" : "T") +
                                  (std::get<1>(info.param) == CUBLAS_OP_N ? "N" : "T");
                         });

TEST_F(GemmTest, EveryTransposeDouble) {
  for (cublasOperation_t ta : kOps)
    for (cublasOperation_t tb : kOps)
      for (int size : {1, 7, 33, 127}) {
        Case t;
        t.ab = t.c = Type::Double;
        t.transA = ta;
        t.transB = tb;
        t.m = size;
        t.n = size + 2;
        t.k = size * 2 + 1;
        check(t);
      }
}

TEST_F(GemmTest, PaddedLeadingDimensionsAndOffsetPointers) {
  for (cublasOperation_t ta : kOps)
    for (cublasOperation_t tb : kOps) {
      Case t;
      t.transA = ta;
      t.transB = tb;
      t.m = 45;
      t.n = 37;
      t.k = 29;
      t.padA = 13;
      t.padB = 1;
      t.padC = 7;
      t.offset = 5; // pointers into the middle of allocations, unaligned to vectors
      check(t);
    }
}

TEST_F(GemmTest, BetaZeroNeverReadsC) {
  for (Type type : {Type::Float, Type::Double}) {
    Case t;
    t.ab = t.c = type;
    t.m = 70;
    t.n = 20;
    t.k = 300;
    t.beta = 0;
    t.nanC = true;
    check(t);
  }
}

TEST_F(GemmTest, AlphaZeroScalesCByBetaWithoutReadingAB) {
  Case t;
  t.m = 40;
  t.n = 33;
  t.k = 17;
  t.alpha = 0;
  t.beta = 2;
  t.nanAB = true;
  check(t);
  t.beta = 0; // C becomes zero, NaN in C or not
  t.nanC = true;
  check(t);
}

TEST_F(GemmTest, KZeroScalesCByBeta) {
  Case t;
  t.m = 19;
  t.n = 23;
  t.k = 0;
  t.beta = -3;
  check(t);
  t.beta = 0;
  t.nanC = true;
  check(t);
}

TEST_F(GemmTest, StridedBatchedIncludingStrideZero) {
  for (Type type : {Type::Float, Type::Double})
    for (cublasOperation_t ta : kOps) {
      Case t;
      t.ab = t.c = type;
      t.transA = ta;
      t.transB = CUBLAS_OP_T;
      t.m = 33;
      t.n = 17;
      t.k = 9;
      t.batch = 5;
      check(t);
      t.strideZeroA = true; // one A shared by every batch
      check(t);
    }
  Case backwards; // negative strides: batches stored last to first
  backwards.m = 21;
  backwards.n = 11;
  backwards.k = 13;
  backwards.batch = 4;
  backwards.negativeStrides = true;
  check(backwards);
  Case many; // the batched shape class (many small products)
  many.m = many.n = many.k = 64;
  many.batch = 64;
  check(many);
}

// A long K with fp16 C: the sum is rounded to half once, not once per chunk.
TEST_F(GemmTest, GemmExHalfLongKRoundsOnce) {
  Case longK;
  longK.m = longK.n = 24;
  longK.k = 3000;
  longK.ab = longK.c = Type::Half;
  check(longK);
}

TEST_F(GemmTest, DevicePointerModeScalars) {
  float *scalars = nullptr;
  ASSERT_EQ(cudaMalloc(&scalars, 2 * sizeof(float)), cudaSuccess);
  const float host[2] = {2.0f, 0.0f}; // beta == 0 read on the device: C must not be read
  ASSERT_EQ(cudaMemcpy(scalars, host, sizeof host, cudaMemcpyHostToDevice), cudaSuccess);
  const int n = 40;
  std::vector<float> a(n * n, 1.0f), b(n * n, 0.5f),
      c(n * n, std::numeric_limits<float>::quiet_NaN());
  float *da, *db, *dc;
  ASSERT_EQ(cudaMalloc(&da, a.size() * 4), cudaSuccess);
  ASSERT_EQ(cudaMalloc(&db, b.size() * 4), cudaSuccess);
  ASSERT_EQ(cudaMalloc(&dc, c.size() * 4), cudaSuccess);
  cudaMemcpy(da, a.data(), a.size() * 4, cudaMemcpyHostToDevice);
  cudaMemcpy(db, b.data(), b.size() * 4, cudaMemcpyHostToDevice);
  cudaMemcpy(dc, c.data(), c.size() * 4, cudaMemcpyHostToDevice);
  ASSERT_EQ(cublasSetPointerMode(handle_, CUBLAS_POINTER_MODE_DEVICE), CUBLAS_STATUS_SUCCESS);
  ASSERT_EQ(cublasSgemm(handle_, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, scalars, da, n, db, n,
                        scalars + 1, dc, n),
            CUBLAS_STATUS_SUCCESS);
  cudaMemcpy(c.data(), dc, c.size() * 4, cudaMemcpyDeviceToHost);
  for (float value : c)
    ASSERT_EQ(value, 2.0f * n * 0.5f);
  cudaFree(scalars);
  cudaFree(da);
  cudaFree(db);
  cudaFree(dc);
}

TEST_F(GemmTest, RunsInOrderOnTheHandleStream) {
  cudaStream_t stream;
  ASSERT_EQ(cudaStreamCreate(&stream), cudaSuccess);
  ASSERT_EQ(cublasSetStream(handle_, stream), CUBLAS_STATUS_SUCCESS);
  const int n = 256;
  float *pinned = nullptr;
  ASSERT_EQ(cudaMallocHost(&pinned, 3 * n * n * sizeof(float)), cudaSuccess);
  float *ha = pinned, *hb = pinned + n * n, *hc = pinned + 2 * n * n;
  for (int i = 0; i < n * n; ++i) {
    ha[i] = static_cast<float>(i % 7) - 3;
    hb[i] = static_cast<float>(i % 5) - 2;
  }
  float *d = nullptr;
  ASSERT_EQ(cudaMalloc(&d, 3 * n * n * sizeof(float)), cudaSuccess);
  const float one = 1, zero = 0;
  // Upload, multiply, download: all asynchronous on one stream.
  cudaMemcpyAsync(d, pinned, 2 * n * n * sizeof(float), cudaMemcpyHostToDevice, stream);
  ASSERT_EQ(cublasSgemm(handle_, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, d, n, d + n * n, n, &zero,
                        d + 2 * n * n, n),
            CUBLAS_STATUS_SUCCESS);
  cudaMemcpyAsync(hc, d + 2 * n * n, n * n * sizeof(float), cudaMemcpyDeviceToHost, stream);
  ASSERT_EQ(cudaStreamSynchronize(stream), cudaSuccess);
  for (int j = 0; j < n; j += 37)
    for (int i = 0; i < n; i += 13) {
      double sum = 0;
      for (int l = 0; l < n; ++l)
        sum += double(ha[i + l * n]) * hb[l + j * n];
      ASSERT_EQ(hc[i + j * n], static_cast<float>(sum)) << i << "," << j;
    }
  cudaStream_t current = nullptr;
  ASSERT_EQ(cublasGetStream(handle_, &current), CUBLAS_STATUS_SUCCESS);
  EXPECT_EQ(current, stream);
  cudaFree(d);
  cudaFreeHost(pinned);
  cublasSetStream(handle_, nullptr);
  cudaStreamDestroy(stream);
}

} // namespace
