// Copies of 3-D boxes of bytes between host memory, device memory and
// arrays (the engine of the array and 3-D copy calls, array_copy_api.cpp,
// and of graphs' copy nodes):
// OpenCL rectangle copies, with the stream and blocking rules of
// cudaMemcpy2D (memory_2d_api.cpp).
#ifndef CUCL_CORE_BOX_COPY_H
#define CUCL_CORE_BOX_COPY_H

#include <cstddef>

#include "core/memory_support.h"

namespace cucl {

// One side of a box copy: the box's first byte and the pitches around it.
struct BoxEnd {
  bool device = false;
  char *host = nullptr; // host memory
  ResolvedAddress at;   // device memory (an allocation, or an array's storage)
  std::size_t rowPitch = 0, slicePitch = 0;
};

struct Box {
  std::size_t widthBytes = 0, height = 0, depth = 0;
};

// Bytes a box spans from its first byte: SIZE_MAX when that overflows.
std::size_t boxSpan(std::size_t rowPitch, std::size_t slicePitch, const Box &box);

// Copies `box` (all extents > 0; pitches at least the width, slice pitches at
// least height rows, both sides checked by the caller) on `requested` (nullptr:
// the legacy stream of the device side's device, or of the current device for
// host-to-host copies). Host -> device returns once the source is read;
// device -> host returns with the data unless `async` and the destination is
// page-locked; host -> host runs in stream order; between devices it is
// staged through host memory. A stream of another device than the device
// side -> cudaErrorInvalidValue.
cudaError_t copyBox(const BoxEnd &dst, const BoxEnd &src, const Box &box, CUstream_st *requested,
                    bool async);

// A box copy as a graph's copy node runs it: enqueued in `stream`'s order
// without waiting, host memory read and written when the copy runs (a copy
// between host buffers runs as a host function). Both device sides on
// `stream`'s device.
cudaError_t enqueueBoxCopy(const BoxEnd &dst, const BoxEnd &src, const Box &box,
                           CUstream_st &stream);

} // namespace cucl

#endif // CUCL_CORE_BOX_COPY_H
