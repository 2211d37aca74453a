// Host memory from cudaMallocHost/cudaHostAlloc: plain page-aligned memory
// (OpenCL 1.2 has no portable pinning), tracked so cudaFreeHost can reject
// pointers it did not hand out; and ranges registered with cudaHostRegister.
// Page alignment also lets a device use a mapped block in place.
#ifndef CUCL_CORE_HOST_ALLOCATIONS_H
#define CUCL_CORE_HOST_ALLOCATIONS_H

#include <cstddef>

namespace cucl {

void *allocateHost(std::size_t bytes); // nullptr when out of memory
bool freeHost(void *pointer);          // false when `pointer` is not ours
bool isHostAllocation(const void *pointer);

// cudaHostRegister bookkeeping: registration changes nothing about the
// memory (it is used as ordinary host memory either way; mapping is
// core/mapped_host_memory.h). false if the range overlaps a registered range
// or a cudaMallocHost block.
bool registerHost(void *pointer, std::size_t bytes);
bool unregisterHost(void *pointer);         // false if not registered
bool isRegisteredHost(const void *pointer); // inside a registered range
// Inside a cudaMallocHost block or a registered range: memory CUDA would have
// page-locked, so async copies into it may return before the data arrives.
bool isPageLockedHost(const void *pointer);

} // namespace cucl

#endif // CUCL_CORE_HOST_ALLOCATIONS_H
