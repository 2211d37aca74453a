// Legacy texture references: cudaBindTexture* record where a reference's
// texels are (core/textures.h, TextureBindings); a launch of a kernel that
// reads the reference (registered with __cuclRegisterKernelTextureReference)
// reads the reference's attributes then. Any pointer can be bound: cucl's
// ABI registers references per kernel, so an unused one is unknown.
#include "api/api_support.h"
#include "core/memory_support.h"

#include <algorithm>
#include <cstdint>

#include "core/channel_format.h"
#include "core/textures.h"

namespace {

using cucl::ChannelFormat;
using cucl::Device;
using cucl::TextureBinding;

// Device memory to bind: the texture starts at the address aligned down to
// textureAlignment, and `*offset` says how far into it devPtr is (CUDA's
// rule); without `offset` the address must be aligned.
cudaError_t boundMemory(const void *devPtr, size_t *offset, Device &device, std::uintptr_t *base,
                        cucl::ResolvedAddress *at) {
  if (devPtr == nullptr || cucl::classifyPointer(devPtr, at) != cucl::PointerSide::Device)
    return cudaErrorInvalidValue;
  auto address = reinterpret_cast<std::uintptr_t>(devPtr);
  std::size_t misaligned = address % device.properties().textureAlignment;
  if (misaligned != 0 && offset == nullptr)
    return cudaErrorInvalidValue;
  if (misaligned > at->offset) // the aligned address must be in the same allocation
    return cudaErrorInvalidValue;
  *base = address - misaligned;
  at->offset -= misaligned;
  at->bytesToEnd += misaligned;
  if (offset != nullptr)
    *offset = misaligned;
  return cudaSuccess;
}

cudaError_t formatOf(const cudaChannelFormatDesc *desc, ChannelFormat *format) {
  if (desc == nullptr)
    return cudaErrorInvalidValue;
  return cucl::channelFormatOf(*desc, format);
}

void describeFormat(const ChannelFormat &format, cuclTextureDesc *desc) {
  desc->channels = format.channels;
  desc->channelBytes = format.channelBytes;
  desc->format = format.kind;
  desc->readMode = format.normalized ? unsigned(cudaReadModeNormalizedFloat) : 0u;
}

cudaError_t bindArray(const textureReference *texref, const std::shared_ptr<cudaArray> &array,
                      const cudaChannelFormatDesc *desc) {
  ChannelFormat format;
  cudaError_t status = formatOf(desc, &format);
  if (status != cudaSuccess)
    return status;
  // The descriptor may read the elements as another kind, not another size.
  if (format.channels != array->format.channels ||
      format.channelBytes != array->format.channelBytes)
    return cudaErrorInvalidChannelDescriptor;
  TextureBinding binding;
  binding.source.kind = cucl::TexelSource::Kind::Array;
  binding.source.array = array.get();
  binding.source.serial = array->serial;
  binding.source.device = array->device;
  binding.source.desc = cucl::arrayDescriptor(*array);
  describeFormat(format, &binding.source.desc);
  cucl::TextureBindings::instance().bind(texref, binding);
  return cudaSuccess;
}

} // namespace

