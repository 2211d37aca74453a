// Texture sampling on the device (the OpenCL texture runtime, called from
// hand-written kernels with texture objects from cudaCreateTextureObject)
// against the host model of CUDA's rules (texture_model.h): every address
// mode, point and linear filtering, normalized and texel coordinates, the
// read modes and formats, layered, cubemap and gather fetches, tex1Dfetch;
// at texel centres, edges, fractions that test the 8-bit weights, and far
// outside. Results must be equal bit for bit.
#include "texture_model.h"
#include "texture_test_support.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace {

using namespace texture_kernels;
namespace model = texture_model;

class TextureSampling : public ::testing::Test {
protected:
  void SetUp() override {
    registerAll();
    cudaGetLastError();
  }
};

bool sameFloat(float a, float b) {
  if (std::isnan(a) || std::isnan(b))
    return std::isnan(a) && std::isnan(b);
  return model::toBits(a) == model::toBits(b);
}

std::string describe(const float4 &c) {
  std::ostringstream text;
  text.precision(9);
  text << "(" << c.x << ", " << c.y << ", " << c.z << ", " << c.w << ")";
  return text.str();
}

// Compares device float4 results with the model, reporting the first few
// differences under `what`.
void expectFloats(const std::vector<model::Value> &expected, const std::vector<float4> &got,
                  const std::vector<float4> &coords, const std::string &what) {
  ASSERT_EQ(expected.size(), got.size());
  int reported = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const float values[4] = {got[i].x, got[i].y, got[i].z, got[i].w};
    for (int c = 0; c < 4; ++c) {
      if (!sameFloat(expected[i][c], values[c]) && reported++ < 6)
        ADD_FAILURE() << what << " at " << describe(coords[i]) << " channel " << c << ": expected "
                      << expected[i][c] << ", device " << values[c];
    }
  }
  EXPECT_EQ(0, reported) << what << ": differences";
}

template <class Int4>
void expectBits(const std::vector<model::Bits> &expected, const std::vector<Int4> &got,
                const std::vector<float4> &coords, const std::string &what) {
  ASSERT_EQ(expected.size(), got.size());
  int reported = 0;
  for (std::size_t i = 0; i < got.size(); ++i) {
    const std::uint32_t values[4] = {std::uint32_t(got[i].x), std::uint32_t(got[i].y),
                                     std::uint32_t(got[i].z), std::uint32_t(got[i].w)};
    for (int c = 0; c < 4; ++c)
      if (expected[i][c] != values[c] && reported++ < 6)
        ADD_FAILURE() << what << " at " << describe(coords[i]) << " channel " << c << ": expected "
                      << expected[i][c] << ", device " << values[c];
  }
  EXPECT_EQ(0, reported) << what << ": differences";
}

// Coordinates along one dimension of n texels: centres, edges, the weight
// rounding (1/512 = half a step), the ends, far outside, NaN and infinities.
std::vector<float> interesting(long n, bool all) {
  const float inf = std::numeric_limits<float>::infinity();
  float fn = static_cast<float>(n);
  std::vector<float> xs = {-1e10f,
                           -2.0f * fn - 0.3f,
                           -fn - 0.5f,
                           -1.0f,
                           -0.5f,
                           -0.25f,
                           0.0f,
                           0.25f,
                           0.5f,
                           0.75f,
                           1.0f,
                           1.0f + 1.0f / 512,
                           1.5f + 1.0f / 512,
                           1.5f + 3.0f / 512,
                           1.0f + 255.5f / 256,
                           fn - 1.0f,
                           fn - 0.5f,
                           fn - 0.25f,
                           fn,
                           fn + 0.5f,
                           2.0f * fn + 0.7f,
                           3.0f * fn - 0.1f,
                           1e10f,
                           std::nanf(""),
                           inf,
                           -inf};
  if (all)
    for (long i = 0; i < n; ++i) {
      xs.push_back(static_cast<float>(i) + 0.5f);
      xs.push_back(static_cast<float>(i) + 0.2f);
    }
  return xs;
}

// The texture of an array plus its host model.
struct ArrayTexture {
  cudaArray_t array = nullptr;
  model::Texture model;

