#include "core/box_copy.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include "core/host_allocations.h"
#include "core/host_function.h"
#include "core/mapped_command.h"

namespace cucl {

std::size_t boxSpan(std::size_t rowPitch, std::size_t slicePitch, const Box &box) {
  constexpr std::size_t kMax = SIZE_MAX;
  std::size_t span = box.widthBytes;
  if (box.height > 1) {
    if (rowPitch != 0 && box.height - 1 > (kMax - span) / rowPitch)
      return kMax;
    span += rowPitch * (box.height - 1);
  }
  if (box.depth > 1) {
    if (slicePitch != 0 && box.depth - 1 > (kMax - span) / slicePitch)
      return kMax;
    span += slicePitch * (box.depth - 1);
  }
  return span;
}

namespace {

// OpenCL's slice pitch of a box: 0 (its default) for a single slice.
std::size_t slicePitchOf(const BoxEnd &end, const Box &box) {
  return box.depth > 1 ? end.slicePitch : 0;
}

// The OpenCL rectangle command of a copy with a device side, on `stream`.
cl_int enqueueRectCopy(const BoxEnd &dst, const BoxEnd &src, const Box &box, CUstream_st &stream,
                       cl_bool blocking) {
  cl::array<cl::size_type, 3> region{box.widthBytes, box.height, box.depth};
  cl::array<cl::size_type, 3> hostOrigin{0, 0, 0};
  MappedCommand mapped;
  if (src.device)
    mapped.use(src.at);
  if (dst.device)
    mapped.use(dst.at);
  std::size_t srcSlice = slicePitchOf(src, box), dstSlice = slicePitchOf(dst, box);
  return stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return mapped.enqueue(
        stream.queue, waits, done, blocking == CL_TRUE,
        [&](const std::vector<cl::Event> *after, cl::Event *event) {
          if (src.device && dst.device)
            return stream.queue.enqueueCopyBufferRect(
                src.at.buffer, dst.at.buffer, {src.at.offset, 0, 0}, {dst.at.offset, 0, 0}, region,
                src.rowPitch, srcSlice, dst.rowPitch, dstSlice, after, event);
          if (dst.device)
            return stream.queue.enqueueWriteBufferRect(
                dst.at.buffer, blocking, {dst.at.offset, 0, 0}, hostOrigin, region, dst.rowPitch,
                dstSlice, src.rowPitch, srcSlice, src.host, after, event);
          return stream.queue.enqueueReadBufferRect(src.at.buffer, blocking, {src.at.offset, 0, 0},
                                                    hostOrigin, region, src.rowPitch, srcSlice,
                                                    dst.rowPitch, dstSlice, dst.host, after, event);
        });
  });
}

void copyRowsOnHost(const BoxEnd &dst, const BoxEnd &src, const Box &box) {
  for (std::size_t z = 0; z < box.depth; ++z)
    for (std::size_t y = 0; y < box.height; ++y)
      std::memmove(dst.host + z * dst.slicePitch + y * dst.rowPitch,
                   src.host + z * src.slicePitch + y * src.rowPitch, box.widthBytes);
}

cudaError_t copyOnHost(const BoxEnd &dst, const BoxEnd &src, const Box &box,
                       CUstream_st *requested) {
  CUstream_st *stream = requested;
  if (stream == nullptr) {
    Device *current = nullptr;
    cudaError_t status = currentDevice(&current);
    if (status != cudaSuccess)
      return status;
    stream = &current->legacyStream();
  }
  cudaError_t status = waitForEarlierWork(*stream);
  if (status != cudaSuccess)
    return status;
  copyRowsOnHost(dst, src, box);
  return cudaSuccess;
}

} // namespace

cudaError_t copyBox(const BoxEnd &dst, const BoxEnd &src, const Box &box, CUstream_st *requested,
                    bool async) {
  if (!dst.device && !src.device)
    return copyOnHost(dst, src, box, requested);
  if (dst.device && src.device && dst.at.device != src.at.device) {
    // Different contexts: through a packed host copy, synchronously.
    std::vector<char> staging(box.widthBytes * box.height * box.depth);
    BoxEnd packed;
    packed.host = staging.data();
    packed.rowPitch = box.widthBytes;
    packed.slicePitch = box.widthBytes * box.height;
    cudaError_t status = copyBox(packed, src, box, nullptr, false);
    return status == cudaSuccess ? copyBox(dst, packed, box, nullptr, false) : status;
  }
  CUstream_st *stream = nullptr;
  cudaError_t status = streamForAllocation(dst.device ? dst.at : src.at, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cl_bool blocking = CL_FALSE;
  if (!src.device)
    blocking = CL_TRUE; // the source may be reused on return
  else if (!dst.device)
    blocking = async && isPageLockedHost(dst.host) ? CL_FALSE : CL_TRUE;
  cl_int result = enqueueRectCopy(dst, src, box, *stream, blocking);
  if (result == CL_SUCCESS && blocking && src.device && !dst.device)
    return stream->status.check(*stream); // the kernels before the copy are done
  return fromEnqueueStatus(result, stream->device);
}

cudaError_t enqueueBoxCopy(const BoxEnd &dst, const BoxEnd &src, const Box &box,
                           CUstream_st &stream) {
  if (!dst.device && !src.device)
    return enqueueHostFunction(stream,
                               [dst, src, box](cudaError_t) { copyRowsOnHost(dst, src, box); });
  return fromEnqueueStatus(enqueueRectCopy(dst, src, box, stream, CL_FALSE), stream.device);
}

} // namespace cucl
