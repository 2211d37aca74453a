// CUDA arrays and mipmapped arrays: a runtime-owned device allocation
// (core/device_memory.h) plus its shape and channel format. Texels are
// stored row after row without padding (rowPitch = width * element bytes),
// 2-D slices (depth, layers, cube faces) one after another, so an array is
// also a plain row-major byte range.
//
// Handles are the objects' addresses; they are looked up among the live
// objects, never dereferenced unchecked. A cudaDeviceReset releases the
// memory of the device's arrays (they are then dead: every use is an error).
#ifndef CUCL_CORE_ARRAYS_H
#define CUCL_CORE_ARRAYS_H

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "backend/cl.h"
#include "core/channel_format.h"
#include "core/device.h"
#include "core/public_headers.h"

namespace cucl {
// The shapes an array can have (cudaMalloc3DArray).
enum class ArrayShape { OneD, TwoD, ThreeD, OneDLayered, TwoDLayered, Cubemap, CubemapLayered };
} // namespace cucl

struct cudaArray {
  std::uint64_t serial = 0; // unique per process: textures remember the array by it
  int device = 0;
  unsigned generation = 0; // the device's cudaDeviceReset count when made
  cucl::ChannelFormat format;
  cudaChannelFormatDesc desc{};
  cudaExtent extent{}; // as asked for (0 in dimensions the shape lacks)
  unsigned flags = 0;
  cucl::ArrayShape shape = cucl::ArrayShape::OneD;
  std::size_t width = 1, height = 1, slices = 1; // slices: depth, layers or faces
  std::size_t rowPitch = 0, slicePitch = 0;      // bytes
  std::uintptr_t address = 0;                    // the runtime-owned allocation
  cl::Buffer buffer;
  const cudaMipmappedArray *mipmap = nullptr; // a level of this mipmapped array
  unsigned level = 0;

  std::size_t bytes() const { return slicePitch * slices; }
  bool layered() const {
    using cucl::ArrayShape;
    return shape == ArrayShape::OneDLayered || shape == ArrayShape::TwoDLayered ||
           shape == ArrayShape::CubemapLayered;
  }
  bool cubemap() const {
    return shape == cucl::ArrayShape::Cubemap || shape == cucl::ArrayShape::CubemapLayered;
  }
};

struct cudaMipmappedArray {
  std::uint64_t serial = 0;
  int device = 0;
  cudaChannelFormatDesc desc{};
  cudaExtent extent{};
  unsigned flags = 0;
  std::vector<std::shared_ptr<cudaArray>> levels; // level 0 first
};

namespace cucl {

// Classifies an extent and flags as cudaMalloc3DArray does; false for a
// combination CUDA refuses (cudaErrorInvalidValue).
bool arrayShapeOf(const cudaExtent &extent, unsigned flags, ArrayShape *shape);

// Checks the extent against the device's texture (or, with
// cudaArraySurfaceLoadStore, surface) limits: cudaErrorInvalidValue beyond them.
cudaError_t checkArrayLimits(const Device &device, ArrayShape shape, const cudaExtent &extent,
                             unsigned flags);

// Allocates the storage of an array of a checked shape on `device`.
// Errors: cudaErrorMemoryAllocation.
cudaError_t makeArray(Device &device, const ChannelFormat &format,
                      const cudaChannelFormatDesc &desc, const cudaExtent &extent, unsigned flags,
                      ArrayShape shape, std::shared_ptr<cudaArray> *out);

class ArrayTable {
public:
  static ArrayTable &instance();

  void add(const std::shared_ptr<cudaArray> &array);
  void add(const std::shared_ptr<cudaMipmappedArray> &mipmap);
  // nullptr for a handle that is no array made by this runtime (or freed).
  std::shared_ptr<cudaArray> find(const void *handle) const;
  std::shared_ptr<cudaMipmappedArray> findMipmap(const void *handle) const;
  // Removes and returns (nullptr if unknown).
  std::shared_ptr<cudaArray> take(const void *handle);
  std::shared_ptr<cudaMipmappedArray> takeMipmap(const void *handle);

private:
  ArrayTable() = default;
  mutable std::mutex mutex_;
  std::unordered_map<const void *, std::shared_ptr<cudaArray>> arrays_;
  std::unordered_map<const void *, std::shared_ptr<cudaMipmappedArray>> mipmaps_;
};

// The live array of `handle` (not freed, its device not reset since), or nullptr.
std::shared_ptr<cudaArray> liveArray(const void *handle);
// The same for a mipmapped array (its level 0 alive).
std::shared_ptr<cudaMipmappedArray> liveMipmap(const void *handle);

// Releases an array's storage after waiting for its device's queued work
// (which may read it). A dead array has nothing left to release.
cudaError_t releaseArray(cudaArray &array);

std::uint64_t nextSerial();

} // namespace cucl

#endif // CUCL_CORE_ARRAYS_H
