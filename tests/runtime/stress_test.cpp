// Concurrency stress: 8 host threads each run 1,000 mixed runtime operations
// (allocation and free, synchronous and asynchronous copies in every
// direction, memsets, event record and synchronize, kernel launches through
// the module ABI) on streams of their own, and every byte that comes back is
// compared with a host model of what the device must hold. The operation
// sequence is fixed by a seed per thread, so a failure names the thread and
// operation that saw it; nothing depends on timing.
//
// The sanitizer job (scripts/run-sanitizers.sh) runs this under
// ThreadSanitizer and AddressSanitizer.
#include "test_kernels.h"

#include <algorithm>
#include <mutex>
#include <random>
#include <sstream>

namespace {

using namespace test_kernels;

constexpr int kThreads = 8;
constexpr int kOperations = 1000;
constexpr std::size_t kMaxBuffers = 6;           // live allocations per thread
constexpr std::size_t kMaxBytes = 12 * 1024;     // per allocation
constexpr std::size_t kStagingBytes = 64 * 1024; // pinned memory per thread
constexpr int kBlock = 64;                       // reverse_block's work-group size

class Stress : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

// The operations a worker picks from (weights in Worker::pick).
enum class Op {
  Malloc,
  Free,
  CopyToDevice,
  CopyToDeviceAsync,
  CopyToHost,
  CopyToHostAsync,
  CopyOnDevice,
  CopyOnDeviceAsync,
  Memset,
  MemsetAsync,
  AddOne,
  ReverseBlocks,
  EventSync,
  StreamSync,
};

const char *opName(Op op) {
  switch (op) {
  case Op::Malloc:
    return "cudaMalloc";
  case Op::Free:
    return "cudaFree";
  case Op::CopyToDevice:
    return "cudaMemcpy H2D";
  case Op::CopyToDeviceAsync:
    return "cudaMemcpyAsync H2D";
  case Op::CopyToHost:
    return "cudaMemcpy D2H";
  case Op::CopyToHostAsync:
    return "cudaMemcpyAsync D2H";
  case Op::CopyOnDevice:
    return "cudaMemcpy D2D";
  case Op::CopyOnDeviceAsync:
    return "cudaMemcpyAsync D2D";
  case Op::Memset:
    return "cudaMemset";
  case Op::MemsetAsync:
    return "cudaMemsetAsync";
  case Op::AddOne:
    return "launch add_one";
  case Op::ReverseBlocks:
    return "launch reverse_block";
  case Op::EventSync:
    return "cudaEventRecord + cudaEventSynchronize";
  case Op::StreamSync:
    return "cudaStreamSynchronize";
  }
  return "?";
}

// A device allocation and the bytes it must hold once its stream is drained.
struct Buffer {
  unsigned char *device = nullptr;
  std::vector<unsigned char> model;
};

// A device-to-host copy in flight: where it lands and what it must bring.
struct PendingRead {
  const unsigned char *host;
  std::vector<unsigned char> expected;
  int operation;
};

class Worker {
public:
  Worker(int index, std::mutex &messageMutex, std::string &firstFailure)
      : index_(index), blocking_(index % 2 == 1), random_(1234u + static_cast<unsigned>(index)),
        messageMutex_(messageMutex), firstFailure_(firstFailure) {}

  // Runs the whole sequence; false after the first failure (recorded).
  bool run() {
    if (!ok(cudaStreamCreateWithFlags(&stream_,
                                      blocking_ ? cudaStreamDefault : cudaStreamNonBlocking),
            "cudaStreamCreateWithFlags") ||
        !ok(cudaEventCreateWithFlags(&event_, cudaEventDisableTiming), "cudaEventCreate") ||
        !ok(cudaMallocHost(&staging_, kStagingBytes), "cudaMallocHost"))
      return cleanUp(false);
    for (operation_ = 0; operation_ < kOperations; ++operation_) {
      const Op op = pick();
      if (!perform(op))
        return cleanUp(false);
      ++counts_[static_cast<int>(op)];
    }
    // Every byte of every live allocation, then free them.
    bool good = drain("final cudaStreamSynchronize");
    while (good && !buffers_.empty())
      good = freeOne(buffers_.size() - 1);
    return cleanUp(good);
  }

  const std::vector<int> &counts() const { return counts_; }

private:
  bool ok(cudaError_t status, const char *what) {
    if (status == cudaSuccess)
      return true;
    fail(std::string(what) + " returned " + cudaGetErrorName(status));
    return false;
  }

  void fail(const std::string &message) {
    std::lock_guard<std::mutex> lock(messageMutex_);
    if (firstFailure_.empty()) {
      std::ostringstream text;
      text << "thread " << index_ << ", operation " << operation_ << ": " << message;
      firstFailure_ = text.str();
    }
  }

