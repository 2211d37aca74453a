// A host model of CUDA's texture fetching (CUDA C++ Programming Guide,
// "Texture Fetching" and "Texture Memory"), written from the Guide's
// formulas, to check the OpenCL texture runtime against:
//   nearest point: tex(x) = T[floor(x)];
//   linear: tex(x) = (1 - a) T[i] + a T[i + 1], i = floor(xB), a = frac(xB),
//   xB = x - 0.5, with a in 9-bit fixed point with 8 fractional bits (and
//   the 2-D and 3-D products of such weights);
//   address modes per texel index (wrap, clamp, mirror, border), Wrap and
//   Mirror acting as Clamp without normalized coordinates;
//   NormalizedFloat for 8- and 16-bit integers; the cube face table.
// The sums are evaluated in float in the Guide's order (the test is built
// with -ffp-contract=off), so results compare bit for bit.
#ifndef CUCL_TESTS_RUNTIME_TEXTURE_MODEL_H
#define CUCL_TESTS_RUNTIME_TEXTURE_MODEL_H

#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <vector>

namespace texture_model {

enum Kind : unsigned { Signed = 0, Unsigned = 1, Float = 2 };
enum Address : unsigned { Wrap = 0, Clamp = 1, Mirror = 2, Border = 3 };

using Value = std::array<float, 4>;
using Bits = std::array<std::uint32_t, 4>;

// Texels in host memory plus how they are sampled.
struct Texture {
  std::vector<std::uint8_t> bytes;
  std::size_t rowPitch = 0, slicePitch = 0;
  long width = 1, height = 1, depth = 1;
  long layers = 0;      // layered: layers; cubemap: faces
  bool layered = false; // (with cubemap: cubemap layered)
  bool cubemap = false;
  unsigned channels = 1, channelBytes = 4, kind = Float;
  bool srgb = false;
  unsigned address[3] = {Clamp, Clamp, Clamp};
  bool linearFilter = false;
  bool normalized = false;
  float border[4] = {0, 0, 0, 0};
};

inline float fromBits(std::uint32_t bits) {
  float value;
  std::memcpy(&value, &bits, sizeof value);
  return value;
}

inline std::uint32_t toBits(float value) {
  std::uint32_t bits;
  std::memcpy(&bits, &value, sizeof bits);
  return bits;
}

// IEEE binary16 -> float: sign * 2^(e - 15) * (1 + m / 1024), subnormals
// 2^-14 * m / 1024; infinities and NaNs keep their payload.
inline float halfToFloat(std::uint16_t h) {
  bool negative = (h & 0x8000u) != 0;
  int exponent = (h >> 10) & 0x1f;
  int mantissa = h & 0x3ff;
  if (exponent == 0x1f)
    return fromBits((negative ? 0x80000000u : 0u) | 0x7f800000u |
                    (static_cast<std::uint32_t>(mantissa) << 13));
  double magnitude = exponent == 0 ? std::ldexp(double(mantissa), -24)
                                   : std::ldexp(double(1024 + mantissa), exponent - 25);
  return static_cast<float>(negative ? -magnitude : magnitude);
}

// NormalizedFloat: unsigned v / (2^n - 1); signed max(v / (2^(n-1) - 1), -1).
inline float normalizedOf(std::int64_t value, unsigned bytes, bool isSigned) {
  double scale = isSigned ? (bytes == 1 ? 127.0 : 32767.0) : (bytes == 1 ? 255.0 : 65535.0);
  double result = double(value) / scale;
  if (result < -1.0)
    result = -1.0;
  return static_cast<float>(result);
}

// sRGB to linear (IEC 61966-2-1).
inline float srgbToLinear(unsigned value) {
  double s = value / 255.0;
  double linear = s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
  return static_cast<float>(linear);
}

inline std::uint32_t rawChannel(const Texture &t, std::size_t at) {
  std::uint32_t bits = 0;
  for (unsigned b = 0; b < t.channelBytes; ++b)
    bits |= std::uint32_t(t.bytes[at + b]) << (8 * b);
  return bits;
}

inline std::size_t texelOffset(const Texture &t, long i, long j, long slice) {
  return std::size_t(slice) * t.slicePitch + std::size_t(j) * t.rowPitch +
         std::size_t(i) * t.channels * t.channelBytes;
}

// A texel as a float read returns it.
inline Value texelF(const Texture &t, long i, long j, long slice) {
  Value v{0, 0, 0, 0};
  std::size_t at = texelOffset(t, i, j, slice);
  for (unsigned c = 0; c < t.channels; ++c) {
    std::uint32_t bits = rawChannel(t, at + c * t.channelBytes);
    float &out = v[c];
    if (t.kind == Float) {
      out = t.channelBytes == 2 ? halfToFloat(std::uint16_t(bits)) : fromBits(bits);
    } else if (t.kind == Unsigned) {
      if (t.channelBytes == 4)
        out = static_cast<float>(bits);
      else if (t.srgb && t.channelBytes == 1 && c < 3)
        out = srgbToLinear(bits);
      else
        out = normalizedOf(bits, t.channelBytes, false);
    } else {
      if (t.channelBytes == 4)
        out = static_cast<float>(static_cast<std::int32_t>(bits));
      else if (t.channelBytes == 1)
        out = normalizedOf(static_cast<std::int8_t>(bits), 1, true);
      else
        out = normalizedOf(static_cast<std::int16_t>(bits), 2, true);
    }
  }
  return v;
}

// A texel as an integer read returns it (sign-extended for Signed).
inline Bits texelBits(const Texture &t, long i, long j, long slice) {
  Bits v{0, 0, 0, 0};
  std::size_t at = texelOffset(t, i, j, slice);
  for (unsigned c = 0; c < t.channels; ++c) {
    std::uint32_t bits = rawChannel(t, at + c * t.channelBytes);
    if (t.kind == Signed && t.channelBytes == 1)
      bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<std::int8_t>(bits)));
    else if (t.kind == Signed && t.channelBytes == 2)
      bits = static_cast<std::uint32_t>(static_cast<std::int32_t>(static_cast<std::int16_t>(bits)));
    v[c] = bits;
  }
  return v;
}

