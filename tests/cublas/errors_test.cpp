// Every bad input of the level-1 and gemv routines gets cuBLAS's status, and
// memory the library cannot safely use is refused instead of crashing: host
// memory where device memory belongs (and the reverse), freed memory, spans
// past an allocation's end.
#include "blas_calls.h"
#include "blas_test_support.h"
#include "c_callers.h"

using namespace blastest;

namespace {
using Errors = HandleTest;
constexpr cublasStatus_t kInvalid = CUBLAS_STATUS_INVALID_VALUE;
} // namespace

TEST(NullHandle, EveryRoutineSaysNotInitialized) {
  DeviceArray<float> fx(4);
  DeviceArray<double> dx(4);
  const float fone = 1;
  const double done = 1;
  float fresult = 0;
  double dresult = 0;
  int index = 0;
  const cublasStatus_t expected = CUBLAS_STATUS_NOT_INITIALIZED;
  EXPECT_EQ(expected, cublasSaxpy(nullptr, 4, &fone, fx.get(), 1, fx.get(), 1));
  EXPECT_EQ(expected, cublasDaxpy(nullptr, 4, &done, dx.get(), 1, dx.get(), 1));
  EXPECT_EQ(expected, cublasSscal(nullptr, 4, &fone, fx.get(), 1));
  EXPECT_EQ(expected, cublasDscal(nullptr, 4, &done, dx.get(), 1));
  EXPECT_EQ(expected, cublasSdot(nullptr, 4, fx.get(), 1, fx.get(), 1, &fresult));
  EXPECT_EQ(expected, cublasDdot(nullptr, 4, dx.get(), 1, dx.get(), 1, &dresult));
  EXPECT_EQ(expected, cublasSnrm2(nullptr, 4, fx.get(), 1, &fresult));
  EXPECT_EQ(expected, cublasDnrm2(nullptr, 4, dx.get(), 1, &dresult));
  EXPECT_EQ(expected, cublasSasum(nullptr, 4, fx.get(), 1, &fresult));
  EXPECT_EQ(expected, cublasDasum(nullptr, 4, dx.get(), 1, &dresult));
  EXPECT_EQ(expected, cublasIsamax(nullptr, 4, fx.get(), 1, &index));
  EXPECT_EQ(expected, cublasIdamax(nullptr, 4, dx.get(), 1, &index));
  EXPECT_EQ(expected, cublasSgemv(nullptr, CUBLAS_OP_N, 2, 2, &fone, fx.get(), 2, fx.get(), 1,
                                  &fone, fx.get(), 1));
  EXPECT_EQ(expected, cublasDgemv(nullptr, CUBLAS_OP_N, 2, 2, &done, dx.get(), 2, dx.get(), 1,
                                  &done, dx.get(), 1));
}

TEST_F(Errors, GemvRejectsBadShapesIncrementsAndOps) {
  DeviceArray<float> a(64), x(8), y(8);
  const float one = 1;
  auto call = [&](int trans, int m, int n, int lda, int incx, int incy) {
    return c_sgemv(handle, trans, m, n, &one, a.get(), lda, x.get(), incx, &one, y.get(), incy);
  };
  EXPECT_EQ(kInvalid, call(-1, 2, 2, 2, 1, 1));
  EXPECT_EQ(kInvalid, call(3, 2, 2, 2, 1, 1)); // CUBLAS_OP_CONJG
  EXPECT_EQ(kInvalid, call(9, 2, 2, 2, 1, 1));
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, -1, 2, 2, 1, 1));
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, 2, -1, 2, 1, 1));
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, 4, 2, 3, 1, 1)); // lda < m
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_T, 4, 2, 3, 1, 1)); // also for op T: A is m x n
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, 0, 2, 0, 1, 1)); // lda < max(1, m)
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, 2, 2, 2, 0, 1));
  EXPECT_EQ(kInvalid, call(CUBLAS_OP_N, 2, 2, 2, 1, 0));
  // The boundary cases are fine.
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, call(CUBLAS_OP_N, 0, 2, 1, 1, 1));
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, call(CUBLAS_OP_C, 4, 2, 4, 1, -1));
}

