// Streams (in-order, legacy-default-stream ordering) and events (record,
// query, synchronize, timing, cross-stream waits).
#include "test_kernels.h"

namespace {

using namespace test_kernels;

class Streams : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
  // Enqueues `count` dependent increments of *d on `stream`.
  void increments(int *d, int count, cudaStream_t stream) {
    int rounds = 20000;
    void *args[] = {&d, &rounds};
    for (int i = 0; i < count; ++i)
      ASSERT_EQ(cudaSuccess, cudaLaunchKernel(&spinAdd, dim3(1), dim3(1), args, 0, stream));
  }
  int value(const int *d) {
    int v = -1;
    EXPECT_EQ(cudaSuccess, cudaMemcpy(&v, d, sizeof(int), cudaMemcpyDeviceToHost));
    return v;
  }
};

} // namespace

TEST_F(Streams, CreateSynchronizeQueryDestroy) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  ASSERT_NE(nullptr, stream);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemsetAsync(d, 0, sizeof(int), stream));
  increments(d, 10, stream);
  CUDA_OK(cudaStreamSynchronize(stream));
  CUDA_OK(cudaStreamQuery(stream));
  EXPECT_EQ(10, value(d));
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

TEST_F(Streams, BadHandlesAndFlags) {
  cudaStream_t stream = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamCreate(nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamCreateWithFlags(&stream, 0x40));
  CUDA_OK(cudaStreamCreateWithFlags(&stream, cudaStreamNonBlocking));
  CUDA_OK(cudaStreamDestroy(stream));
  // A destroyed stream (or any pointer that is no stream) is not usable.
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamDestroy(stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamSynchronize(stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamQuery(stream));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  int n = 1;
  void *args[] = {&d, &n};
  EXPECT_EQ(cudaErrorInvalidResourceHandle,
            cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaMemsetAsync(d, 0, 4, stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamDestroy(nullptr));
  // The special handles all mean the legacy default stream.
  CUDA_OK(cudaStreamSynchronize(cudaStreamLegacy));
  CUDA_OK(cudaStreamSynchronize(cudaStreamPerThread));
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}

TEST_F(Streams, LegacyStreamOrdersBlockingStreams) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int))); // legacy stream
  increments(d, 20, stream);              // must run after the memset
  int n = 1;
  void *args[] = {&d, &n};
  // Legacy-stream work waits for the blocking stream's 20 increments.
  CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_EQ(21, value(d));
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

TEST_F(Streams, EventRecordQuerySynchronizeAndTime) {
  cudaEvent_t start = nullptr, stop = nullptr;
  CUDA_OK(cudaEventCreate(&start));
  CUDA_OK(cudaEventCreate(&stop));
  CUDA_OK(cudaEventQuery(start)); // never recorded: complete
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  CUDA_OK(cudaEventRecord(start));
  increments(d, 50, nullptr);
  CUDA_OK(cudaEventRecord(stop, 0));
  CUDA_OK(cudaEventSynchronize(stop));
  CUDA_OK(cudaEventQuery(stop));
  float ms = -1.0f;
  CUDA_OK(cudaEventElapsedTime(&ms, start, stop));
  EXPECT_GE(ms, 0.0f);
  EXPECT_LT(ms, 60000.0f);
  EXPECT_EQ(50, value(d));
  CUDA_OK(cudaEventDestroy(start));
  CUDA_OK(cudaEventDestroy(stop));
  CUDA_OK(cudaFree(d));
}

TEST_F(Streams, EventErrors) {
  cudaEvent_t recorded = nullptr, never = nullptr, untimed = nullptr;
  CUDA_OK(cudaEventCreate(&recorded));
  CUDA_OK(cudaEventCreate(&never));
  CUDA_OK(cudaEventCreateWithFlags(&untimed, cudaEventDisableTiming));
  CUDA_OK(cudaEventRecord(recorded));
  CUDA_OK(cudaEventRecord(untimed));
  CUDA_OK(cudaEventSynchronize(recorded));
  float ms = 0;
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventElapsedTime(&ms, recorded, never));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventElapsedTime(&ms, recorded, untimed));
  EXPECT_EQ(cudaErrorInvalidValue, cudaEventElapsedTime(nullptr, recorded, recorded));
  EXPECT_EQ(cudaErrorInvalidValue, cudaEventCreate(nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaEventCreateWithFlags(&never, 0x100));
  CUDA_OK(cudaEventDestroy(recorded));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventDestroy(recorded));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventRecord(recorded));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventQuery(recorded));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaEventSynchronize(nullptr));
  CUDA_OK(cudaEventDestroy(never));
  CUDA_OK(cudaEventDestroy(untimed));
  cudaGetLastError();
}

