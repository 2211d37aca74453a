#include "core/managed_memory.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>

#include "core/device_registry.h"
#include "core/mapped_host_memory.h"
#include "core/memory_budget.h"

namespace cucl {

namespace {
constexpr std::size_t kPageSize = 4096;

struct ManagedBlock {
  std::size_t bytes;   // the program's
  std::size_t rounded; // taken from the host budget
  int device;
};
struct ManagedTable {
  std::mutex mutex;
  std::map<std::uintptr_t, ManagedBlock> blocks; // by start
};
ManagedTable &managedTable() {
  static ManagedTable *table = new ManagedTable; // leaked: used during exit
  return *table;
}
} // namespace

cudaError_t allocateManaged(Device &device, std::size_t bytes, void **out) {
  std::size_t rounded = (bytes + kPageSize - 1) / kPageSize * kPageSize;
  if (rounded < bytes || !takeHostBacking(rounded, "managed allocation"))
    return cudaErrorMemoryAllocation;
  void *host = std::aligned_alloc(kPageSize, rounded);
  if (host == nullptr) {
    giveHostMemory(rounded);
    return cudaErrorMemoryAllocation;
  }
  std::memset(host, 0, rounded);
  cudaError_t status = mapHostMemory(device, host, rounded, /*readOnly=*/false,
                                     /*atHostAddress=*/true);
  if (status != cudaSuccess) {
    std::free(host);
    giveHostMemory(rounded);
    return status;
  }
  ManagedTable &table = managedTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.blocks[reinterpret_cast<std::uintptr_t>(host)] = {bytes, rounded, device.index()};
  *out = host;
  return cudaSuccess;
}

bool freeManaged(void *pointer, cudaError_t *status) {
  ManagedBlock block{};
  {
    ManagedTable &table = managedTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.blocks.find(reinterpret_cast<std::uintptr_t>(pointer));
    if (it == table.blocks.end())
      return false;
    block = it->second;
    table.blocks.erase(it);
  }
  // Queued work that may use the memory finishes first (cudaFree's rule).
  *status = DeviceRegistry::instance().device(block.device).synchronize();
  releaseHostMapping(pointer); // already gone after a cudaDeviceReset
  std::free(pointer);
  giveHostMemory(block.rounded);
  return true;
}

bool isManaged(const void *pointer, std::size_t bytes, int *device) {
  auto address = reinterpret_cast<std::uintptr_t>(pointer);
  ManagedTable &table = managedTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto it = table.blocks.upper_bound(address);
  if (it == table.blocks.begin())
    return false;
  --it;
  std::uintptr_t offset = address - it->first;
  if (offset >= it->second.bytes || bytes > it->second.bytes - offset)
    return false;
  if (device != nullptr)
    *device = it->second.device;
  return true;
}

} // namespace cucl
