// The x86 conversion instructions as references for half_host_test.cpp:
// F16C's VCVTPS2PH/VCVTPH2PS (every rounding mode, IEEE results; a NaN keeps
// its payload, quieted) and AVX512-BF16's VCVTNEPS2BF16 (to nearest even,
// denormals flushed). Built with -mf16c (and -mavx512bf16 -mavx512vl when
// the compiler has them); nothing here runs unless the CPU has the feature.
#include "half_reference.h"

#include <cstring>

#if defined(CUCL_HAVE_F16C)
#include <immintrin.h>
#endif

namespace half_reference::cpu {

bool hasF16c() {
#if defined(CUCL_HAVE_F16C)
  return __builtin_cpu_supports("f16c");
#else
  return false;
#endif
}

uint16_t f16cFromFloat(float f, Mode mode) {
#if defined(CUCL_HAVE_F16C)
  switch (mode) {
  case kRn:
    return _cvtss_sh(f, _MM_FROUND_TO_NEAREST_INT);
  case kRz:
    return _cvtss_sh(f, _MM_FROUND_TO_ZERO);
  case kRd:
    return _cvtss_sh(f, _MM_FROUND_TO_NEG_INF);
  default:
    return _cvtss_sh(f, _MM_FROUND_TO_POS_INF);
  }
#else
  (void)f;
  (void)mode;
  return 0;
#endif
}

float f16cToFloat(uint16_t h) {
#if defined(CUCL_HAVE_F16C)
  return _cvtsh_ss(h);
#else
  (void)h;
  return 0.0f;
#endif
}

bool hasAvx512Bf16() {
#if defined(CUCL_HAVE_AVX512BF16)
  return __builtin_cpu_supports("avx512bf16") && __builtin_cpu_supports("avx512vl");
#else
  return false;
#endif
}

uint16_t avx512FloatToBf16(float f) {
#if defined(CUCL_HAVE_AVX512BF16)
  __m128bh converted = _mm_cvtneps_pbh(_mm_set1_ps(f));
  uint16_t bits[8];
  std::memcpy(bits, &converted, sizeof bits);
  return bits[0];
#else
  (void)f;
  return 0;
#endif
}

} // namespace half_reference::cpu
