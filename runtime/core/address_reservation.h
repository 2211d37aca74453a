// The range of host address space that device pointers are handed out from.
#ifndef CUCL_CORE_ADDRESS_RESERVATION_H
#define CUCL_CORE_ADDRESS_RESERVATION_H

#include <cstddef>
#include <cstdint>

#include "core/first_fit_ranges.h"

namespace cucl {

// Reserved with mmap(PROT_NONE, MAP_NORESERVE): never readable, so a host
// dereference of a device pointer faults instead of corrupting memory, and
// no host allocation can ever share an address with a device allocation.
// Hands out kAlignment-aligned ranges, first fit, coalescing on release.
class AddressReservation {
public:
  static constexpr std::size_t kAlignment = FirstFitRanges::kAlignment;

  // Reserves max(preferredBytes, 1 TiB), or if the address space refuses,
  // the largest power-of-two fraction of it that fits (down to 256 MiB).
  // Under an address-space limit (RLIMIT_AS), where the reservation counts
  // as much as real memory, at most half of what the limit leaves (less the
  // driver's margin, core/memory_budget.h): every allocation needs both its
  // device addresses and its memory, so an even split lets the most through.
  explicit AddressReservation(std::size_t preferredBytes);
  std::uintptr_t base() const { return base_; }
  std::size_t size() const { return size_; }
  ~AddressReservation();
  AddressReservation(const AddressReservation &) = delete;
  AddressReservation &operator=(const AddressReservation &) = delete;

  bool valid() const { return base_ != 0; }
  bool contains(const void *address) const {
    auto value = reinterpret_cast<std::uintptr_t>(address);
    return value >= base_ && value < base_ + size_;
  }
  // 0 when no free range is large enough (or bytes == 0).
  std::uintptr_t allocate(std::size_t bytes);
  // `address` and `bytes` exactly as allocate() handed them out.
  void release(std::uintptr_t address, std::size_t bytes);
  // Addresses not handed out (in ranges of any size).
  std::size_t freeBytes() const { return ranges_.freeBytes(); }

  static std::size_t roundUp(std::size_t bytes) { return FirstFitRanges::roundUp(bytes); }

private:
  std::uintptr_t base_ = 0;
  std::size_t size_ = 0;
  FirstFitRanges ranges_;
};

} // namespace cucl

#endif // CUCL_CORE_ADDRESS_RESERVATION_H