  ArrayTexture(cudaChannelFormatDesc desc, cudaExtent extent, unsigned flags,
               const std::vector<std::uint8_t> &bytes) {
    EXPECT_EQ(cudaSuccess, cudaMalloc3DArray(&array, &desc, extent, flags));
    unsigned channels = desc.w ? 4 : desc.y ? 2 : 1;
    int kind = desc.f;
    model.channels = channels;
    model.channelBytes = static_cast<unsigned>(desc.x / 8);
    model.kind = kind == cudaChannelFormatKindFloat ? model::Float
                 : kind == cudaChannelFormatKindSigned ||
                         (kind >= cudaChannelFormatKindSignedNormalized8X1 &&
                          kind <= cudaChannelFormatKindSignedNormalized16X4)
                     ? model::Signed
                     : model::Unsigned;
    model.width = static_cast<long>(extent.width);
    bool layered = flags & cudaArrayLayered, cubemap = flags & cudaArrayCubemap;
    model.height = extent.height ? static_cast<long>(extent.height) : 1;
    long slices = extent.depth ? static_cast<long>(extent.depth) : 1;
    model.depth = layered || cubemap ? 1 : slices;
    model.layers = layered || cubemap ? slices : 0;
    model.layered = layered;
    model.cubemap = cubemap;
    model.rowPitch = std::size_t(model.width) * channels * model.channelBytes;
    model.slicePitch = model.rowPitch * std::size_t(model.height);
    model.bytes = bytes;
    EXPECT_EQ(model.slicePitch * std::size_t(slices), bytes.size());
    cudaMemcpy3DParms copy;
    std::memset(&copy, 0, sizeof copy);
    copy.srcPtr = make_cudaPitchedPtr(const_cast<std::uint8_t *>(bytes.data()), model.rowPitch,
                                      std::size_t(model.width), std::size_t(model.height));
    copy.dstArray = array;
    copy.extent =
        make_cudaExtent(std::size_t(model.width), std::size_t(model.height), std::size_t(slices));
    copy.kind = cudaMemcpyHostToDevice;
    EXPECT_EQ(cudaSuccess, cudaMemcpy3D(&copy));
  }
  ~ArrayTexture() { cudaFreeArray(array); }
  ArrayTexture(const ArrayTexture &) = delete;
  ArrayTexture &operator=(const ArrayTexture &) = delete;

  // A texture object sampling it; the model follows the same settings.
  cudaTextureObject_t object(cudaTextureAddressMode mode, cudaTextureFilterMode filter,
                             cudaTextureReadMode read, bool normalized,
                             const float *border = nullptr, bool srgb = false) {
    cudaResourceDesc res = arrayResource(array);
    cudaTextureDesc tex = textureDesc(mode, filter, read, normalized);
    tex.sRGB = srgb ? 1 : 0;
    for (int c = 0; c < 4; ++c)
      tex.borderColor[c] = model.border[c] = border != nullptr ? border[c] : 0.0f;
    for (unsigned &m : model.address)
      m = static_cast<unsigned>(mode);
    model.linearFilter = filter == cudaFilterModeLinear;
    model.normalized = normalized;
    model.srgb = srgb;
    cudaTextureObject_t handle = 0;
    EXPECT_EQ(cudaSuccess, cudaCreateTextureObject(&handle, &res, &tex, nullptr));
    return handle;
  }
};

// Float texels with small exact values (n/8 in [-64, 64)), as bytes.
std::vector<std::uint8_t> floatTexels(std::size_t count, std::uint32_t seed) {
  std::vector<std::uint8_t> random = patternBytes(count * 2, seed);
  std::vector<std::uint8_t> bytes(count * 4);
  for (std::size_t i = 0; i < count; ++i) {
    int value = (random[2 * i] | (random[2 * i + 1] << 8)) % 1024 - 512;
    float f = static_cast<float>(value) / 8.0f;
    std::memcpy(&bytes[i * 4], &f, 4);
  }
  return bytes;
}

// Half texels: finite values of every exponent, as bytes.
std::vector<std::uint8_t> halfTexels(std::size_t count, std::uint32_t seed) {
  std::vector<std::uint8_t> bytes = patternBytes(count * 2, seed);
  for (std::size_t i = 0; i < count; ++i)
    if ((bytes[2 * i + 1] & 0x7c) == 0x7c)
      bytes[2 * i + 1] &= 0xbb; // no infinities or NaNs
  return bytes;
}

std::vector<float4> coords1D(long n, bool normalized) {
  std::vector<float4> coords;
  for (float x : interesting(n, true))
    coords.push_back(make_float4(normalized ? x / float(n) : x, 0, 0, 0));
  return coords;
}

std::vector<float4> coords2D(long w, long h, bool normalized) {
  std::vector<float4> coords;
  for (float y : interesting(h, true))
    for (float x : interesting(w, false))
      coords.push_back(
          make_float4(normalized ? x / float(w) : x, normalized ? y / float(h) : y, 0, 0));
  // Every texel centre and a few off-centre points inside.
  for (long j = 0; j < h; ++j)
    for (long i = 0; i < w; ++i) {
      float x = i + 0.5f, y = j + 0.5f, x2 = i + 0.9f, y2 = j + 0.3f;
      coords.push_back(normalized ? make_float4(x / w, y / h, 0, 0) : make_float4(x, y, 0, 0));
      coords.push_back(normalized ? make_float4(x2 / w, y2 / h, 0, 0) : make_float4(x2, y2, 0, 0));
    }
  return coords;
}

