// Mapped host memory (cudaHostAllocMapped, cudaHostRegisterMapped): host
// bytes a device reads and writes through a device address. The address is
// in the memory map like cudaMalloc's, so copies, memsets and kernel
// arguments take it unchanged; its buffer is made with CL_MEM_USE_HOST_PTR
// over exactly the host bytes.
//
// Coherence. On a zero-copy device (a CPU device with host-unified memory,
// the host pointer aligned to CL_DEVICE_MEM_BASE_ADDR_ALIGN) the buffer is
// the host memory itself. Any other driver may keep a copy in device memory,
// which OpenCL reconciles with the host bytes only at map and unmap. There
// the block stays mapped (host bytes authoritative) while no command uses it,
// and each command that uses it runs between an unmap and a map in its own
// stream (core/mapped_command.h): whatever waits for the command also waits
// for the host bytes to be current.
#ifndef CUCL_CORE_MAPPED_HOST_MEMORY_H
#define CUCL_CORE_MAPPED_HOST_MEMORY_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>

#include "backend/cl.h"
#include "core/device.h"
#include "core/memory_map.h"
#include "core/public_headers.h"

namespace cucl {

struct MappedBlock {
  char *host = nullptr;
  std::size_t size = 0;
  int device = 0;
  std::uintptr_t deviceAddress = 0; // of host[0]
  // The device addresses handed out: the block's, plus a lead that gives the
  // device address the host pointer's alignment (modulo 256).
  std::uintptr_t reserved = 0;
  std::size_t reservedBytes = 0;
  cl::Buffer buffer;
  bool zeroCopy = false;

  // Map protocol state (not zero-copy), guarded by `mutex`: what the last
  // map returned (null while unmapped) and that map command.
  std::mutex mutex;
  void *view = nullptr;
  cl::Event mappedBy;
};

// Maps `bytes` (> 0) at `host` into `device`. cudaErrorMemoryAllocation when
// no device addresses are left or OpenCL refuses the buffer. `readOnly`
// memory (cudaHostRegisterReadOnly) must not be written by a map, so it is
// mapped only where the device uses it in place, else cudaErrorNotSupported.
// `atHostAddress` (managed memory, core/managed_memory.h): the device
// address is the host address itself.
cudaError_t mapHostMemory(Device &device, void *host, std::size_t bytes, bool readOnly = false,
                          bool atHostAddress = false);

// Releases the mapping of the block that starts at `host`; false when there
// is none. No queued work may use it any more (the caller synchronized).
bool releaseHostMapping(void *host);

// Releases every mapping on `device` (cudaDeviceReset, after it waited).
void releaseHostMappings(Device &device);

// The mapped block that contains host address `pointer`, or null.
std::shared_ptr<MappedBlock> findMappedHost(const void *pointer);

// A __managed__ variable's storage on `device`: its host bytes, mapped on
// first use (and again after a cudaDeviceReset), resolved to (buffer,
// offset). A variable already mapped into another device ->
// cudaErrorNotSupported (one device per mapping).
// `address`, when not null, receives the variable's device address.
cudaError_t managedStorage(Device &device, void *host, std::size_t bytes, ResolvedAddress *out,
                           std::uintptr_t *address = nullptr);

} // namespace cucl

#endif // CUCL_CORE_MAPPED_HOST_MEMORY_H