inline Value borderF(const Texture &t) {
  Value v{0, 0, 0, 0};
  for (unsigned c = 0; c < t.channels; ++c)
    v[c] = t.border[c];
  return v;
}

inline Bits borderBits(const Texture &t) {
  Bits v{0, 0, 0, 0};
  for (unsigned c = 0; c < t.channels; ++c)
    v[c] = toBits(t.border[c]);
  return v;
}

// The Guide's address modes, on a texel index of a dimension of n texels.
// Returns false for a Border texel.
inline bool addressIndex(long &i, long n, unsigned mode, bool normalized) {
  if (!normalized && (mode == Wrap || mode == Mirror))
    mode = Clamp;
  switch (mode) {
  case Wrap:
    i = ((i % n) + n) % n;
    return true;
  case Mirror: {
    long m = ((i % (2 * n)) + 2 * n) % (2 * n);
    i = m < n ? m : 2 * n - 1 - m;
    return true;
  }
  case Border:
    return i >= 0 && i < n;
  default:
    i = i < 0 ? 0 : (i > n - 1 ? n - 1 : i);
    return true;
  }
}

// Texel coordinates of a fetch: NaN as 0, normalized ones times the extent,
// bounded to +-2^62.
inline float texelCoordinate(float x, long extent, bool normalized) {
  if (std::isnan(x))
    x = 0.0f;
  if (normalized)
    x = x * static_cast<float>(extent);
  const float limit = 4611686018427387904.0f; // 2^62
  return x < -limit ? -limit : (x > limit ? limit : x);
}

template <class V, class Texel, class BorderOf>
V at(const Texture &t, unsigned dims, long i, long j, long k, long slice, Texel texel,
     BorderOf border) {
  bool inside = addressIndex(i, t.width, t.address[0], t.normalized);
  if (dims >= 2)
    inside = addressIndex(j, t.height, t.address[1], t.normalized) && inside;
  else
    j = 0;
  if (dims >= 3)
    inside = addressIndex(k, t.depth, t.address[2], t.normalized) && inside;
  else
    k = 0;
  return inside ? texel(t, i, j, slice + k) : border(t);
}