std::vector<float4> coords3D(long w, long h, long d, bool normalized) {
  std::vector<float> picks = {-1.5f, -0.25f, 0.0f, 0.5f, 0.7f, 1.0f + 1.0f / 512, 1.6f};
  std::vector<float4> coords;
  auto scaled = [&](float v, long n, float frac) { return frac * float(n) + v; };
  for (float fz : {0.0f, 0.5f, 1.0f})
    for (float fy : {0.0f, 0.5f, 1.0f})
      for (float fx : {0.0f, 0.5f, 1.0f})
        for (float v : picks) {
          float x = scaled(v, w, fx), y = scaled(-v, h, fy), z = scaled(v * 0.5f, d, fz);
          coords.push_back(normalized ? make_float4(x / w, y / h, z / d, 0)
                                      : make_float4(x, y, z, 0));
        }
  coords.push_back(make_float4(std::nanf(""), 1e10f, -1e10f, 0));
  return coords;
}

const cudaTextureAddressMode kModes[] = {cudaAddressModeWrap, cudaAddressModeClamp,
                                         cudaAddressModeMirror, cudaAddressModeBorder};
const char *const kModeNames[] = {"wrap", "clamp", "mirror", "border"};
const float kBorder[4] = {0.25f, -2.0f, 7.5f, 1.0f};

// Samples `texture` in every address mode, both filters and both coordinate
// kinds with sample_f, and compares with the model.
void checkAllModes(ArrayTexture &texture, unsigned dims, cudaTextureReadMode read,
                   const std::string &name) {
  const model::Texture &m = texture.model;
  for (int mode = 0; mode < 4; ++mode)
    for (cudaTextureFilterMode filter : {cudaFilterModePoint, cudaFilterModeLinear})
      for (bool normalized : {false, true}) {
        cudaTextureObject_t handle =
            texture.object(kModes[mode], filter, read, normalized, kBorder);
        std::vector<float4> coords = dims == 1   ? coords1D(m.width, normalized)
                                     : dims == 2 ? coords2D(m.width, m.height, normalized)
                                                 : coords3D(m.width, m.height, m.depth, normalized);
        std::vector<float4> got = run<float4>(sampleF, handle, coords, dims);
        std::vector<model::Value> expected;
        for (const float4 &c : coords)
          expected.push_back(model::sampleF(m, dims, c.x, c.y, c.z, 0));
        expectFloats(expected, got, coords,
                     name + " " + kModeNames[mode] +
                         (filter == cudaFilterModeLinear ? " linear" : " point") +
                         (normalized ? " normalized" : ""));
        EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
      }
}

} // namespace

TEST_F(TextureSampling, Float1DEveryModeAndFilter) {
  ArrayTexture one(cudaCreateChannelDesc<float>(), make_cudaExtent(7, 0, 0), 0, floatTexels(7, 1));
  checkAllModes(one, 1, cudaReadModeElementType, "float 1-D");
  ArrayTexture four(cudaCreateChannelDesc<float4>(), make_cudaExtent(5, 0, 0), 0,
                    floatTexels(5 * 4, 2));
  checkAllModes(four, 1, cudaReadModeElementType, "float4 1-D");
}

TEST_F(TextureSampling, Float2DEveryModeAndFilter) {
  ArrayTexture two(cudaCreateChannelDesc<float2>(), make_cudaExtent(5, 4, 0), 0,
                   floatTexels(5 * 4 * 2, 3));
  checkAllModes(two, 2, cudaReadModeElementType, "float2 2-D");
}

TEST_F(TextureSampling, Float3DEveryModeAndFilter) {
  ArrayTexture three(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 3, 5), 0,
                     floatTexels(4 * 3 * 5, 4));
  checkAllModes(three, 3, cudaReadModeElementType, "float 3-D");
}

TEST_F(TextureSampling, NormalizedFloatReadsOfIntegers) {
  struct Case {
    cudaChannelFormatDesc desc;
    const char *name;
  } cases[] = {
      {cudaCreateChannelDesc<uchar4>(), "uchar4"},
      {cudaCreateChannelDesc<signed char>(), "char"},
      {cudaCreateChannelDesc<ushort2>(), "ushort2"},
      {cudaCreateChannelDesc<short4>(), "short4"},
  };
  std::uint32_t seed = 10;
  for (const Case &c : cases) {
    std::size_t element = std::size_t(c.desc.x / 8) * (c.desc.w ? 4 : c.desc.y ? 2 : 1);
    ArrayTexture texture(c.desc, make_cudaExtent(4, 3, 0), 0,
                         patternBytes(4 * 3 * element, ++seed));
    checkAllModes(texture, 2, cudaReadModeNormalizedFloat, c.name);
  }
}

TEST_F(TextureSampling, HalfChannels) {
  ArrayTexture one(cudaCreateChannelDescHalf(), make_cudaExtent(6, 3, 0), 0, halfTexels(6 * 3, 20));
  checkAllModes(one, 2, cudaReadModeElementType, "half 2-D");
  ArrayTexture four(cudaCreateChannelDescHalf4(), make_cudaExtent(5, 0, 0), 0,
                    halfTexels(5 * 4, 21));
  checkAllModes(four, 1, cudaReadModeElementType, "half4 1-D");
}

