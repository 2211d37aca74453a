/*
 * cucl's bfloat16: CUDA's cuda_bf16.h API (__nv_bfloat16, __nv_bfloat162,
 * nv_bfloat16, nv_bfloat162 and their functions) for host and device code,
 * written by cucl. Like CUDA's, it includes cuda_fp16.h.
 *
 * __nv_bfloat16 is an ordinary struct holding the upper 16 bits of a float;
 * operations compute in float and round back with integer bit manipulation
 * (cucl/half_common.h), identically on the host and on every OpenCL device:
 *  - conversions are bit-exact with CUDA's, in every rounding mode (a NaN
 *    becomes 0x7fff; bfloat16 -> float keeps a NaN's payload, as CUDA);
 *  - +, -, *, /, sqrt are correctly rounded (float has 24 >= 2 * 8 + 2 bits);
 *  - __hfma rounds once: the product of two bfloat16 values is exact in
 *    float unless it underflows, and that case is scaled by 2^128 first;
 *  - hexp, hlog, hsin & co. are the float functions rounded to bfloat16.
 * As for __half, functions CUDA keeps for device code are host functions too,
 * and shuffles and atomicAdd (__nv_bfloat162, __nv_bfloat16) exist in device
 * code.
 *
 * __CUDA_NO_BFLOAT16_CONVERSIONS__, __CUDA_NO_BFLOAT16_OPERATORS__ and
 * __CUDA_NO_BFLOAT162_OPERATORS__ are honoured as in CUDA.
 */
#ifndef __CUDA_BF16_H__
#define __CUDA_BF16_H__

#include "cuda_fp16.h"

#define __CUDA_BF16_TYPES_EXIST__

/* The bits of a bfloat16 and of a pair (C and C++). */
typedef struct __align__(2) {
  unsigned short x;
}
__nv_bfloat16_raw;

typedef struct __align__(4) {
  unsigned short x;
  unsigned short y;
}
__nv_bfloat162_raw;

#if defined(__cplusplus)

struct __align__(2) __nv_bfloat16 {
  /* The bits. Public in cucl (CUDA keeps them protected). */
  unsigned short __x;

