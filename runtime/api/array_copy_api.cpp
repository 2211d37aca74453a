// Copies to, from and between CUDA arrays, and cudaMemcpy3D: each is a box
// of bytes (core/box_copy.h) between an array region and host or device
// memory (or another array). Arrays are row-major without padding
// (core/arrays.h), so the deprecated linear calls (cudaMemcpyToArray, ...)
// copy `count` bytes in row-major order from (wOffset, hOffset).
#include "api/api_support.h"
#include "api/enum_argument.h"
#include "api/graph_preparation.h"
#include "api/memcpy_3d.h"

#include <cstdint>

#include "core/arrays.h"
#include "core/diagnostics.h"

namespace {

using cucl::Box;
using cucl::BoxEnd;
using cucl::Device;
using cucl::PointerSide;

enum class Role { Source, Destination };

// CUDA's kind check: 0..4, else cudaErrorInvalidMemcpyDirection.
bool validKind(int kind) {
  return kind >= cudaMemcpyHostToHost && kind <= cudaMemcpyDefault;
}

// The array side of a copy: an array is always device memory, whatever the
// kind says (CUDA silently corrects the kind for it).
BoxEnd arrayEnd(const cudaArray &array, std::size_t xBytes, std::size_t y, std::size_t z) {
  BoxEnd end;
  end.device = true;
  end.at.buffer = array.buffer;
  end.at.offset = z * array.slicePitch + y * array.rowPitch + xBytes;
  end.at.bytesToEnd = array.bytes() - end.at.offset;
  end.at.device = array.device;
  end.rowPitch = array.rowPitch;
  end.slicePitch = array.slicePitch;
  return end;
}

// The pointer side: host or device memory as the kind says (or, for
// cudaMemcpyDefault, as the pointer is), and the box inside its allocation.
cudaError_t pointerEnd(const void *pointer, std::size_t rowPitch, std::size_t slicePitch,
                       const Box &box, int kind, Role role, BoxEnd *end) {
  if (pointer == nullptr)
    return cudaErrorInvalidValue;
  cucl::ResolvedAddress at;
  PointerSide side = cucl::classifyPointer(pointer, &at);
  if (side == PointerSide::Invalid)
    return cudaErrorInvalidValue;
  bool device = side == PointerSide::Device;
  if (kind != cudaMemcpyDefault) {
    bool wantDevice = role == Role::Source
                          ? kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice
                          : kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
    if (device != wantDevice) {
      cucl::verboseLog("array copy: the %s pointer does not match the copy kind %d",
                       role == Role::Source ? "source" : "destination", kind);
      return cudaErrorInvalidValue;
    }
  }
  end->device = device;
  end->host = device ? nullptr : const_cast<char *>(static_cast<const char *>(pointer));
  end->at = at;
  end->rowPitch = rowPitch;
  end->slicePitch = slicePitch;
  if (device && cucl::boxSpan(rowPitch, slicePitch, box) > at.bytesToEnd)
    return cudaErrorInvalidValue;
  return cudaSuccess;
}

// The stream of an async call: the handle resolved on the current device.
cudaError_t streamOf(cudaStream_t handle, Device &device, CUstream_st **out) {
  return cucl::resolveStream(handle, device, out);
}

// Rows of an array as 2-D copies see it (the first slice).
bool rectInArray(const cudaArray &array, std::size_t wOffset, std::size_t hOffset,
                 std::size_t width, std::size_t height) {
  return wOffset <= array.rowPitch && width <= array.rowPitch - wOffset &&
         hOffset <= array.height && height <= array.height - hOffset;
}

// `count` bytes from (wOffset, hOffset) in row-major order, inside the array.
bool rangeInArray(const cudaArray &array, std::size_t wOffset, std::size_t hOffset,
                  std::size_t count, std::size_t *offset) {
  if (wOffset >= array.rowPitch || hOffset >= array.height * array.slices)
    return false;
  *offset = hOffset * array.rowPitch + wOffset;
  return count <= array.bytes() - *offset;
}

// A linear range of an array as a one-row box end.
BoxEnd linearArrayEnd(const cudaArray &array, std::size_t offset, std::size_t count) {
  BoxEnd end = arrayEnd(array, offset, 0, 0);
  end.rowPitch = count;
  end.slicePitch = count;
  return end;
}

cudaError_t toArray2D(cudaArray_t dst, std::size_t wOffset, std::size_t hOffset, const void *src,
                      std::size_t spitch, std::size_t width, std::size_t height, int kind,
                      CUstream_st *stream, bool async) {
  if (!validKind(kind))
    return cudaErrorInvalidMemcpyDirection;
  std::shared_ptr<cudaArray> array = cucl::liveArray(dst);
  if (array == nullptr)
    return cudaErrorInvalidValue;
  if (width > spitch)
    return cudaErrorInvalidPitchValue;
  if (width == 0 || height == 0)
    return cudaSuccess;
  if (!rectInArray(*array, wOffset, hOffset, width, height))
    return cudaErrorInvalidValue;
  Box box{width, height, 1};
  BoxEnd from;
  cudaError_t status = pointerEnd(src, spitch, 0, box, kind, Role::Source, &from);
  if (status != cudaSuccess)
    return status;
  return cucl::copyBox(arrayEnd(*array, wOffset, hOffset, 0), from, box, stream, async);
}

cudaError_t fromArray2D(void *dst, std::size_t dpitch, cudaArray_const_t src, std::size_t wOffset,
                        std::size_t hOffset, std::size_t width, std::size_t height, int kind,
                        CUstream_st *stream, bool async) {
  if (!validKind(kind))
    return cudaErrorInvalidMemcpyDirection;
  std::shared_ptr<cudaArray> array = cucl::liveArray(src);
  if (array == nullptr)
    return cudaErrorInvalidValue;
  if (width > dpitch)
    return cudaErrorInvalidPitchValue;
  if (width == 0 || height == 0)
    return cudaSuccess;
  if (!rectInArray(*array, wOffset, hOffset, width, height))
    return cudaErrorInvalidValue;
  Box box{width, height, 1};
  BoxEnd to;
  cudaError_t status = pointerEnd(dst, dpitch, 0, box, kind, Role::Destination, &to);
  if (status != cudaSuccess)
    return status;
  return cucl::copyBox(to, arrayEnd(*array, wOffset, hOffset, 0), box, stream, async);
}

cudaError_t toArrayLinear(cudaArray_t dst, std::size_t wOffset, std::size_t hOffset,
                          const void *src, std::size_t count, int kind, CUstream_st *stream,
                          bool async) {
  if (!validKind(kind))
    return cudaErrorInvalidMemcpyDirection;
  std::shared_ptr<cudaArray> array = cucl::liveArray(dst);
  if (array == nullptr)
    return cudaErrorInvalidValue;
  if (count == 0)
    return cudaSuccess;
  std::size_t offset = 0;
  if (!rangeInArray(*array, wOffset, hOffset, count, &offset))
    return cudaErrorInvalidValue;
  Box box{count, 1, 1};
  BoxEnd from;
  cudaError_t status = pointerEnd(src, count, count, box, kind, Role::Source, &from);
  if (status != cudaSuccess)
    return status;
  return cucl::copyBox(linearArrayEnd(*array, offset, count), from, box, stream, async);
}

cudaError_t fromArrayLinear(void *dst, cudaArray_const_t src, std::size_t wOffset,
                            std::size_t hOffset, std::size_t count, int kind, CUstream_st *stream,
                            bool async) {
  if (!validKind(kind))
    return cudaErrorInvalidMemcpyDirection;
  std::shared_ptr<cudaArray> array = cucl::liveArray(src);
  if (array == nullptr)
    return cudaErrorInvalidValue;
  if (count == 0)
    return cudaSuccess;
  std::size_t offset = 0;
  if (!rangeInArray(*array, wOffset, hOffset, count, &offset))
    return cudaErrorInvalidValue;
  Box box{count, 1, 1};
  BoxEnd to;
  cudaError_t status = pointerEnd(dst, count, count, box, kind, Role::Destination, &to);
  if (status != cudaSuccess)
    return status;
  return cucl::copyBox(to, linearArrayEnd(*array, offset, count), box, stream, async);
}

// An array or a pitched pointer of cudaMemcpy3D, at `pos`.
struct End3D {
  std::shared_ptr<cudaArray> array;
  const cudaPitchedPtr *pointer = nullptr;
  cudaPos pos{};
};

cudaError_t endOf3D(cudaArray_t array, const cudaPitchedPtr &pointer, const cudaPos &pos,
                    End3D *end) {
  // Exactly one of the array and the pointer.
  if ((array == nullptr) == (pointer.ptr == nullptr))
    return cudaErrorInvalidValue;
  end->pos = pos;
  if (array != nullptr) {
    end->array = cucl::liveArray(array);
    if (end->array == nullptr)
      return cudaErrorInvalidValue;
  } else {
    end->pointer = &pointer;
  }
  return cudaSuccess;
}

// The box end of `end` for a copy of `box` bytes, rows and slices.
cudaError_t boxEndOf3D(const End3D &end, const Box &box, std::size_t element, int kind, Role role,
                       BoxEnd *out) {
  const cudaPos &pos = end.pos;
  if (end.array != nullptr) {
    const cudaArray &array = *end.array;
    std::size_t xBytes = pos.x * element;
    if (pos.x > array.width || xBytes > array.rowPitch ||
        box.widthBytes > array.rowPitch - xBytes || pos.y > array.height ||
        box.height > array.height - pos.y || pos.z > array.slices ||
        box.depth > array.slices - pos.z)
      return cudaErrorInvalidValue;
    *out = arrayEnd(array, xBytes, pos.y, pos.z);
    return cudaSuccess;
  }
  const cudaPitchedPtr &pitched = *end.pointer;
  if (pitched.pitch > SIZE_MAX / 2 || pos.x > pitched.pitch ||
      box.widthBytes > pitched.pitch - pos.x)
    return cudaErrorInvalidPitchValue;
  // Slices are ysize rows apart; a single slice at z = 0 needs no ysize.
  bool slices = box.depth > 1 || pos.z > 0;
  if (slices && (pos.y > pitched.ysize || box.height > pitched.ysize - pos.y))
    return cudaErrorInvalidValue;
  std::size_t slicePitch = pitched.pitch * pitched.ysize;
  if (pitched.ysize != 0 && slicePitch / pitched.ysize != pitched.pitch)
    return cudaErrorInvalidValue;
  std::size_t offset = pos.x;
  if (pos.y > (SIZE_MAX - offset) / (pitched.pitch ? pitched.pitch : 1))
    return cudaErrorInvalidValue;
  offset += pos.y * pitched.pitch;
  if (pos.z != 0 && pos.z > (SIZE_MAX - offset) / slicePitch)
    return cudaErrorInvalidValue;
  offset += pos.z * slicePitch;
  const char *first = static_cast<const char *>(pitched.ptr) + offset;
  return pointerEnd(first, pitched.pitch, slices ? slicePitch : pitched.pitch * box.height, box,
                    kind, role, out);
}

} // namespace

