// Device allocations: a buffer on the device plus a range of fake device
// addresses recorded in the memory map. cudaMalloc and the runtime's own
// storage (device symbols) allocate through here.
#ifndef CUCL_CORE_DEVICE_MEMORY_H
#define CUCL_CORE_DEVICE_MEMORY_H

#include <cstddef>
#include <cstdint>

#include "backend/cl.h"
#include "core/device.h"
#include "core/public_headers.h"

namespace cucl {

// Every allocation's buffer extends at least this far past its end, to the
// next multiple of it: a kernel's read slightly past an allocation (harmless
// on NVIDIA GPUs) stays inside the buffer. The API still sees `size` bytes.
constexpr std::size_t kAllocationSlack = 4096;

// Allocates `size` (> 0) bytes on `device`, filled from `initial` when it is
// not null. A runtime-owned allocation is not the program's to cudaFree.
// Errors: cudaErrorMemoryAllocation.
cudaError_t allocateDeviceMemory(Device &device, std::size_t size, const void *initial,
                                 bool runtimeOwned, std::uintptr_t *address, cl::Buffer *buffer);

// Releases a runtime-owned allocation made by allocateDeviceMemory (no
// queued work may use it).
void releaseRuntimeMemory(Device &device, std::uintptr_t address);

} // namespace cucl

#endif // CUCL_CORE_DEVICE_MEMORY_H