TEST_F(Errors, NullScalarsAndResults) {
  DeviceArray<float> x(8);
  const float one = 1;
  float result = 0;
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 8, nullptr, x.get(), 1, x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSscal(handle, 8, nullptr, x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 8, x.get(), 1, x.get(), 1, nullptr));
  EXPECT_EQ(kInvalid, cublasSnrm2(handle, 8, x.get(), 1, nullptr));
  EXPECT_EQ(kInvalid, cublasSasum(handle, 8, x.get(), 1, nullptr));
  EXPECT_EQ(kInvalid, cublasIsamax(handle, 8, x.get(), 1, nullptr));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 2, 2, nullptr, x.get(), 2, x.get(), 1, &one,
                                  x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 2, 2, &one, x.get(), 2, x.get(), 1, nullptr,
                                  x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 8, nullptr, 1, x.get(), 1, &result));
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 8, x.get(), 1, x.get(), 1, nullptr));
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 8, nullptr, x.get(), 1, x.get(), 1));
}

TEST_F(Errors, HostMemoryWhereDeviceMemoryBelongs) {
  std::vector<float> host(16, 1.0f);
  DeviceArray<float> x(16);
  const float one = 1;
  float result = 0;
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 16, &one, host.data(), 1, x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 16, &one, x.get(), 1, host.data(), 1));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 16, host.data(), 1, x.get(), 1, &result));
  EXPECT_EQ(kInvalid, cublasSasum(handle, 16, host.data(), 1, &result));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, host.data(), 4, x.get(), 1, &one,
                                  x.get(), 1));
  // Device pointer mode: scalars and results must be device memory too.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid, cublasSscal(handle, 16, &one, x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSnrm2(handle, 16, x.get(), 1, &result));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, x.get(), 4, x.get(), 1, x.get(),
                                  x.get(), 1));
}

TEST_F(Errors, DeviceMemoryWhereHostPointerModeWantsHostMemory) {
  DeviceArray<float> x(16);
  float *deviceScalar = x.get() + 3;
  // Dereferencing these on the host would fault; they are refused instead.
  EXPECT_EQ(kInvalid, cublasSscal(handle, 16, deviceScalar, x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 16, x.get(), 1, x.get(), 1, deviceScalar));
  int *deviceIndex = reinterpret_cast<int *>(x.get());
  EXPECT_EQ(kInvalid, cublasIsamax(handle, 16, x.get(), 1, deviceIndex));
}

TEST_F(Errors, SpansPastTheAllocationAreRefused) {
  DeviceArray<float> x(16), y(16);
  const float one = 1;
  float result = 0;
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 17, &one, x.get(), 1, y.get(), 1));
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 9, &one, x.get(), 2, y.get(), 1)); // 17 elements
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 9, &one, x.get(), 1, y.get(), -2));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 4, x.get() + 13, 1, y.get(), 1, &result));
  EXPECT_EQ(kInvalid, cublasSnrm2(handle, 16, x.get() + 1, 1, &result));
  EXPECT_EQ(kInvalid, cublasIsamax(handle, 2, x.get(), 16, reinterpret_cast<int *>(&result)));
  // A: (n - 1) * lda + m elements; x and y by op.
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, x.get(), 5, y.get(), 1, &one,
                                  y.get(), 1)); // 3 * 5 + 4 = 19 > 16
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_T, 16, 1, &one, x.get(), 16, y.get(), 2, &one,
                                  y.get(), 1)); // x has m = 16 elements at stride 2
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 16, 1, &one, x.get(), 16, y.get(), 1, &one,
                                  y.get() + 1, 1)); // y has m = 16 elements
  // Exactly the allocation is fine.
  CUBLAS_OK(cublasSaxpy(handle, 8, &one, x.get(), 2, y.get(), -2));
  CUBLAS_OK(
      cublasSgemv(handle, CUBLAS_OP_N, 4, 4, &one, x.get(), 4, y.get(), 1, &one, y.get() + 12, 1));
}

