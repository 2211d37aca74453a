// The helper copies (cublasSet/GetVector/Matrix and their Async forms),
// copy/swap/rot/rotg and gemmBatched with pointer arrays: results against a
// host reference, both pointer modes, and every bad input's status.
#include "blas_test_support.h"

#include <algorithm>

using namespace blastest;

namespace {

class Breadth : public HandleTest {};

TEST_F(Breadth, SetAndGetVectorWithStrides) {
  const int n = 37;
  std::vector<double> host(n * 3, -1.0), back(n * 2, 7.0);
  for (int i = 0; i < n; ++i)
    host[i * 3] = i + 0.5;
  DeviceArray<double> device(n * 2);
  CUDA_OK(cudaMemset(device.get(), 0, n * 2 * sizeof(double)));
  CUBLAS_OK(cublasSetVector(n, sizeof(double), host.data(), 3, device.get(), 2));
  std::vector<double> stored = device.download();
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(stored[i * 2], i + 0.5);
    EXPECT_EQ(stored[i * 2 + 1], 0.0); // the gaps are not written
  }
  CUBLAS_OK(cublasGetVector(n, sizeof(double), device.get(), 2, back.data(), 2));
  for (int i = 0; i < n; ++i) {
    EXPECT_EQ(back[i * 2], i + 0.5);
    EXPECT_EQ(back[i * 2 + 1], 7.0);
  }
  EXPECT_EQ(cublasSetVector(-1, 8, host.data(), 1, device.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSetVector(n, 0, host.data(), 1, device.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSetVector(n, 8, host.data(), 0, device.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGetVector(n, 8, device.get(), 1, back.data(), -1), CUBLAS_STATUS_INVALID_VALUE);
  // More than the allocation holds: the copy fails, nothing is overrun.
  EXPECT_EQ(cublasSetVector(n, 8, host.data(), 3, device.get(), 3), CUBLAS_STATUS_MAPPING_ERROR);
  EXPECT_EQ(cudaGetLastError(), cudaSuccess); // cuBLAS reports it, not the runtime
  CUBLAS_OK(cublasSetVector(0, 8, nullptr, 1, nullptr, 1));
}

TEST_F(Breadth, SetAndGetMatrixSyncAndOnAStream) {
  const int rows = 5, cols = 7, lda = 9, ldb = 6;
  std::vector<float> a(lda * cols), back(lda * cols, -3.0f);
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < lda; ++i)
      a[j * lda + i] = i < rows ? float(i + 10 * j) : -1.0f;
  DeviceArray<float> b(ldb * cols);
  CUBLAS_OK(cublasSetMatrix(rows, cols, sizeof(float), a.data(), lda, b.get(), ldb));
  std::vector<float> stored = b.download();
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < rows; ++i)
      EXPECT_EQ(stored[j * ldb + i], float(i + 10 * j));
  cudaStream_t stream;
  CUDA_OK(cudaStreamCreate(&stream));
  float *pinned = nullptr;
  CUDA_OK(cudaMallocHost(&pinned, lda * cols * sizeof(float)));
  std::fill(pinned, pinned + lda * cols, -3.0f);
  CUBLAS_OK(cublasGetMatrixAsync(rows, cols, sizeof(float), b.get(), ldb, pinned, lda, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  for (int j = 0; j < cols; ++j)
    for (int i = 0; i < lda; ++i)
      EXPECT_EQ(pinned[j * lda + i], i < rows ? float(i + 10 * j) : -3.0f);
  CUBLAS_OK(cublasSetMatrixAsync(rows, cols, sizeof(float), pinned, lda, b.get(), ldb, stream));
  CUBLAS_OK(cublasSetVectorAsync(3, sizeof(float), a.data(), 1, b.get(), 1, stream));
  CUBLAS_OK(cublasGetVectorAsync(3, sizeof(float), b.get(), 1, back.data(), 1, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(back[2], 2.0f);
  EXPECT_EQ(cublasSetMatrix(rows, cols, 4, a.data(), rows - 1, b.get(), ldb),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasGetMatrix(rows, -1, 4, b.get(), ldb, a.data(), lda), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSetMatrixAsync(rows, cols, 4, a.data(), lda, b.get(), 0, stream),
            CUBLAS_STATUS_INVALID_VALUE);
  CUDA_OK(cudaFreeHost(pinned));
  CUDA_OK(cudaStreamDestroy(stream));
}

template <class T> void checkCopySwapRot(cublasHandle_t handle) {
  const int n = 301;
  for (int incx : {1, 2, -3})
    for (int incy : {1, -2, 4}) {
      std::vector<T> x = randomValues<T>(n, 1), y = randomValues<T>(n, 2);
      DeviceArray<T> dx(toStorage(x, incx, T(9))), dy(toStorage(y, incy, T(9)));
      if constexpr (std::is_same_v<T, float>) {
        CUBLAS_OK(cublasScopy(handle, n, dx.get(), incx, dy.get(), incy));
      } else {
        CUBLAS_OK(cublasDcopy(handle, n, dx.get(), incx, dy.get(), incy));
      }
      EXPECT_EQ(fromStorage(dy.download(), n, incy), x) << incx << " " << incy;
      dy.upload(toStorage(y, incy, T(9)));
      if constexpr (std::is_same_v<T, float>) {
        CUBLAS_OK(cublasSswap(handle, n, dx.get(), incx, dy.get(), incy));
      } else {
        CUBLAS_OK(cublasDswap(handle, n, dx.get(), incx, dy.get(), incy));
      }
      EXPECT_EQ(fromStorage(dx.download(), n, incx), y);
      EXPECT_EQ(fromStorage(dy.download(), n, incy), x);
      const T c = T(0.6), s = T(0.8);
      if constexpr (std::is_same_v<T, float>) {
        CUBLAS_OK(cublasSrot(handle, n, dx.get(), incx, dy.get(), incy, &c, &s));
      } else {
        CUBLAS_OK(cublasDrot(handle, n, dx.get(), incx, dy.get(), incy, &c, &s));
      }
      std::vector<T> rx = fromStorage(dx.download(), n, incx),
                     ry = fromStorage(dy.download(), n, incy);
      for (int i = 0; i < n; ++i) { // x holds y, y holds x after the swap
        EXPECT_NEAR(rx[i], c * y[i] + s * x[i], 4 * epsilon<T>());
        EXPECT_NEAR(ry[i], c * x[i] - s * y[i], 4 * epsilon<T>());
      }
      // The gaps between elements are never written.
      std::vector<T> storage = dx.download();
      for (std::size_t k = 0; k < storage.size(); ++k) {
        if (k % std::size_t(std::abs(incx)) != 0) {
          EXPECT_EQ(storage[k], T(9));
        }
      }
    }
}

TEST_F(Breadth, CopySwapRotAnyIncrements) {
  checkCopySwapRot<float>(handle);
  checkCopySwapRot<double>(handle);
}

TEST_F(Breadth, IncrementZeroVisitsInOrder) {
  // copy into y with incy 0: reference BLAS leaves the last x there.
  std::vector<float> x = {1, 2, 3, 4, 5};
  DeviceArray<float> dx(x), dy(1);
  CUBLAS_OK(cublasScopy(handle, 5, dx.get(), 1, dy.get(), 0));
  EXPECT_EQ(dy.download()[0], 5.0f);
}

TEST_F(Breadth, RotInDevicePointerModeAndRotg) {
  // rotg on the host: (3, 4) -> r 5, c 0.6, s 0.8, z 1/c.
  double a = 3, b = 4, c = 0, s = 0;
  CUBLAS_OK(cublasDrotg(handle, &a, &b, &c, &s));
  EXPECT_DOUBLE_EQ(a, 5.0);
  EXPECT_DOUBLE_EQ(c, 0.6);
  EXPECT_DOUBLE_EQ(s, 0.8);
  EXPECT_DOUBLE_EQ(b, 1.0 / 0.6);
  float fa = -4, fb = 3, fc, fs; // |a| > |b|: r takes a's sign, z = s
  CUBLAS_OK(cublasSrotg(handle, &fa, &fb, &fc, &fs));
  EXPECT_FLOAT_EQ(fa, -5.0f);
  EXPECT_FLOAT_EQ(fc, 0.8f);
  EXPECT_FLOAT_EQ(fs, -0.6f);
  EXPECT_FLOAT_EQ(fb, -0.6f);
  float za = 0, zb = 0;
  CUBLAS_OK(cublasSrotg(handle, &za, &zb, &fc, &fs));
  EXPECT_EQ(fc, 1.0f);
  EXPECT_EQ(fs, 0.0f);
  // Device pointer mode: every argument in device memory, computed on the stream.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  DeviceArray<double> values(std::vector<double>{3, 4, 0, 0});
  double *d = values.get();
  CUBLAS_OK(cublasDrotg(handle, d, d + 1, d + 2, d + 3));
  std::vector<double> got = values.download();
  EXPECT_DOUBLE_EQ(got[0], 5.0);
  EXPECT_DOUBLE_EQ(got[2], 0.6);
  EXPECT_DOUBLE_EQ(got[3], 0.8);
  DeviceArray<double> x(std::vector<double>{1, 0}), y(std::vector<double>{0, 1});
  CUBLAS_OK(cublasDrot(handle, 2, x.get(), 1, y.get(), 1, d + 2, d + 3));
  EXPECT_NEAR(x.download()[0], 0.6, 1e-15);
  EXPECT_NEAR(y.download()[1], 0.6, 1e-15);
  // Host scalars in device mode are refused.
  EXPECT_EQ(cublasDrot(handle, 2, x.get(), 1, y.get(), 1, &c, &s), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasDrotg(handle, &a, &b, &c, &s), CUBLAS_STATUS_INVALID_VALUE);
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_HOST));
  EXPECT_EQ(cublasDrotg(handle, d, d + 1, d + 2, d + 3), CUBLAS_STATUS_INVALID_VALUE);
}

TEST_F(Breadth, Level1BadInputs) {
  DeviceArray<float> x(8), y(8);
  EXPECT_EQ(cublasScopy(nullptr, 8, x.get(), 1, y.get(), 1), CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasScopy(handle, 9, x.get(), 1, y.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSswap(handle, 5, x.get(), 2, y.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  std::vector<float> host(8);
  EXPECT_EQ(cublasScopy(handle, 8, host.data(), 1, y.get(), 1), CUBLAS_STATUS_INVALID_VALUE);
  CUBLAS_OK(cublasScopy(handle, 0, nullptr, 1, nullptr, 1));
  CUBLAS_OK(cublasSswap(handle, -3, nullptr, 1, nullptr, 1));
}

// C_i = alpha op(A_i) op(B_i) + beta C_i against a host reference.
template <class T>
void expectBatch(const std::vector<std::vector<T>> &A, const std::vector<std::vector<T>> &B,
                 const std::vector<std::vector<T>> &C0, const std::vector<std::vector<T>> &C,
                 bool ta, bool tb, int m, int n, int k, int lda, int ldb, int ldc, T alpha,
                 T beta) {
  for (std::size_t b = 0; b < A.size(); ++b)
    for (int j = 0; j < n; ++j)
      for (int i = 0; i < m; ++i) {
        double sum = 0, magnitude = 0;
        for (int p = 0; p < k; ++p) {
          double av = ta ? A[b][i * lda + p] : A[b][p * lda + i];
          double bv = tb ? B[b][p * ldb + j] : B[b][j * ldb + p];
          sum += av * bv;
          magnitude += std::fabs(av * bv);
        }
        double want = alpha * sum + beta * C0[b][j * ldc + i];
        ASSERT_TRUE(closeForSum<T>(
            C[b][j * ldc + i], want,
            std::fabs(alpha) * magnitude + std::fabs(beta * C0[b][j * ldc + i]), k + 1))
            << "batch " << b << " (" << i << ", " << j << ")";
      }
}

// layout: 0 evenly spaced in one allocation, 1 unevenly (reversed order)
// in one allocation, 2 one allocation per matrix.
template <class T> void gemmBatchedCase(cublasHandle_t handle, int layout, bool ta, bool tb) {
  const int m = 13, n = 9, k = 11, batch = 6;
  const int lda = ta ? k + 2 : m + 1, ldb = tb ? n + 3 : k, ldc = m + 2;
  const int sizeA = lda * (ta ? m : k), sizeB = ldb * (tb ? k : n), sizeC = ldc * n;
  std::vector<std::vector<T>> A, B, C0;
  for (int b = 0; b < batch; ++b) {
    A.push_back(randomValues<T>(sizeA, 10 + b));
    B.push_back(randomValues<T>(sizeB, 20 + b));
    C0.push_back(randomValues<T>(sizeC, 30 + b));
  }
  std::vector<std::unique_ptr<DeviceArray<T>>> owned;
  std::vector<T *> pa(batch), pb(batch), pc(batch);
  auto place = [&](const std::vector<std::vector<T>> &mats, int size, std::vector<T *> &ptrs) {
    if (layout == 2) {
      for (int b = 0; b < batch; ++b) {
        owned.push_back(std::make_unique<DeviceArray<T>>(mats[b]));
        ptrs[b] = owned.back()->get();
      }
      return;
    }
    std::vector<T> all;
    for (int b = 0; b < batch; ++b)
      all.insert(all.end(), mats[layout == 0 ? b : batch - 1 - b].begin(),
                 mats[layout == 0 ? b : batch - 1 - b].end());
    owned.push_back(std::make_unique<DeviceArray<T>>(all));
    for (int b = 0; b < batch; ++b)
      ptrs[b] = owned.back()->get() + std::size_t(layout == 0 ? b : batch - 1 - b) * size;
  };
  place(A, sizeA, pa);
  place(B, sizeB, pb);
  place(C0, sizeC, pc);
  DeviceArray<T *> da(pa), db(pb), dc(pc);
  const T alpha = T(1.5), beta = T(-0.5);
  const cublasOperation_t opA = ta ? CUBLAS_OP_T : CUBLAS_OP_N,
                          opB = tb ? CUBLAS_OP_T : CUBLAS_OP_N;
  if constexpr (std::is_same_v<T, float>) {
    CUBLAS_OK(cublasSgemmBatched(handle, opA, opB, m, n, k, &alpha, da.get(), lda, db.get(), ldb,
                                 &beta, dc.get(), ldc, batch));
  } else {
    CUBLAS_OK(cublasDgemmBatched(handle, opA, opB, m, n, k, &alpha, da.get(), lda, db.get(), ldb,
                                 &beta, dc.get(), ldc, batch));
  }
  std::vector<std::vector<T>> C(batch, std::vector<T>(sizeC));
  for (int b = 0; b < batch; ++b)
    CUDA_OK(cudaMemcpy(C[b].data(), pc[b], sizeC * sizeof(T), cudaMemcpyDeviceToHost));
  expectBatch(A, B, C0, C, ta, tb, m, n, k, lda, ldb, ldc, alpha, beta);
}

TEST_F(Breadth, GemmBatchedEveryLayoutAndTranspose) {
  for (int layout = 0; layout < 3; ++layout)
    for (bool ta : {false, true})
      for (bool tb : {false, true}) {
        SCOPED_TRACE(::testing::Message() << "layout " << layout << " ta " << ta << " tb " << tb);
        gemmBatchedCase<float>(handle, layout, ta, tb);
        gemmBatchedCase<double>(handle, layout, ta, tb);
      }
}

TEST_F(Breadth, GemmBatchedBadInputs) {
  DeviceArray<float> a(16), b(16), c(16);
  std::vector<float *> pa = {a.get()}, pb = {b.get()}, pc = {c.get()};
  DeviceArray<float *> da(pa), db(pb), dc(pc);
  const float one = 1, zero = 0;
  EXPECT_EQ(cublasSgemmBatched(nullptr, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, da.get(), 4,
                               db.get(), 4, &zero, dc.get(), 4, 1),
            CUBLAS_STATUS_NOT_INITIALIZED);
  EXPECT_EQ(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, da.get(), 3,
                               db.get(), 4, &zero, dc.get(), 4, 1),
            CUBLAS_STATUS_INVALID_VALUE);
  EXPECT_EQ(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, da.get(), 4,
                               db.get(), 4, &zero, dc.get(), 4, -1),
            CUBLAS_STATUS_INVALID_VALUE);
  // The pointer array on the host, or holding a pointer past an allocation.
  const float *hostArray[1] = {a.get()};
  EXPECT_EQ(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, hostArray, 4,
                               db.get(), 4, &zero, dc.get(), 4, 1),
            CUBLAS_STATUS_INVALID_VALUE);
  std::vector<float *> shifted = {a.get() + 8};
  DeviceArray<float *> dShifted(shifted);
  EXPECT_EQ(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, dShifted.get(), 4,
                               db.get(), 4, &zero, dc.get(), 4, 1),
            CUBLAS_STATUS_INVALID_VALUE);
  // The array holds fewer pointers than batchCount.
  EXPECT_EQ(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, da.get(), 4,
                               db.get(), 4, &zero, dc.get(), 4, 2),
            CUBLAS_STATUS_INVALID_VALUE);
  // alpha == 0: A and B are not read (their arrays may be anything).
  CUBLAS_OK(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &zero, nullptr, 4,
                               nullptr, 4, &zero, dc.get(), 4, 1));
  CUBLAS_OK(cublasSgemmBatched(handle, CUBLAS_OP_N, CUBLAS_OP_N, 4, 4, 4, &one, nullptr, 4, nullptr,
                               4, &zero, nullptr, 4, 0));
}

} // namespace