  __nv_bfloat16() = default;
  __host__ __device__ constexpr __nv_bfloat16(const __nv_bfloat16_raw &hr) : __x(hr.x) {}
  __host__ __device__ __nv_bfloat16 &operator=(const __nv_bfloat16_raw &hr) {
    __x = hr.x;
    return *this;
  }
  __host__ __device__ operator __nv_bfloat16_raw() const {
    __nv_bfloat16_raw r;
    r.x = __x;
    return r;
  }

#if !defined(__CUDA_NO_BFLOAT16_CONVERSIONS__)
  explicit __host__ __device__ __nv_bfloat16(const __half f)
      : __x(__cucl_float_to_bf16_bits(__cucl_half_bits_to_float(f.__x), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const float f) : __x(__cucl_float_to_bf16_bits(f, __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const double f)
      : __x(__cucl_float_to_bf16_bits(__cucl_double_to_float_odd(f), __cucl_rn)) {}
  __host__ __device__ operator float() const {
    return __cucl_bf16_bits_to_float(__x);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const float f) {
    __x = __cucl_float_to_bf16_bits(f, __cucl_rn);
    return *this;
  }
  __host__ __device__ __nv_bfloat16 &operator=(const double f) {
    __x = __cucl_float_to_bf16_bits(__cucl_double_to_float_odd(f), __cucl_rn);
    return *this;
  }

  /* Integers convert as __int2bfloat16_rn & co.; back as __bfloat162int_rz & co. */
  __host__ __device__ __nv_bfloat16(const short val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const unsigned short val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const int val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const unsigned int val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const long val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const unsigned long val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ull_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const long long val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __nv_bfloat16(const unsigned long long val)
      : __x(__cucl_float_to_bf16_bits(__cucl_ull_to_float_odd(val), __cucl_rn)) {}

  __host__ __device__ operator signed char() const {
    return __cucl_float_to_char_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned char() const {
    return __cucl_float_to_uchar_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator char() const {
    return CHAR_MIN < 0 ? (char)__cucl_float_to_char_sat(truncf(__cucl_bf16_bits_to_float(__x)))
                        : (char)__cucl_float_to_uchar_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator short() const {
    return __cucl_float_to_short_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned short() const {
    return __cucl_float_to_ushort_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator int() const {
    return __cucl_float_to_int_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned int() const {
    return __cucl_float_to_uint_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator long() const {
    return sizeof(long) == sizeof(long long)
               ? (long)__cucl_float_to_ll_sat(truncf(__cucl_bf16_bits_to_float(__x)))
               : (long)__cucl_float_to_int_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned long() const {
    return sizeof(unsigned long) == sizeof(unsigned long long)
               ? (unsigned long)__cucl_float_to_ull_sat(truncf(__cucl_bf16_bits_to_float(__x)))
               : (unsigned long)__cucl_float_to_uint_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator long long() const {
    return __cucl_float_to_ll_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned long long() const {
    return __cucl_float_to_ull_sat(truncf(__cucl_bf16_bits_to_float(__x)));
  }
  __host__ __device__ __nv_bfloat16 &operator=(const short val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const unsigned short val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const int val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const unsigned int val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const long long val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ __nv_bfloat16 &operator=(const unsigned long long val) {
    return *this = __nv_bfloat16(val);
  }
  __host__ __device__ constexpr operator bool() const {
    return (__x & 0x7fffu) != 0u;
  }
#endif /* !__CUDA_NO_BFLOAT16_CONVERSIONS__ */
};

struct __align__(4) __nv_bfloat162 {
  __nv_bfloat16 x;
  __nv_bfloat16 y;

  __nv_bfloat162() = default;
  __host__ __device__ constexpr __nv_bfloat162(const __nv_bfloat16 &a, const __nv_bfloat16 &b)
      : x(a), y(b) {}
  __host__ __device__ __nv_bfloat162(const __nv_bfloat162_raw &h2r) {
    x.__x = h2r.x;
    y.__x = h2r.y;
  }
  __host__ __device__ __nv_bfloat162 &operator=(const __nv_bfloat162_raw &h2r) {
    x.__x = h2r.x;
    y.__x = h2r.y;
    return *this;
  }
  __host__ __device__ operator __nv_bfloat162_raw() const {
    __nv_bfloat162_raw r;
    r.x = x.__x;
    r.y = y.__x;
    return r;
  }
};

#if !defined(__CUDA_NO_HALF_CONVERSIONS__)
/* Declared in cuda_fp16.h. */
__host__ __device__ inline __half::__half(const __nv_bfloat16 f)
    : __x(__cucl_float_to_half_bits(__cucl_bf16_bits_to_float(f.__x), __cucl_rn)) {}
#endif

/* ---- Bits ---- */

__host__ __device__ inline __nv_bfloat16 __ushort_as_bfloat16(const unsigned short i) {
  __nv_bfloat16 h;
  h.__x = i;
  return h;
}
__host__ __device__ inline __nv_bfloat16 __short_as_bfloat16(const short i) {
  return __ushort_as_bfloat16((unsigned short)i);
}
__host__ __device__ inline unsigned short __bfloat16_as_ushort(const __nv_bfloat16 h) {
  return h.__x;
}
__host__ __device__ inline short __bfloat16_as_short(const __nv_bfloat16 h) {
  return (short)h.__x;
}

/* ---- Conversions with float and double ---- */

__host__ __device__ inline float __bfloat162float(const __nv_bfloat16 a) {
  return __cucl_bf16_bits_to_float(a.__x);
}
__host__ __device__ inline __nv_bfloat16 __float2bfloat16(const float a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(a, __cucl_rn));
}
__host__ __device__ inline __nv_bfloat16 __float2bfloat16_rn(const float a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(a, __cucl_rn));
}
__host__ __device__ inline __nv_bfloat16 __float2bfloat16_rz(const float a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(a, __cucl_rz));
}
__host__ __device__ inline __nv_bfloat16 __float2bfloat16_rd(const float a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(a, __cucl_rd));
}
__host__ __device__ inline __nv_bfloat16 __float2bfloat16_ru(const float a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(a, __cucl_ru));
}
__host__ __device__ inline __nv_bfloat16 __double2bfloat16(const double a) {
  return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(__cucl_double_to_float_odd(a), __cucl_rn));
}

/* ---- Conversions with integers (every rounding mode) ---- */

#define __CUCL_INT_BF16(itype, iname, to_float, to_int)                                            \
  __host__ __device__ inline __nv_bfloat16 __##iname##2bfloat16_rn(const itype i) {                \
    return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(to_float(i), __cucl_rn));                \
  }                                                                                                \
  __host__ __device__ inline __nv_bfloat16 __##iname##2bfloat16_rz(const itype i) {                \
    return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(to_float(i), __cucl_rz));                \
  }                                                                                                \
  __host__ __device__ inline __nv_bfloat16 __##iname##2bfloat16_rd(const itype i) {                \
    return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(to_float(i), __cucl_rd));                \
  }                                                                                                \
  __host__ __device__ inline __nv_bfloat16 __##iname##2bfloat16_ru(const itype i) {                \
    return __ushort_as_bfloat16(__cucl_float_to_bf16_bits(to_float(i), __cucl_ru));                \
  }                                                                                                \
  __host__ __device__ inline itype __bfloat162##iname##_rn(const __nv_bfloat16 h) {                \
    return to_int(__cucl_round_integral(__bfloat162float(h), __cucl_rn));                          \
  }                                                                                                \
  __host__ __device__ inline itype __bfloat162##iname##_rz(const __nv_bfloat16 h) {                \
    return to_int(__cucl_round_integral(__bfloat162float(h), __cucl_rz));                          \
  }                                                                                                \
  __host__ __device__ inline itype __bfloat162##iname##_rd(const __nv_bfloat16 h) {                \
    return to_int(__cucl_round_integral(__bfloat162float(h), __cucl_rd));                          \
  }                                                                                                \
  __host__ __device__ inline itype __bfloat162##iname##_ru(const __nv_bfloat16 h) {                \
    return to_int(__cucl_round_integral(__bfloat162float(h), __cucl_ru));                          \
  }