namespace cucl {

cudaError_t resolveMemcpy3D(const cudaMemcpy3DParms *p, BoxEnd *dst, BoxEnd *src, Box *box,
                            bool *empty) {
  if (p == nullptr)
    return cudaErrorInvalidValue;
  int kind = cucl::enumArgument(p->kind);
  if (!validKind(kind))
    return cudaErrorInvalidMemcpyDirection;
  End3D from, to;
  cudaError_t status = endOf3D(p->srcArray, p->srcPtr, p->srcPos, &from);
  if (status == cudaSuccess)
    status = endOf3D(p->dstArray, p->dstPtr, p->dstPos, &to);
  if (status != cudaSuccess)
    return status;
  // Extents are in elements of the array taking part (bytes without one);
  // two arrays must have the same element size.
  std::size_t element = 1;
  if (from.array != nullptr && to.array != nullptr &&
      from.array->format.elementBytes() != to.array->format.elementBytes())
    return cudaErrorInvalidValue;
  if (from.array != nullptr)
    element = from.array->format.elementBytes();
  else if (to.array != nullptr)
    element = to.array->format.elementBytes();
  const cudaExtent &extent = p->extent;
  *empty = extent.width == 0 || extent.height == 0 || extent.depth == 0;
  if (*empty)
    return cudaSuccess;
  if (extent.width > SIZE_MAX / element)
    return cudaErrorInvalidValue;
  *box = Box{extent.width * element, extent.height, extent.depth};
  status = boxEndOf3D(from, *box, element, kind, Role::Source, src);
  if (status == cudaSuccess)
    status = boxEndOf3D(to, *box, element, kind, Role::Destination, dst);
  return status;
}

} // namespace cucl

