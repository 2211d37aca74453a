// CUDA behaviours a program can observe, checked against the CUDA runtime
// API reference ("API synchronization behavior", cudaFree, cudaStreamDestroy,
// event timing, stream ordering). Each test once failed on cucl.
#include "test_kernels.h"

#include <algorithm>
#include <mutex>

namespace {

using namespace test_kernels;
using Clock = std::chrono::steady_clock;

class Semantics : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

// A host function that keeps `stream` busy for `ms` milliseconds, then sets
// *done: work queued after it is still pending when the host goes on.
struct Delay {
  int ms;
  std::atomic<bool> done{false};
};
void CUDART_CB delayHost(void *data) {
  auto *delay = static_cast<Delay *>(data);
  std::this_thread::sleep_for(std::chrono::milliseconds(delay->ms));
  delay->done = true;
}

} // namespace

// cudaFree synchronizes: queued work that may use the memory has finished
// when it returns.
TEST_F(Semantics, FreeWaitsForQueuedWork) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64 * sizeof(int)));
  Delay delay{300};
  CUDA_OK(cudaLaunchHostFunc(nullptr, delayHost, &delay));
  CUDA_OK(cudaMemsetAsync(d, 0, 64 * sizeof(int), nullptr));
  CUDA_OK(cudaFree(d));
  EXPECT_TRUE(delay.done.load());
  EXPECT_EQ(cudaSuccess, cudaStreamQuery(nullptr));
}

// cudaLaunchHostFunc is asynchronous even on an idle stream (PoCL runs an
// event callback inside clSetEventCallback when the event is already done).
TEST_F(Semantics, HostFunctionOnIdleStreamDoesNotBlockTheCaller) {
  CUDA_OK(cudaDeviceSynchronize());
  for (int round = 0; round < 2; ++round) {
    CUDA_OK(cudaStreamSynchronize(nullptr));
    Delay delay{600};
    Clock::time_point start = Clock::now();
    CUDA_OK(cudaLaunchHostFunc(nullptr, delayHost, &delay));
    EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(400));
    EXPECT_EQ(cudaErrorNotReady, cudaStreamQuery(nullptr));
    CUDA_OK(cudaStreamSynchronize(nullptr));
    EXPECT_TRUE(delay.done.load());
  }
}

