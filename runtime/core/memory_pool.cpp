#include "core/memory_pool.h"

#include <map>
#include <mutex>
#include <set>
#include <unordered_map>
#include <vector>

#include "core/device_memory.h"
#include "core/device_registry.h"
#include "core/host_function.h"
#include "core/stream.h"

namespace cucl {

namespace {

struct PoolTable {
  std::mutex mutex;
  std::map<int, std::shared_ptr<CUmemPoolHandle_st>> defaults;
  std::map<int, cudaMemPool_t> current;
  std::unordered_map<cudaMemPool_t, std::shared_ptr<CUmemPoolHandle_st>> created;
  // Pooled allocations by address: the pool that counts them, and their size.
  std::unordered_map<std::uintptr_t, std::pair<std::shared_ptr<CUmemPoolHandle_st>, std::size_t>>
      allocations;
};
PoolTable &poolTable() {
  static PoolTable *table = new PoolTable; // leaked: used during exit
  return *table;
}

std::shared_ptr<CUmemPoolHandle_st> defaultPoolLocked(PoolTable &table, int device) {
  std::shared_ptr<CUmemPoolHandle_st> &pool = table.defaults[device];
  if (!pool)
    pool = std::make_shared<CUmemPoolHandle_st>(device);
  return pool;
}

std::shared_ptr<CUmemPoolHandle_st> sharedPool(PoolTable &table, cudaMemPool_t pool) {
  for (auto &[device, shared] : table.defaults)
    if (shared.get() == pool)
      return shared;
  auto found = table.created.find(pool);
  return found == table.created.end() ? nullptr : found->second;
}

void count(CUmemPoolHandle_st &pool, std::size_t bytes) {
  std::uint64_t now = pool.used.fetch_add(bytes) + bytes;
  std::uint64_t high = pool.usedHigh.load();
  while (now > high && !pool.usedHigh.compare_exchange_weak(high, now)) {
  }
}

// The pool that counts `pointer`, which stops counting it.
void uncount(const void *pointer) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto it = table.allocations.find(reinterpret_cast<std::uintptr_t>(pointer));
  if (it == table.allocations.end())
    return;
  it->second.first->used -= it->second.second;
  table.allocations.erase(it);
}

} // namespace

cudaMemPool_t defaultMemPool(int device) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  return defaultPoolLocked(table, device).get();
}

cudaMemPool_t currentMemPool(int device) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.current.find(device);
  return found != table.current.end() ? found->second : defaultPoolLocked(table, device).get();
}

void setCurrentMemPool(int device, cudaMemPool_t pool) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.current[device] = pool;
}

cudaMemPool_t createMemPool(int device) {
  auto pool = std::make_shared<CUmemPoolHandle_st>(device);
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  table.created.emplace(pool.get(), pool);
  return pool.get();
}

bool destroyMemPool(cudaMemPool_t pool) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto found = table.created.find(pool);
  if (found == table.created.end())
    return false;
  table.created.erase(found);
  for (auto it = table.current.begin(); it != table.current.end();)
    it = it->second == pool ? table.current.erase(it) : std::next(it); // back to the default
  return true;
}

bool isMemPool(cudaMemPool_t pool) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  return pool != nullptr && sharedPool(table, pool) != nullptr;
}

cudaError_t allocateFromPool(cudaMemPool_t pool, std::size_t size, void **out) {
  std::shared_ptr<CUmemPoolHandle_st> shared;
  {
    PoolTable &table = poolTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    shared = sharedPool(table, pool);
  }
  if (!shared)
    return cudaErrorInvalidValue;
  std::uintptr_t address = 0;
  Device &device = DeviceRegistry::instance().device(shared->device);
  cudaError_t status =
      allocateDeviceMemory(device, size, nullptr, /*runtimeOwned=*/false, &address, nullptr);
  if (status != cudaSuccess)
    return status;
  count(*shared, size);
  {
    PoolTable &table = poolTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    table.allocations[address] = {shared, size};
  }
  *out = reinterpret_cast<void *>(address);
  return cudaSuccess;
}

cudaError_t freeOnStream(void *pointer, CUstream_st &stream) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  auto removed = std::make_shared<Allocation>();
  if (!registry.memory().erase(reinterpret_cast<std::uintptr_t>(pointer), removed.get()))
    return cudaErrorInvalidValue;
  uncount(pointer);
  Device &owner = registry.device(removed->device);
  cudaError_t status = enqueueHostFunction(
      stream, [&owner, removed](cudaError_t) { returnDeviceMemory(owner, *removed); });
  if (status != cudaSuccess) { // not queued: the stream is broken; free after the device
    owner.synchronize();
    returnDeviceMemory(owner, *removed);
  }
  return status;
}

void forgetPoolAllocation(const void *pointer) {
  uncount(pointer);
}

void forgetPoolAllocations(int device) {
  PoolTable &table = poolTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  for (auto it = table.allocations.begin(); it != table.allocations.end();) {
    if (it->second.first->device == device) {
      it->second.first->used -= it->second.second;
      it = table.allocations.erase(it);
    } else {
      ++it;
    }
  }
}

} // namespace cucl
