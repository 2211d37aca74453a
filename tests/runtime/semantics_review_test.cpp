// CUDA behaviours a program can observe, checked against the CUDA runtime
// API reference ("API synchronization behavior", cudaFree, cudaStreamDestroy,
// event timing, stream ordering). Each test once failed on cucl.
#include "test_kernels.h"

#include <algorithm>

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

// A host function that waits until the host sets `open`, then sets
// `finished`. A call that wrongly waited for it would wait for ever: after
// 30 s it gives up and sets `timedOut`, which fails the test. A correct run
// never waits that long, so no result depends on timing.
struct Gate {
  std::atomic<bool> open{false};
  std::atomic<bool> timedOut{false};
  std::atomic<bool> finished{false};
};
void CUDART_CB waitForGate(void *data) {
  auto *gate = static_cast<Gate *>(data);
  Clock::time_point until = Clock::now() + std::chrono::seconds(30);
  while (!gate->open.load()) {
    if (Clock::now() > until) {
      gate->timedOut = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  gate->finished = true;
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
    Gate gate; // opened only after the launch returned
    CUDA_OK(cudaLaunchHostFunc(nullptr, waitForGate, &gate));
    EXPECT_FALSE(gate.finished.load());
    EXPECT_EQ(cudaErrorNotReady, cudaStreamQuery(nullptr));
    gate.open = true;
    CUDA_OK(cudaStreamSynchronize(nullptr));
    EXPECT_TRUE(gate.finished.load());
    EXPECT_FALSE(gate.timedOut.load());
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
  Gate gate; // a copy that waited for the stream would wait for the gate
  CUDA_OK(cudaLaunchHostFunc(stream, waitForGate, &gate));
  CUDA_OK(cudaMemcpyAsync(d, pageable.data(), n * sizeof(int), cudaMemcpyHostToDevice, stream));
  CUDA_OK(cudaMemcpyAsync(d + n, pinned, n * sizeof(int), cudaMemcpyHostToDevice, stream));
  EXPECT_FALSE(gate.finished.load());
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
  Gate gate; // opened only after cudaStreamDestroy returned
  CUDA_OK(cudaLaunchHostFunc(stream, waitForGate, &gate));
  CUDA_OK(cudaStreamDestroy(stream));
  EXPECT_FALSE(gate.finished.load());
  gate.open = true;
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_TRUE(gate.finished.load());
  EXPECT_FALSE(gate.timedOut.load());
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
  CUDA_OK(cudaEventSynchronize(start));
  Gate gate; // stop stays pending until the gate opens
  CUDA_OK(cudaLaunchHostFunc(nullptr, waitForGate, &gate));
  CUDA_OK(cudaEventRecord(stop, nullptr));
  EXPECT_EQ(cudaErrorNotReady, cudaEventElapsedTime(&ms, start, stop));
  EXPECT_EQ(cudaErrorNotReady, cudaEventQuery(stop));
  // start completed before this wait began, stop completes after it ended.
  std::this_thread::sleep_for(std::chrono::milliseconds(550));
  gate.open = true;
  CUDA_OK(cudaEventSynchronize(stop));
  EXPECT_FALSE(gate.timedOut.load());
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
