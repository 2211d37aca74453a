// Texture and surface objects: validation with CUDA's rules, then an entry
// in the object table (core/textures.h) that launches resolve on their
// device. Sampling itself is OpenCL C (compiler/lib/emit_device/opencl/
// texture_runtime.cl).
#include "api/api_support.h"
#include "api/enum_argument.h"
#include "core/memory_support.h"

#include <cstdint>

#include "core/channel_format.h"
#include "core/diagnostics.h"
#include "core/textures.h"

namespace {

using cucl::ChannelFormat;
using cucl::Device;
using cucl::TexelSource;

// The format of a resource view (the uncompressed ones; block-compressed
// views are not supported).
cudaError_t viewFormatOf(int view, ChannelFormat *out) {
  if (view < cudaResViewFormatUnsignedChar1 || view > cudaResViewFormatFloat4)
    return view > cudaResViewFormatFloat4 && view <= cudaResViewFormatUnsignedBlockCompressed7
               ? cudaErrorNotSupported
               : cudaErrorInvalidValue;
  int index = view - cudaResViewFormatUnsignedChar1; // 0..23: 8 groups of 1, 2, 4 channels
  static const unsigned kChannels[3] = {1, 2, 4};
  static const unsigned kKinds[8] = {cudaChannelFormatKindUnsigned, cudaChannelFormatKindSigned,
                                     cudaChannelFormatKindUnsigned, cudaChannelFormatKindSigned,
                                     cudaChannelFormatKindUnsigned, cudaChannelFormatKindSigned,
                                     cudaChannelFormatKindFloat,    cudaChannelFormatKindFloat};
  static const unsigned kBytes[8] = {1, 1, 2, 2, 4, 4, 2, 4};
  out->channels = kChannels[index % 3];
  out->kind = kKinds[index / 3];
  out->channelBytes = kBytes[index / 3];
  out->normalized = false;
  return cudaSuccess;
}

// Applies a resource view to an array texture: the same extent, a format of
// the same element size, a range of layers of a layered array, and (for a
// mipmapped array) its first level.
cudaError_t applyView(const cudaResourceViewDesc &view, const cudaArray &array,
                      const cudaExtent &resourceExtent, unsigned mipmapLevels,
                      ChannelFormat *format, cuclTextureDesc *desc) {
  int viewFormat = cucl::enumArgument(view.format);
  if (viewFormat != cudaResViewFormatNone) {
    ChannelFormat reinterpreted;
    cudaError_t status = viewFormatOf(viewFormat, &reinterpreted);
    if (status != cudaSuccess)
      return status;
    if (reinterpreted.elementBytes() != format->elementBytes())
      return cudaErrorInvalidValue;
    *format = reinterpreted;
  }
  // The resource's extent (a mipmapped array's: its level 0).
  if (view.width != resourceExtent.width || view.height != resourceExtent.height ||
      view.depth != resourceExtent.depth)
    return cudaErrorInvalidValue;
  if (view.lastMipmapLevel < view.firstMipmapLevel || view.lastMipmapLevel >= mipmapLevels)
    return cudaErrorInvalidValue;
  if (array.layered() && !array.cubemap()) {
    if (view.firstLayer > view.lastLayer || view.lastLayer >= array.slices)
      return cudaErrorInvalidValue;
    desc->offset += std::uint64_t(view.firstLayer) * array.slicePitch;
    desc->layers = view.lastLayer - view.firstLayer + 1;
  } else if (view.firstLayer != 0 ||
             (view.lastLayer != 0 && !(array.cubemap() && view.lastLayer == array.slices - 1))) {
    return cudaErrorInvalidValue; // not layered (cubemaps: all their faces)
  }
  return cudaSuccess;
}

// The device memory of a linear or pitch-2D resource, aligned to
// textureAlignment, on the current device.
cudaError_t linearMemory(const void *devPtr, Device &device, cucl::ResolvedAddress *at) {
  if (devPtr == nullptr || cucl::classifyPointer(devPtr, at) != cucl::PointerSide::Device ||
      at->device != device.index())
    return cudaErrorInvalidValue;
  if (reinterpret_cast<std::uintptr_t>(devPtr) % device.properties().textureAlignment != 0)
    return cudaErrorInvalidValue;
  return cudaSuccess;
}

cudaError_t sourceOfResource(const cudaResourceDesc &res, const cudaResourceViewDesc *view,
                             bool normalizedCoords, Device &device, TexelSource *source,
                             ChannelFormat *format) {
  const cudaDeviceProp &p = device.properties();
  switch (cucl::enumArgument(res.resType)) {
  case cudaResourceTypeArray:
  case cudaResourceTypeMipmappedArray: {
    std::shared_ptr<cudaArray> array;
    unsigned levels = 1, first = 0;
    cudaExtent resourceExtent{};
    if (cucl::enumArgument(res.resType) == cudaResourceTypeArray) {
      array = cucl::liveArray(res.res.array.array);
      if (array == nullptr)
        return cudaErrorInvalidValue;
      resourceExtent = array->extent;
    } else {
      std::shared_ptr<cudaMipmappedArray> mipmap = cucl::liveMipmap(res.res.mipmap.mipmap);
      if (mipmap == nullptr || !normalizedCoords)
        return cudaErrorInvalidValue; // CUDA: mipmapped textures use normalized coordinates
      levels = static_cast<unsigned>(mipmap->levels.size());
      first = view != nullptr ? view->firstMipmapLevel : 0;
      if (first >= levels)
        return cudaErrorInvalidValue;
      array = mipmap->levels[first];
      resourceExtent = mipmap->extent;
    }
    if (array->device != device.index())
      return cudaErrorInvalidValue;
    *format = array->format;
    source->kind = TexelSource::Kind::Array;
    source->array = array.get();
    source->serial = array->serial;
    source->device = array->device;
    source->desc = cucl::arrayDescriptor(*array);
    if (view != nullptr) {
      // The level chosen above is the view's level 0: check the view against it.
      cudaResourceViewDesc relative = *view;
      relative.firstMipmapLevel = 0;
      relative.lastMipmapLevel = view->lastMipmapLevel - first;
      if (view->lastMipmapLevel < first)
        return cudaErrorInvalidValue;
      cudaError_t status =
          applyView(relative, *array, resourceExtent, levels - first, format, &source->desc);
      if (status != cudaSuccess)
        return status;
    }
    break;
  }
  case cudaResourceTypeLinear: {
    if (view != nullptr)
      return cudaErrorInvalidValue; // views are for arrays
    cucl::ResolvedAddress at;
    cudaError_t status = linearMemory(res.res.linear.devPtr, device, &at);
    if (status != cudaSuccess)
      return status;
    status = cucl::channelFormatOf(res.res.linear.desc, format);
    if (status != cudaSuccess)
      return status;
    std::size_t elements = res.res.linear.sizeInBytes / format->elementBytes();
    if (elements == 0 || res.res.linear.sizeInBytes > at.bytesToEnd ||
        elements > static_cast<std::size_t>(p.maxTexture1DLinear))
      return cudaErrorInvalidValue;
    source->kind = TexelSource::Kind::Memory;
    source->address = reinterpret_cast<std::uintptr_t>(res.res.linear.devPtr);
    source->allocationSerial = at.serial;
    source->bytes = elements * format->elementBytes();
    source->device = at.device;
    source->desc.flags = CUCL_TEXTURE_LINEAR;
    source->desc.width = static_cast<unsigned>(elements);
    source->desc.height = 1;
    source->desc.depth = 1;
    source->desc.rowPitch = static_cast<unsigned>(source->bytes);
    source->desc.slicePitch = source->desc.rowPitch;
    break;
  }
  case cudaResourceTypePitch2D: {
    if (view != nullptr)
      return cudaErrorInvalidValue;
    cucl::ResolvedAddress at;
    cudaError_t status = linearMemory(res.res.pitch2D.devPtr, device, &at);
    if (status != cudaSuccess)
      return status;
    status = cucl::channelFormatOf(res.res.pitch2D.desc, format);
    if (status != cudaSuccess)
      return status;
    std::size_t width = res.res.pitch2D.width, height = res.res.pitch2D.height;
    std::size_t pitch = res.res.pitch2D.pitchInBytes;
    if (width == 0 || height == 0 || width > std::size_t(p.maxTexture2DLinear[0]) ||
        height > std::size_t(p.maxTexture2DLinear[1]) ||
        pitch > std::size_t(p.maxTexture2DLinear[2]) || pitch % p.texturePitchAlignment != 0 ||
        width * format->elementBytes() > pitch ||
        pitch * (height - 1) + width * format->elementBytes() > at.bytesToEnd)
      return cudaErrorInvalidValue;
    source->kind = TexelSource::Kind::Memory;
    source->address = reinterpret_cast<std::uintptr_t>(res.res.pitch2D.devPtr);
    source->allocationSerial = at.serial;
    source->bytes = pitch * (height - 1) + width * format->elementBytes();
    source->device = at.device;
    source->desc.width = static_cast<unsigned>(width);
    source->desc.height = static_cast<unsigned>(height);
    source->desc.depth = 1;
    source->desc.rowPitch = static_cast<unsigned>(pitch);
    source->desc.slicePitch = static_cast<unsigned>(std::min<std::size_t>(pitch * height, ~0u));
    break;
  }
  default:
    return cudaErrorInvalidValue;
  }
  source->desc.channels = format->channels;
  source->desc.channelBytes = format->channelBytes;
  source->desc.format = format->kind;
  return cudaSuccess;
}

cudaError_t createTexture(Device &device, cudaTextureObject_t *handle, const cudaResourceDesc *res,
                          const cudaTextureDesc *tex, const cudaResourceViewDesc *view) {
  if (handle == nullptr || res == nullptr || tex == nullptr)
    return cudaErrorInvalidValue;
  int filter = cucl::enumArgument(tex->filterMode), read = cucl::enumArgument(tex->readMode);
  if ((filter != cudaFilterModePoint && filter != cudaFilterModeLinear) ||
      (read != cudaReadModeElementType && read != cudaReadModeNormalizedFloat))
    return cudaErrorInvalidValue;
  unsigned modes[3];
  for (int i = 0; i < 3; ++i) {
    int mode = cucl::enumArgument(tex->addressMode[i]);
    if (mode < cudaAddressModeWrap || mode > cudaAddressModeBorder)
      return cudaErrorInvalidValue;
    modes[i] = static_cast<unsigned>(mode);
  }
  cucl::TextureObject object;
  ChannelFormat format;
  cudaError_t status =
      sourceOfResource(*res, view, tex->normalizedCoords != 0, device, &object.source, &format);
  if (status != cudaSuccess)
    return status;
  cuclTextureDesc &desc = object.source.desc;
  bool linearResource = (desc.flags & CUCL_TEXTURE_LINEAR) != 0;
  // NormalizedFloat promotes 8- and 16-bit integers only; the normalized
  // kinds always read that way.
  bool promoted = format.isInteger() && format.channelBytes < 4 &&
                  (format.normalized || read == cudaReadModeNormalizedFloat);
  // Linear filtering needs float results (CUDA's rule); linear memory is
  // never filtered (tex1Dfetch).
  if (!linearResource && filter == cudaFilterModeLinear && format.isInteger() && !promoted) {
    cucl::verboseLog("cudaCreateTextureObject: linear filtering of integers read as integers");
    return cudaErrorInvalidValue;
  }
  if (tex->seamlessCubemap != 0 && (desc.flags & CUCL_TEXTURE_CUBEMAP) == 0)
    return cudaErrorInvalidValue;
  for (int i = 0; i < 3; ++i)
    desc.addressMode[i] = modes[i];
  desc.filterMode = linearResource ? unsigned(cudaFilterModePoint) : unsigned(filter);
  desc.readMode = promoted ? unsigned(cudaReadModeNormalizedFloat) : 0u;
  desc.normalizedCoords = tex->normalizedCoords != 0 ? 1u : 0u;
  if (tex->sRGB != 0)
    desc.flags |= CUCL_TEXTURE_SRGB;
  for (int i = 0; i < 4; ++i)
    desc.borderColor[i] = tex->borderColor[i];
  object.resource = *res;
  object.texture = *tex;
  if (view != nullptr)
    object.view = *view;
  *handle = cucl::TextureObjects::instance().add(std::move(object));
  return cudaSuccess;
}

} // namespace