inline Value atF(const Texture &t, unsigned dims, long i, long j, long k, long slice) {
  return at<Value>(t, dims, i, j, k, slice, texelF, borderF);
}

inline Bits atBits(const Texture &t, unsigned dims, long i, long j, long k, long slice) {
  return at<Bits>(t, dims, i, j, k, slice, texelBits, borderBits);
}

// The slice a layer (and cube face) starts at; layers clamped.
inline long firstSlice(const Texture &t, int layer, int face) {
  if (t.cubemap) {
    long cubes = t.layers / 6;
    long cube = t.layered ? layer : 0;
    cube = cube < 0 ? 0 : (cube >= cubes ? cubes - 1 : cube);
    return cube * 6 + face;
  }
  if (t.layered)
    return layer < 0 ? 0 : (layer >= t.layers ? t.layers - 1 : layer);
  return 0;
}

// a = frac(xB) in 9-bit fixed point, 8 fractional bits: 0..256.
inline int fixedWeight(float xB, float base) {
  return static_cast<int>(std::round((xB - base) * 256.0f));
}

inline Value weighted(float weight, const Value &v) {
  return Value{weight * v[0], weight * v[1], weight * v[2], weight * v[3]};
}

inline Value plus(const Value &a, const Value &b) {
  return Value{a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3]};
}

// tex1D/2D/3D (and the layered forms) as a float read.
inline Value sampleF(const Texture &t, unsigned dims, float x, float y, float z, long slice) {
  x = texelCoordinate(x, t.width, t.normalized);
  y = dims >= 2 ? texelCoordinate(y, t.height, t.normalized) : 0.0f;
  z = dims >= 3 ? texelCoordinate(z, t.depth, t.normalized) : 0.0f;
  if (!t.linearFilter)
    return atF(t, dims, long(std::floor(x)), long(std::floor(y)), long(std::floor(z)), slice);
  float xB = x - 0.5f, yB = y - 0.5f, zB = z - 0.5f;
  float fi = std::floor(xB), fj = std::floor(yB), fk = std::floor(zB);
  long i = long(fi), j = long(fj), k = long(fk);
  int a = fixedWeight(xB, fi), b = fixedWeight(yB, fj), c = fixedWeight(zB, fk);
  if (dims == 1) {
    // (1 - a) T[i] + a T[i + 1]
    Value sum = weighted(float(256 - a) / 256.0f, atF(t, 1, i, 0, 0, slice));
    return plus(sum, weighted(float(a) / 256.0f, atF(t, 1, i + 1, 0, 0, slice)));
  }
  if (dims == 2) {
    // (1-a)(1-b) T[i,j] + a(1-b) T[i+1,j] + (1-a)b T[i,j+1] + ab T[i+1,j+1]
    Value sum = weighted(float((256 - a) * (256 - b)) / 65536.0f, atF(t, 2, i, j, 0, slice));
    sum = plus(sum, weighted(float(a * (256 - b)) / 65536.0f, atF(t, 2, i + 1, j, 0, slice)));
    sum = plus(sum, weighted(float((256 - a) * b) / 65536.0f, atF(t, 2, i, j + 1, 0, slice)));
    return plus(sum, weighted(float(a * b) / 65536.0f, atF(t, 2, i + 1, j + 1, 0, slice)));
  }
  // The eight corners in the Guide's order: i fastest, then j, then k.
  Value sum{0, 0, 0, 0};
  for (int n = 0; n < 8; ++n) {
    int di = n & 1, dj = (n >> 1) & 1, dk = (n >> 2) & 1;
    int weight = (di ? a : 256 - a) * (dj ? b : 256 - b) * (dk ? c : 256 - c);
    Value term = weighted(float(weight) / 16777216.0f, atF(t, 3, i + di, j + dj, k + dk, slice));
    sum = n == 0 ? term : plus(sum, term);
  }
  return sum;
}

// Integer reads: always the nearest texel.
inline Bits sampleBits(const Texture &t, unsigned dims, float x, float y, float z, long slice) {
  x = texelCoordinate(x, t.width, t.normalized);
  y = dims >= 2 ? texelCoordinate(y, t.height, t.normalized) : 0.0f;
  z = dims >= 3 ? texelCoordinate(z, t.depth, t.normalized) : 0.0f;
  return atBits(t, dims, long(std::floor(x)), long(std::floor(y)), long(std::floor(z)), slice);
}