namespace {

cudaError_t copy3D(const cudaMemcpy3DParms *p, CUstream_st *stream, bool async) {
  BoxEnd to, from;
  Box box;
  bool empty = false;
  cudaError_t status = cucl::resolveMemcpy3D(p, &to, &from, &box, &empty);
  if (status != cudaSuccess || empty)
    return status;
  return cucl::copyBox(to, from, box, stream, async);
}

} // namespace

CUCL_API cudaError_t cudaMemcpy2DToArray(cudaArray_t dst, size_t wOffset, size_t hOffset,
                                         const void *src, size_t spitch, size_t width,
                                         size_t height, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) {
    return toArray2D(dst, wOffset, hOffset, src, spitch, width, height, cucl::enumArgument(kind),
                     nullptr, false);
  });
}

CUCL_API cudaError_t cudaMemcpy2DToArrayAsync(cudaArray_t dst, size_t wOffset, size_t hOffset,
                                              const void *src, size_t spitch, size_t width,
                                              size_t height, cudaMemcpyKind kind,
                                              cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = streamOf(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return toArray2D(dst, wOffset, hOffset, src, spitch, width, height, cucl::enumArgument(kind),
                     resolved, true);
  });
}

CUCL_API cudaError_t cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src,
                                           size_t wOffset, size_t hOffset, size_t width,
                                           size_t height, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) {
    return fromArray2D(dst, dpitch, src, wOffset, hOffset, width, height, cucl::enumArgument(kind),
                       nullptr, false);
  });
}

