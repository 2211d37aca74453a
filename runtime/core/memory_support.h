// Shared by the memory API files and graph commands: what a pointer is, and which
// stream a copy touching device memory runs on.
#ifndef CUCL_CORE_MEMORY_SUPPORT_H
#define CUCL_CORE_MEMORY_SUPPORT_H

#include "core/device_registry.h"
#include "core/enqueue_status.h"
#include "core/stream.h"

namespace cucl {

enum class PointerSide { Host, Device, Invalid };

// Inside an allocation -> Device (with `resolved` filled in); inside the
// device range but in no allocation (freed, past an end) -> Invalid;
// anything else is host memory.
PointerSide classifyPointer(const void *pointer, ResolvedAddress *resolved);

// The stream a command on `resolved` runs on: `requested`, or for nullptr or
// the legacy stream, the legacy stream of the allocation's device. A stream
// of another device -> cudaErrorInvalidValue.
cudaError_t streamForAllocation(const ResolvedAddress &resolved, CUstream_st *requested,
                                CUstream_st **out);

// Returns once everything queued on `stream` so far (with CUDA's
// cross-stream ordering) has finished: host-side copies run in stream order.
// Failed earlier work -> cudaErrorLaunchFailure (sticky).
cudaError_t waitForEarlierWork(CUstream_st &stream);

} // namespace cucl

#endif // CUCL_CORE_MEMORY_SUPPORT_H
