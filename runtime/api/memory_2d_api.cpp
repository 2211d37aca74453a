// Pitched (2D) allocations, copies and memsets, on OpenCL's rectangle copies.
#include "api/api_support.h"
#include "api/enum_argument.h"
#include "api/graph_preparation.h"
#include "core/memory_support.h"

#include <cstdint>
#include <cstring>
#include <vector>

#include "core/diagnostics.h"
#include "core/host_allocations.h"
#include "core/mapped_command.h"
#include "core/stream_capture.h"

namespace {

using cucl::Device;
using cucl::PointerSide;
using cucl::ResolvedAddress;

// Rows are padded to this many bytes, the allocation granularity.
constexpr size_t kPitchAlignment = cucl::AddressReservation::kAlignment;

// Bytes a pitched block touches: every row but the last is a full pitch.
// SIZE_MAX when that does not fit in size_t (then no allocation can hold it).
size_t extent(size_t pitch, size_t width, size_t height) {
  if (pitch != 0 && height - 1 > (SIZE_MAX - width) / pitch)
    return SIZE_MAX;
  return pitch * (height - 1) + width;
}

struct Rect {
  size_t width, height;
};

cudaError_t copyRect(void *dst, size_t dpitch, const void *src, size_t spitch, Rect rect,
                     int rawKind, CUstream_st *requested, bool async) {
  if (rawKind < cudaMemcpyHostToHost || rawKind > cudaMemcpyDefault)
    return cudaErrorInvalidMemcpyDirection;
  auto kind = static_cast<cudaMemcpyKind>(rawKind);
  if (rect.width > dpitch || rect.width > spitch)
    return cudaErrorInvalidPitchValue;
  if (rect.width == 0 || rect.height == 0)
    return cudaSuccess;
  if (dst == nullptr || src == nullptr)
    return cudaErrorInvalidValue;
  ResolvedAddress dstAt, srcAt;
  PointerSide dstSide = cucl::classifyPointer(dst, &dstAt);
  PointerSide srcSide = cucl::classifyPointer(src, &srcAt);
  if (dstSide == PointerSide::Invalid || srcSide == PointerSide::Invalid)
    return cudaErrorInvalidValue;
  bool srcDevice = srcSide == PointerSide::Device, dstDevice = dstSide == PointerSide::Device;
  if (kind != cudaMemcpyDefault) {
    bool wantSrcDevice = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
    bool wantDstDevice = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
    if (srcDevice != wantSrcDevice || dstDevice != wantDstDevice)
      return cudaErrorInvalidValue;
  }
  size_t dstExtent = extent(dpitch, rect.width, rect.height);
  size_t srcExtent = extent(spitch, rect.width, rect.height);
  if ((dstDevice && dstExtent > dstAt.bytesToEnd) || (srcDevice && srcExtent > srcAt.bytesToEnd))
    return cudaErrorInvalidValue;

  if (!srcDevice && !dstDevice) {
    // On the host, but in stream order (see copyHostToHost in memory_api.cpp).
    CUstream_st *stream = requested;
    if (stream == nullptr) {
      cucl::Device *current = nullptr;
      cudaError_t status = cucl::currentDevice(&current);
      if (status != cudaSuccess)
        return status;
      stream = &current->legacyStream();
    }
    cudaError_t status = cucl::waitForEarlierWork(*stream);
    if (status != cudaSuccess)
      return status;
    for (size_t row = 0; row < rect.height; ++row)
      std::memmove(static_cast<char *>(dst) + row * dpitch,
                   static_cast<const char *>(src) + row * spitch, rect.width);
    return cudaSuccess;
  }
  if (srcDevice && dstDevice && srcAt.device != dstAt.device) {
    // Different contexts: stage through a packed host copy.
    std::vector<char> staging(rect.width * rect.height);
    cudaError_t status = copyRect(staging.data(), rect.width, src, spitch, rect,
                                  cudaMemcpyDeviceToHost, nullptr, false);
    if (status != cudaSuccess)
      return status;
    return copyRect(dst, dpitch, staging.data(), rect.width, rect, cudaMemcpyHostToDevice, nullptr,
                    false);
  }

  CUstream_st *stream = nullptr;
  cudaError_t status = cucl::streamForAllocation(dstDevice ? dstAt : srcAt, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cl::array<cl::size_type, 3> region{rect.width, rect.height, 1};
  cl::array<cl::size_type, 3> hostOrigin{0, 0, 0};
  cucl::MappedCommand mapped;
  if (srcDevice)
    mapped.use(srcAt);
  if (dstDevice)
    mapped.use(dstAt);
  // Host -> device blocks (the source may be reused on return); into pageable
  // memory even the async device -> host copy returns with the data (CUDA).
  cl_bool blocking = CL_FALSE;
  if (!srcDevice)
    blocking = CL_TRUE;
  else if (!dstDevice)
    blocking = async && cucl::isPageLockedHost(dst) ? CL_FALSE : CL_TRUE;
  cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return mapped.enqueue(
        stream->queue, waits, done, blocking == CL_TRUE,
        [&](const std::vector<cl::Event> *after, cl::Event *event) {
          if (srcDevice && dstDevice)
            return stream->queue.enqueueCopyBufferRect(srcAt.buffer, dstAt.buffer,
                                                       {srcAt.offset, 0, 0}, {dstAt.offset, 0, 0},
                                                       region, spitch, 0, dpitch, 0, after, event);
          if (dstDevice)
            return stream->queue.enqueueWriteBufferRect(dstAt.buffer, blocking,
                                                        {dstAt.offset, 0, 0}, hostOrigin, region,
                                                        dpitch, 0, spitch, 0, src, after, event);
          return stream->queue.enqueueReadBufferRect(srcAt.buffer, blocking, {srcAt.offset, 0, 0},
                                                     hostOrigin, region, spitch, 0, dpitch, 0, dst,
                                                     after, event);
        });
  });
  return cucl::fromEnqueueStatus(result, stream->device);
}

