#include "core/first_fit_ranges.h"

#include <iterator>

namespace cucl {

void FirstFitRanges::reset(std::uintptr_t start, std::size_t size) {
  std::lock_guard<std::mutex> lock(mutex_);
  size_ = size;
  free_.clear();
  if (size != 0)
    free_.emplace(start, size);
  freeBytes_.store(size);
}

bool FirstFitRanges::allocate(std::size_t bytes, std::uintptr_t *start) {
  if (bytes == 0 || bytes > size_)
    return false;
  bytes = roundUp(bytes);
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = free_.begin(); it != free_.end(); ++it) {
    if (it->second < bytes)
      continue;
    *start = it->first;
    std::size_t remaining = it->second - bytes;
    free_.erase(it);
    if (remaining != 0)
      free_.emplace(*start + bytes, remaining);
    freeBytes_.fetch_sub(bytes, std::memory_order_relaxed);
    return true;
  }
  return false;
}

void FirstFitRanges::release(std::uintptr_t start, std::size_t bytes) {
  bytes = roundUp(bytes);
  std::lock_guard<std::mutex> lock(mutex_);
  freeBytes_.fetch_add(bytes, std::memory_order_relaxed);
  auto next = free_.lower_bound(start);
  // Merge with the following free range when adjacent.
  if (next != free_.end() && start + bytes == next->first) {
    bytes += next->second;
    next = free_.erase(next);
  }
  // Merge with the preceding free range when adjacent.
  if (next != free_.begin()) {
    auto previous = std::prev(next);
    if (previous->first + previous->second == start) {
      previous->second += bytes;
      return;
    }
  }
  free_.emplace_hint(next, start, bytes);
}

} // namespace cucl
