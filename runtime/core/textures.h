// Texture and surface objects and legacy texture-reference bindings: where
// their texels are (an array, or a range of device memory) and the
// cuclTextureDesc device code samples them with
// (compiler/lib/emit_device/opencl/texture_runtime.cl). The source is looked
// up again at each launch, so a freed array or allocation, or one of another
// device, is an error instead of a stale read.
#ifndef CUCL_CORE_TEXTURES_H
#define CUCL_CORE_TEXTURES_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

#include "backend/cl.h"
#include "core/arrays.h"
#include "core/device.h"
#include "core/mapped_command.h"
#include "core/public_headers.h"

namespace cucl {

// Where the texels of a texture or surface are.
struct TexelSource {
  enum class Kind { Array, Memory };
  Kind kind = Kind::Memory;
  const cudaArray *array = nullptr; // Array: the handle and its serial
  std::uint64_t serial = 0;
  std::uintptr_t address = 0;         // Memory: the device address of the first texel
  std::size_t bytes = 0;              // Memory: the bytes the texture may read from there
  std::uint64_t allocationSerial = 0; // Memory: the allocation it was made on (not a reuse)
  int device = 0;
  // Shape, format and flags, plus the sampling fields; `offset` is relative
  // to the array's storage (a view's first layer) or to `address`.
  cuclTextureDesc desc{};
};

// The shape and format of an array as a cuclTextureDesc (sampling fields 0).
cuclTextureDesc arrayDescriptor(const cudaArray &array);

// The buffer and final descriptor of `source` for a launch on `device`.
// Errors: cudaErrorInvalidValue for an array that is freed or dead, memory
// that is no longer allocated (or too small), or a source on another device.
// Mapped host memory used as texels is noted in `mapped`.
cudaError_t resolveTexelSource(const TexelSource &source, Device &device, MappedCommand *mapped,
                               cl::Buffer *buffer, cuclTextureDesc *desc);

struct TextureObject {
  bool surface = false;
  cudaResourceDesc resource{};
  cudaTextureDesc texture{};
  std::optional<cudaResourceViewDesc> view;
  TexelSource source;
};

// Texture and surface objects by handle (1, 2, ...; never 0, never reused).
class TextureObjects {
public:
  static TextureObjects &instance();
  unsigned long long add(TextureObject object);
  // The object of a live handle of that kind, or nothing.
  std::optional<TextureObject> find(unsigned long long handle, bool surface) const;
  bool remove(unsigned long long handle, bool surface);

private:
  TextureObjects() = default;
  mutable std::mutex mutex_;
  unsigned long long next_ = 0;
  std::unordered_map<unsigned long long, TextureObject> objects_;
};

// A texture or surface object kernel argument on `device`: handle 0 is an
// empty texture (reads give 0); a handle that is no live object of the
// kind -> cudaErrorInvalidValue.
cudaError_t resolveTextureObject(unsigned long long handle, bool surface, Device &device,
                                 MappedCommand *mapped, cl::Buffer *buffer, cuclTextureDesc *desc);

// Legacy texture references: the binding made by cudaBindTexture* (its
// source and the byte offset cudaGetTextureAlignmentOffset reports).
struct TextureBinding {
  TexelSource source;
  std::size_t offset = 0;
};

class TextureBindings {
public:
  static TextureBindings &instance();
  void bind(const textureReference *ref, TextureBinding binding);
  void unbind(const textureReference *ref);
  std::optional<TextureBinding> find(const textureReference *ref) const;

private:
  TextureBindings() = default;
  mutable std::mutex mutex_;
  std::map<const textureReference *, TextureBinding> bindings_;
};

// A texture reference a kernel reads, at launch: its binding, with the
// filter mode, normalization, address modes and sRGB read from the
// reference itself now. Unbound -> cudaErrorInvalidTexture; attributes
// outside their enums -> cudaErrorInvalidTexture; linear filtering of a
// 32-bit integer format -> cudaErrorInvalidFilterSetting; the bound memory
// or array gone, or of another device -> cudaErrorInvalidValue.
cudaError_t resolveTextureReference(const textureReference *ref, Device &device,
                                    MappedCommand *mapped, cl::Buffer *buffer,
                                    cuclTextureDesc *desc);

} // namespace cucl

#endif // CUCL_CORE_TEXTURES_H
