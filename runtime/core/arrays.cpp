#include "core/arrays.h"

#include <atomic>
#include <limits>

#include "core/device_memory.h"
#include "core/device_registry.h"

namespace cucl {

bool arrayShapeOf(const cudaExtent &extent, unsigned flags, ArrayShape *shape) {
  std::size_t w = extent.width, h = extent.height, d = extent.depth;
  bool layered = (flags & cudaArrayLayered) != 0, cubemap = (flags & cudaArrayCubemap) != 0;
  if (w == 0)
    return false;
  if (cubemap) {
    if (h != w || d == 0 || (layered ? d % 6 != 0 : d != 6))
      return false;
    *shape = layered ? ArrayShape::CubemapLayered : ArrayShape::Cubemap;
  } else if (layered) {
    if (d == 0)
      return false;
    *shape = h == 0 ? ArrayShape::OneDLayered : ArrayShape::TwoDLayered;
  } else if (h == 0 && d == 0) {
    *shape = ArrayShape::OneD;
  } else if (d == 0) {
    *shape = ArrayShape::TwoD;
  } else if (h != 0) {
    *shape = ArrayShape::ThreeD;
  } else {
    return false; // depth without height
  }
  // Gather works on 2-D arrays only.
  if ((flags & cudaArrayTextureGather) && *shape != ArrayShape::TwoD)
    return false;
  return true;
}

namespace {
bool within(std::size_t value, int limit) {
  return value <= static_cast<std::size_t>(limit);
}
} // namespace

cudaError_t checkArrayLimits(const Device &device, ArrayShape shape, const cudaExtent &e,
                             unsigned flags) {
  const cudaDeviceProp &p = device.properties();
  bool surface = (flags & cudaArraySurfaceLoadStore) != 0;
  bool fits = true;
  switch (shape) {
  case ArrayShape::OneD:
    fits = within(e.width, surface ? p.maxSurface1D : p.maxTexture1D);
    break;
  case ArrayShape::TwoD:
    if (flags & cudaArrayTextureGather)
      fits = within(e.width, p.maxTexture2DGather[0]) && within(e.height, p.maxTexture2DGather[1]);
    else if (surface)
      fits = within(e.width, p.maxSurface2D[0]) && within(e.height, p.maxSurface2D[1]);
    else
      fits = within(e.width, p.maxTexture2D[0]) && within(e.height, p.maxTexture2D[1]);
    break;
  case ArrayShape::ThreeD:
    if (surface)
      fits = within(e.width, p.maxSurface3D[0]) && within(e.height, p.maxSurface3D[1]) &&
             within(e.depth, p.maxSurface3D[2]);
    else
      fits = (within(e.width, p.maxTexture3D[0]) && within(e.height, p.maxTexture3D[1]) &&
              within(e.depth, p.maxTexture3D[2])) ||
             (within(e.width, p.maxTexture3DAlt[0]) && within(e.height, p.maxTexture3DAlt[1]) &&
              within(e.depth, p.maxTexture3DAlt[2]));
    break;
  case ArrayShape::OneDLayered: {
    const int *limit = surface ? p.maxSurface1DLayered : p.maxTexture1DLayered;
    fits = within(e.width, limit[0]) && within(e.depth, limit[1]);
    break;
  }
  case ArrayShape::TwoDLayered: {
    const int *limit = surface ? p.maxSurface2DLayered : p.maxTexture2DLayered;
    fits = within(e.width, limit[0]) && within(e.height, limit[1]) && within(e.depth, limit[2]);
    break;
  }
  case ArrayShape::Cubemap:
    fits = within(e.width, surface ? p.maxSurfaceCubemap : p.maxTextureCubemap);
    break;
  case ArrayShape::CubemapLayered: {
    const int *limit = surface ? p.maxSurfaceCubemapLayered : p.maxTextureCubemapLayered;
    fits = within(e.width, limit[0]) && within(e.depth, limit[1]);
    break;
  }
  }
  return fits ? cudaSuccess : cudaErrorInvalidValue;
}

std::uint64_t nextSerial() {
  static std::atomic<std::uint64_t> serial{0};
  return ++serial;
}

cudaError_t makeArray(Device &device, const ChannelFormat &format,
                      const cudaChannelFormatDesc &desc, const cudaExtent &extent, unsigned flags,
                      ArrayShape shape, std::shared_ptr<cudaArray> *out) {
  auto array = std::make_shared<cudaArray>();
  array->serial = nextSerial();
  array->device = device.index();
  array->generation = device.generation.load();
  array->format = format;
  array->desc = desc;
  array->extent = extent;
  array->flags = flags;
  array->shape = shape;
  array->width = extent.width;
  switch (shape) {
  case ArrayShape::OneD:
    break;
  case ArrayShape::TwoD:
    array->height = extent.height;
    break;
  case ArrayShape::OneDLayered:
    array->slices = extent.depth;
    break;
  default: // 3-D, 2-D layered, cubemaps
    array->height = extent.height;
    array->slices = extent.depth;
    break;
  }
  // Limits keep each factor small; the product is checked anyway. The texture
  // descriptor holds pitches as 32-bit values.
  constexpr std::size_t kMax = std::numeric_limits<std::size_t>::max();
  std::size_t element = format.elementBytes();
  if (array->width > kMax / element)
    return cudaErrorMemoryAllocation;
  array->rowPitch = array->width * element;
  if (array->height > kMax / array->rowPitch)
    return cudaErrorMemoryAllocation;
  array->slicePitch = array->rowPitch * array->height;
  if (array->slices > kMax / array->slicePitch ||
      array->slicePitch > std::numeric_limits<unsigned>::max())
    return cudaErrorMemoryAllocation;
  cudaError_t status = allocateDeviceMemory(device, array->bytes(), nullptr,
                                            /*runtimeOwned=*/true, &array->address, &array->buffer,
                                            /*ownBuffer=*/true);
  if (status != cudaSuccess)
    return status;
  *out = std::move(array);
  return cudaSuccess;
}

ArrayTable &ArrayTable::instance() {
  static ArrayTable *table = new ArrayTable; // leaked: see docs/runtime-api.md "Robustness"
  return *table;
}

void ArrayTable::add(const std::shared_ptr<cudaArray> &array) {
  std::lock_guard<std::mutex> lock(mutex_);
  arrays_[array.get()] = array;
}

void ArrayTable::add(const std::shared_ptr<cudaMipmappedArray> &mipmap) {
  std::lock_guard<std::mutex> lock(mutex_);
  mipmaps_[mipmap.get()] = mipmap;
}

std::shared_ptr<cudaArray> ArrayTable::find(const void *handle) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = arrays_.find(handle);
  return it == arrays_.end() ? nullptr : it->second;
}