// Queued async copies may still use page-locked memory: cudaFreeHost and
// cudaHostUnregister wait for them (CUDA synchronizes there too).
TEST_F(Semantics, FreeHostAndUnregisterWaitForQueuedCopies) {
  const int n = 64;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, n * sizeof(int)));
  int *pinned = nullptr;
  CUDA_OK(cudaMallocHost(&pinned, n * sizeof(int)));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  Delay delay{300};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &delay));
  CUDA_OK(cudaMemcpyAsync(pinned, d, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaFreeHost(pinned));
  EXPECT_TRUE(delay.done.load());

  std::vector<int> registered(n, 0);
  CUDA_OK(cudaHostRegister(registered.data(), n * sizeof(int), cudaHostRegisterDefault));
  Delay second{300};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &second));
  CUDA_OK(cudaMemcpyAsync(registered.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaHostUnregister(registered.data()));
  EXPECT_TRUE(second.done.load());
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

// "For transfers from device memory to pageable host memory, the function
// will return only once the copy has completed."
TEST_F(Semantics, AsyncCopyToPageableHostReturnsWithTheData) {
  const int n = 256;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Delay delay{200};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &delay));
  CUDA_OK(cudaMemsetAsync(d, 0x5a, n * sizeof(int), stream));
  std::vector<int> host(n, 0);
  CUDA_OK(cudaMemcpyAsync(host.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  int expected = 0x5a5a5a5a;
  EXPECT_EQ(expected, host[0]);
  EXPECT_EQ(expected, host[n - 1]);
  CUDA_OK(cudaStreamSynchronize(stream));
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

// A host function that waits (at most 3 s) until the host sets `open`.
struct Gate {
  std::atomic<bool> open{false};
  std::atomic<bool> timedOut{false};
};
void CUDART_CB waitForGate(void *data) {
  auto *gate = static_cast<Gate *>(data);
  Clock::time_point until = Clock::now() + std::chrono::seconds(3);
  while (!gate->open.load()) {
    if (Clock::now() > until) {
      gate->timedOut = true;
      return;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
}

// cudaMemcpyAsync from host memory does not wait for the stream's earlier
// work: pageable memory is staged ("the source may be reused at once"),
// page-locked memory is read when the copy runs.
TEST_F(Semantics, AsyncCopyFromHostDoesNotWaitForTheStream) {
  const int n = 64;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 2 * n * sizeof(int)));
  int *pinned = nullptr;
  CUDA_OK(cudaMallocHost(&pinned, n * sizeof(int)));
  std::vector<int> pageable(n, 7);
  for (int i = 0; i < n; ++i)
    pinned[i] = 9;
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Gate gate;
  CUDA_OK(cudaLaunchHostFunc(stream, waitForGate, &gate));
  Clock::time_point start = Clock::now();
  CUDA_OK(cudaMemcpyAsync(d, pageable.data(), n * sizeof(int), cudaMemcpyHostToDevice, stream));
  CUDA_OK(cudaMemcpyAsync(d + n, pinned, n * sizeof(int), cudaMemcpyHostToDevice, stream));
  EXPECT_LT(Clock::now() - start, std::chrono::seconds(1));
  std::fill(pageable.begin(), pageable.end(), -1); // staged: the copy keeps the 7s
  gate.open = true;
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_FALSE(gate.timedOut.load());
  std::vector<int> result(2 * n, 0);
  CUDA_OK(cudaMemcpy(result.data(), d, 2 * n * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(7, result[0]);
  EXPECT_EQ(7, result[n - 1]);
  EXPECT_EQ(9, result[n]);
  EXPECT_EQ(9, result[2 * n - 1]);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFreeHost(pinned));
  CUDA_OK(cudaFree(d));
}

// Into page-locked memory the same copy is asynchronous; a later host-to-host
// copy on that stream is still ordered after it.
TEST_F(Semantics, HostToHostCopyIsOrderedAfterEarlierStreamWork) {
  const int n = 256;
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, n * sizeof(int)));
  int *pinned = nullptr;
  CUDA_OK(cudaMallocHost(&pinned, n * sizeof(int)));
  std::memset(pinned, 0, n * sizeof(int));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Delay delay{200};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &delay));
  CUDA_OK(cudaMemsetAsync(d, 0x11, n * sizeof(int), stream));
  CUDA_OK(cudaMemcpyAsync(pinned, d, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  std::vector<int> copy(n, 0);
  CUDA_OK(cudaMemcpyAsync(copy.data(), pinned, n * sizeof(int), cudaMemcpyHostToHost, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(0x11111111, copy[0]);
  EXPECT_EQ(0x11111111, copy[n - 1]);

  // cudaMemcpy runs on the legacy stream, which waits for blocking streams.
  Delay second{200};
  std::memset(pinned, 0, n * sizeof(int));
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &second));
  CUDA_OK(cudaMemcpyAsync(pinned, d, n * sizeof(int), cudaMemcpyDeviceToHost, stream));
  std::vector<int> again(n, 0);
  CUDA_OK(cudaMemcpy(again.data(), pinned, n * sizeof(int), cudaMemcpyHostToHost));
  EXPECT_EQ(0x11111111, again[0]);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFreeHost(pinned));
  CUDA_OK(cudaFree(d));
}

// "In case the device is still doing work in the stream when
// cudaStreamDestroy() is called, the function will return immediately";
// cudaDeviceSynchronize still waits for that work.
TEST_F(Semantics, StreamDestroyDoesNotWaitButDeviceSynchronizeDoes) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Delay delay{800};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &delay));
  Clock::time_point start = Clock::now();
  CUDA_OK(cudaStreamDestroy(stream));
  EXPECT_LT(Clock::now() - start, std::chrono::milliseconds(500));
  EXPECT_FALSE(delay.done.load());
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_TRUE(delay.done.load());
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamQuery(stream));
}

