// Device allocations: a buffer on the device plus a range of fake device
// addresses recorded in the memory map. cudaMalloc and the runtime's own
// storage (device symbols) allocate through here.
#ifndef CUCL_CORE_DEVICE_MEMORY_H
#define CUCL_CORE_DEVICE_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <string>

#include "backend/cl.h"
#include "core/device.h"
#include "core/memory_map.h"
#include "core/public_headers.h"

namespace cucl {

// Every allocation's buffer extends at least this far past its end, to the
// next multiple of it: a kernel's read slightly past an allocation (harmless
// on NVIDIA GPUs) stays inside the buffer. The API still sees `size` bytes.
constexpr std::size_t kAllocationSlack = 4096;

// Device memory a `size`-byte allocation takes: its buffer, slack included.
std::size_t deviceBytesFor(const Device &device, std::size_t size);

// How the device's allocations are addressed (docs/design.md, "Pointers in
// device memory"), chosen at its first allocation and kept:
// - reserved: fake addresses from the reservation (core/address_reservation.h),
//   which no host access can reach; pointers stored in device memory cannot be
//   followed;
// - shared: where the device has coarse-grained buffer SVM and the program's
//   kernels store pointers (or CUCL_DEVICE_ADDRESSES=svm), each allocation is
//   an SVM block wrapped in a buffer, and its address is the block's, the
//   same in kernels and on the host.
// - arena: where the program's kernels store pointers but the device has no
//   SVM (or CUCL_DEVICE_ADDRESSES=arena), every allocation is a range of one
//   large buffer at reserved addresses, so a kernel turns a loaded address
//   into a pointer by its offset from the arena's base. Allocations then
//   share the arena's size (CUCL_ARENA_BYTES, default the device's largest
//   buffer).
// CUCL_DEVICE_ADDRESSES=reserved keeps the first model.
bool sharedAddresses(Device &device);
bool arenaAddresses(Device &device);

// Sets a CUCL_KERNEL_HEAP kernel's heap and origin at `*index` (advanced),
// and tells the driver every allocation the kernel may reach through pointers
// loaded from memory. cudaErrorNotSupported (with a message on stderr, once)
// where the device's addresses are not shared.
cudaError_t setHeapArguments(Device &device, const std::string &kernelName, cl::Kernel &kernel,
                             cl_uint *index);

// Allocates `size` (> 0) bytes on `device`, filled from `initial` when it is
// not null. A runtime-owned allocation is not the program's to cudaFree.
// Errors: cudaErrorMemoryAllocation, when the device's memory (its global
// memory minus the live allocations' deviceBytesFor) or, for a device whose
// memory is host memory, the process's address space or the machine's
// available memory (core/memory_budget.h) cannot hold the buffer. Such a
// device's buffer is made with CL_MEM_ALLOC_HOST_PTR, so that the driver
// backs it now (PoCL otherwise allocates at first use and aborts there when
// it cannot): a granted allocation never fails later for want of memory.
// `ownBuffer`: storage no program pointer reaches (arrays, scratch pools),
// kept out of the arena in a buffer of its own.
cudaError_t allocateDeviceMemory(Device &device, std::size_t size, const void *initial,
                                 bool runtimeOwned, std::uintptr_t *address, cl::Buffer *buffer,
                                 bool ownBuffer = false);

// Gives an allocation's addresses and memory back (cudaFree,
// cudaDeviceReset, releaseRuntimeMemory), once it is out of the memory map,
// no queued work uses it, and while `allocation` still holds its buffer
// (which this drops).
void returnDeviceMemory(Device &device, Allocation &allocation);

// What cudaMemGetInfo reports free on `device`: its global memory minus the
// live allocations, and for a device whose memory is host memory no more than
// the process's address space (less kAddressSpaceMargin) and the machine's
// available memory allow; never more than the device address range has left.
std::size_t deviceMemoryFree(Device &device);

// Releases a runtime-owned allocation made by allocateDeviceMemory (no
// queued work may use it).
void releaseRuntimeMemory(Device &device, std::uintptr_t address);

} // namespace cucl

#endif // CUCL_CORE_DEVICE_MEMORY_H
