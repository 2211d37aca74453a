// cucl's cuda_fp16.h and cuda_bf16.h in plain host C++ (no translator, no
// runtime), against three independent references:
//  - exact arithmetic: each 16-bit value as a long double (64-bit
//    significand: every half, bfloat16, float, double and 64-bit integer is
//    exact), rounded by searching the sorted table of the format's values and
//    comparing with the midpoints; __int128 for the exact half fma;
//  - the CPU: F16C (float <-> half, every rounding mode) and AVX512-BF16
//    (float -> bfloat16 to nearest), where the CPU has them;
//  - NVIDIA's own host implementations from /usr/local/cuda/include, built in
//    another translation unit (half_nvidia_reference.cpp); those tests skip
//    where the toolkit's headers are absent (nvidia::available() is false).
// Every half and bfloat16 bit pattern is converted; conversions from float,
// double and integers cover the values next to every rounding boundary plus
// random samples; arithmetic covers all pairs of a set of special and random
// values plus random pairs. Inputs are fixed (seeded generators).
#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <limits>
#include <random>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "half_reference.h"

namespace {

using namespace half_reference;
__extension__ typedef __int128 Int128;

static_assert(std::numeric_limits<long double>::digits >= 64,
              "the exact references need a 64-bit long double significand");

const Format kFormats[] = {kHalf, kBf16};
const Mode kModes[] = {kRn, kRz, kRd, kRu};

uint32_t floatBits(float f) {
  uint32_t u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}
float bitsFloat(uint32_t u) {
  float f;
  std::memcpy(&f, &u, sizeof f);
  return f;
}
uint64_t doubleBits(double d) {
  uint64_t u;
  std::memcpy(&u, &d, sizeof u);
  return u;
}
double bitsDouble(uint64_t u) {
  double d;
  std::memcpy(&d, &u, sizeof d);
  return d;
}

const char *name(Format format) {
  return format == kHalf ? "half" : "bf16";
}
const char *name(Mode mode) {
  static const char *const names[] = {"rn", "rz", "rd", "ru"};
  return names[mode];
}
std::string hex(uint64_t value) {
  char text[32];
  std::snprintf(text, sizeof text, "0x%llx", static_cast<unsigned long long>(value));
  return text;
}

// Counts checks and failures; reports the first few failures of each kind.
class Tally {
public:
  explicit Tally(std::string what) : what_(std::move(what)) {}
  ~Tally() {
    std::printf("[ counts   ] %s: %ld checked, %ld mismatches\n", what_.c_str(), checked_, failed_);
    EXPECT_EQ(failed_, 0) << what_;
  }
  // True when the failure should be printed.
  bool fails(bool ok) {
    ++checked_;
    if (ok)
      return false;
    return ++failed_ <= 8;
  }
  long checked() const { return checked_; }

private:
  std::string what_;
  long checked_ = 0;
  long failed_ = 0;
};

#define CHECK_SAME(tally, expected, actual, context)                                               \
  do {                                                                                             \
    auto expected_ = (expected);                                                                   \
    auto actual_ = (actual);                                                                       \
    if ((tally).fails(expected_ == actual_))                                                       \
      ADD_FAILURE() << context << ": expected " << hex(uint64_t(expected_)) << ", got "            \
                    << hex(uint64_t(actual_));                                                     \
  } while (0)

bool nvidiaAvailable() {
  return nvidia::available();
}

#define REQUIRE_NVIDIA()                                                                           \
  do {                                                                                             \
    if (!nvidiaAvailable())                                                                        \
      GTEST_SKIP() << "NVIDIA's cuda_fp16.h is not installed here";                                \
  } while (0)

// ---- The exact reference ----

uint16_t infBits(Format format) {
  return format == kHalf ? 0x7c00 : 0x7f80;
}
bool isNanBits(Format format, uint16_t bits) {
  return (bits & 0x7fffu) > infBits(format);
}

// The value of a bit pattern, from the format's definition; the infinity's
// pattern gives 2^16 (half) or 2^128 (bfloat16), where the next binade
// would start.
long double valueOf(Format format, uint16_t bits) {
  unsigned magnitude = bits & 0x7fffu;
  long double value;
  if (format == kHalf) {
    unsigned exponent = magnitude >> 10, fraction = magnitude & 0x3ffu;
    value = exponent == 0 ? std::ldexp((long double)fraction, -24)
                          : std::ldexp((long double)(1024 + fraction), int(exponent) - 25);
  } else {
    unsigned exponent = magnitude >> 7, fraction = magnitude & 0x7fu;
    value = exponent == 0 ? std::ldexp((long double)fraction, -133)
                          : std::ldexp((long double)(128 + fraction), int(exponent) - 134);
  }
  return (bits & 0x8000u) ? -value : value;
}

// The non-negative values in bit order, the infinity's position last.
template <typename T> std::vector<T> buildMagnitudes(Format format, int scale) {
  std::vector<T> values;
  for (unsigned bits = 0; bits <= infBits(format); ++bits)
    values.push_back(T(std::ldexp(valueOf(format, uint16_t(bits)), scale)));
  return values;
}
const std::vector<long double> &magnitudes(Format format) {
  static const std::vector<long double> half = buildMagnitudes<long double>(kHalf, 0);
  static const std::vector<long double> bf16 = buildMagnitudes<long double>(kBf16, 0);
  return format == kHalf ? half : bf16;
}
// Half values times 2^48, for the exact fma.
const std::vector<Int128> &halfMagnitudesTimes2to48() {
  static const std::vector<Int128> values = buildMagnitudes<Int128>(kHalf, 48);
  return values;
}

// Rounds a non-negative magnitude to the format whose sorted values are
// `values` (the infinity's position last), then applies the sign.
template <typename T>
uint16_t roundMagnitude(const std::vector<T> &values, bool negative, T magnitude, Mode mode) {
  size_t infinity = values.size() - 1;
  size_t lo = size_t(std::upper_bound(values.begin(), values.begin() + infinity, magnitude) -
                     values.begin()) -
              1;
  size_t hi = lo + 1, pick = lo;
  if (values[lo] != magnitude) {
    switch (mode) {
    case kRn: {
      T twice = magnitude + magnitude, sum = values[lo] + values[hi];
      pick = twice < sum ? lo : (twice > sum ? hi : (lo % 2 == 0 ? lo : hi));
      break;
    }
    case kRz:
      pick = lo;
      break;
    case kRd:
      pick = negative ? hi : lo;
      break;
    case kRu:
      pick = negative ? lo : hi;
      break;
    }
  }
  return uint16_t((negative ? 0x8000u : 0u) | unsigned(pick));
}

// The correctly rounded 16-bit value of an exact long double (NaN -> 0x7fff).
uint16_t referenceRound(Format format, long double x, Mode mode) {
  if (std::isnan(x))
    return 0x7fff;
  bool negative = std::signbit(x);
  if (std::isinf(x))
    return uint16_t((negative ? 0x8000u : 0u) | infBits(format));
  return roundMagnitude(magnitudes(format), negative, std::fabs(x), mode);
}

long double referenceIntegral(long double v, Mode mode) {
  switch (mode) {
  case kRn:
    return std::rint(v); // the default rounding mode: to nearest even
  case kRz:
    return std::trunc(v);
  case kRd:
    return std::floor(v);
  default:
    return std::ceil(v);
  }
}

struct IntLimits {
  long double min, max;
};
IntLimits limitsOf(IntType type) {
  switch (type) {
  case kShort:
    return {-32768.0L, 32767.0L};
  case kUshort:
    return {0.0L, 65535.0L};
  case kInt:
    return {-2147483648.0L, 2147483647.0L};
  case kUint:
    return {0.0L, 4294967295.0L};
  case kLl:
    return {-9223372036854775808.0L, 9223372036854775807.0L};
  case kUll:
    return {0.0L, 18446744073709551615.0L};
  case kChar:
    return {-128.0L, 127.0L};
  default:
    return {0.0L, 255.0L};
  }
}

// CUDA's saturating conversion to an integer type; NaN gives 0, or
// 0x8000000000000000 for the 64-bit types.
Int128 referenceToInteger(Format format, IntType type, uint16_t bits, Mode mode) {
  if (isNanBits(format, bits))
    return type == kLl ? -(Int128(1) << 63) : (type == kUll ? (Int128(1) << 63) : 0);
  long double v;
  if ((bits & 0x7fffu) == infBits(format))
    v = (bits & 0x8000u) ? -INFINITY : INFINITY;
  else
    v = referenceIntegral(valueOf(format, bits), mode);
  IntLimits limits = limitsOf(type);
  v = std::min(std::max(v, limits.min), limits.max);
  return v < 0 ? -Int128((unsigned long long)(-v)) : Int128((unsigned long long)v);
}

// ---- cucl's functions, behind the same interface as the references ----

__half toHalf(uint16_t bits) {
  return __ushort_as_half(bits);
}
__nv_bfloat16 toBf16(uint16_t bits) {
  return __ushort_as_bfloat16(bits);
}
uint16_t bitsOf(__half h) {
  return __half_as_ushort(h);
}
uint16_t bitsOf(__nv_bfloat16 h) {
  return __bfloat16_as_ushort(h);
}
__half2 toHalf2(uint32_t bits) {
  return __halves2half2(toHalf(uint16_t(bits & 0xffffu)), toHalf(uint16_t(bits >> 16)));
}
__nv_bfloat162 toBf162(uint32_t bits) {
  return __halves2bfloat162(toBf16(uint16_t(bits & 0xffffu)), toBf16(uint16_t(bits >> 16)));
}
uint32_t bitsOf(__half2 h) {
  return uint32_t(bitsOf(__low2half(h))) | (uint32_t(bitsOf(__high2half(h))) << 16);
}
uint32_t bitsOf(__nv_bfloat162 h) {
  return uint32_t(bitsOf(__low2bfloat16(h))) | (uint32_t(bitsOf(__high2bfloat16(h))) << 16);
}

#include "half_dispatch.inc"

namespace ours {

uint16_t fromFloat(Format format, float f, Mode mode) {
  if (format == kHalf) {
    switch (mode) {
    case kRn:
      return bitsOf(__float2half_rn(f));
    case kRz:
      return bitsOf(__float2half_rz(f));
    case kRd:
      return bitsOf(__float2half_rd(f));
    default:
      return bitsOf(__float2half_ru(f));
    }
  }
  switch (mode) {
  case kRn:
    return bitsOf(__float2bfloat16_rn(f));
  case kRz:
    return bitsOf(__float2bfloat16_rz(f));
  case kRd:
    return bitsOf(__float2bfloat16_rd(f));
  default:
    return bitsOf(__float2bfloat16_ru(f));
  }
}

float toFloat(Format format, uint16_t h) {
  return format == kHalf ? __half2float(toHalf(h)) : __bfloat162float(toBf16(h));
}

uint16_t fromDouble(Format format, double d) {
  return format == kHalf ? bitsOf(__double2half(d)) : bitsOf(__double2bfloat16(d));
}

#define OURS_FROM_INTEGER(target, iname, value)                                                    \
  switch (mode) {                                                                                  \
  case kRn:                                                                                        \
    return bitsOf(__##iname##2##target##_rn(value));                                               \
  case kRz:                                                                                        \
    return bitsOf(__##iname##2##target##_rz(value));                                               \
  case kRd:                                                                                        \
    return bitsOf(__##iname##2##target##_rd(value));                                               \
  default:                                                                                         \
    return bitsOf(__##iname##2##target##_ru(value));                                               \
  }
#define OURS_FROM_INTEGERS(target)                                                                 \
  switch (type) {                                                                                  \
  case kShort:                                                                                     \
    OURS_FROM_INTEGER(target, short, static_cast<short>(value))                                    \
  case kUshort:                                                                                    \
    OURS_FROM_INTEGER(target, ushort, static_cast<unsigned short>(unsignedValue))                  \
  case kInt:                                                                                       \
    OURS_FROM_INTEGER(target, int, static_cast<int>(value))                                        \
  case kUint:                                                                                      \
    OURS_FROM_INTEGER(target, uint, static_cast<unsigned int>(unsignedValue))                      \
  case kLl:                                                                                        \
    OURS_FROM_INTEGER(target, ll, static_cast<long long>(value))                                   \
  default:                                                                                         \
    OURS_FROM_INTEGER(target, ull, static_cast<unsigned long long>(unsignedValue))                 \
  }

uint16_t fromInteger(Format format, IntType type, int64_t value, uint64_t unsignedValue,
                     Mode mode) {
  if (format == kHalf)
    OURS_FROM_INTEGERS(half)
  OURS_FROM_INTEGERS(bfloat16)
}
#undef OURS_FROM_INTEGERS
#undef OURS_FROM_INTEGER

#define OURS_TO_INTEGER(source, iname, h)                                                          \
  switch (mode) {                                                                                  \
  case kRn:                                                                                        \
    return Int128(__##source##2##iname##_rn(h));                                                   \
  case kRz:                                                                                        \
    return Int128(__##source##2##iname##_rz(h));                                                   \
  case kRd:                                                                                        \
    return Int128(__##source##2##iname##_rd(h));                                                   \
  default:                                                                                         \
    return Int128(__##source##2##iname##_ru(h));                                                   \
  }
#define OURS_TO_INTEGERS(source, h)                                                                \
  switch (type) {                                                                                  \
  case kShort:                                                                                     \
    OURS_TO_INTEGER(source, short, h)                                                              \
  case kUshort:                                                                                    \
    OURS_TO_INTEGER(source, ushort, h)                                                             \
  case kInt:                                                                                       \
    OURS_TO_INTEGER(source, int, h)                                                                \
  case kUint:                                                                                      \
    OURS_TO_INTEGER(source, uint, h)                                                               \
  case kLl:                                                                                        \
    OURS_TO_INTEGER(source, ll, h)                                                                 \
  case kUll:                                                                                       \
    OURS_TO_INTEGER(source, ull, h)                                                                \
  case kChar:                                                                                      \
    return Int128(__##source##2char_rz(h));                                                        \
  default:                                                                                         \
    return Int128(__##source##2uchar_rz(h));                                                       \
  }

// char and uchar exist in _rz only (as in CUDA).
Int128 toInteger(Format format, IntType type, uint16_t bits, Mode mode) {
  if (format == kHalf)
    OURS_TO_INTEGERS(half, toHalf(bits))
  OURS_TO_INTEGERS(bfloat16, toBf16(bits))
}
#undef OURS_TO_INTEGERS
#undef OURS_TO_INTEGER

uint16_t binary(Format format, BinaryOp op, uint16_t a, uint16_t b) {
  return format == kHalf ? binaryOp(op, toHalf(a), toHalf(b)) : binaryOp(op, toBf16(a), toBf16(b));
}
int compare(Format format, CompareOp op, uint16_t a, uint16_t b) {
  return format == kHalf ? compareOp(op, toHalf(a), toHalf(b))
                         : compareOp(op, toBf16(a), toBf16(b));
}
uint16_t unary(Format format, UnaryOp op, uint16_t a) {
  return format == kHalf ? unaryOp(op, toHalf(a)) : unaryOp(op, toBf16(a));
}
uint32_t pair(Format format, PairOp op, uint32_t a, uint32_t b) {
  return format == kHalf ? pairOp(op, toHalf2(a), toHalf2(b)) : pairOp(op, toBf162(a), toBf162(b));
}
uint16_t fma(Format format, uint16_t a, uint16_t b, uint16_t c) {
  return format == kHalf ? bitsOf(__hfma(toHalf(a), toHalf(b), toHalf(c)))
                         : bitsOf(__hfma(toBf16(a), toBf16(b), toBf16(c)));
}

} // namespace ours

// ---- Inputs ----

uint16_t largestFinite(Format format) {
  return uint16_t(infBits(format) - 1);
}

// Floats at and next to every value and every midpoint of the format (both
// signs), the specials, and random samples.
std::vector<float> floatInputs(Format format) {
  std::vector<float> inputs;
  auto around = [&](float x) {
    float up = x, down = x;
    inputs.push_back(x);
    for (int step = 0; step < 3; ++step) {
      up = std::nextafter(up, INFINITY);
      down = std::nextafter(down, -INFINITY);
      inputs.push_back(up);
      inputs.push_back(down);
    }
  };
  for (unsigned bits = 0; bits < infBits(format); ++bits) {
    float value = float(valueOf(format, uint16_t(bits)));
    long double exactMid =
        (valueOf(format, uint16_t(bits)) + valueOf(format, uint16_t(bits + 1))) / 2;
    float mid = float(exactMid);
    EXPECT_EQ((long double)mid, exactMid) << "midpoint exact in float";
    around(value);
    around(-value);
    around(mid);
    around(-mid);
  }
  const uint32_t specials[] = {0x00000000u, 0x80000000u, 0x00000001u, 0x80000001u, 0x007fffffu,
                               0x00800000u, 0x7f7fffffu, 0xff7fffffu, 0x7f800000u, 0xff800000u,
                               0x7fc00000u, 0xffc00000u, 0x7f800001u, 0xff800001u, 0x7fbfffffu,
                               0x7fffffffu, 0xffffffffu, 0x7fe00000u, 0x7f802000u, 0x7fc0dead};
  for (uint32_t bits : specials)
    inputs.push_back(bitsFloat(bits));
  std::mt19937 random(format == kHalf ? 1234u : 5678u);
  for (int i = 0; i < 2000000; ++i)
    inputs.push_back(bitsFloat(uint32_t(random())));
  // Random floats in the format's range, random low bits (half: the 13
  // bits float keeps below a half's).
  std::uniform_int_distribution<int> exponent(format == kHalf ? -27 : -136,
                                              format == kHalf ? 16 : 127);
  for (int i = 0; i < 2000000; ++i) {
    float x = std::ldexp(float(random() & 0xffffffu) / 16777216.0f + 0.5f, exponent(random));
    inputs.push_back((random() & 1u) ? -x : x);
  }
  // bfloat16: every upper half with a few lower halves.
  if (format == kBf16) {
    const uint32_t lows[] = {0x0000u, 0x0001u, 0x7fffu, 0x8000u, 0x8001u, 0xffffu};
    for (uint32_t upper = 0; upper < 0x10000u; ++upper)
      for (uint32_t low : lows)
        inputs.push_back(bitsFloat((upper << 16) | low));
  }
  return inputs;
}

// Doubles next to every value and midpoint (within a few double ulps: a
// conversion through float would round those to the midpoint), specials and
// random samples.
std::vector<double> doubleInputs(Format format) {
  std::vector<double> inputs;
  auto around = [&](double x) {
    double up = x, down = x;
    inputs.push_back(x);
    for (int step = 0; step < 2; ++step) {
      up = std::nextafter(up, INFINITY);
      down = std::nextafter(down, -INFINITY);
      inputs.push_back(up);
      inputs.push_back(down);
    }
    inputs.push_back(x * (1 + 0x1p-30));
    inputs.push_back(x * (1 - 0x1p-30));
  };
  for (unsigned bits = 0; bits < infBits(format); ++bits) {
    double value = double(valueOf(format, uint16_t(bits)));
    double mid =
        double((valueOf(format, uint16_t(bits)) + valueOf(format, uint16_t(bits + 1))) / 2);
    around(value);
    around(-mid);
    around(mid);
  }
  const double specials[] = {0.0,
                             -0.0,
                             1e-320,
                             -1e-320,
                             1e-300,
                             1e300,
                             -1e300,
                             INFINITY,
                             -INFINITY,
                             NAN,
                             -NAN,
                             3.4028235677973366e38,
                             3.4028234663852886e38,
                             65504.0,
                             65519.999999999,
                             65520.0,
                             -65520.0000000001};
  for (double d : specials)
    inputs.push_back(d);
  std::mt19937_64 random(format == kHalf ? 42u : 43u);
  for (int i = 0; i < 1000000; ++i)
    inputs.push_back(bitsDouble(random()));
  std::uniform_int_distribution<int> exponent(format == kHalf ? -27 : -136,
                                              format == kHalf ? 16 : 128);
  for (int i = 0; i < 1000000; ++i) {
    double x = std::ldexp(double(random() >> 11) * 0x1p-53 + 0.5, exponent(random));
    inputs.push_back((random() & 1u) ? -x : x);
  }
  return inputs;
}

// 64-bit integers next to the format's midpoints (where a conversion through
// a narrower type would round twice), powers of two, extremes, random.
std::vector<uint64_t> integerInputs() {
  std::vector<uint64_t> inputs;
  for (int64_t v = -70000; v <= 70000; ++v)
    inputs.push_back(uint64_t(v));
  std::mt19937_64 random(99u);
  for (int k = 0; k < 64; ++k) {
    for (int64_t d = -3; d <= 3; ++d) {
      inputs.push_back((uint64_t(1) << k) + uint64_t(d));
      inputs.push_back(0 - ((uint64_t(1) << k) + uint64_t(d)));
    }
    for (int precision : {8, 11}) { // bfloat16, half
      if (k < precision + 1)
        continue;
      for (int i = 0; i < 64; ++i) {
        // m * 2^(k - precision) + half a unit: a midpoint at magnitude 2^k
        uint64_t m =
            (uint64_t(1) << (precision - 1)) | (random() & ((uint64_t(1) << (precision - 1)) - 1));
        uint64_t unit = uint64_t(1) << (k - precision);
        uint64_t mid = (m << (k - precision)) + unit / 2;
        for (int64_t d : {-2, -1, 0, 1, 2}) {
          inputs.push_back(mid + uint64_t(d));
          inputs.push_back(0 - (mid + uint64_t(d)));
        }
      }
    }
  }
  for (int i = 0; i < 500000; ++i) {
    uint64_t r = random();
    inputs.push_back(r);
    inputs.push_back(r >> (r & 63));
  }
  return inputs;
}

// 16-bit values for arithmetic: specials, both signs of every exponent's
// first, last and middle values, random patterns.
std::vector<uint16_t> interestingValues(Format format, unsigned randomCount, unsigned seed) {
  std::vector<uint16_t> values;
  const unsigned fractionBits = format == kHalf ? 10 : 7;
  const unsigned exponents = format == kHalf ? 32 : 256;
  for (unsigned e = 0; e < exponents; e += (format == kHalf ? 1 : 9)) {
    unsigned base = e << fractionBits, top = base | ((1u << fractionBits) - 1);
    for (unsigned bits : {base, base + 1, top, base | (1u << (fractionBits - 1))}) {
      values.push_back(uint16_t(bits));
      values.push_back(uint16_t(bits | 0x8000u));
    }
  }
  const uint16_t specials[] = {0x0000,
                               0x8000,
                               0x0001,
                               0x8001,
                               infBits(format),
                               uint16_t(infBits(format) | 0x8000u),
                               largestFinite(format),
                               0x7fff,
                               0xffff,
                               uint16_t(infBits(format) + 1)};
  for (uint16_t bits : specials)
    values.push_back(bits);
  std::mt19937 random(seed);
  for (unsigned i = 0; i < randomCount; ++i)
    values.push_back(uint16_t(random()));
  return values;
}

// All pairs of the interesting values, then random pairs.
std::vector<std::pair<uint16_t, uint16_t>> operandPairs(Format format) {
  std::vector<uint16_t> values = interestingValues(format, 600, 7u);
  std::vector<std::pair<uint16_t, uint16_t>> pairs;
  for (uint16_t a : values)
    for (uint16_t b : values)
      pairs.emplace_back(a, b);
  std::mt19937 random(8u);
  for (int i = 0; i < 1000000; ++i)
    pairs.emplace_back(uint16_t(random()), uint16_t(random()));
  return pairs;
}

// ---- 16-bit -> float ----

TEST(HalfHost, EveryHalfAndBf16ConvertsToFloatExactly) {
  Tally half("half->float vs exact value, all 65536 patterns (function, operator, pairs)");
  Tally bf16("bf16->float vs exact value, all 65536 patterns (function, operator, pairs)");
  for (unsigned bits = 0; bits < 0x10000u; ++bits) {
    uint16_t b = uint16_t(bits);
    // half: NaN becomes the canonical 0x7fffffff (as NVIDIA's conversion)
    uint32_t expected = isNanBits(kHalf, b) ? 0x7fffffffu : floatBits(float(valueOf(kHalf, b)));
    if (isNanBits(kHalf, b) == false && (b & 0x7fffu) == 0x7c00u)
      expected = (b & 0x8000u) ? 0xff800000u : 0x7f800000u;
    CHECK_SAME(half, expected, floatBits(__half2float(toHalf(b))), "__half2float " << hex(b));
    CHECK_SAME(half, expected, floatBits(float(toHalf(b))), "operator float " << hex(b));
    __half2 pair = __halves2half2(toHalf(b), toHalf(uint16_t(b ^ 0x8000u)));
    CHECK_SAME(half, expected, floatBits(__low2float(pair)), "__low2float " << hex(b));
    CHECK_SAME(half, expected, floatBits(__half22float2(pair).x), "__half22float2 " << hex(b));
    // bfloat16: the upper half of the float, NaN payload kept
    uint32_t bfExpected = uint32_t(b) << 16;
    CHECK_SAME(bf16, bfExpected, floatBits(__bfloat162float(toBf16(b))), "bf16 " << hex(b));
    CHECK_SAME(bf16, bfExpected, floatBits(float(toBf16(b))), "bf16 operator " << hex(b));
    __nv_bfloat162 bfPair = __halves2bfloat162(toBf16(uint16_t(b ^ 0x8000u)), toBf16(b));
    CHECK_SAME(bf16, bfExpected, floatBits(__high2float(bfPair)), "__high2float " << hex(b));
    CHECK_SAME(bf16, bfExpected, floatBits(__bfloat1622float2(bfPair).y), "bf16 pair " << hex(b));
  }
}

TEST(HalfHost, EveryHalfConvertsToFloatAsF16c) {
  if (!cpu::hasF16c())
    GTEST_SKIP() << "no F16C here";
  Tally tally("half->float vs F16C, all 65536 patterns");
  for (unsigned bits = 0; bits < 0x10000u; ++bits) {
    float theirs = cpu::f16cToFloat(uint16_t(bits)), mine = __half2float(toHalf(uint16_t(bits)));
    if (std::isnan(theirs)) // F16C keeps the payload, CUDA makes it canonical
      CHECK_SAME(tally, 1, int(std::isnan(mine)), "NaN " << hex(bits));
    else
      CHECK_SAME(tally, floatBits(theirs), floatBits(mine), hex(bits));
  }
}

TEST(HalfHost, EveryHalfAndBf16ConvertsToFloatAsNvidia) {
  REQUIRE_NVIDIA();
  for (Format format : kFormats) {
    Tally tally(std::string(name(format)) + "->float vs NVIDIA, all 65536 patterns");
    for (unsigned bits = 0; bits < 0x10000u; ++bits) {
      CHECK_SAME(tally, floatBits(nvidia::toFloat(format, uint16_t(bits))),
                 floatBits(ours::toFloat(format, uint16_t(bits))), hex(bits));
      CHECK_SAME(tally, floatBits(nvidia::convertToFloat(format, uint16_t(bits))),
                 floatBits(ours::toFloat(format, uint16_t(bits))), "operator float " << hex(bits));
    }
  }
}

// ---- float, double, integers -> 16-bit ----

TEST(HalfHost, FloatsRoundToHalfAndBf16InEveryModeExactly) {
  for (Format format : kFormats) {
    std::vector<float> inputs = floatInputs(format);
    Tally tally(std::string("float->") + name(format) + " vs exact rounding, 4 modes, " +
                std::to_string(inputs.size()) + " floats");
    for (float x : inputs) {
      for (Mode mode : kModes)
        CHECK_SAME(tally, referenceRound(format, x, mode), ours::fromFloat(format, x, mode),
                   name(format) << " " << name(mode) << " " << hex(floatBits(x)));
      // The default conversion and the constructor round to nearest.
      uint16_t nearest = referenceRound(format, x, kRn);
      if (format == kHalf) {
        CHECK_SAME(tally, nearest, bitsOf(__float2half(x)), "__float2half " << hex(floatBits(x)));
        CHECK_SAME(tally, nearest, bitsOf(__half(x)), "__half(float) " << hex(floatBits(x)));
        CHECK_SAME(tally, uint32_t(nearest) * 0x10001u, bitsOf(__float2half2_rn(x)),
                   "__float2half2_rn " << hex(floatBits(x)));
      } else {
        CHECK_SAME(tally, nearest, bitsOf(__float2bfloat16(x)),
                   "__float2bfloat16 " << hex(floatBits(x)));
        CHECK_SAME(tally, nearest, bitsOf(__nv_bfloat16(x)), "bf16(float) " << hex(floatBits(x)));
      }
    }
  }
}

TEST(HalfHost, FloatsRoundToHalfAsF16cInEveryMode) {
  if (!cpu::hasF16c())
    GTEST_SKIP() << "no F16C here";
  std::vector<float> inputs = floatInputs(kHalf);
  Tally tally("float->half vs F16C, 4 modes, " + std::to_string(inputs.size()) + " floats");
  for (float x : inputs) {
    for (Mode mode : kModes) {
      uint16_t theirs = cpu::f16cFromFloat(x, mode), mine = ours::fromFloat(kHalf, x, mode);
      if (std::isnan(x)) // F16C keeps the payload, CUDA gives 0x7fff
        CHECK_SAME(tally, 1, int(isNanBits(kHalf, theirs) && mine == 0x7fff), hex(floatBits(x)));
      else
        CHECK_SAME(tally, theirs, mine, name(mode) << " " << hex(floatBits(x)));
    }
  }
}

TEST(HalfHost, FloatsRoundToBf16AsAvx512Bf16) {
  if (!cpu::hasAvx512Bf16())
    GTEST_SKIP() << "no AVX512-BF16 here";
  std::vector<float> inputs = floatInputs(kBf16);
  Tally tally("float->bf16 vs AVX512-BF16 (to nearest, normal inputs)");
  for (float x : inputs) {
    if (std::isnan(x) || !std::isnormal(x))
      continue; // the instruction flushes denormals and keeps NaN payloads
    CHECK_SAME(tally, cpu::avx512FloatToBf16(x), ours::fromFloat(kBf16, x, kRn), hex(floatBits(x)));
  }
}

TEST(HalfHost, FloatsRoundToHalfAndBf16AsNvidia) {
  REQUIRE_NVIDIA();
  for (Format format : kFormats) {
    std::vector<float> inputs = floatInputs(format);
    Tally tally(std::string("float->") + name(format) + " vs NVIDIA, 4 modes + constructor, " +
                std::to_string(inputs.size()) + " floats");
    for (float x : inputs) {
      for (Mode mode : kModes)
        CHECK_SAME(tally, nvidia::fromFloat(format, x, mode), ours::fromFloat(format, x, mode),
                   name(format) << " " << name(mode) << " " << hex(floatBits(x)));
      CHECK_SAME(tally, nvidia::constructFromFloat(format, x),
                 format == kHalf ? bitsOf(__half(x)) : bitsOf(__nv_bfloat16(x)),
                 "constructor " << hex(floatBits(x)));
    }
  }
}

TEST(HalfHost, DoublesRoundOnceToHalfAndBf16) {
  for (Format format : kFormats) {
    std::vector<double> inputs = doubleInputs(format);
    Tally tally(std::string("double->") + name(format) + " vs exact rounding, " +
                std::to_string(inputs.size()) + " doubles");
    for (double d : inputs) {
      uint16_t expected = referenceRound(format, d, kRn);
      CHECK_SAME(tally, expected, ours::fromDouble(format, d), hex(doubleBits(d)));
      CHECK_SAME(tally, expected, format == kHalf ? bitsOf(__half(d)) : bitsOf(__nv_bfloat16(d)),
                 "constructor " << d);
    }
  }
}

TEST(HalfHost, DoublesRoundToHalfAndBf16AsNvidia) {
  REQUIRE_NVIDIA();
  for (Format format : kFormats) {
    std::vector<double> inputs = doubleInputs(format);
    Tally tally(std::string("double->") + name(format) + " vs NVIDIA, " +
                std::to_string(inputs.size()) + " doubles");
    for (double d : inputs) {
      CHECK_SAME(tally, nvidia::fromDouble(format, d), ours::fromDouble(format, d), d);
      CHECK_SAME(tally, nvidia::constructFromDouble(format, d),
                 format == kHalf ? bitsOf(__half(d)) : bitsOf(__nv_bfloat16(d)), "ctor " << d);
    }
  }
}

// The value an integer input has as each type.
long double integerValue(IntType type, uint64_t bits) {
  switch (type) {
  case kShort:
    return static_cast<short>(bits);
  case kUshort:
    return static_cast<unsigned short>(bits);
  case kInt:
    return static_cast<int>(bits);
  case kUint:
    return static_cast<unsigned int>(bits);
  case kLl:
    return static_cast<long long>(bits);
  default:
    return static_cast<unsigned long long>(bits);
  }
}
const IntType kIntegerTypes[] = {kShort, kUshort, kInt, kUint, kLl, kUll};

TEST(HalfHost, IntegersRoundToHalfAndBf16InEveryModeExactly) {
  std::vector<uint64_t> inputs = integerInputs();
  for (Format format : kFormats) {
    Tally tally(std::string("integers->") + name(format) +
                " vs exact rounding, 6 types x 4 modes, " + std::to_string(inputs.size()) +
                " values");
    for (uint64_t bits : inputs) {
      for (IntType type : kIntegerTypes) {
        long double value = integerValue(type, bits);
        for (Mode mode : kModes)
          CHECK_SAME(tally, referenceRound(format, value, mode),
                     ours::fromInteger(format, type, int64_t(bits), bits, mode),
                     name(format) << " type " << type << " " << name(mode) << " " << hex(bits));
      }
      // The constructors round to nearest.
      int i = int(bits);
      CHECK_SAME(tally, referenceRound(format, (long double)i, kRn),
                 format == kHalf ? bitsOf(__half(i)) : bitsOf(__nv_bfloat16(i)), "ctor " << i);
      long long ll = (long long)bits;
      CHECK_SAME(tally, referenceRound(format, (long double)ll, kRn),
                 format == kHalf ? bitsOf(__half(ll)) : bitsOf(__nv_bfloat16(ll)), "ctor " << ll);
    }
  }
}

TEST(HalfHost, IntegersRoundToHalfAndBf16AsNvidia) {
  REQUIRE_NVIDIA();
  std::vector<uint64_t> inputs = integerInputs();
  for (Format format : kFormats) {
    Tally tally(std::string("integers->") + name(format) + " vs NVIDIA (" +
                (format == kHalf ? "4 modes" : "to nearest, as CUDA's host code has") + "), " +
                std::to_string(inputs.size()) + " values");
    for (uint64_t bits : inputs) {
      for (IntType type : kIntegerTypes)
        for (Mode mode : kModes) {
          if (format == kBf16 && mode != kRn)
            continue;
          CHECK_SAME(tally, nvidia::fromInteger(format, type, int64_t(bits), bits, mode),
                     ours::fromInteger(format, type, int64_t(bits), bits, mode),
                     name(format) << " type " << type << " " << name(mode) << " " << hex(bits));
        }
      CHECK_SAME(tally, nvidia::constructFromInt(format, int(bits)),
                 format == kHalf ? bitsOf(__half(int(bits))) : bitsOf(__nv_bfloat16(int(bits))),
                 "ctor " << int(bits));
    }
  }
}

// ---- 16-bit -> integers ----

TEST(HalfHost, EveryHalfAndBf16ConvertsToIntegersInEveryMode) {
  const IntType types[] = {kShort, kUshort, kInt, kUint, kLl, kUll, kChar, kUchar};
  for (Format format : kFormats) {
    Tally tally(std::string(name(format)) +
                "->integers vs exact, all 65536 patterns x 8 types x modes + operators");
    for (unsigned bits = 0; bits < 0x10000u; ++bits) {
      uint16_t b = uint16_t(bits);
      for (IntType type : types)
        for (Mode mode : kModes) {
          if ((type == kChar || type == kUchar) && mode != kRz)
            continue;
          CHECK_SAME(tally, referenceToInteger(format, type, b, mode),
                     ours::toInteger(format, type, b, mode),
                     name(format) << " type " << type << " " << name(mode) << " " << hex(b));
        }
      // Conversion operators truncate (as __half2int_rz & co.).
      if (format == kHalf) {
        __half h = toHalf(b);
        CHECK_SAME(tally, referenceToInteger(format, kInt, b, kRz), Int128(int(h)), "int " << b);
        CHECK_SAME(tally, referenceToInteger(format, kUshort, b, kRz), Int128((unsigned short)h),
                   "ushort " << b);
        CHECK_SAME(tally, referenceToInteger(format, kLl, b, kRz), Int128((long long)h),
                   "long long " << b);
        CHECK_SAME(tally, int((b & 0x7fffu) != 0), int(bool(h)), "bool " << b);
      } else {
        __nv_bfloat16 h = toBf16(b);
        CHECK_SAME(tally, referenceToInteger(format, kInt, b, kRz), Int128(int(h)), "int " << b);
        CHECK_SAME(tally, referenceToInteger(format, kUll, b, kRz), Int128((unsigned long long)h),
                   "ull " << b);
        CHECK_SAME(tally, int((b & 0x7fffu) != 0), int(bool(h)), "bool " << b);
      }
    }
  }
}

TEST(HalfHost, EveryHalfAndBf16ConvertsToIntegersAsNvidia) {
  REQUIRE_NVIDIA();
  const IntType types[] = {kShort, kUshort, kInt, kUint, kLl, kChar, kUchar};
  for (Format format : kFormats) {
    Tally tally(std::string(name(format)) + "->integers _rz vs NVIDIA, all 65536 patterns");
    for (unsigned bits = 0; bits < 0x10000u; ++bits) {
      uint16_t b = uint16_t(bits);
      for (IntType type : types)
        CHECK_SAME(tally, Int128(nvidia::toIntegerRz(format, type, b)),
                   ours::toInteger(format, type, b, kRz),
                   name(format) << " type " << type << " " << hex(b));
      CHECK_SAME(tally, Int128(nvidia::toUllRz(format, b)), ours::toInteger(format, kUll, b, kRz),
                 "ull " << hex(b));
      CHECK_SAME(tally, nvidia::convertToInt(format, b),
                 format == kHalf ? int(toHalf(b)) : int(toBf16(b)), "operator int " << hex(b));
      CHECK_SAME(tally, nvidia::convertToBool(format, b),
                 format == kHalf ? bool(toHalf(b)) : bool(toBf16(b)), "operator bool " << hex(b));
    }
  }
}

// ---- Arithmetic ----

// The exact result of a binary operation, rounded once to nearest. + - *
// are exact in long double for half (and * for bfloat16); the others are
// rounded once in long double first, which is harmless with 64 >= 2 * 11 + 2
// significant bits.
uint16_t referenceBinary(Format format, BinaryOp op, uint16_t a, uint16_t b) {
  if (isNanBits(format, a) || isNanBits(format, b))
    return 0x7fff;
  auto infinite = [&](uint16_t bits) {
    return (bits & 0x7fffu) == infBits(format)
               ? ((bits & 0x8000u) ? -(long double)INFINITY : (long double)INFINITY)
               : valueOf(format, bits);
  };
  long double x = infinite(a), y = infinite(b);
  // valueOf keeps -0.0 as the negation of +0.0
  switch (op) {
  case kAdd:
    return referenceRound(format, x + y, kRn);
  case kSub:
    return referenceRound(format, x - y, kRn);
  case kMul:
    return referenceRound(format, x * y, kRn);
  case kDiv:
    return referenceRound(format, x / y, kRn);
  default:
    return 0;
  }
}

TEST(HalfHost, ArithmeticRoundsCorrectly) {
  for (Format format : kFormats) {
    std::vector<std::pair<uint16_t, uint16_t>> pairs = operandPairs(format);
    Tally tally(std::string(name(format)) + " + - * / (functions, operators, pairs) vs exact, " +
                std::to_string(pairs.size()) + " pairs");
    for (auto [a, b] : pairs) {
      for (BinaryOp op : {kAdd, kSub, kMul, kDiv})
        CHECK_SAME(tally, referenceBinary(format, op, a, b), ours::binary(format, op, a, b),
                   name(format) << " op " << op << " " << hex(a) << " " << hex(b));
      CHECK_SAME(tally, referenceBinary(format, kAdd, a, b),
                 ours::binary(format, kOperatorAdd, a, b), "operator+ " << hex(a) << " " << hex(b));
      CHECK_SAME(tally, referenceBinary(format, kMul, a, b),
                 ours::binary(format, kOperatorMul, a, b), "operator* " << hex(a) << " " << hex(b));
      uint32_t lanes = uint32_t(a) | (uint32_t(b) << 16),
               swapped = uint32_t(b) | (uint32_t(a) << 16);
      uint32_t sums = uint32_t(referenceBinary(format, kAdd, a, b)) * 0x10001u;
      CHECK_SAME(tally, sums, ours::pair(format, kAdd2, lanes, swapped),
                 "__hadd2 " << hex(a) << " " << hex(b));
    }
  }
}

TEST(HalfHost, SquareRootRoundsCorrectly) {
  for (Format format : kFormats) {
    Tally tally(std::string(name(format)) + " hsqrt vs exact, all 65536 patterns");
    for (unsigned bits = 0; bits < 0x10000u; ++bits) {
      uint16_t b = uint16_t(bits);
      uint16_t expected;
      if (isNanBits(format, b) || ((b & 0x8000u) && (b & 0x7fffu) != 0))
        expected = 0x7fff; // NaN, or the root of a negative number
      else if ((b & 0x7fffu) == infBits(format))
        expected = infBits(format);
      else
        expected = referenceRound(format, std::sqrt(valueOf(format, b)), kRn);
      uint16_t actual = format == kHalf ? bitsOf(hsqrt(toHalf(b))) : bitsOf(hsqrt(toBf16(b)));
      CHECK_SAME(tally, expected, actual, name(format) << " " << hex(b));
    }
  }
}

TEST(HalfHost, ArithmeticMatchesNvidia) {
  REQUIRE_NVIDIA();
  for (Format format : kFormats) {
    std::vector<std::pair<uint16_t, uint16_t>> pairs = operandPairs(format);
    Tally tally(std::string(name(format)) + " " + std::to_string(int(kBinaryOpCount)) +
                " binary ops, " + std::to_string(int(kCompareOpCount)) +
                " comparisons, 12 pair ops vs NVIDIA, " + std::to_string(pairs.size()) + " pairs");
    for (auto [a, b] : pairs) {
      for (int op = 0; op < kBinaryOpCount; ++op) {
        uint16_t expected = nvidia::binary(format, BinaryOp(op), a, b);
        // NVIDIA's host __hmax_nan/__hmin_nan for bfloat16 return the first
        // of two zeros; their documentation (and the GPU's max.NaN) order
        // -0 below +0, as cucl does (and as NVIDIA's half versions do).
        if (format == kBf16 && (op == kMaxNan || op == kMinNan) && ((a | b) & 0x7fffu) == 0)
          expected = uint16_t(op == kMaxNan ? (a & b) : (a | b));
        CHECK_SAME(tally, expected, ours::binary(format, BinaryOp(op), a, b),
                   name(format) << " op " << op << " " << hex(a) << " " << hex(b));
      }
      for (int op = 0; op < kCompareOpCount; ++op)
        CHECK_SAME(tally, nvidia::compare(format, CompareOp(op), a, b),
                   ours::compare(format, CompareOp(op), a, b),
                   name(format) << " compare " << op << " " << hex(a) << " " << hex(b));
      uint32_t x = uint32_t(a) | (uint32_t(b) << 16), y = uint32_t(b) | (uint32_t(a) << 16);
      uint32_t z = uint32_t(a) | (uint32_t(a) << 16);
      for (int op = 0; op < kPairOpCount; ++op) {
        CHECK_SAME(tally, nvidia::pair(format, PairOp(op), x, y),
                   ours::pair(format, PairOp(op), x, y),
                   name(format) << " pair op " << op << " " << hex(a) << " " << hex(b));
        CHECK_SAME(tally, nvidia::pair(format, PairOp(op), x, z),
                   ours::pair(format, PairOp(op), x, z),
                   name(format) << " pair op " << op << " " << hex(a) << " " << hex(b));
      }
    }
  }
}

TEST(HalfHost, UnaryOperationsMatchNvidia) {
  REQUIRE_NVIDIA();
  for (Format format : kFormats) {
    Tally tally(std::string(name(format)) +
                " neg, abs, unary -, isnan, isinf vs NVIDIA, all 65536");
    for (unsigned bits = 0; bits < 0x10000u; ++bits) {
      uint16_t b = uint16_t(bits);
      for (int op = 0; op < kUnaryOpCount; ++op)
        CHECK_SAME(tally, nvidia::unary(format, UnaryOp(op), b),
                   ours::unary(format, UnaryOp(op), b),
                   name(format) << " unary " << op << " " << hex(b));
      CHECK_SAME(tally, nvidia::isNan(format, b),
                 format == kHalf ? int(__hisnan(toHalf(b))) : int(__hisnan(toBf16(b))), hex(b));
      CHECK_SAME(tally, nvidia::isInf(format, b),
                 format == kHalf ? __hisinf(toHalf(b)) : __hisinf(toBf16(b)), hex(b));
    }
  }
}

// ---- Fused multiply-add ----

// Exact half fma: every finite half is an integer times 2^-24, so a * b + c
// is an integer times 2^-48, exact in __int128.
uint16_t referenceHalfFma(uint16_t a, uint16_t b, uint16_t c) {
  auto finite = [](uint16_t bits) { return (bits & 0x7fffu) < 0x7c00u; };
  if (!finite(a) || !finite(b) || !finite(c)) {
    auto value = [](uint16_t bits) {
      if (isNanBits(kHalf, bits))
        return (long double)NAN;
      if ((bits & 0x7fffu) == 0x7c00u)
        return (bits & 0x8000u) ? -(long double)INFINITY : (long double)INFINITY;
      return valueOf(kHalf, bits);
    };
    return referenceRound(kHalf, value(a) * value(b) + value(c), kRn);
  }
  auto scaled = [](uint16_t bits) { // value * 2^24
    Int128 m = Int128(std::ldexp(valueOf(kHalf, uint16_t(bits & 0x7fffu)), 24));
    return (bits & 0x8000u) ? -m : m;
  };
  Int128 product = scaled(a) * scaled(b), addend = scaled(c) * (Int128(1) << 24);
  Int128 sum = product + addend;
  bool negative;
  if (sum != 0)
    negative = sum < 0;
  else if (product == 0 && addend == 0) // IEEE: -0 only when both are -0
    negative = (((a ^ b) & 0x8000u) != 0) && ((c & 0x8000u) != 0);
  else
    negative = false; // exact cancellation gives +0
  return roundMagnitude(halfMagnitudesTimes2to48(), negative, negative ? -sum : sum, kRn);
}

// bfloat16 fma by another route: the product is exact in double, the sum is
// rounded to double "to odd" (TwoSum), then once to bfloat16.
uint16_t referenceBf16Fma(uint16_t a, uint16_t b, uint16_t c) {
  double x = __bfloat162float(toBf16(a)), y = __bfloat162float(toBf16(b)),
         z = __bfloat162float(toBf16(c));
  double product = x * y, sum = product + z;
  if (!std::isfinite(sum))
    return referenceRound(kBf16, (long double)sum, kRn);
  double bVirtual = sum - product, aVirtual = sum - bVirtual;
  double error = (product - aVirtual) + (z - bVirtual);
  uint64_t bits;
  std::memcpy(&bits, &sum, sizeof bits);
  if (error != 0 && (bits & 1u) == 0)
    bits = ((error > 0) == (sum > 0)) ? bits + 1 : bits - 1;
  std::memcpy(&sum, &bits, sizeof bits);
  return referenceRound(kBf16, (long double)sum, kRn);
}

// Triples: all of a small special set, random ones, products that are exact
// midpoints with small addends (where a double rounding would tie wrongly),
// and for bfloat16 tiny products that underflow in float.
std::vector<std::array<uint16_t, 3>> fmaInputs(Format format) {
  std::vector<std::array<uint16_t, 3>> triples;
  std::vector<uint16_t> small = interestingValues(format, 0, 1u);
  if (small.size() > 80)
    small.resize(80);
  for (uint16_t a : small)
    for (uint16_t b : small)
      for (uint16_t c : small)
        triples.push_back({a, b, c});
  std::mt19937 random(format == kHalf ? 11u : 12u);
  for (int i = 0; i < 1000000; ++i)
    triples.push_back({uint16_t(random()), uint16_t(random()), uint16_t(random())});
  const unsigned fractionBits = format == kHalf ? 10 : 7;
  unsigned midpoints = 0;
  for (int i = 0; i < 400 && midpoints < 40000; ++i) {
    uint16_t a = uint16_t(random() & 0x7fffu);
    if (isNanBits(format, a) || (a & 0x7fffu) >= infBits(format))
      continue;
    for (unsigned bBits = 0; bBits < infBits(format); ++bBits) {
      long double p = valueOf(format, a) * valueOf(format, uint16_t(bBits));
      if (p == 0 || std::fabs(p) > valueOf(format, largestFinite(format)))
        continue;
      // a midpoint: rounding to the format's precision is a tie
      int exponent;
      long double m = std::frexp(p, &exponent);
      long double scaled = std::ldexp(m, int(fractionBits) + 2);
      if (scaled != std::floor(scaled) || std::fmod(scaled, 2.0L) != 1.0L)
        continue;
      uint16_t b = uint16_t(bBits);
      uint16_t tiny = uint16_t(random() % 3 + 1);
      for (uint16_t c : {tiny, uint16_t(tiny | 0x8000u), uint16_t(0), uint16_t(0x8000)}) {
        triples.push_back({a, b, c});
        triples.push_back({uint16_t(a ^ 0x8000u), b, c});
      }
      ++midpoints;
    }
  }
  if (format == kBf16) {
    // products beyond float's range with addends that bring them back
    std::uniform_int_distribution<int> bigExponent(60, 127);
    for (int i = 0; i < 300000; ++i) {
      auto make = [&](int e) {
        float v = std::ldexp(1.0f + float(random() & 0x7fu) / 128.0f, e);
        uint16_t bits = bitsOf(__float2bfloat16_rz(v));
        return uint16_t((random() & 1u) ? bits | 0x8000u : bits);
      };
      int ea = bigExponent(random), eb = 128 - ea + int(random() % 4);
      uint16_t x = make(ea), y = make(eb);
      uint16_t z = (random() % 4 == 0) ? make(int(random() % 160) - 30) : make(127);
      triples.push_back({x, y, z});
      triples.push_back({x, y, uint16_t(z ^ 0x8000u)});
    }
    // tiny products (2^-140 .. 2^-80) with tiny addends
    std::uniform_int_distribution<int> exponent(-70, -40), addendExponent(-140, -80);
    for (int i = 0; i < 500000; ++i) {
      auto make = [&](int e) {
        float v = std::ldexp(1.0f + float(random() & 0x7fu) / 128.0f, e);
        uint16_t bits = bitsOf(__float2bfloat16_rz(v));
        return uint16_t((random() & 1u) ? bits | 0x8000u : bits);
      };
      triples.push_back(
          {make(exponent(random)), make(exponent(random)),
           (random() % 8 == 0) ? uint16_t(random() & 0x8000u) : make(addendExponent(random))});
    }
  }
  return triples;
}

TEST(HalfHost, FmaRoundsOnce) {
  for (Format format : kFormats) {
    std::vector<std::array<uint16_t, 3>> triples = fmaInputs(format);
    Tally tally(std::string(name(format)) + " __hfma / __hfma2 vs exact, " +
                std::to_string(triples.size()) + " triples");
    for (auto [a, b, c] : triples) {
      uint16_t expected = format == kHalf ? referenceHalfFma(a, b, c) : referenceBf16Fma(a, b, c);
      CHECK_SAME(tally, expected, ours::fma(format, a, b, c),
                 name(format) << " " << hex(a) << " " << hex(b) << " " << hex(c));
      if (format == kHalf) {
        __half2 r = __hfma2(__half2half2(toHalf(a)), __halves2half2(toHalf(b), toHalf(a)),
                            __half2half2(toHalf(c)));
        CHECK_SAME(tally, expected, bitsOf(__low2half(r)), "__hfma2 " << hex(a));
      }
    }
  }
}

TEST(HalfHost, FmaVariantsSaturateAndClamp) {
  Tally tally("__hfma_sat, __hfma_relu vs exact fma then clamp");
  std::vector<std::pair<uint16_t, uint16_t>> pairs = operandPairs(kHalf);
  for (size_t i = 0; i + 1 < pairs.size(); i += 3) {
    uint16_t a = pairs[i].first, b = pairs[i].second, c = pairs[i + 1].first;
    uint16_t exact = referenceHalfFma(a, b, c);
    long double v = isNanBits(kHalf, exact) ? 0.0L : valueOf(kHalf, exact);
    if ((exact & 0x7fffu) == 0x7c00u)
      v = (exact & 0x8000u) ? -INFINITY : INFINITY;
    // NaN and results <= 0 (-0 too) give +0
    uint16_t saturated =
        (isNanBits(kHalf, exact) || v <= 0) ? 0 : referenceRound(kHalf, std::min(v, 1.0L), kRn);
    uint16_t relu = isNanBits(kHalf, exact) ? 0x7fff : (v > 0 ? exact : 0);
    CHECK_SAME(tally, saturated, bitsOf(__hfma_sat(toHalf(a), toHalf(b), toHalf(c))),
               "sat " << hex(a) << " " << hex(b) << " " << hex(c));
    CHECK_SAME(tally, relu, bitsOf(__hfma_relu(toHalf(a), toHalf(b), toHalf(c))),
               "relu " << hex(a) << " " << hex(b) << " " << hex(c));
  }
}

// ---- Math functions ----

// Distance in units in the last place between two non-NaN patterns.
long ulpDistance(uint16_t a, uint16_t b) {
  auto ordered = [](uint16_t bits) {
    return (bits & 0x8000u) ? -long(bits & 0x7fffu) : long(bits);
  };
  return std::labs(ordered(a) - ordered(b));
}

TEST(HalfHost, MathFunctionsAreFloatResultsRoundedOnce) {
  struct Function {
    const char *name;
    long double (*exact)(long double);
    __half (*half)(__half);
    __nv_bfloat16 (*bf16)(__nv_bfloat16);
    long tolerance; // ulps: 0 where the float function is exact or correctly rounded
  };
  const Function functions[] = {
      {"hsqrt", [](long double x) { return std::sqrt(x); }, hsqrt, hsqrt, 0},
      {"hrcp", [](long double x) { return 1 / x; }, hrcp, hrcp, 0},
      {"hrsqrt", [](long double x) { return 1 / std::sqrt(x); }, hrsqrt, hrsqrt, 1},
      {"hexp", [](long double x) { return std::exp(x); }, hexp, hexp, 1},
      {"hexp2", [](long double x) { return std::exp2(x); }, hexp2, hexp2, 1},
      {"hexp10", [](long double x) { return std::pow(10.0L, x); }, hexp10, hexp10, 1},
      {"hlog", [](long double x) { return std::log(x); }, hlog, hlog, 1},
      {"hlog2", [](long double x) { return std::log2(x); }, hlog2, hlog2, 1},
      {"hlog10", [](long double x) { return std::log10(x); }, hlog10, hlog10, 1},
      {"hsin", [](long double x) { return std::sin(x); }, hsin, hsin, 1},
      {"hcos", [](long double x) { return std::cos(x); }, hcos, hcos, 1},
      {"htanh", [](long double x) { return std::tanh(x); }, htanh, htanh, 1},
      {"hfloor", [](long double x) { return std::floor(x); }, hfloor, hfloor, 0},
      {"hceil", [](long double x) { return std::ceil(x); }, hceil, hceil, 0},
      {"htrunc", [](long double x) { return std::trunc(x); }, htrunc, htrunc, 0},
      {"hrint", [](long double x) { return std::rint(x); }, hrint, hrint, 0},
  };
  for (Format format : kFormats) {
    for (const Function &f : functions) {
      Tally tally(std::string(name(format)) + " " + f.name + " within " +
                  std::to_string(f.tolerance) + " ulp of the exact result, all 65536");
      long inexact = 0;
      for (unsigned bits = 0; bits < 0x10000u; ++bits) {
        uint16_t b = uint16_t(bits);
        if (isNanBits(format, b)) {
          uint16_t r = format == kHalf ? bitsOf(f.half(toHalf(b))) : bitsOf(f.bf16(toBf16(b)));
          CHECK_SAME(tally, 0x7fff, r, f.name << " NaN " << hex(b));
          continue;
        }
        long double x = (b & 0x7fffu) == infBits(format)
                            ? ((b & 0x8000u) ? -(long double)INFINITY : (long double)INFINITY)
                            : valueOf(format, b);
        uint16_t expected = referenceRound(format, f.exact(x), kRn);
        uint16_t actual = format == kHalf ? bitsOf(f.half(toHalf(b))) : bitsOf(f.bf16(toBf16(b)));
        bool bothNan = isNanBits(format, expected) && isNanBits(format, actual);
        bool ok = bothNan || (!isNanBits(format, expected) && !isNanBits(format, actual) &&
                              ulpDistance(expected, actual) <= f.tolerance);
        inexact += ok && !bothNan && expected != actual;
        if (tally.fails(ok))
          ADD_FAILURE() << name(format) << " " << f.name << "(" << double(x) << "): expected "
                        << hex(expected) << ", got " << hex(actual);
      }
      if (inexact != 0)
        std::printf("[ counts   ] %s %s: %ld results 1 ulp from the exact one\n", name(format),
                    f.name, inexact);
    }
  }
}

TEST(HalfHost, PairHelpersPlaceLanes) {
  __half a = __float2half(1.5f), b = __float2half(-2.0f);
  __half2 p = __halves2half2(a, b);
  EXPECT_EQ(bitsOf(p), 0xc0003e00u);
  EXPECT_EQ(bitsOf(__lowhigh2highlow(p)), 0x3e00c000u);
  EXPECT_EQ(bitsOf(__low2half2(p)), 0x3e003e00u);
  EXPECT_EQ(bitsOf(__high2half2(p)), 0xc000c000u);
  EXPECT_EQ(bitsOf(__lows2half2(p, __halves2half2(b, a))), 0xc0003e00u);
  EXPECT_EQ(bitsOf(__highs2half2(p, __halves2half2(b, a))), 0x3e00c000u);
  EXPECT_EQ(bitsOf(__floats2half2_rn(1.5f, -2.0f)), 0xc0003e00u);
  EXPECT_EQ(bitsOf(__float22half2_rn(make_float2(1.5f, -2.0f))), 0xc0003e00u);
  EXPECT_EQ(bitsOf(make_half2(a, b)), 0xc0003e00u);
  __half2_raw raw = p;
  EXPECT_EQ(raw.x, 0x3e00u);
  EXPECT_EQ(raw.y, 0xc000u);
  __nv_bfloat162 q = __floats2bfloat162_rn(1.5f, -2.0f);
  EXPECT_EQ(bitsOf(q), 0xc0003fc0u);
  EXPECT_EQ(bitsOf(__lowhigh2highlow(q)), 0x3fc0c000u);
  EXPECT_EQ(bitsOf(__bfloat162bfloat162(__low2bfloat16(q))), 0x3fc03fc0u);
  EXPECT_EQ(bitsOf(__nv_bfloat16(__half(1.5f))), 0x3fc0u);
  EXPECT_EQ(bitsOf(__half(__nv_bfloat16(1.5f))), 0x3e00u);
  EXPECT_EQ(bitsOf(CUDART_INF_FP16), 0x7c00u);
  EXPECT_EQ(bitsOf(CUDART_MAX_NORMAL_BF16), 0x7f7fu);
  // Operators on values and pairs.
  __half x = 2.0f;
  x += __float2half(1.0f);
  x *= __float2half(2.0f);
  EXPECT_EQ(__half2float(x), 6.0f);
  EXPECT_EQ(__half2float(x++), 6.0f);
  EXPECT_EQ(__half2float(--x), 6.0f);
  EXPECT_EQ(__half2float(-x), -6.0f);
  __half2 y = __floats2half2_rn(1.0f, 2.0f);
  y *= y;
  ++y;
  EXPECT_EQ(bitsOf(y), bitsOf(__floats2half2_rn(2.0f, 5.0f)));
  EXPECT_TRUE(y == __floats2half2_rn(2.0f, 5.0f));
  EXPECT_FALSE(y != __floats2half2_rn(2.0f, 7.0f)); // true only when both lanes differ
}

} // namespace