TEST_F(TextureSampling, ElementTypeIntegerReads) {
  struct Case {
    cudaChannelFormatDesc desc;
    const char *name;
  } cases[] = {
      {cudaCreateChannelDesc<char4>(), "char4"}, {cudaCreateChannelDesc<uchar2>(), "uchar2"},
      {cudaCreateChannelDesc<short>(), "short"}, {cudaCreateChannelDesc<ushort4>(), "ushort4"},
      {cudaCreateChannelDesc<int2>(), "int2"},   {cudaCreateChannelDesc<uint4>(), "uint4"},
  };
  // Integer border colours are stored as the bits of the floats.
  float border[4];
  const std::int32_t borderInts[4] = {-7, 300, 0x7fffffff, 1};
  std::memcpy(border, borderInts, sizeof border);
  std::uint32_t seed = 30;
  for (const Case &c : cases) {
    std::size_t element = std::size_t(c.desc.x / 8) * (c.desc.w ? 4 : c.desc.y ? 2 : 1);
    ArrayTexture texture(c.desc, make_cudaExtent(5, 4, 0), 0,
                         patternBytes(5 * 4 * element, ++seed));
    bool isSigned = c.desc.f == cudaChannelFormatKindSigned;
    for (int mode = 0; mode < 4; ++mode)
      for (bool normalized : {false, true}) {
        cudaTextureObject_t handle = texture.object(kModes[mode], cudaFilterModePoint,
                                                    cudaReadModeElementType, normalized, border);
        std::vector<float4> coords = coords2D(5, 4, normalized);
        std::vector<model::Bits> expected;
        for (const float4 &p : coords)
          expected.push_back(model::sampleBits(texture.model, 2, p.x, p.y, 0, 0));
        std::string what = std::string(c.name) + " " + kModeNames[mode];
        if (isSigned)
          expectBits(expected, run<int4>(sampleI, handle, coords, 2u), coords, what);
        else
          expectBits(expected, run<uint4>(sampleU, handle, coords, 2u), coords, what);
        EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
      }
  }
}

TEST_F(TextureSampling, LayeredArraysClampTheLayer) {
  ArrayTexture oneD(cudaCreateChannelDesc<float2>(), make_cudaExtent(5, 0, 3), cudaArrayLayered,
                    floatTexels(5 * 3 * 2, 40));
  ArrayTexture twoD(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 3, 4), cudaArrayLayered,
                    floatTexels(4 * 3 * 4, 41));
  for (ArrayTexture *texture : {&oneD, &twoD}) {
    unsigned dims = texture == &oneD ? 1 : 2;
    for (int mode : {0, 3})
      for (cudaTextureFilterMode filter : {cudaFilterModePoint, cudaFilterModeLinear}) {
        cudaTextureObject_t handle =
            texture->object(kModes[mode], filter, cudaReadModeElementType, true, kBorder);
        std::vector<float4> coords;
        for (int layer : {-5, -1, 0, 1, 2, 3, 4, 100})
          for (float4 c : dims == 1 ? coords1D(texture->model.width, true)
                                    : coords2D(texture->model.width, texture->model.height, true)) {
            c.w = float(layer);
            coords.push_back(c);
          }
        std::vector<model::Value> expected;
        for (const float4 &c : coords)
          expected.push_back(model::sampleF(texture->model, dims, c.x, c.y, 0,
                                            model::firstSlice(texture->model, int(c.w), 0)));
        expectFloats(expected, run<float4>(sampleF, handle, coords, dims), coords,
                     std::string(dims == 1 ? "1-D" : "2-D") + " layered " + kModeNames[mode]);
        EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
      }
  }
}

namespace {
std::vector<float4> cubeDirections(int layers) {
  std::vector<float4> coords;
  const float values[] = {-2.0f, -1.0f, -0.7f, -0.3f, 0.0f, 0.2f, 0.5f, 1.0f, 1.5f};
  for (int layer = 0; layer < layers; ++layer)
    for (float x : values)
      for (float y : values)
        for (float z : values)
          coords.push_back(make_float4(x, y, z, float(layer)));
  // Pseudo-random directions (the face division at arbitrary values).
  std::vector<std::uint8_t> random = patternBytes(600 * 6, 7);
  for (int i = 0; i < 600; ++i) {
    float v[3];
    for (int a = 0; a < 3; ++a)
      v[a] = float(int(random[i * 6 + 2 * a] | (random[i * 6 + 2 * a + 1] << 8)) - 32768) / 9973.0f;
    coords.push_back(make_float4(v[0], v[1], v[2], float(i % layers)));
  }
  // Ties between axes, exact axes, the far corners, NaN.
  for (float4 c : {make_float4(1, 1, 0, 0), make_float4(-1, 1, 1, 0), make_float4(0, -3, 3, 0),
                   make_float4(3e-38f, -1e-38f, 2e-38f, 0), make_float4(-1e-30f, 7e-31f, 1e-31f, 0),
                   make_float4(0.3f, 1e30f, -0.7e30f, 0), make_float4(0, 0, 0, 0),
                   make_float4(1e30f, -1e30f, 2, 0), make_float4(std::nanf(""), 1, 0, 0),
                   make_float4(0.25f, 0.1f, -1, -2), make_float4(0.25f, 0.1f, -1, 50)})
    coords.push_back(c);
  return coords;
}
} // namespace