// Work of a destroyed blocking stream still orders the legacy stream.
TEST_F(Semantics, LegacyStreamWaitsForDestroyedStreamsWork) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Delay delay{200};
  CUDA_OK(cudaLaunchHostFunc(stream, delayHost, &delay));
  int one = 1;
  int rounds = 10;
  void *args[] = {&d, &rounds};
  CUDA_OK(cudaLaunchKernel(&spinAdd, dim3(1), dim3(1), args, 0, stream));
  CUDA_OK(cudaStreamDestroy(stream));
  int value = 0;
  CUDA_OK(cudaMemcpy(&value, d, sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(one, value);
  CUDA_OK(cudaFree(d));
}

// Timing questions: unrecorded -> cudaErrorInvalidResourceHandle, recorded
// but not completed -> cudaErrorNotReady (neither is sticky).
TEST_F(Semantics, ElapsedTimeOnUnrecordedAndPendingEvents) {
  cudaEvent_t start = nullptr, stop = nullptr;
  CUDA_OK(cudaEventCreate(&start));
  CUDA_OK(cudaEventCreate(&stop));
  float ms = -1;
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventElapsedTime(&ms, start, stop));
  CUDA_OK(cudaEventRecord(start, nullptr));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventElapsedTime(&ms, start, stop));
  Delay delay{600};
  CUDA_OK(cudaLaunchHostFunc(nullptr, delayHost, &delay));
  CUDA_OK(cudaEventRecord(stop, nullptr));
  EXPECT_EQ(cudaErrorNotReady, cudaEventElapsedTime(&ms, start, stop));
  EXPECT_EQ(cudaErrorNotReady, cudaEventQuery(stop));
  CUDA_OK(cudaEventSynchronize(stop));
  CUDA_OK(cudaEventElapsedTime(&ms, start, stop));
  EXPECT_GE(ms, 500.0f);
  CUDA_OK(cudaEventDestroy(start));
  CUDA_OK(cudaEventDestroy(stop));
}

// An event recorded on one non-blocking stream orders work of another.
TEST_F(Semantics, EventRecordedOnOneStreamWaitedOnAnother) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  CUDA_OK(cudaDeviceSynchronize());
  cudaStream_t producer = nullptr, consumer = nullptr;
  CUDA_OK(cudaStreamCreateWithFlags(&producer, cudaStreamNonBlocking));
  CUDA_OK(cudaStreamCreateWithFlags(&consumer, cudaStreamNonBlocking));
  cudaEvent_t ready = nullptr;
  CUDA_OK(cudaEventCreateWithFlags(&ready, cudaEventDisableTiming));
  Delay delay{200};
  CUDA_OK(cudaLaunchHostFunc(producer, delayHost, &delay));
  CUDA_OK(cudaMemsetAsync(d, 0x22, sizeof(int), producer));
  CUDA_OK(cudaEventRecord(ready, producer));
  CUDA_OK(cudaStreamWaitEvent(consumer, ready, 0));
  int value = 0;
  CUDA_OK(cudaMemcpyAsync(&value, d, sizeof(int), cudaMemcpyDeviceToHost, consumer));
  CUDA_OK(cudaStreamSynchronize(consumer));
  EXPECT_EQ(0x22222222, value);
  CUDA_OK(cudaEventDestroy(ready));
  CUDA_OK(cudaStreamDestroy(producer));
  CUDA_OK(cudaStreamDestroy(consumer));
  CUDA_OK(cudaFree(d));
}

// A failed call's error stays the last error across later successful calls,
// until read once.
TEST_F(Semantics, LastErrorSurvivesSuccessfulCalls) {
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetDevice(-1));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaSetDevice(1 << 20));
  cudaDeviceProp prop{};
  EXPECT_EQ(cudaErrorInvalidDevice, cudaGetDeviceProperties(&prop, 1 << 20));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 4));
  CUDA_OK(cudaFree(d));
  EXPECT_EQ(cudaErrorInvalidDevice, cudaPeekAtLastError());
  EXPECT_EQ(cudaErrorInvalidDevice, cudaGetLastError());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
  int device = -1;
  CUDA_OK(cudaGetDevice(&device));
  EXPECT_EQ(0, device); // the bad cudaSetDevice changed nothing
}