  bool cleanUp(bool good) {
    for (Buffer &buffer : buffers_)
      cudaFree(buffer.device);
    buffers_.clear();
    if (staging_ != nullptr)
      good = ok(cudaFreeHost(staging_), "cudaFreeHost") && good;
    if (event_ != nullptr)
      good = ok(cudaEventDestroy(event_), "cudaEventDestroy") && good;
    if (stream_ != nullptr)
      good = ok(cudaStreamDestroy(stream_), "cudaStreamDestroy") && good;
    staging_ = nullptr;
    event_ = nullptr;
    stream_ = nullptr;
    return good;
  }

  std::size_t uniform(std::size_t low, std::size_t high) { // [low, high]
    return std::uniform_int_distribution<std::size_t>(low, high)(random_);
  }

  Op pick() {
    if (buffers_.empty())
      return Op::Malloc;
    static const std::pair<Op, int> weights[] = {{Op::Malloc, 6},       {Op::Free, 5},
                                                 {Op::CopyToDevice, 8}, {Op::CopyToDeviceAsync, 10},
                                                 {Op::CopyToHost, 8},   {Op::CopyToHostAsync, 10},
                                                 {Op::CopyOnDevice, 6}, {Op::CopyOnDeviceAsync, 8},
                                                 {Op::Memset, 5},       {Op::MemsetAsync, 6},
                                                 {Op::AddOne, 10},      {Op::ReverseBlocks, 6},
                                                 {Op::EventSync, 6},    {Op::StreamSync, 4}};
    int total = 0;
    for (const auto &[op, weight] : weights)
      total += weight;
    int roll = static_cast<int>(uniform(0, static_cast<std::size_t>(total - 1)));
    for (const auto &[op, weight] : weights) {
      if (roll < weight)
        return op;
      roll -= weight;
    }
    return Op::StreamSync;
  }

  // A random byte range [offset, offset + length) of `buffer`, `align`-aligned.
  std::pair<std::size_t, std::size_t> range(const Buffer &buffer, std::size_t align = 1) {
    const std::size_t size = buffer.model.size() / align;
    const std::size_t first = uniform(0, size - 1), last = uniform(first, size - 1);
    return {first * align, (last - first + 1) * align};
  }

  Buffer &anyBuffer() { return buffers_[uniform(0, buffers_.size() - 1)]; }

  // Pinned staging for an asynchronous copy; drains the stream first when
  // the staging area is used up (its earlier contents may still be in use).
  unsigned char *stage(std::size_t bytes) {
    if (stagingUsed_ + bytes > kStagingBytes && !drain("cudaStreamSynchronize (staging)"))
      return nullptr;
    unsigned char *at = static_cast<unsigned char *>(staging_) + stagingUsed_;
    stagingUsed_ += (bytes + 63) / 64 * 64;
    return at;
  }

  // Waits for the stream (directly or through the event), then checks every
  // pending read.
  bool drain(const char *what, bool throughEvent = false) {
    if (throughEvent) {
      if (!ok(cudaEventRecord(event_, stream_), "cudaEventRecord") ||
          !ok(cudaEventSynchronize(event_), what) || !ok(cudaEventQuery(event_), "cudaEventQuery"))
        return false;
    } else if (!ok(cudaStreamSynchronize(stream_), what)) {
      return false;
    }
    if (!ok(cudaStreamQuery(stream_), "cudaStreamQuery after synchronizing"))
      return false;
    for (const PendingRead &read : pending_)
      if (!same(read.host, read.expected, read.operation))
        return false;
    pending_.clear();
    stagingUsed_ = 0;
    return true;
  }

  bool same(const unsigned char *got, const std::vector<unsigned char> &expected, int operation) {
    auto mismatch = std::mismatch(expected.begin(), expected.end(), got);
    if (mismatch.first == expected.end())
      return true;
    std::ostringstream text;
    text << "byte " << (mismatch.first - expected.begin()) << " of " << expected.size()
         << " read back by operation " << operation << " is " << int(*mismatch.second)
         << ", expected " << int(*mismatch.first);
    fail(text.str());
    return false;
  }

  std::vector<unsigned char> randomBytes(std::size_t n) {
    std::vector<unsigned char> bytes(n);
    for (unsigned char &byte : bytes)
      byte = static_cast<unsigned char>(random_());
    return bytes;
  }

  // Reads the whole buffer back (after draining) and frees it.
  bool freeOne(std::size_t which) {
    Buffer &buffer = buffers_[which];
    std::vector<unsigned char> host(buffer.model.size());
    if (!ok(cudaMemcpy(host.data(), buffer.device, host.size(), cudaMemcpyDeviceToHost),
            "cudaMemcpy D2H before cudaFree") ||
        !same(host.data(), buffer.model, operation_))
      return false;
    const bool freed = ok(cudaFree(buffer.device), "cudaFree");
    buffers_.erase(buffers_.begin() + static_cast<std::ptrdiff_t>(which));
    return freed;
  }

