// Surface reads and writes on the device (the OpenCL texture runtime's
// cucl_surf_read / cucl_surf_write, from a hand-written kernel, with surface
// objects from cudaCreateSurfaceObject) in every boundary mode, for 1-D,
// 2-D, 3-D, layered and cubemap arrays, against a host model: Zero reads 0
// and drops writes outside, Clamp moves the access to the nearest element,
// Trap reports the access (the caller raises the launch failure) and touches
// nothing.
#include "texture_test_support.h"

namespace {

using namespace texture_kernels;

class Surfaces : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
  void TearDown() override { cudaGetLastError(); }
};

enum Mode {
  Zero = cudaBoundaryModeZero,
  Clamp = cudaBoundaryModeClamp,
  Trap = cudaBoundaryModeTrap
};

// An array with cudaArraySurfaceLoadStore, its surface object and a host copy.
struct Surface {
  cudaArray_t array = nullptr;
  cudaSurfaceObject_t object = 0;
  cudaExtent extent;
  std::size_t element, width, height, depth, layers, slices;
  std::vector<std::uint8_t> model;

  Surface(cudaChannelFormatDesc desc, cudaExtent e, unsigned flags) : extent(e) {
    EXPECT_EQ(cudaSuccess, cudaMalloc3DArray(&array, &desc, e, flags | cudaArraySurfaceLoadStore));
    cudaResourceDesc res = arrayResource(array);
    EXPECT_EQ(cudaSuccess, cudaCreateSurfaceObject(&object, &res));
    element = std::size_t(desc.x / 8) * (desc.w ? 4 : desc.y ? 2 : 1);
    bool layered = flags & (cudaArrayLayered | cudaArrayCubemap);
    width = e.width;
    height = e.height ? e.height : 1;
    slices = e.depth ? e.depth : 1;
    depth = layered ? 1 : slices;
    layers = layered ? slices : 0;
    model = patternBytes(width * element * height * slices, static_cast<std::uint32_t>(width));
    upload();
  }
  ~Surface() {
    cudaDestroySurfaceObject(object);
    cudaFreeArray(array);
  }
  Surface(const Surface &) = delete;
  Surface &operator=(const Surface &) = delete;

  void upload() {
    cudaMemcpy3DParms p;
    std::memset(&p, 0, sizeof p);
    p.srcPtr = make_cudaPitchedPtr(model.data(), width * element, width, height);
    p.dstArray = array;
    p.extent = make_cudaExtent(width, height, slices);
    p.kind = cudaMemcpyHostToDevice;
    EXPECT_EQ(cudaSuccess, cudaMemcpy3D(&p));
  }
  std::vector<std::uint8_t> download() const {
    std::vector<std::uint8_t> host(model.size(), 0);
    cudaMemcpy3DParms p;
    std::memset(&p, 0, sizeof p);
    p.srcArray = array;
    p.dstPtr = make_cudaPitchedPtr(host.data(), width * element, width, height);
    p.extent = make_cudaExtent(width, height, slices);
    p.kind = cudaMemcpyDeviceToHost;
    EXPECT_EQ(cudaSuccess, cudaMemcpy3D(&p));
    return host;
  }

  // The model of an access: false when it is out of range and not clamped.
  bool locate(unsigned size, int4 c, int mode, std::size_t *offset) const {
    long rowBytes = long(width * element);
    long l = layers ? c.w : 0, nl = layers ? long(layers) : 1;
    long x = c.x, y = c.y, z = c.z;
    bool inside = x >= 0 && x + long(size) <= rowBytes && y >= 0 && y < long(height) && z >= 0 &&
                  z < long(depth) && l >= 0 && l < nl;
    if (!inside) {
      if (mode != Clamp)
        return false;
      auto clampTo = [](long v, long lo, long hi) { return v < lo ? lo : (v > hi ? hi : v); };
      x = clampTo(x, 0, rowBytes - long(size));
      y = clampTo(y, 0, long(height) - 1);
      z = clampTo(z, 0, long(depth) - 1);
      l = clampTo(l, 0, nl - 1);
    }
    *offset = std::size_t((l + z) * long(height) + y) * std::size_t(rowBytes) + std::size_t(x);
    return true;
  }
};