std::shared_ptr<cudaMipmappedArray> ArrayTable::findMipmap(const void *handle) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = mipmaps_.find(handle);
  return it == mipmaps_.end() ? nullptr : it->second;
}

std::shared_ptr<cudaArray> ArrayTable::take(const void *handle) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = arrays_.find(handle);
  if (it == arrays_.end())
    return nullptr;
  std::shared_ptr<cudaArray> taken = std::move(it->second);
  arrays_.erase(it);
  return taken;
}

std::shared_ptr<cudaMipmappedArray> ArrayTable::takeMipmap(const void *handle) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = mipmaps_.find(handle);
  if (it == mipmaps_.end())
    return nullptr;
  std::shared_ptr<cudaMipmappedArray> taken = std::move(it->second);
  mipmaps_.erase(it);
  return taken;
}

namespace {
bool alive(const cudaArray &array) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  return array.device < registry.count() &&
         registry.device(array.device).generation.load() == array.generation;
}
} // namespace

std::shared_ptr<cudaArray> liveArray(const void *handle) {
  if (handle == nullptr)
    return nullptr;
  std::shared_ptr<cudaArray> array = ArrayTable::instance().find(handle);
  return array != nullptr && alive(*array) ? array : nullptr;
}

std::shared_ptr<cudaMipmappedArray> liveMipmap(const void *handle) {
  if (handle == nullptr)
    return nullptr;
  std::shared_ptr<cudaMipmappedArray> mipmap = ArrayTable::instance().findMipmap(handle);
  return mipmap != nullptr && !mipmap->levels.empty() && alive(*mipmap->levels[0]) ? mipmap
                                                                                   : nullptr;
}

cudaError_t releaseArray(cudaArray &array) {
  if (!alive(array))
    return cudaSuccess; // cudaDeviceReset released the storage already
  Device &device = DeviceRegistry::instance().device(array.device);
  cudaError_t status = device.synchronize(); // kernels and copies may still use it
  releaseRuntimeMemory(device, array.address);
  array.address = 0;
  return status;
}

} // namespace cucl
