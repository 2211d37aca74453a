#include "core/address_reservation.h"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>

#include "core/memory_budget.h"

namespace cucl {

namespace {
constexpr std::size_t kPreferredReservation = std::size_t(1) << 40; // 1 TiB
// Below this, give up: the address space is too constrained to be useful.
constexpr std::size_t kSmallestReservation = std::size_t(256) << 20;
// Under an address-space limit: the least tried, however little is left.
constexpr std::size_t kSmallestUnderLimit = std::size_t(16) << 20;
} // namespace

AddressReservation::AddressReservation(std::size_t preferredBytes) {
  // Where address space is limited (ulimit -v, sanitizers), settle for less:
  // allocations then run out of addresses earlier, and report it.
  void *mapped = MAP_FAILED;
  std::size_t bytes = roundUp(std::max(preferredBytes, kPreferredReservation));
  std::size_t smallest = kSmallestReservation;
  std::size_t left = addressSpaceLeft();
  if (left != SIZE_MAX) {
    std::size_t half = (left > kAddressSpaceMargin ? left - kAddressSpaceMargin : 0) / 2;
    bytes = std::min(bytes, std::max(half / kAlignment * kAlignment, kSmallestUnderLimit));
    smallest = std::min(smallest, bytes);
  }
  for (; bytes >= smallest; bytes = roundUp(bytes / 2)) {
    mapped = mmap(nullptr, bytes, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (mapped != MAP_FAILED)
      break;
  }
  if (mapped == MAP_FAILED)
    return;
  base_ = reinterpret_cast<std::uintptr_t>(mapped);
  size_ = bytes;
  // Keep the first granule unused so that no device pointer equals the
  // reservation's base (a debugging aid, and room for `p - 1` checks).
  free_.emplace(base_ + kAlignment, size_ - kAlignment);
  freeBytes_.store(size_ - kAlignment);
}

AddressReservation::~AddressReservation() {
  if (base_ != 0)
    munmap(reinterpret_cast<void *>(base_), size_);
}

std::uintptr_t AddressReservation::allocate(std::size_t bytes) {
  if (bytes == 0 || bytes > size_)
    return 0;
  bytes = roundUp(bytes);
  std::lock_guard<std::mutex> lock(mutex_);
  for (auto it = free_.begin(); it != free_.end(); ++it) {
    if (it->second < bytes)
      continue;
    std::uintptr_t start = it->first;
    std::size_t remaining = it->second - bytes;
    free_.erase(it);
    if (remaining != 0)
      free_.emplace(start + bytes, remaining);
    freeBytes_.fetch_sub(bytes, std::memory_order_relaxed);
    return start;
  }
  return 0;
}

void AddressReservation::release(std::uintptr_t address, std::size_t bytes) {
  bytes = roundUp(bytes);
  std::lock_guard<std::mutex> lock(mutex_);
  freeBytes_.fetch_add(bytes, std::memory_order_relaxed);
  auto next = free_.lower_bound(address);
  // Merge with the following free range when adjacent.
  if (next != free_.end() && address + bytes == next->first) {
    bytes += next->second;
    next = free_.erase(next);
  }
  // Merge with the preceding free range when adjacent.
  if (next != free_.begin()) {
    auto previous = std::prev(next);
    if (previous->first + previous->second == address) {
      previous->second += bytes;
      return;
    }
  }
  free_.emplace_hint(next, address, bytes);
}

} // namespace cucl