// A pointer that is not a whole number of elements into its allocation would
// make a kernel dereference a misaligned address (undefined in OpenCL C,
// a fault on many GPUs): refused, as the GEMM routines refuse it.
TEST_F(Errors, MisalignedPointersAreRefused) {
  DeviceArray<float> x(16), y(16), a(16);
  DeviceArray<double> d(16);
  DeviceArray<int> index(2);
  auto shifted = [](auto *pointer, int bytes) {
    return reinterpret_cast<decltype(pointer)>(reinterpret_cast<char *>(pointer) + bytes);
  };
  const float one = 1;
  const double done = 1;
  float result = 0;
  EXPECT_EQ(kInvalid, cublasSaxpy(handle, 4, &one, shifted(x.get(), 2), 1, y.get(), 1));
  EXPECT_EQ(kInvalid, cublasSscal(handle, 4, &one, shifted(x.get(), 1), 1));
  EXPECT_EQ(kInvalid, cublasSdot(handle, 4, x.get(), 1, shifted(y.get(), 2), 1, &result));
  EXPECT_EQ(kInvalid,
            cublasDasum(handle, 4, shifted(d.get(), 4), 1, reinterpret_cast<double *>(&result)));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_N, 2, 2, &one, shifted(a.get(), 2), 2, x.get(),
                                  1, &one, y.get(), 1));
  EXPECT_EQ(kInvalid, cublasSgemv(handle, CUBLAS_OP_T, 2, 2, &one, a.get(), 2, x.get(), 1, &one,
                                  shifted(y.get(), 3), 1));
  EXPECT_EQ(kInvalid, cublasDgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, 2, 2, 2, &done,
                                  shifted(d.get(), 4), 2, d.get(), 2, &done, d.get() + 8, 2));
  // Device pointer mode: scalars and results too.
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  EXPECT_EQ(kInvalid, cublasSscal(handle, 4, shifted(a.get(), 2), x.get(), 1));
  EXPECT_EQ(kInvalid, cublasSnrm2(handle, 4, x.get(), 1, shifted(a.get(), 2)));
  EXPECT_EQ(kInvalid, cublasIsamax(handle, 4, x.get(), 1, shifted(index.get(), 2)));
  // Whole elements into the allocation are fine.
  CUBLAS_OK(cublasSnrm2(handle, 4, x.get() + 3, 1, a.get() + 1));
}

TEST_F(Errors, FreedMemoryIsRefused) {
  float *freed = nullptr;
  CUDA_OK(cudaMalloc(reinterpret_cast<void **>(&freed), 64));
  CUDA_OK(cudaFree(freed));
  float result = 0;
  const float one = 1;
  EXPECT_EQ(kInvalid, cublasSasum(handle, 4, freed, 1, &result));
  EXPECT_EQ(kInvalid, cublasSscal(handle, 4, &one, freed, 1));
}

TEST_F(Errors, ADestroyedStreamMakesRoutinesFail) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  CUBLAS_OK(cublasSetStream(handle, stream));
  CUDA_OK(cudaStreamDestroy(stream));
  DeviceArray<float> x(std::vector<float>(4, 1.0f));
  const float two = 2;
  EXPECT_EQ(CUBLAS_STATUS_EXECUTION_FAILED, cublasSscal(handle, 4, &two, x.get(), 1));
  CUBLAS_OK(cublasSetStream(handle, nullptr));
  CUBLAS_OK(cublasSscal(handle, 4, &two, x.get(), 1));
  EXPECT_EQ(std::vector<float>(4, 2.0f), x.download());
}