  bool perform(Op op) {
    // Calls on the legacy default stream. A blocking stream and the legacy
    // stream wait for each other's earlier work; a non-blocking stream does
    // not, so those threads drain their stream before such a call and wait
    // for the legacy stream after one that may return before it is done.
    const bool legacy = op == Op::Free || op == Op::CopyToDevice || op == Op::CopyToHost ||
                        op == Op::CopyOnDevice || op == Op::Memset;
    if (!blocking_ && legacy && !drain("cudaStreamSynchronize"))
      return false;
    if (!performOn(op))
      return false;
    if (!blocking_ && legacy)
      return ok(cudaStreamSynchronize(nullptr), "cudaStreamSynchronize(0)");
    return true;
  }

  bool performOn(Op op) {
    switch (op) {
    case Op::Malloc: {
      if (buffers_.size() >= kMaxBuffers && !perform(Op::Free))
        return false;
      // Whole ints (the kernels address ints), odd counts of them.
      const std::size_t bytes = 4 * (2 * uniform(1, kMaxBytes / 8) - 1);
      Buffer buffer;
      if (!ok(cudaMalloc(&buffer.device, bytes), "cudaMalloc"))
        return false;
      const int value = static_cast<int>(uniform(0, 255));
      buffer.model.assign(bytes, static_cast<unsigned char>(value));
      buffers_.push_back(std::move(buffer));
      return ok(cudaMemsetAsync(buffers_.back().device, value, bytes, stream_),
                "cudaMemsetAsync after cudaMalloc");
    }
    case Op::Free:
      return freeOne(uniform(0, buffers_.size() - 1));
    case Op::CopyToDevice:
    case Op::CopyToDeviceAsync: {
      Buffer &buffer = anyBuffer();
      const auto [offset, length] = range(buffer);
      std::vector<unsigned char> bytes = randomBytes(length);
      std::copy(bytes.begin(), bytes.end(), buffer.model.begin() + offset);
      if (op == Op::CopyToDevice)
        return ok(cudaMemcpy(buffer.device + offset, bytes.data(), length, cudaMemcpyHostToDevice),
                  opName(op));
      unsigned char *host = stage(length);
      if (host == nullptr)
        return false;
      std::copy(bytes.begin(), bytes.end(), host);
      return ok(
          cudaMemcpyAsync(buffer.device + offset, host, length, cudaMemcpyHostToDevice, stream_),
          opName(op));
    }
    case Op::CopyToHost: {
      Buffer &buffer = anyBuffer();
      const auto [offset, length] = range(buffer);
      std::vector<unsigned char> host(length);
      const std::vector<unsigned char> expected(buffer.model.begin() + offset,
                                                buffer.model.begin() + offset + length);
      return ok(cudaMemcpy(host.data(), buffer.device + offset, length, cudaMemcpyDeviceToHost),
                opName(op)) &&
             same(host.data(), expected, operation_);
    }
    case Op::CopyToHostAsync: {
      Buffer &buffer = anyBuffer();
      const auto [offset, length] = range(buffer);
      unsigned char *host = stage(length);
      if (host == nullptr)
        return false;
      std::fill(host, host + length, static_cast<unsigned char>(~buffer.model[offset]));
      pending_.push_back({host,
                          std::vector<unsigned char>(buffer.model.begin() + offset,
                                                     buffer.model.begin() + offset + length),
                          operation_});
      return ok(
          cudaMemcpyAsync(host, buffer.device + offset, length, cudaMemcpyDeviceToHost, stream_),
          opName(op));
    }
    case Op::CopyOnDevice:
    case Op::CopyOnDeviceAsync: {
      // Between two allocations, or within one without overlap.
      Buffer &from = anyBuffer();
      Buffer &to = anyBuffer();
      auto [source, length] = range(from);
      length = std::min(length, to.model.size());
      std::size_t target = uniform(0, to.model.size() - length);
      if (&from == &to) {
        length = std::min(length, from.model.size() / 2);
        source = uniform(0, from.model.size() - 2 * length);
        target = source + length + uniform(0, from.model.size() - 2 * length - source);
        if (uniform(0, 1) == 1)
          std::swap(source, target);
      }
      std::copy(from.model.begin() + source, from.model.begin() + source + length,
                to.model.begin() + target);
      if (op == Op::CopyOnDevice)
        return ok(
            cudaMemcpy(to.device + target, from.device + source, length, cudaMemcpyDeviceToDevice),
            opName(op));
      return ok(cudaMemcpyAsync(to.device + target, from.device + source, length,
                                cudaMemcpyDeviceToDevice, stream_),
                opName(op));
    }
    case Op::Memset:
    case Op::MemsetAsync: {
      Buffer &buffer = anyBuffer();
      const auto [offset, length] = range(buffer);
      const int value = static_cast<int>(uniform(0, 255));
      std::fill(buffer.model.begin() + offset, buffer.model.begin() + offset + length,
                static_cast<unsigned char>(value));
      if (op == Op::Memset)
        return ok(cudaMemset(buffer.device + offset, value, length), opName(op));
      return ok(cudaMemsetAsync(buffer.device + offset, value, length, stream_), opName(op));
    }
    case Op::AddOne: {
      Buffer &buffer = anyBuffer();
      const auto [offset, length] = range(buffer, sizeof(int));
      int n = static_cast<int>(length / sizeof(int));
      for (int i = 0; i < n; ++i) {
        int value;
        std::memcpy(&value, &buffer.model[offset + sizeof(int) * i], sizeof value);
        value = static_cast<int>(static_cast<unsigned>(value) + 1u);
        std::memcpy(&buffer.model[offset + sizeof(int) * i], &value, sizeof value);
      }
      void *pointer = buffer.device + offset;
      void *args[] = {&pointer, &n};
      const int block = static_cast<int>(uniform(1, 4)) * 32;
      return ok(
          cudaLaunchKernel(&addOne, dim3((n + block - 1) / block), dim3(block), args, 0, stream_),
          opName(op));
    }
    case Op::ReverseBlocks: {
      Buffer &buffer = anyBuffer();
      const std::size_t blockBytes = kBlock * sizeof(int);
      if (buffer.model.size() < blockBytes)
        return true; // too small for one block: nothing to do
      const std::size_t blocks = uniform(1, buffer.model.size() / blockBytes);
      const std::size_t offset =
          sizeof(int) * uniform(0, (buffer.model.size() - blocks * blockBytes) / sizeof(int));
      for (std::size_t b = 0; b < blocks; ++b) {
        auto first = buffer.model.begin() + static_cast<std::ptrdiff_t>(offset + b * blockBytes);
        for (int i = 0; i < kBlock / 2; ++i)
          std::swap_ranges(first + i * 4, first + i * 4 + 4, first + (kBlock - 1 - i) * 4);
      }
      void *pointer = buffer.device + offset;
      void *args[] = {&pointer};
      return ok(cudaLaunchKernel(&reverseBlock, dim3(static_cast<unsigned>(blocks)), dim3(kBlock),
                                 args, blockBytes, stream_),
                opName(op));
    }
    case Op::EventSync:
      return drain("cudaEventSynchronize", /*throughEvent=*/true);
    case Op::StreamSync:
      return drain("cudaStreamSynchronize");
    }
    return false;
  }