CUCL_API cudaError_t cudaCreateTextureObject(cudaTextureObject_t *pTexObject,
                                             const cudaResourceDesc *pResDesc,
                                             const cudaTextureDesc *pTexDesc,
                                             const cudaResourceViewDesc *pResViewDesc) {
  return cucl::onCurrentDevice([&](Device &device) {
    return createTexture(device, pTexObject, pResDesc, pTexDesc, pResViewDesc);
  });
}

CUCL_API cudaError_t cudaDestroyTextureObject(cudaTextureObject_t texObject) {
  return cucl::onCurrentDevice([&](Device &) {
    return cucl::TextureObjects::instance().remove(texObject, /*surface=*/false)
               ? cudaSuccess
               : cudaErrorInvalidValue;
  });
}

CUCL_API cudaError_t cudaGetTextureObjectResourceDesc(cudaResourceDesc *pResDesc,
                                                      cudaTextureObject_t texObject) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::optional<cucl::TextureObject> object =
        cucl::TextureObjects::instance().find(texObject, false);
    if (pResDesc == nullptr || !object)
      return cudaErrorInvalidValue;
    *pResDesc = object->resource;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGetTextureObjectTextureDesc(cudaTextureDesc *pTexDesc,
                                                     cudaTextureObject_t texObject) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::optional<cucl::TextureObject> object =
        cucl::TextureObjects::instance().find(texObject, false);
    if (pTexDesc == nullptr || !object)
      return cudaErrorInvalidValue;
    *pTexDesc = object->texture;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGetTextureObjectResourceViewDesc(cudaResourceViewDesc *pResViewDesc,
                                                          cudaTextureObject_t texObject) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::optional<cucl::TextureObject> object =
        cucl::TextureObjects::instance().find(texObject, false);
    if (pResViewDesc == nullptr || !object || !object->view)
      return cudaErrorInvalidValue;
    *pResViewDesc = *object->view;
    return cudaSuccess;
  });
}

