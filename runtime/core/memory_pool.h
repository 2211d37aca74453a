// Stream-ordered memory pools (cudaMallocAsync, cudaMemPool*). A pool hands
// out ordinary device allocations (core/device_memory.h) and counts them;
// a cudaFreeAsync gives the memory back when its stream reaches the free.
// Pools keep no freed memory for reuse: the driver's allocation is cheap
// next to a launch, so there is nothing to trim and reserved == used.
#ifndef CUCL_CORE_MEMORY_POOL_H
#define CUCL_CORE_MEMORY_POOL_H

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>

#include "core/device.h"
#include "core/public_headers.h"

struct CUmemPoolHandle_st {
  explicit CUmemPoolHandle_st(int device) : device(device) {}
  const int device;
  std::atomic<std::uint64_t> releaseThreshold{0};
  std::atomic<std::uint64_t> used{0};
  std::atomic<std::uint64_t> usedHigh{0};
  std::atomic<int> reuseFollowEventDependencies{1};
  std::atomic<int> reuseAllowOpportunistic{1};
  std::atomic<int> reuseAllowInternalDependencies{1};
};

namespace cucl {

// The device's default pool, and the one cudaMallocAsync uses (settable).
cudaMemPool_t defaultMemPool(int device);
cudaMemPool_t currentMemPool(int device);
void setCurrentMemPool(int device, cudaMemPool_t pool);

cudaMemPool_t createMemPool(int device);
// False for an unknown handle or a default pool. Allocations still out keep
// the pool's accounting alive; the handle is invalid at once.
bool destroyMemPool(cudaMemPool_t pool);
bool isMemPool(cudaMemPool_t pool); // a live handle

// `size` (> 0) bytes from `pool` on its device.
cudaError_t allocateFromPool(cudaMemPool_t pool, std::size_t size, void **out);

// Frees the program's allocation that starts at `pointer` when `stream`
// reaches this point: the address is invalid at once, its memory goes back
// after the stream's earlier work. cudaErrorInvalidValue when `pointer` is
// not the start of a live allocation.
cudaError_t freeOnStream(void *pointer, CUstream_st &stream);

// A pooled allocation freed by cudaFree: its pool stops counting it.
void forgetPoolAllocation(const void *pointer);
// cudaDeviceReset freed every allocation of `device`: pools stop counting them.
void forgetPoolAllocations(int device);

} // namespace cucl

#endif // CUCL_CORE_MEMORY_POOL_H
