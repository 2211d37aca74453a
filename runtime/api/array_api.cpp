// CUDA arrays and mipmapped arrays: allocation, queries, freeing; channel
// descriptors; pitched 3-D allocations and fills (cudaMalloc3D, cudaMemset3D).
// Copies to and from arrays: array_copy_api.cpp.
#include "api/api_support.h"

#include <algorithm>
#include <cstdint>

#include "core/arrays.h"
#include "core/channel_format.h"
#include "core/diagnostics.h"

namespace {

using cucl::ArrayShape;
using cucl::Device;

// Flags an array may be made with; Sparse and DeferredMapping need virtual
// memory mapping that cucl does not have.
constexpr unsigned kArrayFlags =
    cudaArrayLayered | cudaArraySurfaceLoadStore | cudaArrayCubemap | cudaArrayTextureGather;
constexpr unsigned kUnsupportedArrayFlags = cudaArraySparse | cudaArrayDeferredMapping;

cudaError_t checkFlags(unsigned flags, unsigned allowed) {
  if (flags & kUnsupportedArrayFlags)
    return (flags & ~(allowed | kUnsupportedArrayFlags)) ? cudaErrorInvalidValue
                                                         : cudaErrorNotSupported;
  return (flags & ~allowed) ? cudaErrorInvalidValue : cudaSuccess;
}

// The checks every array allocation makes, in CUDA's order: flags, channel
// format, shape, the device's limits.
cudaError_t checkArrayRequest(Device &device, const cudaChannelFormatDesc &desc, cudaExtent extent,
                              unsigned flags, unsigned allowedFlags, cucl::ChannelFormat *format,
                              ArrayShape *shape) {
  cudaError_t status = checkFlags(flags, allowedFlags);
  if (status != cudaSuccess)
    return status;
  status = cucl::channelFormatOf(desc, format);
  if (status != cudaSuccess)
    return status;
  if (!cucl::arrayShapeOf(extent, flags, shape))
    return cudaErrorInvalidValue;
  return cucl::checkArrayLimits(device, *shape, extent, flags);
}

// cudaMalloc3DArray's checks and allocation, shared by cudaMallocArray.
cudaError_t mallocArray(Device &device, cudaArray_t *array, const cudaChannelFormatDesc *desc,
                        cudaExtent extent, unsigned flags, unsigned allowedFlags) {
  if (array == nullptr || desc == nullptr)
    return cudaErrorInvalidValue;
  *array = nullptr;
  cucl::ChannelFormat format;
  ArrayShape shape;
  cudaError_t status =
      checkArrayRequest(device, *desc, extent, flags, allowedFlags, &format, &shape);
  if (status != cudaSuccess)
    return status;
  std::shared_ptr<cudaArray> made;
  status = cucl::makeArray(device, format, *desc, extent, flags, shape, &made);
  if (status != cudaSuccess)
    return status;
  cucl::ArrayTable::instance().add(made);
  *array = made.get();
  return cudaSuccess;
}

} // namespace

CUCL_API cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                     cudaChannelFormatKind f) {
  cudaChannelFormatDesc desc;
  desc.x = x;
  desc.y = y;
  desc.z = z;
  desc.w = w;
  desc.f = f;
  return desc;
}

CUCL_API cudaError_t cudaMallocArray(cudaArray_t *array, const cudaChannelFormatDesc *desc,
                                     size_t width, size_t height, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) {
    // A 1-D or 2-D array: layered and cubemap arrays need cudaMalloc3DArray.
    return mallocArray(device, array, desc, cudaExtent{width, height, 0}, flags,
                       cudaArraySurfaceLoadStore | cudaArrayTextureGather);
  });
}

CUCL_API cudaError_t cudaMalloc3DArray(cudaArray_t *array, const cudaChannelFormatDesc *desc,
                                       cudaExtent extent, unsigned int flags) {
  return cucl::onCurrentDevice(
      [&](Device &device) { return mallocArray(device, array, desc, extent, flags, kArrayFlags); });
}

