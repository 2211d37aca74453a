#include "core/host_allocations.h"

#include <cstdint>
#include <cstdlib>
#include <map>
#include <mutex>

#include "core/diagnostics.h"
#include "core/memory_budget.h"

namespace cucl {

namespace {
constexpr std::size_t kPageSize = 4096;

struct HostAllocations {
  std::mutex mutex;
  std::map<std::uintptr_t, std::size_t> live;       // cudaMallocHost blocks: start -> bytes
  std::map<std::uintptr_t, std::size_t> registered; // start -> bytes
};
HostAllocations &hostAllocations() {
  static HostAllocations *table = new HostAllocations; // leaked: used during exit
  return *table;
}

// Bytes a block of `rounded` bytes takes from the host memory budget.
std::size_t budgetBytes(std::size_t rounded) {
  return rounded == 0 ? kPageSize : rounded;
}
} // namespace

void *allocateHost(std::size_t bytes) {
  std::size_t rounded = (bytes + kPageSize - 1) / kPageSize * kPageSize;
  if (rounded < bytes)
    return nullptr; // overflow
  // CUDA commits page-locked memory when it grants it. Here it is ordinary
  // memory, committed when touched: grant it only where the machine's
  // available memory and the address-space limit can back it, so that using
  // it later cannot fail.
  std::size_t size = budgetBytes(rounded);
  if (!takeHostBacking(size, "host allocation"))
    return nullptr;
  void *pointer = std::aligned_alloc(kPageSize, size);
  if (pointer == nullptr) {
    giveHostMemory(size);
    return nullptr;
  }
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.live.emplace(reinterpret_cast<std::uintptr_t>(pointer), rounded);
  return pointer;
}

bool freeHost(void *pointer) {
  HostAllocations &table = hostAllocations();
  std::size_t rounded = 0;
  {
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.live.find(reinterpret_cast<std::uintptr_t>(pointer));
    if (it == table.live.end())
      return false;
    rounded = it->second;
    table.live.erase(it);
  }
  std::free(pointer);
  giveHostMemory(budgetBytes(rounded));
  return true;
}

bool isHostAllocation(const void *pointer) {
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  return table.live.count(reinterpret_cast<std::uintptr_t>(pointer)) != 0;
}

namespace {
// True when `address` lies in one of the [start, start + bytes) ranges.
bool insideRange(const std::map<std::uintptr_t, std::size_t> &ranges, std::uintptr_t address) {
  auto it = ranges.upper_bound(address);
  if (it == ranges.begin())
    return false;
  --it;
  return address - it->first < it->second;
}
} // namespace

bool isPageLockedHost(const void *pointer) {
  auto address = reinterpret_cast<std::uintptr_t>(pointer);
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  return insideRange(table.live, address) || insideRange(table.registered, address);
}

namespace {
// True when [start, start + bytes) meets one of the ranges.
bool overlaps(const std::map<std::uintptr_t, std::size_t> &ranges, std::uintptr_t start,
              std::size_t bytes) {
  auto next = ranges.lower_bound(start);
  if (next != ranges.end() && next->first < start + bytes)
    return true;
  if (next == ranges.begin())
    return false;
  auto previous = std::prev(next);
  return previous->first + previous->second > start;
}
} // namespace

bool registerHost(void *pointer, std::size_t bytes) {
  auto start = reinterpret_cast<std::uintptr_t>(pointer);
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  // Overlapping an earlier registration, or a cudaHostAlloc block (already
  // page-locked, perhaps mapped), counts as already registered.
  if (overlaps(table.registered, start, bytes) || overlaps(table.live, start, bytes))
    return false;
  table.registered.emplace(start, bytes);
  return true;
}

bool unregisterHost(void *pointer) {
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  return table.registered.erase(reinterpret_cast<std::uintptr_t>(pointer)) != 0;
}

bool isRegisteredHost(const void *pointer) {
  auto address = reinterpret_cast<std::uintptr_t>(pointer);
  HostAllocations &table = hostAllocations();
  std::lock_guard<std::mutex> lock(table.mutex);
  return insideRange(table.registered, address);
}

} // namespace cucl