TEST_F(TextureSampling, CubemapFacesAndLayers) {
  ArrayTexture cube(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 4, 6), cudaArrayCubemap,
                    floatTexels(4 * 4 * 6, 50));
  ArrayTexture layered(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(3, 3, 12),
                       cudaArrayCubemap | cudaArrayLayered, patternBytes(3 * 3 * 12 * 4, 51));
  for (cudaTextureFilterMode filter : {cudaFilterModePoint, cudaFilterModeLinear})
    for (int mode : {1, 0}) {
      for (ArrayTexture *texture : {&cube, &layered}) {
        cudaTextureReadMode read =
            texture == &cube ? cudaReadModeElementType : cudaReadModeNormalizedFloat;
        cudaTextureObject_t handle = texture->object(kModes[mode], filter, read, true);
        std::vector<float4> coords = cubeDirections(texture == &cube ? 1 : 2);
        std::vector<model::Value> expected;
        for (const float4 &c : coords)
          expected.push_back(model::cubemapF(texture->model, c.x, c.y, c.z, int(c.w)));
        expectFloats(expected, run<float4>(cubemapF, handle, coords), coords,
                     std::string(texture == &cube ? "cubemap " : "cubemap layered ") +
                         kModeNames[mode] + (filter == cudaFilterModeLinear ? " linear" : ""));
        EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
      }
    }
  // Integer reads of the faces.
  cudaTextureObject_t handle =
      layered.object(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, true);
  std::vector<float4> coords = cubeDirections(2);
  std::vector<model::Bits> expected;
  for (const float4 &c : coords)
    expected.push_back(model::cubemapBits(layered.model, c.x, c.y, c.z, int(c.w)));
  expectBits(expected, run<uint4>(cubemapU, handle, coords), coords, "cubemap layered uchar4");
  EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
}

TEST_F(TextureSampling, GatherTakesTheBilinearFootprint) {
  ArrayTexture floats(cudaCreateChannelDesc<float4>(), make_cudaExtent(5, 4, 0),
                      cudaArrayTextureGather, floatTexels(5 * 4 * 4, 60));
  ArrayTexture bytes(cudaCreateChannelDesc<uchar2>(), make_cudaExtent(4, 4, 0),
                     cudaArrayTextureGather, patternBytes(4 * 4 * 2, 61));
  for (int mode = 0; mode < 4; ++mode)
    for (bool normalized : {false, true}) {
      std::vector<float4> coords;
      for (int comp = 0; comp < 4; ++comp)
        for (float4 c : coords2D(5, 4, normalized)) {
          c.z = float(comp);
          coords.push_back(c);
        }
      cudaTextureObject_t handle = floats.object(kModes[mode], cudaFilterModePoint,
                                                 cudaReadModeElementType, normalized, kBorder);
      std::vector<model::Value> expected;
      for (const float4 &c : coords)
        expected.push_back(model::gatherF(floats.model, c.x, c.y, int(c.z)));
      expectFloats(expected, run<float4>(gatherF, handle, coords), coords,
                   std::string("gather float4 ") + kModeNames[mode]);
      EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));

      handle = bytes.object(kModes[mode], cudaFilterModePoint, cudaReadModeElementType, normalized,
                            kBorder);
      std::vector<model::Bits> expectedBits;
      for (const float4 &c : coords)
        expectedBits.push_back(model::gatherBits(bytes.model, c.x, c.y, int(c.z)));
      expectBits(expectedBits, run<uint4>(gatherU, handle, coords), coords,
                 std::string("gather uchar2 ") + kModeNames[mode]);
      EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
    }
}

TEST_F(TextureSampling, SrgbConvertsColourChannelsBeforeFiltering) {
  ArrayTexture texture(cudaCreateChannelDesc<uchar4>(), make_cudaExtent(4, 4, 0), 0,
                       patternBytes(4 * 4 * 4, 70));
  for (cudaTextureFilterMode filter : {cudaFilterModePoint, cudaFilterModeLinear}) {
    cudaTextureObject_t handle = texture.object(cudaAddressModeClamp, filter,
                                                cudaReadModeNormalizedFloat, false, nullptr, true);
    std::vector<float4> coords = coords2D(4, 4, false);
    std::vector<model::Value> expected;
    for (const float4 &c : coords)
      expected.push_back(model::sampleF(texture.model, 2, c.x, c.y, 0, 0));
    expectFloats(expected, run<float4>(sampleF, handle, coords, 2u), coords, "sRGB uchar4");
    EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
  }
}