CUCL_API cudaError_t cudaFreeArray(cudaArray_t array) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (array == nullptr)
      return cudaSuccess;
    std::shared_ptr<cudaArray> found = cucl::ArrayTable::instance().find(array);
    if (found == nullptr || found->mipmap != nullptr) {
      cucl::verboseLog("cudaFreeArray(%p): not an array from cudaMallocArray/cudaMalloc3DArray",
                       static_cast<void *>(array));
      return cudaErrorInvalidValue;
    }
    bool alive = cucl::liveArray(array) != nullptr;
    cucl::ArrayTable::instance().take(array);
    if (!alive)
      return cudaErrorInvalidValue; // gone with a cudaDeviceReset
    return cucl::releaseArray(*found);
  });
}

CUCL_API cudaError_t cudaArrayGetInfo(cudaChannelFormatDesc *desc, cudaExtent *extent,
                                      unsigned int *flags, cudaArray_t array) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::shared_ptr<cudaArray> found = cucl::liveArray(array);
    if (found == nullptr)
      return cudaErrorInvalidValue;
    if (desc != nullptr)
      *desc = found->desc;
    if (extent != nullptr)
      *extent = found->extent;
    if (flags != nullptr)
      *flags = found->flags;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGetChannelDesc(cudaChannelFormatDesc *desc, cudaArray_const_t array) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::shared_ptr<cudaArray> found = cucl::liveArray(array);
    if (desc == nullptr || found == nullptr)
      return cudaErrorInvalidValue;
    *desc = found->desc;
    return cudaSuccess;
  });
}

// Every level is a real array (a cudaArray of its own storage); texture
// objects and bindings sample level 0.
CUCL_API cudaError_t cudaMallocMipmappedArray(cudaMipmappedArray_t *mipmappedArray,
                                              const cudaChannelFormatDesc *desc, cudaExtent extent,
                                              unsigned int numLevels, unsigned int flags) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (mipmappedArray == nullptr || desc == nullptr)
      return cudaErrorInvalidValue;
    *mipmappedArray = nullptr;
    cucl::ChannelFormat format;
    ArrayShape shape;
    cudaError_t status =
        checkArrayRequest(device, *desc, extent, flags, kArrayFlags, &format, &shape);
    if (status != cudaSuccess)
      return status;
    // Levels: clamped to [1, 1 + floor(log2(largest extent))]; layers and
    // cube faces do not shrink.
    bool threeD = shape == ArrayShape::ThreeD;
    std::size_t largest = std::max({extent.width, extent.height, threeD ? extent.depth : 0});
    unsigned maxLevels = 1;
    while ((largest >> maxLevels) != 0)
      ++maxLevels;
    unsigned levels = std::clamp(numLevels, 1u, maxLevels);
    auto mipmap = std::make_shared<cudaMipmappedArray>();
    mipmap->serial = cucl::nextSerial();
    mipmap->device = device.index();
    mipmap->desc = *desc;
    mipmap->extent = extent;
    mipmap->flags = flags;
    for (unsigned level = 0; level < levels; ++level) {
      auto shrink = [&](std::size_t n) {
        return n == 0 ? 0 : std::max<std::size_t>(1, n >> level);
      };
      cudaExtent levelExtent{shrink(extent.width), shrink(extent.height),
                             threeD ? shrink(extent.depth) : extent.depth};
      std::shared_ptr<cudaArray> made;
      status = cucl::makeArray(device, format, *desc, levelExtent, flags, shape, &made);
      if (status != cudaSuccess) {
        for (const std::shared_ptr<cudaArray> &done : mipmap->levels)
          cucl::releaseArray(*done);
        return status;
      }
      made->mipmap = mipmap.get();
      made->level = level;
      mipmap->levels.push_back(made);
    }
    for (const std::shared_ptr<cudaArray> &level : mipmap->levels)
      cucl::ArrayTable::instance().add(level);
    cucl::ArrayTable::instance().add(mipmap);
    *mipmappedArray = mipmap.get();
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGetMipmappedArrayLevel(cudaArray_t *levelArray,
                                                cudaMipmappedArray_const_t mipmappedArray,
                                                unsigned int level) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (levelArray == nullptr)
      return cudaErrorInvalidValue;
    std::shared_ptr<cudaMipmappedArray> mipmap = cucl::liveMipmap(mipmappedArray);
    if (mipmap == nullptr)
      return cudaErrorInvalidResourceHandle;
    if (level >= mipmap->levels.size())
      return cudaErrorInvalidValue;
    *levelArray = mipmap->levels[level].get();
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaFreeMipmappedArray(cudaMipmappedArray_t mipmappedArray) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (mipmappedArray == nullptr)
      return cudaSuccess;
    bool alive = cucl::liveMipmap(mipmappedArray) != nullptr;
    std::shared_ptr<cudaMipmappedArray> mipmap =
        cucl::ArrayTable::instance().takeMipmap(mipmappedArray);
    if (mipmap == nullptr)
      return cudaErrorInvalidValue;
    cudaError_t status = cudaSuccess;
    for (const std::shared_ptr<cudaArray> &level : mipmap->levels) {
      cucl::ArrayTable::instance().take(level.get());
      cudaError_t released = cucl::releaseArray(*level);
      if (status == cudaSuccess)
        status = released;
    }
    return alive ? status : cudaErrorInvalidValue;
  });
}