// One launch of surf_access over `coords`; returns the bytes read (or
// written) and each call's result.
std::vector<std::uint8_t> access(cudaSurfaceObject_t surface, const std::vector<int4> &coords,
                                 std::vector<std::uint8_t> values, unsigned size, int mode,
                                 bool write, std::vector<int> *results,
                                 cudaError_t expected = cudaSuccess) {
  values.resize(coords.size() * size);
  DeviceVector<int4> c(coords);
  DeviceVector<std::uint8_t> v(values);
  DeviceVector<int> r(coords.size());
  int4 *cPtr = c.data;
  std::uint8_t *vPtr = v.data;
  int *rPtr = r.data;
  int writeFlag = write ? 1 : 0, n = static_cast<int>(coords.size());
  void *args[] = {&surface, &cPtr, &vPtr, &rPtr, &size, &mode, &writeFlag, &n};
  EXPECT_EQ(expected, cudaLaunchKernel(&surfAccess, dim3(unsigned(coords.size() + 31) / 32),
                                       dim3(32), args, 0, nullptr));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
  if (results != nullptr)
    *results = r.read();
  return v.read();
}

// Coordinates in and around the surface: every element, edges, far outside.
std::vector<int4> around(const Surface &s, unsigned size) {
  std::vector<int4> coords;
  int rowBytes = int(s.width * s.element);
  const int xs[] = {-1000,
                    -int(size),
                    -1,
                    0,
                    1,
                    int(size),
                    rowBytes - int(size),
                    rowBytes - int(size) + 1,
                    rowBytes,
                    rowBytes + 7,
                    1 << 30};
  int h = int(s.height), d = int(s.depth), l = int(s.layers ? s.layers : 1);
  const int ys[] = {-3, -1, 0, h / 2, h - 1, h, h + 4};
  const int zs[] = {-1, 0, d - 1, d, 9};
  const int ls[] = {-2, 0, l - 1, l, 40};
  for (int x : xs)
    for (int y : ys)
      for (int z : zs)
        for (int layer : ls)
          coords.push_back(make_int4(x, y, z, layer));
  return coords;
}

void checkSurface(Surface &s, unsigned size) {
  std::vector<int4> coords = around(s, size);
  for (int mode : {Zero, Clamp, Trap}) {
    // Reads of everything.
    std::vector<int> results;
    std::vector<std::uint8_t> read = access(s.object, coords, {}, size, mode, false, &results);
    int reported = 0;
    for (std::size_t i = 0; i < coords.size(); ++i) {
      std::size_t offset = 0;
      bool found = s.locate(size, coords[i], mode, &offset);
      EXPECT_EQ(!found && mode == Trap ? 1 : 0, results[i]);
      for (unsigned b = 0; b < size; ++b) {
        std::uint8_t expected = found ? s.model[offset + b] : 0;
        if (expected != read[i * size + b] && reported++ < 5)
          ADD_FAILURE() << "mode " << mode << " read at (" << coords[i].x << ", " << coords[i].y
                        << ", " << coords[i].z << ", " << coords[i].w << ") byte " << b;
      }
    }
    // Writes, one launch per access (clamped ones may land on the same element).
    for (std::size_t i = 0; i < coords.size(); i += 7) {
      std::vector<std::uint8_t> value = patternBytes(size, static_cast<std::uint32_t>(i + 1000));
      access(s.object, {coords[i]}, value, size, mode, true, &results);
      std::size_t offset = 0;
      bool found = s.locate(size, coords[i], mode, &offset);
      EXPECT_EQ(!found && mode == Trap ? 1 : 0, results[0]);
      if (found)
        std::memcpy(&s.model[offset], value.data(), size);
    }
    EXPECT_EQ(s.model, s.download()) << "writes in mode " << mode;
  }
}

} // namespace

