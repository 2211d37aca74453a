// Device allocations keyed by their fake address; resolves any address inside
// one to (buffer, offset) so that `d + k` works wherever a device pointer does.
#ifndef CUCL_CORE_MEMORY_MAP_H
#define CUCL_CORE_MEMORY_MAP_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <shared_mutex>
#include <vector>

#include "backend/cl.h"

namespace cucl {

struct MappedBlock; // core/mapped_host_memory.h

struct Allocation {
  std::uintptr_t base = 0;
  std::size_t size = 0; // bytes the program asked for
  int device = 0;
  cl::Buffer buffer;
  // Not the program's to cudaFree: the runtime's storage (device symbols) and
  // mapped host memory.
  bool runtimeOwned = false;
  std::shared_ptr<MappedBlock> mappedHost; // set when the memory is mapped host memory
  std::uint64_t serial = 0; // set by MemoryMap::insert: unique per allocation, never reused
  // Bytes counted against the device's memory (the buffer with its slack,
  // core/device_memory.h); 0 for mapped host memory, which is not the device's.
  std::size_t deviceBytes = 0;
  // The driver reports when it has freed the buffer's memory (made under an
  // address-space limit, core/memory_budget.h).
  bool releaseTracked = false;
  // Set when the allocation is shared virtual memory (its address; the buffer
  // wraps it): freed with clSVMFree, not returned to the address reservation.
  void *svm = nullptr;
  // Where the allocation starts in `buffer`: non-zero for a range of the
  // device's arena (core/device_memory.h), whose buffer is shared.
  std::size_t bufferOffset = 0;
  bool inArena = false;
  std::uintptr_t arenaRangeStart = 0; // the arena range it takes, for its release
  std::size_t arenaRangeBytes = 0;
};

// Where an address lands: a copy of the allocation's handle plus the offset.
struct ResolvedAddress {
  cl::Buffer buffer;
  std::size_t offset = 0;
  std::size_t bytesToEnd = 0; // size - offset
  int device = 0;
  bool runtimeOwned = false;
  std::shared_ptr<MappedBlock> mappedHost;
  std::uint64_t serial = 0; // the allocation's (tells a reused address from the original)
};

class MemoryMap {
public:
  void insert(Allocation allocation);
  // Removes the program's allocation that starts exactly at `base`; false if
  // none does. Runtime-owned storage is removed only when `runtimeOwned`.
  bool erase(std::uintptr_t base, Allocation *removed, bool runtimeOwned = false);
  // false when `address` is inside no allocation.
  bool resolve(const void *address, ResolvedAddress *out) const;
  // The SVM blocks of `device`'s allocations.
  std::vector<void *> svmBlocks(int device) const;
  // Removes and returns every allocation of `device` (cudaDeviceReset).
  std::vector<Allocation> takeAll(int device);

private:
  mutable std::shared_mutex mutex_;
  std::map<std::uintptr_t, Allocation> allocations_;
  std::uint64_t nextSerial_ = 0;
};

} // namespace cucl

#endif // CUCL_CORE_MEMORY_MAP_H