CUCL_API cudaError_t cudaBindTexture(size_t *offset, const textureReference *texref,
                                     const void *devPtr, const cudaChannelFormatDesc *desc,
                                     size_t size) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    ChannelFormat format;
    cudaError_t status = formatOf(desc, &format);
    if (status != cudaSuccess)
      return status;
    std::uintptr_t base = 0;
    cucl::ResolvedAddress at;
    size_t misaligned = 0;
    status = boundMemory(devPtr, &misaligned, device, &base, &at);
    if (status != cudaSuccess)
      return status;
    if (misaligned != 0 && offset == nullptr)
      return cudaErrorInvalidValue;
    // `size` bytes from devPtr, within the allocation (the default, UINT_MAX,
    // means all of it).
    std::size_t bytes = std::min(size, at.bytesToEnd - misaligned) + misaligned;
    std::size_t elements = bytes / format.elementBytes();
    if (size == 0 || elements == 0 ||
        elements > static_cast<std::size_t>(device.properties().maxTexture1DLinear))
      return cudaErrorInvalidValue;
    TextureBinding binding;
    binding.offset = misaligned;
    binding.source.kind = cucl::TexelSource::Kind::Memory;
    binding.source.address = base;
    binding.source.allocationSerial = at.serial;
    binding.source.bytes = elements * format.elementBytes();
    binding.source.device = at.device;
    cuclTextureDesc &shape = binding.source.desc;
    shape.flags = CUCL_TEXTURE_LINEAR;
    shape.width = static_cast<unsigned>(elements);
    shape.height = 1;
    shape.depth = 1;
    shape.rowPitch = static_cast<unsigned>(binding.source.bytes);
    shape.slicePitch = shape.rowPitch;
    describeFormat(format, &shape);
    cucl::TextureBindings::instance().bind(texref, binding);
    if (offset != nullptr)
      *offset = misaligned;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaBindTexture2D(size_t *offset, const textureReference *texref,
                                       const void *devPtr, const cudaChannelFormatDesc *desc,
                                       size_t width, size_t height, size_t pitch) {
  return cucl::onCurrentDevice([&](Device &device) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    ChannelFormat format;
    cudaError_t status = formatOf(desc, &format);
    if (status != cudaSuccess)
      return status;
    std::uintptr_t base = 0;
    cucl::ResolvedAddress at;
    size_t misaligned = 0;
    status = boundMemory(devPtr, offset != nullptr ? &misaligned : nullptr, device, &base, &at);
    if (status != cudaSuccess)
      return status;
    const cudaDeviceProp &p = device.properties();
    if (width == 0 || height == 0 || width > std::size_t(p.maxTexture2DLinear[0]) ||
        height > std::size_t(p.maxTexture2DLinear[1]) ||
        pitch > std::size_t(p.maxTexture2DLinear[2]) || pitch % p.texturePitchAlignment != 0 ||
        width * format.elementBytes() > pitch)
      return cudaErrorInvalidValue;
    std::size_t bytes = pitch * (height - 1) + width * format.elementBytes();
    if (bytes > at.bytesToEnd)
      return cudaErrorInvalidValue;
    TextureBinding binding;
    binding.offset = misaligned;
    binding.source.kind = cucl::TexelSource::Kind::Memory;
    binding.source.address = base;
    binding.source.allocationSerial = at.serial;
    binding.source.bytes = bytes;
    binding.source.device = at.device;
    cuclTextureDesc &shape = binding.source.desc;
    shape.width = static_cast<unsigned>(width);
    shape.height = static_cast<unsigned>(height);
    shape.depth = 1;
    shape.rowPitch = static_cast<unsigned>(pitch);
    shape.slicePitch = static_cast<unsigned>(std::min<std::size_t>(pitch * height, ~0u));
    describeFormat(format, &shape);
    cucl::TextureBindings::instance().bind(texref, binding);
    if (offset != nullptr)
      *offset = misaligned;
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaBindTextureToArray(const textureReference *texref, cudaArray_const_t array,
                                            const cudaChannelFormatDesc *desc) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    std::shared_ptr<cudaArray> found = cucl::liveArray(array);
    if (found == nullptr)
      return cudaErrorInvalidValue;
    return bindArray(texref, found, desc);
  });
}

// Level 0 of the mipmapped array.
CUCL_API cudaError_t cudaBindTextureToMipmappedArray(const textureReference *texref,
                                                     cudaMipmappedArray_const_t mipmappedArray,
                                                     const cudaChannelFormatDesc *desc) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    std::shared_ptr<cudaMipmappedArray> mipmap = cucl::liveMipmap(mipmappedArray);
    if (mipmap == nullptr)
      return cudaErrorInvalidValue;
    return bindArray(texref, mipmap->levels[0], desc);
  });
}

CUCL_API cudaError_t cudaUnbindTexture(const textureReference *texref) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    cucl::TextureBindings::instance().unbind(texref);
    return cudaSuccess;
  });
}

CUCL_API cudaError_t cudaGetTextureAlignmentOffset(size_t *offset, const textureReference *texref) {
  return cucl::onCurrentDevice([&](Device &) -> cudaError_t {
    if (texref == nullptr)
      return cudaErrorInvalidTexture;
    if (offset == nullptr)
      return cudaErrorInvalidValue;
    std::optional<TextureBinding> binding = cucl::TextureBindings::instance().find(texref);
    if (!binding)
      return cudaErrorInvalidTextureBinding;
    *offset = binding->offset;
    return cudaSuccess;
  });
}