TEST_F(Surfaces, TwoDimensionalInEveryBoundaryMode) {
  Surface s(cudaCreateChannelDesc<unsigned int>(), make_cudaExtent(6, 5, 0), 0);
  checkSurface(s, 4);
  // Byte-granular accesses of another size than the element.
  checkSurface(s, 2);
}

TEST_F(Surfaces, OneAndThreeDimensional) {
  Surface oneD(cudaCreateChannelDesc<float4>(), make_cudaExtent(7, 0, 0), 0);
  checkSurface(oneD, 16);
  Surface threeD(cudaCreateChannelDesc<uchar2>(), make_cudaExtent(4, 3, 3), 0);
  checkSurface(threeD, 2);
}

TEST_F(Surfaces, LayeredAndCubemap) {
  Surface oneD(cudaCreateChannelDesc<short>(), make_cudaExtent(5, 0, 3), cudaArrayLayered);
  checkSurface(oneD, 2);
  Surface twoD(cudaCreateChannelDesc<int2>(), make_cudaExtent(3, 4, 2), cudaArrayLayered);
  checkSurface(twoD, 8);
  Surface cube(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(3, 3, 6), cudaArrayCubemap);
  checkSurface(cube, 4);
}

TEST_F(Surfaces, WritesAreSeenByTexturesOfTheSameArray) {
  Surface s(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 2, 0), 0);
  std::vector<int4> coords;
  std::vector<std::uint8_t> values;
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 4; ++x) {
      coords.push_back(make_int4(x * 4, y, 0, 0));
      float value = float(10 * y + x);
      std::uint8_t bytes[4];
      std::memcpy(bytes, &value, 4);
      values.insert(values.end(), bytes, bytes + 4);
    }
  std::vector<int> results;
  access(s.object, coords, values, 4, Trap, true, &results);
  cudaResourceDesc res = arrayResource(s.array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaTextureObject_t texture = 0;
  CUDA_OK(cudaCreateTextureObject(&texture, &res, &tex, nullptr));
  std::vector<float4> points;
  for (int y = 0; y < 2; ++y)
    for (int x = 0; x < 4; ++x)
      points.push_back(make_float4(x + 0.5f, y + 0.5f, 0, 0));
  std::vector<float4> got = run<float4>(sampleF, texture, points, 2u);
  for (int i = 0; i < 8; ++i)
    EXPECT_EQ(float(10 * (i / 4) + i % 4), got[i].x);
  CUDA_OK(cudaDestroyTextureObject(texture));
}

TEST_F(Surfaces, HandlesAtLaunch) {
  // Handle 0: no surface; reads give 0, Trap reports every access.
  std::vector<int> results;
  std::vector<std::uint8_t> read = access(0, {make_int4(0, 0, 0, 0)}, {}, 4, Zero, false, &results);
  EXPECT_EQ(std::vector<std::uint8_t>(4, 0), read);
  EXPECT_EQ(0, results[0]);
  access(0, {make_int4(0, 0, 0, 0)}, {}, 4, Trap, false, &results);
  EXPECT_EQ(1, results[0]);
  // A destroyed surface, a texture handle, a number that was never a handle.
  Surface s(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 0, 0), 0);
  cudaSurfaceObject_t gone = 0;
  cudaResourceDesc res = arrayResource(s.array);
  CUDA_OK(cudaCreateSurfaceObject(&gone, &res));
  CUDA_OK(cudaDestroySurfaceObject(gone));
  access(gone, {make_int4(0, 0, 0, 0)}, {}, 4, Zero, false, nullptr, cudaErrorInvalidValue);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaTextureObject_t texture = 0;
  CUDA_OK(cudaCreateTextureObject(&texture, &res, &tex, nullptr));
  access(texture, {make_int4(0, 0, 0, 0)}, {}, 4, Zero, false, nullptr, cudaErrorInvalidValue);
  EXPECT_EQ(cudaErrorInvalidValue, launchStatus(sampleF, s.object)); // a surface is no texture
  CUDA_OK(cudaDestroyTextureObject(texture));
  access(987654321ull, {make_int4(0, 0, 0, 0)}, {}, 4, Zero, false, nullptr, cudaErrorInvalidValue);
}