TEST_F(TextureSampling, NormalizedChannelKindsAlwaysReadAsFloats) {
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<cudaChannelFormatKindSignedNormalized8X4>();
  ArrayTexture texture(desc, make_cudaExtent(4, 3, 0), 0, patternBytes(4 * 3 * 4, 80));
  // Element-type read mode: the kind itself asks for normalized floats.
  checkAllModes(texture, 2, cudaReadModeElementType, "SignedNormalized8X4");
}

TEST_F(TextureSampling, PitchedMemory) {
  const int width = 5, height = 4;
  float *devPtr = nullptr;
  size_t pitch = 0;
  CUDA_OK(cudaMallocPitch(&devPtr, &pitch, width * sizeof(float2), height));
  std::vector<std::uint8_t> packed = floatTexels(width * height * 2, 90);
  CUDA_OK(cudaMemcpy2D(devPtr, pitch, packed.data(), width * sizeof(float2), width * sizeof(float2),
                       height, cudaMemcpyHostToDevice));
  model::Texture m;
  m.bytes = packed;
  m.rowPitch = width * sizeof(float2);
  m.slicePitch = m.rowPitch * height;
  m.width = width;
  m.height = height;
  m.channels = 2;
  for (int mode = 0; mode < 4; ++mode)
    for (cudaTextureFilterMode filter : {cudaFilterModePoint, cudaFilterModeLinear})
      for (bool normalized : {false, true}) {
        cudaResourceDesc res;
        std::memset(&res, 0, sizeof res);
        res.resType = cudaResourceTypePitch2D;
        res.res.pitch2D.devPtr = devPtr;
        res.res.pitch2D.desc = cudaCreateChannelDesc<float2>();
        res.res.pitch2D.width = width;
        res.res.pitch2D.height = height;
        res.res.pitch2D.pitchInBytes = pitch;
        cudaTextureDesc tex =
            textureDesc(kModes[mode], filter, cudaReadModeElementType, normalized);
        std::memcpy(tex.borderColor, kBorder, sizeof kBorder);
        std::memcpy(m.border, kBorder, sizeof kBorder);
        for (unsigned &a : m.address)
          a = static_cast<unsigned>(mode);
        m.linearFilter = filter == cudaFilterModeLinear;
        m.normalized = normalized;
        cudaTextureObject_t handle = 0;
        CUDA_OK(cudaCreateTextureObject(&handle, &res, &tex, nullptr));
        std::vector<float4> coords = coords2D(width, height, normalized);
        std::vector<model::Value> expected;
        for (const float4 &c : coords)
          expected.push_back(model::sampleF(m, 2, c.x, c.y, 0, 0));
        expectFloats(expected, run<float4>(sampleF, handle, coords, 2u), coords,
                     std::string("pitch2D ") + kModeNames[mode]);
        CUDA_OK(cudaDestroyTextureObject(handle));
      }
  CUDA_OK(cudaFree(devPtr));
}

namespace {
// A linear-memory texture of `bytes` read with tex1Dfetch at every index
// (and outside), compared with the model.
void checkFetch(const std::vector<std::uint8_t> &bytes, cudaChannelFormatDesc desc,
                cudaTextureReadMode read, bool integerRead, const std::string &what) {
  void *devPtr = nullptr;
  EXPECT_EQ(cudaSuccess, cudaMalloc(&devPtr, bytes.size()));
  EXPECT_EQ(cudaSuccess, cudaMemcpy(devPtr, bytes.data(), bytes.size(), cudaMemcpyHostToDevice));
  model::Texture m;
  m.bytes = bytes;
  m.channels = desc.w ? 4 : desc.y ? 2 : 1;
  m.channelBytes = static_cast<unsigned>(desc.x / 8);
  m.kind = desc.f == cudaChannelFormatKindFloat    ? model::Float
           : desc.f == cudaChannelFormatKindSigned ? model::Signed
                                                   : model::Unsigned;
  m.width = static_cast<long>(bytes.size() / (m.channels * m.channelBytes));
  m.rowPitch = bytes.size();
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = devPtr;
  res.res.linear.desc = desc;
  res.res.linear.sizeInBytes = bytes.size();
  cudaTextureDesc tex = textureDesc(cudaAddressModeClamp, cudaFilterModePoint, read, false);
  cudaTextureObject_t handle = 0;
  EXPECT_EQ(cudaSuccess, cudaCreateTextureObject(&handle, &res, &tex, nullptr));
  std::vector<int> indices = {-100000, -2, -1, int(m.width), int(m.width) + 1, 1 << 30};
  for (int i = 0; i < m.width; ++i)
    indices.push_back(i);
  std::vector<float4> shown;
  for (int i : indices)
    shown.push_back(make_float4(float(i), 0, 0, 0));
  if (integerRead) {
    std::vector<model::Bits> expected;
    for (int i : indices)
      expected.push_back(model::fetchBits(m, i));
    if (m.kind == model::Signed)
      expectBits(expected, run<int4>(fetchI, handle, indices), shown, what);
    else
      expectBits(expected, run<uint4>(fetchU, handle, indices), shown, what);
  } else {
    std::vector<model::Value> expected;
    for (int i : indices)
      expected.push_back(model::fetchF(m, i));
    expectFloats(expected, run<float4>(fetchF, handle, indices), shown, what);
  }
  EXPECT_EQ(cudaSuccess, cudaDestroyTextureObject(handle));
  EXPECT_EQ(cudaSuccess, cudaFree(devPtr));
}

std::vector<std::uint8_t> everyValue(unsigned bytes) {
  std::size_t values = std::size_t(1) << (8 * bytes);
  std::vector<std::uint8_t> all(values * bytes);
  for (std::size_t v = 0; v < values; ++v)
    for (unsigned b = 0; b < bytes; ++b)
      all[v * bytes + b] = static_cast<std::uint8_t>(v >> (8 * b));
  return all;
}
} // namespace