__CUCL_INT_BF16(short, short, __cucl_ll_to_float_odd, __cucl_float_to_short_sat)
__CUCL_INT_BF16(unsigned short, ushort, __cucl_ll_to_float_odd, __cucl_float_to_ushort_sat)
__CUCL_INT_BF16(int, int, __cucl_ll_to_float_odd, __cucl_float_to_int_sat)
__CUCL_INT_BF16(unsigned int, uint, __cucl_ll_to_float_odd, __cucl_float_to_uint_sat)
__CUCL_INT_BF16(long long, ll, __cucl_ll_to_float_odd, __cucl_float_to_ll_sat)
__CUCL_INT_BF16(unsigned long long, ull, __cucl_ull_to_float_odd, __cucl_float_to_ull_sat)
#undef __CUCL_INT_BF16

__host__ __device__ inline signed char __bfloat162char_rz(const __nv_bfloat16 h) {
  return __cucl_float_to_char_sat(truncf(__bfloat162float(h)));
}
__host__ __device__ inline unsigned char __bfloat162uchar_rz(const __nv_bfloat16 h) {
  return __cucl_float_to_uchar_sat(truncf(__bfloat162float(h)));
}

/* ---- Pairs ---- */

__host__ __device__ inline __nv_bfloat162 __halves2bfloat162(const __nv_bfloat16 a,
                                                             const __nv_bfloat16 b) {
  return __nv_bfloat162(a, b);
}
__host__ __device__ inline __nv_bfloat162 make_bfloat162(const __nv_bfloat16 x,
                                                         const __nv_bfloat16 y) {
  return __nv_bfloat162(x, y);
}
__host__ __device__ inline __nv_bfloat162 __bfloat162bfloat162(const __nv_bfloat16 a) {
  return __nv_bfloat162(a, a);
}
__host__ __device__ inline __nv_bfloat16 __low2bfloat16(const __nv_bfloat162 a) {
  return a.x;
}
__host__ __device__ inline __nv_bfloat16 __high2bfloat16(const __nv_bfloat162 a) {
  return a.y;
}
__host__ __device__ inline __nv_bfloat162 __low2bfloat162(const __nv_bfloat162 a) {
  return __nv_bfloat162(a.x, a.x);
}
__host__ __device__ inline __nv_bfloat162 __high2bfloat162(const __nv_bfloat162 a) {
  return __nv_bfloat162(a.y, a.y);
}
__host__ __device__ inline __nv_bfloat162 __lows2bfloat162(const __nv_bfloat162 a,
                                                           const __nv_bfloat162 b) {
  return __nv_bfloat162(a.x, b.x);
}
__host__ __device__ inline __nv_bfloat162 __highs2bfloat162(const __nv_bfloat162 a,
                                                            const __nv_bfloat162 b) {
  return __nv_bfloat162(a.y, b.y);
}
__host__ __device__ inline __nv_bfloat162 __float2bfloat162_rn(const float a) {
  return __nv_bfloat162(__float2bfloat16_rn(a), __float2bfloat16_rn(a));
}
__host__ __device__ inline __nv_bfloat162 __floats2bfloat162_rn(const float a, const float b) {
  return __nv_bfloat162(__float2bfloat16_rn(a), __float2bfloat16_rn(b));
}
__host__ __device__ inline __nv_bfloat162 __float22bfloat162_rn(const float2 a) {
  return __nv_bfloat162(__float2bfloat16_rn(a.x), __float2bfloat16_rn(a.y));
}
__host__ __device__ inline float2 __bfloat1622float2(const __nv_bfloat162 a) {
  return make_float2(__bfloat162float(a.x), __bfloat162float(a.y));
}

