#include "core/textures.h"

#include <cstring>

#include "core/device_registry.h"
#include "core/diagnostics.h"

namespace cucl {

cuclTextureDesc arrayDescriptor(const cudaArray &array) {
  cuclTextureDesc desc{};
  desc.width = static_cast<unsigned>(array.width);
  desc.height = static_cast<unsigned>(array.height);
  desc.depth = array.shape == ArrayShape::ThreeD ? static_cast<unsigned>(array.slices) : 1u;
  desc.layers = array.layered() || array.cubemap() ? static_cast<unsigned>(array.slices) : 0u;
  desc.rowPitch = static_cast<unsigned>(array.rowPitch);
  desc.slicePitch = static_cast<unsigned>(array.slicePitch);
  desc.channels = array.format.channels;
  desc.channelBytes = array.format.channelBytes;
  desc.format = array.format.kind;
  if (array.layered())
    desc.flags |= CUCL_TEXTURE_LAYERED;
  if (array.cubemap())
    desc.flags |= CUCL_TEXTURE_CUBEMAP;
  if (array.format.normalized)
    desc.readMode = cudaReadModeNormalizedFloat;
  return desc;
}

cudaError_t resolveTexelSource(const TexelSource &source, Device &device, MappedCommand *mapped,
                               cl::Buffer *buffer, cuclTextureDesc *desc) {
  *desc = source.desc;
  if (source.device != device.index()) {
    verboseLog("texture of device %d used by a launch on device %d", source.device, device.index());
    return cudaErrorInvalidValue;
  }
  if (source.kind == TexelSource::Kind::Array) {
    std::shared_ptr<cudaArray> array = liveArray(source.array);
    if (array == nullptr || array->serial != source.serial) {
      verboseLog("texture or surface of a freed array");
      return cudaErrorInvalidValue;
    }
    *buffer = array->buffer;
    return cudaSuccess;
  }
  ResolvedAddress at;
  if (!DeviceRegistry::instance().memory().resolve(reinterpret_cast<const void *>(source.address),
                                                   &at) ||
      at.serial != source.allocationSerial || at.device != device.index() ||
      at.bytesToEnd < source.bytes) {
    verboseLog("texture of device memory %#zx that is no longer allocated",
               static_cast<std::size_t>(source.address));
    return cudaErrorInvalidValue;
  }
  mapped->use(at);
  *buffer = at.buffer;
  desc->offset += at.offset;
  return cudaSuccess;
}

TextureObjects &TextureObjects::instance() {
  static TextureObjects *objects = new TextureObjects; // leaked on purpose
  return *objects;
}

unsigned long long TextureObjects::add(TextureObject object) {
  std::lock_guard<std::mutex> lock(mutex_);
  unsigned long long handle = ++next_;
  objects_.emplace(handle, std::move(object));
  return handle;
}

std::optional<TextureObject> TextureObjects::find(unsigned long long handle, bool surface) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = objects_.find(handle);
  if (it == objects_.end() || it->second.surface != surface)
    return std::nullopt;
  return it->second;
}

bool TextureObjects::remove(unsigned long long handle, bool surface) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = objects_.find(handle);
  if (it == objects_.end() || it->second.surface != surface)
    return false;
  objects_.erase(it);
  return true;
}

cudaError_t resolveTextureObject(unsigned long long handle, bool surface, Device &device,
                                 MappedCommand *mapped, cl::Buffer *buffer, cuclTextureDesc *desc) {
  if (handle == 0) {
    // No texture: a null buffer of no texels, so every read gives 0.
    *buffer = cl::Buffer();
    *desc = cuclTextureDesc{};
    return cudaSuccess;
  }
  std::optional<TextureObject> object = TextureObjects::instance().find(handle, surface);
  if (!object) {
    verboseLog("%s object %llu is not live", surface ? "surface" : "texture", handle);
    return cudaErrorInvalidValue;
  }
  return resolveTexelSource(object->source, device, mapped, buffer, desc);
}

TextureBindings &TextureBindings::instance() {
  static TextureBindings *bindings = new TextureBindings; // leaked on purpose
  return *bindings;
}

void TextureBindings::bind(const textureReference *ref, TextureBinding binding) {
  std::lock_guard<std::mutex> lock(mutex_);
  bindings_[ref] = std::move(binding);
}

void TextureBindings::unbind(const textureReference *ref) {
  std::lock_guard<std::mutex> lock(mutex_);
  bindings_.erase(ref);
}

std::optional<TextureBinding> TextureBindings::find(const textureReference *ref) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = bindings_.find(ref);
  if (it == bindings_.end())
    return std::nullopt;
  return it->second;
}

namespace {
template <class Field> int rawInt(const Field &field) {
  static_assert(sizeof(Field) == sizeof(int), "an int-sized field");
  int value = 0;
  std::memcpy(&value, &field, sizeof value);
  return value;
}
} // namespace

cudaError_t resolveTextureReference(const textureReference *ref, Device &device,
                                    MappedCommand *mapped, cl::Buffer *buffer,
                                    cuclTextureDesc *desc) {
  std::optional<TextureBinding> binding = TextureBindings::instance().find(ref);
  if (!binding) {
    verboseLog("texture reference %p is not bound", static_cast<const void *>(ref));
    return cudaErrorInvalidTexture;
  }
  // The attributes as the program set them, now (CUDA reads them at launch).
  int filter = rawInt(ref->filterMode);
  if (filter != cudaFilterModePoint && filter != cudaFilterModeLinear)
    return cudaErrorInvalidTexture;
  unsigned modes[3];
  for (int i = 0; i < 3; ++i) {
    int mode = rawInt(ref->addressMode[i]);
    if (mode < cudaAddressModeWrap || mode > cudaAddressModeBorder)
      return cudaErrorInvalidTexture;
    modes[i] = static_cast<unsigned>(mode);
  }
  const cuclTextureDesc &shape = binding->source.desc;
  if (filter == cudaFilterModeLinear && (shape.flags & CUCL_TEXTURE_LINEAR) == 0 &&
      shape.format != cudaChannelFormatKindFloat && shape.channelBytes == 4)
    return cudaErrorInvalidFilterSetting; // 32-bit integers are never filtered
  cudaError_t status = resolveTexelSource(binding->source, device, mapped, buffer, desc);
  if (status != cudaSuccess)
    return status;
  for (int i = 0; i < 3; ++i)
    desc->addressMode[i] = modes[i];
  desc->filterMode = static_cast<unsigned>(filter);
  desc->normalizedCoords = ref->normalized != 0 ? 1u : 0u;
  if (ref->sRGB != 0)
    desc->flags |= CUCL_TEXTURE_SRGB;
  return cudaSuccess;
}

} // namespace cucl
