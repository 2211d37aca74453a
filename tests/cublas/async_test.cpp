// Stream semantics: routines are ordered on the handle's stream after the
// work already there, return before it has run (except host-pointer-mode
// results, which they wait for), and handles may switch streams and be used
// from several threads.
#include "blas_test_support.h"

#include <atomic>
#include <chrono>
#include <thread>

using namespace blastest;

namespace {

using Clock = std::chrono::steady_clock;

// A stream held busy by a host function until release() (or a timeout, so a
// failing test cannot hang).
class BusyStream {
public:
  BusyStream() {
    EXPECT_EQ(cudaSuccess, cudaStreamCreate(&stream));
    EXPECT_EQ(cudaSuccess, cudaLaunchHostFunc(stream, &BusyStream::hold, this));
  }
  ~BusyStream() {
    release();
    cudaStreamSynchronize(stream);
    cudaStreamDestroy(stream);
  }
  void release() { released = true; }
  cudaStream_t stream = nullptr;

private:
  static void hold(void *self) {
    auto *busy = static_cast<BusyStream *>(self);
    auto deadline = Clock::now() + std::chrono::seconds(20);
    while (!busy->released && Clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::atomic<bool> released{false};
};

using Async = HandleTest;

} // namespace

TEST_F(Async, RoutinesRunInStreamOrderAfterEarlierWork) {
  const int n = 1000;
  std::vector<float> x = randomValues<float>(n, 800);
  float *pinned = nullptr;
  CUDA_OK(cudaMallocHost(reinterpret_cast<void **>(&pinned), n * sizeof(float)));
  std::copy(x.begin(), x.end(), pinned);
  DeviceArray<float> dx(std::vector<float>(n, 0.0f)), dy(std::vector<float>(n, 1.0f));
  {
    BusyStream busy;
    CUBLAS_OK(cublasSetStream(handle, busy.stream));
    // Queued behind the host function: the copy, then axpy that reads it.
    CUDA_OK(
        cudaMemcpyAsync(dx.get(), pinned, n * sizeof(float), cudaMemcpyHostToDevice, busy.stream));
    const float alpha = 2;
    CUBLAS_OK(cublasSaxpy(handle, n, &alpha, dx.get(), 1, dy.get(), 1));
    // The call returned while the stream is still blocked.
    EXPECT_EQ(cudaErrorNotReady, cudaStreamQuery(busy.stream));
    busy.release();
    CUDA_OK(cudaStreamSynchronize(busy.stream));
    CUBLAS_OK(cublasSetStream(handle, nullptr));
  }
  std::vector<float> y = dy.download();
  for (int i = 0; i < n; ++i)
    ASSERT_EQ(2 * x[std::size_t(i)] + 1.0f, y[std::size_t(i)]) << i;
  CUDA_OK(cudaFreeHost(pinned));
}

TEST_F(Async, HostPointerModeResultWaitsForTheStream) {
  const int n = 1000;
  std::vector<float> x(n, 0.5f);
  float *pinned = nullptr;
  CUDA_OK(cudaMallocHost(reinterpret_cast<void **>(&pinned), n * sizeof(float)));
  std::copy(x.begin(), x.end(), pinned);
  DeviceArray<float> dx(std::vector<float>(n, 0.0f));
  BusyStream busy;
  CUBLAS_OK(cublasSetStream(handle, busy.stream));
  CUDA_OK(
      cudaMemcpyAsync(dx.get(), pinned, n * sizeof(float), cudaMemcpyHostToDevice, busy.stream));
  std::thread releaser([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    busy.release();
  });
  float sum = -1;
  auto start = Clock::now();
  CUBLAS_OK(cublasSasum(handle, n, dx.get(), 1, &sum));
  auto waited = Clock::now() - start;
  releaser.join();
  EXPECT_EQ(500.0f, sum); // the copy ran first
  EXPECT_GE(waited, std::chrono::milliseconds(150));
  CUBLAS_OK(cublasSetStream(handle, nullptr));
  CUDA_OK(cudaFreeHost(pinned));
}

TEST_F(Async, DevicePointerModeResultDoesNotWait) {
  const int n = 1000;
  DeviceArray<float> dx(std::vector<float>(n, 2.0f)), result(std::vector<float>{0.0f});
  {
    BusyStream busy;
    CUBLAS_OK(cublasSetStream(handle, busy.stream));
    CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
    auto start = Clock::now();
    CUBLAS_OK(cublasSdot(handle, n, dx.get(), 1, dx.get(), 1, result.get()));
    EXPECT_LT(Clock::now() - start, std::chrono::seconds(5));
    EXPECT_EQ(cudaErrorNotReady, cudaStreamQuery(busy.stream));
    busy.release();
    CUDA_OK(cudaStreamSynchronize(busy.stream));
    CUBLAS_OK(cublasSetStream(handle, nullptr));
  }
  EXPECT_EQ(4000.0f, result.download()[0]);
}

TEST_F(Async, SwitchingStreamsKeepsResultsApart) {
  cudaStream_t first = nullptr, second = nullptr;
  CUDA_OK(cudaStreamCreateWithFlags(&first, cudaStreamNonBlocking));
  CUDA_OK(cudaStreamCreateWithFlags(&second, cudaStreamNonBlocking));
  DeviceArray<float> a(std::vector<float>(1000, 1.0f)), b(std::vector<float>(1000, 3.0f));
  DeviceArray<float> results(std::vector<float>{0.0f, 0.0f});
  CUBLAS_OK(cublasSetPointerMode(handle, CUBLAS_POINTER_MODE_DEVICE));
  for (int round = 0; round < 5; ++round) {
    CUBLAS_OK(cublasSetStream(handle, first));
    CUBLAS_OK(cublasSasum(handle, 1000, a.get(), 1, results.get()));
    CUBLAS_OK(cublasSetStream(handle, second));
    CUBLAS_OK(cublasSasum(handle, 1000, b.get(), 1, results.get() + 1));
  }
  CUDA_OK(cudaStreamSynchronize(first));
  CUDA_OK(cudaStreamSynchronize(second));
  EXPECT_EQ((std::vector<float>{1000.0f, 3000.0f}), results.download());
  CUBLAS_OK(cublasSetStream(handle, nullptr));
  CUDA_OK(cudaStreamDestroy(first));
  CUDA_OK(cudaStreamDestroy(second));
}

TEST_F(Async, OneHandleFromSeveralThreads) {
  const int n = 1000;
  DeviceArray<float> x(std::vector<float>(n, 1.0f));
  std::atomic<int> wrong{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10; ++i) {
        float sum = 0;
        int index = 0;
        if (cublasSasum(handle, n, x.get(), 1, &sum) != CUBLAS_STATUS_SUCCESS || sum != n)
          ++wrong;
        if (cublasIsamax(handle, n, x.get(), 1, &index) != CUBLAS_STATUS_SUCCESS || index != 1)
          ++wrong;
      }
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(0, wrong.load());
}
