#include "core/memory_map.h"

#include <mutex>
#include <utility>

namespace cucl {

void MemoryMap::insert(Allocation allocation) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  std::uintptr_t base = allocation.base;
  allocation.serial = ++nextSerial_;
  allocations_.emplace(base, std::move(allocation));
}

bool MemoryMap::erase(std::uintptr_t base, Allocation *removed, bool runtimeOwned) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto it = allocations_.find(base);
  if (it == allocations_.end() || it->second.runtimeOwned != runtimeOwned)
    return false;
  *removed = std::move(it->second);
  allocations_.erase(it);
  return true;
}

bool MemoryMap::resolve(const void *address, ResolvedAddress *out) const {
  auto value = reinterpret_cast<std::uintptr_t>(address);
  std::shared_lock<std::shared_mutex> lock(mutex_);
  auto it = allocations_.upper_bound(value);
  if (it == allocations_.begin())
    return false;
  --it;
  const Allocation &allocation = it->second;
  if (value - allocation.base >= allocation.size)
    return false;
  out->buffer = allocation.buffer;
  out->bytesToEnd = allocation.size - (value - allocation.base);
  out->offset = allocation.bufferOffset + (value - allocation.base);
  out->device = allocation.device;
  out->runtimeOwned = allocation.runtimeOwned;
  out->mappedHost = allocation.mappedHost;
  out->serial = allocation.serial;
  return true;
}

std::vector<void *> MemoryMap::svmBlocks(int device) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  std::vector<void *> blocks;
  for (const auto &[base, allocation] : allocations_)
    if (allocation.device == device && allocation.svm != nullptr)
      blocks.push_back(allocation.svm);
  return blocks;
}

std::vector<Allocation> MemoryMap::takeAll(int device) {
  std::unique_lock<std::shared_mutex> lock(mutex_);
  std::vector<Allocation> taken;
  for (auto it = allocations_.begin(); it != allocations_.end();) {
    if (it->second.device == device) {
      taken.push_back(std::move(it->second));
      it = allocations_.erase(it);
    } else {
      ++it;
    }
  }
  return taken;
}

} // namespace cucl