/* ---- Arithmetic, comparisons, math, operators, shuffles, atomics ---- */

/* a * b + c with one rounding. The product of two bfloat16 values (16
 * significant bits) is exact in float unless it leaves float's range:
 *  - below 2^-100 it only matters when c is tiny too, and then all three are
 *    scaled up by 2^128 (exactly) and rounded at the scaled position of
 *    bfloat16's last bit;
 *  - above float's largest value, a and b are scaled down by 2^64 and c by
 *    2^128 (a c too small to scale exactly only breaks ties there, so it is
 *    replaced by a tiny value of its sign) and the exponent restored after. */
__host__ __device__ inline __nv_bfloat16
__cucl_bf16_fma(const __nv_bfloat16 a, const __nv_bfloat16 b, const __nv_bfloat16 c) {
  const float two64 = 0x1p64f, twoMinus64 = 0x1p-64f;
  float fa = __bfloat162float(a), fb = __bfloat162float(b), fc = __bfloat162float(c);
  unsigned int magnitudeA = __cucl_float_bits(fa) & 0x7fffffffu;
  unsigned int magnitudeB = __cucl_float_bits(fb) & 0x7fffffffu;
  unsigned int magnitudeC = __cucl_float_bits(fc) & 0x7fffffffu;
  float product = fa * fb;
  unsigned int magnitudeP = __cucl_float_bits(product) & 0x7fffffffu;
  if (magnitudeP < 0x0d800000u && magnitudeA != 0u && magnitudeB != 0u) {
    /* |a * b| < 2^-100 */
    if (magnitudeC >= 0x12800000u)
      return __float2bfloat16_rn(fc); /* |c| >= 2^-90: a * b is below half of c's last bit */
    float scaled = __cucl_fma_to_float_odd(fa * two64, fb * two64, fc * two64 * two64);
    unsigned int bits = __cucl_float_bits(scaled);
    if ((bits & 0x7fffffffu) >= 0x40800000u) /* |scaled| >= 4: a normal bfloat16 */
      return __ushort_as_bfloat16(
          (unsigned short)(__cucl_float_to_bf16_bits(scaled, __cucl_rn) - 0x4000u));
    /* a subnormal bfloat16: units of 2^-133, 2^-5 once scaled */
    unsigned int units = (unsigned int)rintf(fabsf(scaled) * 32.0f);
    return __ushort_as_bfloat16((unsigned short)(((bits >> 16) & 0x8000u) | units));
  }
  if (magnitudeP == 0x7f800000u && magnitudeA < 0x7f800000u && magnitudeB < 0x7f800000u) {
    /* a * b overflowed float: |a|, |b| >= 2^-1 */
    if (magnitudeC >= 0x7f800000u)
      return __float2bfloat16_rn(fc);        /* c is infinite or NaN */
    float smallC = magnitudeC >= 0x38800000u /* 2^-14 */
                       ? fc * twoMinus64 * twoMinus64
                       : (magnitudeC == 0u ? 0.0f : (fc > 0.0f ? 0x1p-100f : -0x1p-100f));
    float scaled = __cucl_fma_to_float_odd(fa * twoMinus64, fb * twoMinus64, smallC);
    if (scaled == 0.0f)
      return __ushort_as_bfloat16((unsigned short)0u);                /* exact cancellation */
    unsigned int bits = __cucl_float_to_bf16_bits(scaled, __cucl_rn); /* |scaled| >= 2^-16 */
    unsigned int magnitude = (bits & 0x7fffu) + 0x4000u;
    return __ushort_as_bfloat16(
        (unsigned short)((bits & 0x8000u) | (magnitude > 0x7f80u ? 0x7f80u : magnitude)));
  }
  return __float2bfloat16_rn(__cucl_fma_to_float_odd(fa, fb, fc));
}