TEST_F(TextureSampling, Tex1DfetchOnLinearMemory) {
  checkFetch(floatTexels(37 * 4, 100), cudaCreateChannelDesc<float4>(), cudaReadModeElementType,
             false, "fetch float4");
  checkFetch(patternBytes(29 * 2, 101), cudaCreateChannelDesc<short>(), cudaReadModeNormalizedFloat,
             false, "fetch short normalized");
  checkFetch(patternBytes(29 * 2, 102), cudaCreateChannelDesc<short>(), cudaReadModeElementType,
             true, "fetch short");
  checkFetch(patternBytes(17 * 8, 103), cudaCreateChannelDesc<uint2>(), cudaReadModeElementType,
             true, "fetch uint2");
  checkFetch(patternBytes(17 * 4, 104), cudaCreateChannelDesc<char4>(), cudaReadModeElementType,
             true, "fetch char4");
}

// Every 8- and 16-bit value through NormalizedFloat, and every half.
TEST_F(TextureSampling, EveryNormalizedAndHalfValueConvertsExactly) {
  checkFetch(everyValue(1), cudaCreateChannelDesc<unsigned char>(), cudaReadModeNormalizedFloat,
             false, "every uchar");
  checkFetch(everyValue(1), cudaCreateChannelDesc<signed char>(), cudaReadModeNormalizedFloat,
             false, "every char");
  checkFetch(everyValue(2), cudaCreateChannelDesc<unsigned short>(), cudaReadModeNormalizedFloat,
             false, "every ushort");
  checkFetch(everyValue(2), cudaCreateChannelDesc<short>(), cudaReadModeNormalizedFloat, false,
             "every short");
  checkFetch(everyValue(2), cudaCreateChannelDescHalf(), cudaReadModeElementType, false,
             "every half");
  // The ends of the ranges, as CUDA defines them.
  EXPECT_EQ(1.0f, texture_model::normalizedOf(255, 1, false));
  EXPECT_EQ(-1.0f, texture_model::normalizedOf(-128, 1, true));
  EXPECT_EQ(-1.0f, texture_model::normalizedOf(-32767, 2, true));
  EXPECT_EQ(65504.0f, texture_model::halfToFloat(0x7bff));
}