CUCL_API cudaError_t cudaMemcpy2DFromArrayAsync(void *dst, size_t dpitch, cudaArray_const_t src,
                                                size_t wOffset, size_t hOffset, size_t width,
                                                size_t height, cudaMemcpyKind kind,
                                                cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = streamOf(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return fromArray2D(dst, dpitch, src, wOffset, hOffset, width, height, cucl::enumArgument(kind),
                       resolved, true);
  });
}

CUCL_API cudaError_t cudaMemcpy2DArrayToArray(cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
                                              cudaArray_const_t src, size_t wOffsetSrc,
                                              size_t hOffsetSrc, size_t width, size_t height,
                                              cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (!validKind(cucl::enumArgument(kind)))
      return cudaErrorInvalidMemcpyDirection;
    std::shared_ptr<cudaArray> to = cucl::liveArray(dst), from = cucl::liveArray(src);
    if (to == nullptr || from == nullptr)
      return cudaErrorInvalidValue;
    if (width == 0 || height == 0)
      return cudaSuccess;
    if (!rectInArray(*to, wOffsetDst, hOffsetDst, width, height) ||
        !rectInArray(*from, wOffsetSrc, hOffsetSrc, width, height))
      return cudaErrorInvalidValue;
    return cucl::copyBox(arrayEnd(*to, wOffsetDst, hOffsetDst, 0),
                         arrayEnd(*from, wOffsetSrc, hOffsetSrc, 0), Box{width, height, 1}, nullptr,
                         false);
  });
}