TEST_F(Streams, StreamWaitEventOrdersNonBlockingStreams) {
  cudaStream_t first = nullptr, second = nullptr;
  CUDA_OK(cudaStreamCreateWithFlags(&first, cudaStreamNonBlocking));
  CUDA_OK(cudaStreamCreateWithFlags(&second, cudaStreamNonBlocking));
  cudaEvent_t done = nullptr;
  CUDA_OK(cudaEventCreateWithFlags(&done, cudaEventDisableTiming));
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  CUDA_OK(cudaDeviceSynchronize());
  increments(d, 30, first);
  CUDA_OK(cudaEventRecord(done, first));
  CUDA_OK(cudaStreamWaitEvent(second, done, 0));
  // Doubling must see all 30 increments: 30 -> 31 via add_one.
  int n = 1;
  void *args[] = {&d, &n};
  CUDA_OK(cudaLaunchKernel(&addOne, dim3(1), dim3(1), args, 0, second));
  CUDA_OK(cudaStreamSynchronize(second));
  EXPECT_EQ(31, value(d));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamWaitEvent(second, nullptr, 0));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamWaitEvent(second, done, 7));
  CUDA_OK(cudaEventDestroy(done));
  CUDA_OK(cudaStreamDestroy(first));
  CUDA_OK(cudaStreamDestroy(second));
  CUDA_OK(cudaFree(d));
  cudaGetLastError();
}

TEST_F(Streams, AsyncCopiesOnAStream) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  std::vector<int> source(1000), back(1000, 0);
  std::iota(source.begin(), source.end(), 5);
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, 1000 * sizeof(int)));
  CUDA_OK(cudaMemcpyAsync(d, source.data(), 1000 * sizeof(int), cudaMemcpyHostToDevice, stream));
  CUDA_OK(cudaMemcpyAsync(back.data(), d, 1000 * sizeof(int), cudaMemcpyDeviceToHost, stream));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(source, back);
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFree(d));
}

namespace {
struct CallbackLog {
  std::atomic<int> calls{0};
  std::atomic<int> valueSeen{-1};
  int *device = nullptr;
  cudaStream_t stream = nullptr;
  cudaError_t status = cudaErrorUnknown;
};
} // namespace

TEST_F(Streams, HostFunctionsRunInStreamOrder) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  int *d = nullptr;
  CUDA_OK(cudaMallocHost(&d, sizeof(int)));
  *d = 0;
  int *onDevice = nullptr;
  CUDA_OK(cudaMalloc(&onDevice, sizeof(int)));
  CUDA_OK(cudaMemsetAsync(onDevice, 0, sizeof(int), stream));
  increments(onDevice, 10, stream);
  // The host function sees all 10 increments, copied back before it runs.
  CUDA_OK(cudaMemcpyAsync(d, onDevice, sizeof(int), cudaMemcpyDeviceToHost, stream));
  CallbackLog log;
  log.device = d;
  CUDA_OK(cudaLaunchHostFunc(
      stream,
      [](void *data) {
        auto *entry = static_cast<CallbackLog *>(data);
        entry->valueSeen = *entry->device;
        ++entry->calls;
      },
      &log));
  CUDA_OK(cudaStreamAddCallback(
      stream,
      [](cudaStream_t s, cudaError_t status, void *data) {
        auto *entry = static_cast<CallbackLog *>(data);
        entry->stream = s;
        entry->status = status;
        ++entry->calls;
      },
      &log, 0));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_EQ(2, log.calls.load());
  EXPECT_EQ(10, log.valueSeen.load());
  EXPECT_EQ(stream, log.stream);
  EXPECT_EQ(cudaSuccess, log.status);
  EXPECT_EQ(cudaErrorInvalidValue, cudaLaunchHostFunc(stream, nullptr, nullptr));
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamAddCallback(stream, nullptr, nullptr, 0));
  CUDA_OK(cudaStreamDestroy(stream));
  CUDA_OK(cudaFreeHost(d));
  CUDA_OK(cudaFree(onDevice));
  cudaGetLastError();
}