// Surfaces: arrays made with cudaArraySurfaceLoadStore only.
CUCL_API cudaError_t cudaCreateSurfaceObject(cudaSurfaceObject_t *pSurfObject,
                                             const cudaResourceDesc *pResDesc) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (pSurfObject == nullptr || pResDesc == nullptr ||
        cucl::enumArgument(pResDesc->resType) != cudaResourceTypeArray)
      return cudaErrorInvalidValue;
    std::shared_ptr<cudaArray> array = cucl::liveArray(pResDesc->res.array.array);
    if (array == nullptr)
      return cudaErrorInvalidResourceHandle;
    if ((array->flags & cudaArraySurfaceLoadStore) == 0 || array->device != device.index())
      return cudaErrorInvalidValue;
    cucl::TextureObject object;
    object.surface = true;
    object.resource = *pResDesc;
    object.source.kind = TexelSource::Kind::Array;
    object.source.array = array.get();
    object.source.serial = array->serial;
    object.source.device = array->device;
    object.source.desc = cucl::arrayDescriptor(*array);
    *pSurfObject = cucl::TextureObjects::instance().add(std::move(object));
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaDestroySurfaceObject(cudaSurfaceObject_t surfObject) {
  return cucl::onCurrentDevice([&](Device &) {
    return cucl::TextureObjects::instance().remove(surfObject, /*surface=*/true)
               ? cudaSuccess
               : cudaErrorInvalidValue;
  });
}

CUCL_API cudaError_t cudaGetSurfaceObjectResourceDesc(cudaResourceDesc *pResDesc,
                                                      cudaSurfaceObject_t surfObject) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    std::optional<cucl::TextureObject> object =
        cucl::TextureObjects::instance().find(surfObject, true);
    if (pResDesc == nullptr || !object)
      return cudaErrorInvalidValue;
    *pResDesc = object->resource;
    return cudaSuccess;
  });
}