TEST_F(TextureSampling, ViewOfALayerRange) {
  ArrayTexture texture(cudaCreateChannelDesc<float>(), make_cudaExtent(3, 2, 5), cudaArrayLayered,
                       floatTexels(3 * 2 * 5, 110));
  cudaResourceDesc res = arrayResource(texture.array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  cudaResourceViewDesc view;
  std::memset(&view, 0, sizeof view);
  view.width = 3;
  view.height = 2;
  view.depth = 5;
  view.firstLayer = 2;
  view.lastLayer = 3;
  cudaTextureObject_t handle = 0;
  CUDA_OK(cudaCreateTextureObject(&handle, &res, &tex, &view));
  cudaResourceViewDesc back;
  CUDA_OK(cudaGetTextureObjectResourceViewDesc(&back, handle));
  EXPECT_EQ(2u, back.firstLayer);
  // Layers 0 and 1 of the view are the array's 2 and 3; others clamp to them.
  std::vector<float4> coords;
  for (int layer : {-1, 0, 1, 2, 7})
    for (float4 c : coords2D(3, 2, false)) {
      c.w = float(layer);
      coords.push_back(c);
    }
  std::vector<model::Value> expected;
  for (const float4 &c : coords) {
    int layer = c.w < 0 ? 0 : (c.w > 1 ? 1 : int(c.w));
    expected.push_back(model::sampleF(texture.model, 2, c.x, c.y, 0, 2 + layer));
  }
  expectFloats(expected, run<float4>(sampleF, handle, coords, 2u), coords, "view of layers 2..3");
  CUDA_OK(cudaDestroyTextureObject(handle));
}

TEST_F(TextureSampling, MipmappedArraysSampleTheirFirstLevel) {
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  cudaMipmappedArray_t mipmap = nullptr;
  CUDA_OK(cudaMallocMipmappedArray(&mipmap, &desc, make_cudaExtent(8, 4, 0), 3));
  cudaArray_t level0 = nullptr;
  CUDA_OK(cudaGetMipmappedArrayLevel(&level0, mipmap, 0));
  std::vector<std::uint8_t> texels = floatTexels(8 * 4, 120);
  CUDA_OK(cudaMemcpy2DToArray(level0, 0, 0, texels.data(), 8 * sizeof(float), 8 * sizeof(float), 4,
                              cudaMemcpyHostToDevice));
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeMipmappedArray;
  res.res.mipmap.mipmap = mipmap;
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeWrap, cudaFilterModeLinear, cudaReadModeElementType, true);
  cudaTextureObject_t handle = 0;
  CUDA_OK(cudaCreateTextureObject(&handle, &res, &tex, nullptr));
  model::Texture m;
  m.bytes = texels;
  m.width = 8;
  m.height = 4;
  m.rowPitch = 8 * sizeof(float);
  m.slicePitch = m.rowPitch * 4;
  m.address[0] = m.address[1] = model::Wrap;
  m.linearFilter = true;
  m.normalized = true;
  std::vector<float4> coords = coords2D(8, 4, true);
  std::vector<model::Value> expected;
  for (const float4 &c : coords)
    expected.push_back(model::sampleF(m, 2, c.x, c.y, 0, 0));
  expectFloats(expected, run<float4>(sampleF, handle, coords, 2u), coords, "mipmap level 0");
  CUDA_OK(cudaDestroyTextureObject(handle));
  CUDA_OK(cudaFreeMipmappedArray(mipmap));
}

TEST_F(TextureSampling, NoTextureReadsZeroAndDeadOnesFailTheLaunch) {
  std::vector<float4> coords = {make_float4(0.5f, 0, 0, 0), make_float4(-3, 0, 0, 0)};
  for (const float4 &value : run<float4>(sampleF, 0ull, coords, 1u))
    EXPECT_TRUE(value.x == 0 && value.y == 0 && value.z == 0 && value.w == 0);
  for (const float4 &value : run<float4>(fetchF, 0ull, std::vector<int>{0, 1}))
    EXPECT_TRUE(value.x == 0 && value.w == 0);

  ArrayTexture texture(cudaCreateChannelDesc<float>(), make_cudaExtent(4, 0, 0), 0,
                       floatTexels(4, 130));
  cudaTextureObject_t handle =
      texture.object(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  EXPECT_EQ(cudaSuccess, launchStatus(sampleF, handle));
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaDestroyTextureObject(handle));
  EXPECT_EQ(cudaErrorInvalidValue, launchStatus(sampleF, handle));       // destroyed
  EXPECT_EQ(cudaErrorInvalidValue, launchStatus(sampleF, 123456789ull)); // never made
  // A surface handle is no texture (and the reverse).
  cudaGetLastError();

  // The array freed under a live texture object.
  cudaArray_t array = nullptr;
  cudaChannelFormatDesc desc = cudaCreateChannelDesc<float>();
  CUDA_OK(cudaMallocArray(&array, &desc, 4));
  cudaResourceDesc res = arrayResource(array);
  cudaTextureDesc tex =
      textureDesc(cudaAddressModeClamp, cudaFilterModePoint, cudaReadModeElementType, false);
  CUDA_OK(cudaCreateTextureObject(&handle, &res, &tex, nullptr));
  CUDA_OK(cudaFreeArray(array));
  EXPECT_EQ(cudaErrorInvalidValue, launchStatus(sampleF, handle));
  CUDA_OK(cudaDestroyTextureObject(handle));

  // Linear memory freed under a live texture object.
  void *devPtr = nullptr;
  CUDA_OK(cudaMalloc(&devPtr, 64));
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = devPtr;
  res.res.linear.desc = desc;
  res.res.linear.sizeInBytes = 64;
  CUDA_OK(cudaCreateTextureObject(&handle, &res, &tex, nullptr));
  EXPECT_EQ(cudaSuccess, launchStatus(fetchF, handle));
  CUDA_OK(cudaDeviceSynchronize());
  CUDA_OK(cudaFree(devPtr));
  EXPECT_EQ(cudaErrorInvalidValue, launchStatus(fetchF, handle));
  CUDA_OK(cudaDestroyTextureObject(handle));
  cudaGetLastError();
}