CUCL_API cudaError_t cudaMemcpyToArray(cudaArray_t dst, size_t wOffset, size_t hOffset,
                                       const void *src, size_t count, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) {
    return toArrayLinear(dst, wOffset, hOffset, src, count, cucl::enumArgument(kind), nullptr,
                         false);
  });
}

CUCL_API cudaError_t cudaMemcpyToArrayAsync(cudaArray_t dst, size_t wOffset, size_t hOffset,
                                            const void *src, size_t count, cudaMemcpyKind kind,
                                            cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = streamOf(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return toArrayLinear(dst, wOffset, hOffset, src, count, cucl::enumArgument(kind), resolved,
                         true);
  });
}

CUCL_API cudaError_t cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t wOffset,
                                         size_t hOffset, size_t count, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) {
    return fromArrayLinear(dst, src, wOffset, hOffset, count, cucl::enumArgument(kind), nullptr,
                           false);
  });
}

CUCL_API cudaError_t cudaMemcpyFromArrayAsync(void *dst, cudaArray_const_t src, size_t wOffset,
                                              size_t hOffset, size_t count, cudaMemcpyKind kind,
                                              cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = streamOf(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    return fromArrayLinear(dst, src, wOffset, hOffset, count, cucl::enumArgument(kind), resolved,
                           true);
  });
}

CUCL_API cudaError_t cudaMemcpyArrayToArray(cudaArray_t dst, size_t wOffsetDst, size_t hOffsetDst,
                                            cudaArray_const_t src, size_t wOffsetSrc,
                                            size_t hOffsetSrc, size_t count, cudaMemcpyKind kind) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (!validKind(cucl::enumArgument(kind)))
      return cudaErrorInvalidMemcpyDirection;
    std::shared_ptr<cudaArray> to = cucl::liveArray(dst), from = cucl::liveArray(src);
    if (to == nullptr || from == nullptr)
      return cudaErrorInvalidValue;
    if (count == 0)
      return cudaSuccess;
    std::size_t toOffset = 0, fromOffset = 0;
    if (!rangeInArray(*to, wOffsetDst, hOffsetDst, count, &toOffset) ||
        !rangeInArray(*from, wOffsetSrc, hOffsetSrc, count, &fromOffset))
      return cudaErrorInvalidValue;
    return cucl::copyBox(linearArrayEnd(*to, toOffset, count),
                         linearArrayEnd(*from, fromOffset, count), Box{count, 1, 1}, nullptr,
                         false);
  });
}

CUCL_API cudaError_t cudaMemcpy3D(const cudaMemcpy3DParms *p) {
  return cucl::onCurrentDevice([&](Device &) { return copy3D(p, nullptr, false); });
}

CUCL_API cudaError_t cudaMemcpy3DAsync(const cudaMemcpy3DParms *p, cudaStream_t stream) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    CUstream_st *resolved = nullptr;
    cudaError_t status = streamOf(stream, device, &resolved);
    if (status != cudaSuccess)
      return status;
    if (resolved != nullptr && resolved->capturing()) {
      if (p == nullptr)
        return cudaErrorInvalidValue;
      const cudaExtent &extent = p->extent;
      if (extent.width == 0 || extent.height == 0 || extent.depth == 0)
        return cudaSuccess;
      return cucl::captureCopy(device, *resolved, *p);
    }
    return copy3D(p, resolved, true);
  });
}