// One fill per row (OpenCL 1.2 has no rectangular fill); one fill in all
// when the rows are contiguous.
cudaError_t fillRect(void *devPtr, size_t pitch, int value, Rect rect, CUstream_st *requested) {
  if (rect.width > pitch)
    return cudaErrorInvalidPitchValue;
  if (rect.width == 0 || rect.height == 0)
    return cudaSuccess;
  ResolvedAddress at;
  if (devPtr == nullptr || cucl::classifyPointer(devPtr, &at) != PointerSide::Device ||
      extent(pitch, rect.width, rect.height) > at.bytesToEnd)
    return cudaErrorInvalidValue;
  CUstream_st *stream = nullptr;
  cudaError_t status = cucl::streamForAllocation(at, requested, &stream);
  if (status != cudaSuccess)
    return status;
  cl_uchar pattern = static_cast<cl_uchar>(value);
  bool contiguous = rect.width == pitch;
  size_t rows = contiguous ? 1 : rect.height;
  size_t rowBytes = contiguous ? rect.width * rect.height : rect.width;
  cucl::MappedCommand mapped;
  mapped.use(at);
  for (size_t row = 0; row < rows; ++row) {
    cl_int result = stream->enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
      return mapped.enqueue(stream->queue, waits, done, /*blocking=*/false,
                            [&](const std::vector<cl::Event> *after, cl::Event *event) {
                              return stream->queue.enqueueFillBuffer(at.buffer, pattern,
                                                                     at.offset + row * pitch,
                                                                     rowBytes, after, event);
                            });
    });
    if (result != CL_SUCCESS)
      return cucl::fromEnqueueStatus(result, stream->device);
  }
  return cudaSuccess;
}

} // namespace

CUCL_API cudaError_t cudaMallocPitch(void **devPtr, size_t *pitch, size_t width, size_t height) {
  if (devPtr == nullptr || pitch == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  if (cudaError_t refused = cucl::checkCaptureAllows(); refused != cudaSuccess)
    return cucl::report(refused);
  size_t rowPitch = cucl::AddressReservation::roundUp(width);
  if (rowPitch < width || (height != 0 && rowPitch > SIZE_MAX / height))
    return cucl::report(cudaErrorMemoryAllocation);
  cudaError_t status = cudaMalloc(devPtr, rowPitch * height);
  *pitch = status == cudaSuccess ? rowPitch : 0;
  return status;
}

CUCL_API cudaError_t cudaMemcpy2D(void *dst, size_t dpitch, const void *src, size_t spitch,
                                  size_t width, size_t height, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) {
    return copyRect(dst, dpitch, src, spitch, Rect{width, height}, cucl::enumArgument(kind),
                    nullptr, false);
  });
}

CUCL_API cudaError_t cudaMemcpy2DAsync(void *dst, size_t dpitch, const void *src, size_t spitch,
                                       size_t width, size_t height, cudaMemcpyKind kind,
                                       cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing()) {
      if (width == 0 || height == 0)
        return cudaSuccess;
      // A 3-D copy node of one slice (CUDA reports 2-D copies so too).
      cudaMemcpy3DParms copy{};
      copy.srcPtr = cudaPitchedPtr{const_cast<void *>(src), spitch, width, height};
      copy.dstPtr = cudaPitchedPtr{dst, dpitch, width, height};
      copy.extent = cudaExtent{width, height, 1};
      copy.kind = kind;
      return cucl::captureCopy(device, *resolved, copy);
    }
    return copyRect(dst, dpitch, src, spitch, Rect{width, height}, cucl::enumArgument(kind),
                    resolved, true);
  });
}

CUCL_API cudaError_t cudaMemset2D(void *devPtr, size_t pitch, int value, size_t width,
                                  size_t height) {
  return cucl::onCurrentDevice([&](Device &) {
    return fillRect(devPtr, pitch, value, Rect{width, height}, nullptr);
  });
}

CUCL_API cudaError_t cudaMemset2DAsync(void *devPtr, size_t pitch, int value, size_t width,
                                       size_t height, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = cucl::resolveStream(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved->capturing())
      return width == 0 || height == 0
                 ? cudaSuccess
                 : cucl::captureFill(device, *resolved,
                                     cudaMemsetParams{devPtr, pitch, unsigned(value) & 0xffu, 1,
                                                      width, height});
    return fillRect(devPtr, pitch, value, Rect{width, height}, resolved);
  });
}