#define __CUCL_H __nv_bfloat16
#define __CUCL_H2 __nv_bfloat162
#define __CUCL_TO_FLOAT __bfloat162float
#define __CUCL_FROM_FLOAT __float2bfloat16_rn
#define __CUCL_FROM_BITS __ushort_as_bfloat16
#define __CUCL_FMA __cucl_bf16_fma
#define __CUCL_INF_BITS 0x7f80u
#define __CUCL_ONE_BITS 0x3f80u
#if defined(__CUDA_NO_BFLOAT16_OPERATORS__)
#define __CUCL_OPERATORS 0
#else
#define __CUCL_OPERATORS 1
#endif
#if defined(__CUDA_NO_BFLOAT162_OPERATORS__)
#define __CUCL_PAIR_OPERATORS 0
#else
#define __CUCL_PAIR_OPERATORS 1
#endif
#include "cucl/half_ops.inc"

#define CUDART_INF_BF16 __ushort_as_bfloat16((unsigned short)0x7f80u)
#define CUDART_NAN_BF16 __ushort_as_bfloat16((unsigned short)0x7fffu)
#define CUDART_MIN_DENORM_BF16 __ushort_as_bfloat16((unsigned short)0x0001u)
#define CUDART_MAX_NORMAL_BF16 __ushort_as_bfloat16((unsigned short)0x7f7fu)
#define CUDART_NEG_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x8000u)
#define CUDART_ZERO_BF16 __ushort_as_bfloat16((unsigned short)0x0000u)
#define CUDART_ONE_BF16 __ushort_as_bfloat16((unsigned short)0x3f80u)

typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

#endif /* __cplusplus */
#endif /* __CUDA_BF16_H__ */
