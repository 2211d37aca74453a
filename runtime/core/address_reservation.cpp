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
  ranges_.reset(base_ + kAlignment, size_ - kAlignment);
}

AddressReservation::~AddressReservation() {
  if (base_ != 0)
    munmap(reinterpret_cast<void *>(base_), size_);
}

std::uintptr_t AddressReservation::allocate(std::size_t bytes) {
  std::uintptr_t start = 0;
  return ranges_.allocate(bytes, &start) ? start : 0;
}

void AddressReservation::release(std::uintptr_t address, std::size_t bytes) {
  ranges_.release(address, bytes);
}

} // namespace cucl