// tex1Dfetch: element i, or 0 outside [0, width).
inline Value fetchF(const Texture &t, int i) {
  return i < 0 || i >= t.width ? Value{0, 0, 0, 0} : texelF(t, i, 0, 0);
}

inline Bits fetchBits(const Texture &t, int i) {
  return i < 0 || i >= t.width ? Bits{0, 0, 0, 0} : texelBits(t, i, 0, 0);
}

// The Guide's cubemap table: the major axis picks the face (ties: x, then
// y, then z), s = (sc / m + 1) / 2, t = (tc / m + 1) / 2.
inline int cubeFace(float x, float y, float z, float *s, float *t) {
  if (std::isnan(x))
    x = 0;
  if (std::isnan(y))
    y = 0;
  if (std::isnan(z))
    z = 0;
  float ax = std::fabs(x), ay = std::fabs(y), az = std::fabs(z);
  float m, sc, tc;
  int face;
  if (ax >= ay && ax >= az) {
    m = ax;
    face = x >= 0 ? 0 : 1;
    sc = x >= 0 ? -z : z;
    tc = -y;
  } else if (ay >= az) {
    m = ay;
    face = y >= 0 ? 2 : 3;
    sc = x;
    tc = y >= 0 ? z : -z;
  } else {
    m = az;
    face = z >= 0 ? 4 : 5;
    sc = z >= 0 ? x : -x;
    tc = -y;
  }
  if (m == 0.0f || std::isinf(m)) {
    sc = m == 0.0f ? 0.0f : (std::isinf(sc) ? std::copysign(1.0f, sc) : 0.0f);
    tc = m == 0.0f ? 0.0f : (std::isinf(tc) ? std::copysign(1.0f, tc) : 0.0f);
    m = 1.0f;
  }
  *s = (sc / m + 1.0f) * 0.5f;
  *t = (tc / m + 1.0f) * 0.5f;
  return face;
}

// texCubemap(Layered): the face as a 2-D texture with normalized coordinates.
inline Value cubemapF(Texture t, float x, float y, float z, int layer) {
  float s, u;
  int face = cubeFace(x, y, z, &s, &u);
  long slice = firstSlice(t, layer, face);
  t.normalized = true;
  return sampleF(t, 2, s, u, 0, slice);
}

inline Bits cubemapBits(Texture t, float x, float y, float z, int layer) {
  float s, u;
  int face = cubeFace(x, y, z, &s, &u);
  long slice = firstSlice(t, layer, face);
  t.normalized = true;
  return sampleBits(t, 2, s, u, 0, slice);
}

// tex2Dgather: component `comp` of T[i, j+1], T[i+1, j+1], T[i+1, j], T[i, j].
inline Value gatherF(const Texture &t, float x, float y, int comp) {
  x = texelCoordinate(x, t.width, t.normalized);
  y = texelCoordinate(y, t.height, t.normalized);
  long i = long(std::floor(x - 0.5f)), j = long(std::floor(y - 0.5f));
  int c = comp < 0 ? 0 : (comp > 3 ? 3 : comp);
  return Value{atF(t, 2, i, j + 1, 0, 0)[c], atF(t, 2, i + 1, j + 1, 0, 0)[c],
               atF(t, 2, i + 1, j, 0, 0)[c], atF(t, 2, i, j, 0, 0)[c]};
}

inline Bits gatherBits(const Texture &t, float x, float y, int comp) {
  x = texelCoordinate(x, t.width, t.normalized);
  y = texelCoordinate(y, t.height, t.normalized);
  long i = long(std::floor(x - 0.5f)), j = long(std::floor(y - 0.5f));
  int c = comp < 0 ? 0 : (comp > 3 ? 3 : comp);
  return Bits{atBits(t, 2, i, j + 1, 0, 0)[c], atBits(t, 2, i + 1, j + 1, 0, 0)[c],
              atBits(t, 2, i + 1, j, 0, 0)[c], atBits(t, 2, i, j, 0, 0)[c]};
}

} // namespace texture_model

#endif // CUCL_TESTS_RUNTIME_TEXTURE_MODEL_H