TEST_F(Streams, LaterWorkWaitsForAHostFunction) {
  int *d = nullptr;
  CUDA_OK(cudaMalloc(&d, sizeof(int)));
  CUDA_OK(cudaMemset(d, 0, sizeof(int)));
  static std::atomic<bool> released{false};
  released = false;
  CUDA_OK(cudaLaunchHostFunc(
      nullptr,
      [](void *) {
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
        released = true;
      },
      nullptr));
  CUDA_OK(cudaDeviceSynchronize());
  EXPECT_TRUE(released.load());
  CUDA_OK(cudaFree(d));
}

TEST_F(Streams, FlagsAndPriorities) {
  int least = 5, greatest = 5;
  CUDA_OK(cudaDeviceGetStreamPriorityRange(&least, &greatest));
  EXPECT_EQ(0, least);
  EXPECT_EQ(0, greatest);
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreateWithPriority(&stream, cudaStreamNonBlocking, -1));
  unsigned flags = 99;
  CUDA_OK(cudaStreamGetFlags(stream, &flags));
  EXPECT_EQ(static_cast<unsigned>(cudaStreamNonBlocking), flags);
  int priority = 7;
  CUDA_OK(cudaStreamGetPriority(stream, &priority));
  EXPECT_EQ(0, priority);
  CUDA_OK(cudaStreamGetFlags(0, &flags));
  EXPECT_EQ(static_cast<unsigned>(cudaStreamDefault), flags);
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamGetFlags(stream, nullptr));
  CUDA_OK(cudaStreamDestroy(stream));
  EXPECT_EQ(cudaErrorInvalidResourceHandle, cudaStreamGetFlags(stream, &flags));
  cudaGetLastError();
}

namespace {
// Shared by the host functions below (they run on driver threads).
struct Handshake {
  std::atomic<bool> legacyDone{false};
  std::atomic<bool> sawLegacyDone{false};
};
} // namespace

TEST_F(Streams, BlockingStreamWaitsForEarlierLegacyWork) {
  cudaStream_t stream = nullptr;
  CUDA_OK(cudaStreamCreate(&stream));
  Handshake h;
  CUDA_OK(cudaLaunchHostFunc(
      nullptr,
      [](void *data) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        static_cast<Handshake *>(data)->legacyDone = true;
      },
      &h));
  CUDA_OK(cudaLaunchHostFunc(
      stream,
      [](void *data) {
        auto *handshake = static_cast<Handshake *>(data);
        handshake->sawLegacyDone = handshake->legacyDone.load();
      },
      &h));
  CUDA_OK(cudaStreamSynchronize(stream));
  EXPECT_TRUE(h.sawLegacyDone.load());
  CUDA_OK(cudaStreamDestroy(stream));
}

TEST_F(Streams, IdsDevicesAndRecordFlags) {
  cudaStream_t a, b;
  CUDA_OK(cudaStreamCreate(&a));
  CUDA_OK(cudaStreamCreate(&b));
  unsigned long long idA = 0, idB = 0, idLegacy = 0;
  CUDA_OK(cudaStreamGetId(a, &idA));
  CUDA_OK(cudaStreamGetId(b, &idB));
  CUDA_OK(cudaStreamGetId(nullptr, &idLegacy));
  EXPECT_NE(idA, idB);
  EXPECT_NE(idA, idLegacy);
  int device = -1;
  CUDA_OK(cudaStreamGetDevice(a, &device));
  EXPECT_EQ(0, device);
  EXPECT_EQ(cudaErrorInvalidValue, cudaStreamGetId(a, nullptr));
  cudaEvent_t start, stop;
  CUDA_OK(cudaEventCreate(&start));
  CUDA_OK(cudaEventCreate(&stop));
  CUDA_OK(cudaEventRecordWithFlags(start, a, cudaEventRecordDefault));
  CUDA_OK(cudaEventRecordWithFlags(stop, a, cudaEventRecordExternal));
  CUDA_OK(cudaEventSynchronize(stop));
  float ms = -1.0f;
  CUDA_OK(cudaEventElapsedTime(&ms, start, stop));
  EXPECT_GE(ms, 0.0f);
  EXPECT_EQ(cudaErrorInvalidValue, cudaEventRecordWithFlags(start, a, 0x10));
  cudaGetLastError();
  CUDA_OK(cudaEventDestroy(start));
  CUDA_OK(cudaEventDestroy(stop));
  CUDA_OK(cudaStreamDestroy(a));
  CUDA_OK(cudaStreamDestroy(b));
}
