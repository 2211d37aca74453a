// A first-fit allocator of aligned ranges inside [start, start + size),
// coalescing on release: the device address reservation hands addresses out
// of it, and a device's arena (core/device_memory.h) hands out its offsets.
#ifndef CUCL_CORE_FIRST_FIT_RANGES_H
#define CUCL_CORE_FIRST_FIT_RANGES_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>

namespace cucl {

class FirstFitRanges {
public:
  static constexpr std::size_t kAlignment = 256;

  // `start` and `size` multiples of kAlignment.
  void reset(std::uintptr_t start, std::size_t size);
  // The start of a free range of `bytes` (rounded up to kAlignment), or
  // false when none is large enough (or bytes == 0).
  bool allocate(std::size_t bytes, std::uintptr_t *start);
  // `start` and `bytes` exactly as allocate() handed them out.
  void release(std::uintptr_t start, std::size_t bytes);
  // Bytes not handed out (in ranges of any size).
  std::size_t freeBytes() const { return freeBytes_.load(std::memory_order_relaxed); }

  static std::size_t roundUp(std::size_t bytes) {
    return (bytes + kAlignment - 1) / kAlignment * kAlignment;
  }

private:
  std::size_t size_ = 0;
  std::mutex mutex_;
  std::map<std::uintptr_t, std::size_t> free_; // start -> length, disjoint, coalesced
  std::atomic<std::size_t> freeBytes_{0};
};

} // namespace cucl

#endif // CUCL_CORE_FIRST_FIT_RANGES_H