  int index_;
  bool blocking_;
  std::mt19937 random_;
  std::mutex &messageMutex_;
  std::string &firstFailure_;
  int operation_ = 0;
  cudaStream_t stream_ = nullptr;
  cudaEvent_t event_ = nullptr;
  void *staging_ = nullptr;
  std::size_t stagingUsed_ = 0;
  std::vector<Buffer> buffers_;
  std::vector<PendingRead> pending_;
  std::vector<int> counts_ = std::vector<int>(static_cast<int>(Op::StreamSync) + 1, 0);
};

} // namespace

// 8 threads x 1,000 operations, every byte read back compared with the model.
TEST_F(Stress, ThreadsRunMixedOperationsAndEveryByteIsRight) {
  std::mutex messageMutex;
  std::string firstFailure;
  std::vector<Worker> workers;
  workers.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t)
    workers.emplace_back(t, messageMutex, firstFailure);
  std::vector<std::thread> threads;
  std::atomic<int> failed{0};
  for (Worker &worker : workers)
    threads.emplace_back([&worker, &failed] {
      if (!worker.run())
        ++failed;
    });
  for (std::thread &thread : threads)
    thread.join();
  EXPECT_EQ(0, failed.load()) << firstFailure;

  // Each kind of operation ran, on every thread (the sequence is fixed by
  // the seeds, so this holds on every run).
  for (const Worker &worker : workers)
    for (int op = 0; op <= static_cast<int>(Op::StreamSync); ++op)
      EXPECT_GT(worker.counts()[static_cast<std::size_t>(op)], 0) << opName(static_cast<Op>(op));

  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
  EXPECT_EQ(cudaSuccess, cudaGetLastError());
  size_t free = 0, total = 0;
  CUDA_OK(cudaMemGetInfo(&free, &total));
  EXPECT_EQ(total, free); // every allocation was returned
}
