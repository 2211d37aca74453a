// Managed memory (cudaMallocManaged): page-aligned host memory that one
// device maps at the same address (core/mapped_host_memory.h,
// `atHostAddress`), so a single pointer works in host code and in kernels.
// Coherence is mapped host memory's: in place on a zero-copy CPU device;
// elsewhere the host bytes are authoritative while no command uses them, and
// each command that does runs between an unmap and a map, so after the
// synchronization CUDA requires (before host access to memory a kernel may
// have touched) the host sees the kernel's results. Host access while a
// kernel runs is not coherent, as on devices without concurrentManagedAccess.
#ifndef CUCL_CORE_MANAGED_MEMORY_H
#define CUCL_CORE_MANAGED_MEMORY_H

#include <cstddef>

#include "core/device.h"
#include "core/public_headers.h"

namespace cucl {

// `bytes` (> 0) of managed memory mapped into `device`, zero-filled (as
// CUDA's first touch gives). cudaErrorMemoryAllocation when the host's memory
// budget (core/memory_budget.h) or the device refuses.
cudaError_t allocateManaged(Device &device, std::size_t bytes, void **out);

// cudaFree of managed memory: waits for the owning device, unmaps and frees.
// False when `pointer` is not the start of a managed block.
bool freeManaged(void *pointer, cudaError_t *status);

// True when [pointer, pointer + bytes) lies inside one managed block; its
// device index in `device` when not null.
bool isManaged(const void *pointer, std::size_t bytes = 1, int *device = nullptr);

} // namespace cucl

#endif // CUCL_CORE_MANAGED_MEMORY_H