// Pitched 3-D memory: cudaMallocPitch's rows, height * depth of them.
CUCL_API cudaError_t cudaMalloc3D(cudaPitchedPtr *pitchedDevPtr, cudaExtent extent) {
  if (pitchedDevPtr == nullptr)
    return cucl::report(cudaErrorInvalidValue);
  if (extent.depth != 0 && extent.height > SIZE_MAX / extent.depth)
    return cucl::report(cudaErrorMemoryAllocation);
  void *pointer = nullptr;
  size_t pitch = 0;
  cudaError_t status =
      cudaMallocPitch(&pointer, &pitch, extent.width, extent.height * extent.depth);
  if (status != cudaSuccess)
    return status;
  *pitchedDevPtr = cudaPitchedPtr{pointer, pitch, extent.width, extent.height};
  return cudaSuccess;
}

namespace {
// One 2-D fill per slice; `fill(slice)` fills one.
template <class Fill>
cudaError_t fill3D(const cudaPitchedPtr &pitched, cudaExtent extent, Fill &&fill) {
  if (extent.width == 0 || extent.height == 0 || extent.depth == 0)
    return cudaSuccess;
  if (extent.depth > 1 && pitched.ysize < extent.height)
    return cucl::report(cudaErrorInvalidValue); // slices would overlap
  std::size_t slicePitch = pitched.pitch * pitched.ysize;
  if (pitched.ysize != 0 && slicePitch / pitched.ysize != pitched.pitch)
    return cucl::report(cudaErrorInvalidValue);
  for (std::size_t z = 0; z < extent.depth; ++z) {
    cudaError_t status = fill(static_cast<char *>(pitched.ptr) + z * slicePitch);
    if (status != cudaSuccess)
      return status;
  }
  return cudaSuccess;
}
} // namespace

CUCL_API cudaError_t cudaMemset3D(cudaPitchedPtr pitchedDevPtr, int value, cudaExtent extent) {
  return fill3D(pitchedDevPtr, extent, [&](char *slice) {
    return cudaMemset2D(slice, pitchedDevPtr.pitch, value, extent.width, extent.height);
  });
}

CUCL_API cudaError_t cudaMemset3DAsync(cudaPitchedPtr pitchedDevPtr, int value, cudaExtent extent,
                                       cudaStream_t stream) {
  return fill3D(pitchedDevPtr, extent, [&](char *slice) {
    return cudaMemset2DAsync(slice, pitchedDevPtr.pitch, value, extent.width, extent.height,
                             stream);
  });
}