// Too much dynamic shared memory fails the launch without a sticky error.
TEST_F(Semantics, TooMuchDynamicSharedMemoryIsNotSticky) {
  cudaDeviceProp prop{};
  CUDA_OK(cudaGetDeviceProperties(&prop, 0));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 64 * sizeof(int)));
  void *args[] = {&d};
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchKernel(&reverseBlock, dim3(1), dim3(64), args,
                                                    prop.sharedMemPerBlock + 1, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaGetLastError());
  CUDA_OK(cudaLaunchKernel(&reverseBlock, dim3(1), dim3(64), args, 64 * sizeof(int), nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaFree(d));
}

// cudaDeviceReset frees allocations; the device is usable afterwards.
TEST_F(Semantics, DeviceResetThenReuse) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 16 * sizeof(int)));
  CUDA_OK(cudaDeviceReset());
  EXPECT_EQ(cudaErrorInvalidValue, cudaFree(d));
  cudaGetLastError();
  CUDA_OK(cudaMalloc(&d, 16 * sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, 16 * sizeof(int)));
  int n = 16;
  void *args[] = {&d, &n};
  CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(16), args, 0, nullptr));
  std::vector<int> host(16, 0);
  CUDA_OK(cudaMemcpy(host.data(), d, 16 * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ(std::vector<int>(16, 1), host);
  CUDA_OK(cudaFree(d));
}

// Several host threads allocating, launching, copying and freeing at once
// (memory map, address reservation, streams, kernel argument setting).
TEST_F(Semantics, ConcurrentMallocLaunchFreeStress) {
  const int threads = 4;
  const auto budget = std::chrono::seconds(3);
  std::atomic<int> failures{0}, iterations{0};
  std::mutex messageMutex;
  std::string firstFailure;
  Clock::time_point until = Clock::now() + budget;
  std::vector<std::thread> workers;
  for (int t = 0; t < threads; ++t) {
    workers.emplace_back([&, t] {
      cudaStream_t stream = nullptr;
      bool ownStream = (t % 2) == 1;
      if (ownStream && cudaStreamCreate(&stream) != cudaSuccess) {
        ++failures;
        return;
      }
      auto fail = [&](const char *what, cudaError_t status) {
        ++failures;
        std::lock_guard<std::mutex> lock(messageMutex);
        if (firstFailure.empty())
          firstFailure = std::string(what) + ": " + cudaGetErrorName(status);
      };
      while (Clock::now() < until) {
        int n = 64 + 32 * (iterations.load() % 7);
        int *d = nullptr;
        cudaError_t status = cudaMalloc(&d, n * sizeof(int));
        if (status != cudaSuccess) {
          fail("malloc", status);
          break;
        }
        status = cudaMemsetAsync(d, 0, n * sizeof(int), stream);
        void *args[] = {&d, &n};
        if (status == cudaSuccess)
          status = cudaLaunchKernel(&addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
        if (status == cudaSuccess)
          status = cudaLaunchKernel(&addOne, dim3((n + 63) / 64), dim3(64), args, 0, stream);
        std::vector<int> host(n, -1);
        if (status == cudaSuccess)
          status = cudaMemcpyAsync(host.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost, stream);
        if (status == cudaSuccess)
          status = cudaStreamSynchronize(stream);
        if (status != cudaSuccess)
          fail("work", status);
        else if (host != std::vector<int>(n, 2))
          fail("wrong data", cudaSuccess);
        status = cudaFree(d);
        if (status != cudaSuccess)
          fail("free", status);
        ++iterations;
      }
      if (ownStream && cudaStreamDestroy(stream) != cudaSuccess)
        ++failures;
    });
  }
  for (std::thread &worker : workers)
    worker.join();
  EXPECT_EQ(0, failures.load()) << firstFailure;
  EXPECT_GT(iterations.load(), threads);
  size_t free = 0, total = 0;
  CUDA_OK(cudaMemGetInfo(&free, &total));
  EXPECT_EQ(total, free); // every allocation was returned
}
