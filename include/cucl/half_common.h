/*
 * What cuda_fp16.h and cuda_bf16.h share: bit casts and the roundings
 * between float (or double, or an integer) and the two 16-bit formats,
 * written once for host and device code.
 *
 * Host code reinterprets bits with memcpy; device code (cucl-translate's
 * device view, where __CUDA_ARCH__ is defined) with the __float_as_uint
 * family, which become OpenCL's as_uint & co. Everything else is plain
 * integer and float arithmetic in the C++ subset cucl-translate supports,
 * so a program gets the same bits from a __half operation on the host and
 * on any OpenCL device (no OpenCL half type, no cl_khr_fp16 needed).
 *
 * Roundings are CUDA's: IEEE round to nearest even, toward zero, down and up
 * (suffixes _rn, _rz, _rd, _ru); a NaN converts to the canonical NaN 0x7fff,
 * as NVIDIA's conversions give it. A value that must be rounded twice (a
 * double, a 64-bit integer, a fused multiply-add) is first rounded to float
 * "to odd" (truncated, with the last bit set when anything was dropped):
 * float keeps 13 or more bits beyond a half's 11 and a bfloat16's 8, so the
 * second rounding gives the correctly rounded result in every mode.
 */
#ifndef CUCL_HALF_COMMON_H
#define CUCL_HALF_COMMON_H

#if defined(__cplusplus)

#include "../host_defines.h"

#if defined(__clang__) && defined(__CUDA__)
#include "device/device_runtime.h" /* __float_as_uint & co. for device code */
#endif
#include <limits.h>
#include <math.h>
#include <string.h>

/* Rounding modes of the conversions (the _rn/_rz/_rd/_ru suffixes). */
enum __cucl_rounding {
  __cucl_rn = 0, /* to nearest, ties to even */
  __cucl_rz = 1, /* toward zero */
  __cucl_rd = 2, /* down, toward -infinity */
  __cucl_ru = 3  /* up, toward +infinity */
};

__host__ __device__ inline unsigned int __cucl_float_bits(float f) {
#if defined(__CUDA_ARCH__)
  return __float_as_uint(f);
#else
  unsigned int u;
  memcpy(&u, &f, sizeof u);
  return u;
#endif
}

__host__ __device__ inline float __cucl_bits_float(unsigned int u) {
#if defined(__CUDA_ARCH__)
  return __uint_as_float(u);
#else
  float f;
  memcpy(&f, &u, sizeof f);
  return f;
#endif
}

__host__ __device__ inline unsigned long long __cucl_double_bits(double d) {
#if defined(__CUDA_ARCH__)
  return (unsigned long long)__double_as_longlong(d);
#else
  unsigned long long u;
  memcpy(&u, &d, sizeof u);
  return u;
#endif
}

/* Whether to add one unit to a magnitude whose dropped bits are `rest`
 * (scaled so that 0x80000000 is exactly half a unit). */
__host__ __device__ inline unsigned int __cucl_round_up(unsigned int magnitude, unsigned int rest,
                                                        unsigned int negative, int mode) {
  if (mode == __cucl_rn)
    return (rest > 0x80000000u || (rest == 0x80000000u && (magnitude & 1u) != 0u)) ? 1u : 0u;
  if (mode == __cucl_rd)
    return (rest != 0u && negative != 0u) ? 1u : 0u;
  if (mode == __cucl_ru)
    return (rest != 0u && negative == 0u) ? 1u : 0u;
  return 0u;
}

/* float -> IEEE binary16 bits. */
__host__ __device__ inline unsigned short __cucl_float_to_half_bits(float f, int mode) {
  unsigned int x = __cucl_float_bits(f);
  unsigned int sign = (x >> 16) & 0x8000u;
  unsigned int u = x & 0x7fffffffu;
  unsigned int magnitude, rest;
  if (u > 0x7f800000u)
    return (unsigned short)0x7fffu; /* NaN */
  if (u == 0x7f800000u)
    return (unsigned short)(sign | 0x7c00u); /* infinity */
  if (u >= 0x47800000u) {
    /* |f| >= 2^16: beyond the largest half (65504) by more than half a unit */
    magnitude = 0x7bffu;
    rest = 0xffffffffu;
  } else if (u >= 0x38800000u) {
    /* a normal half: rebias the exponent, keep 10 of the 23 fraction bits */
    magnitude = (u - 0x38000000u) >> 13;
    rest = u << 19;
  } else if (u >= 0x33000000u) {
    /* 2^-25 <= |f| < 2^-14: a subnormal half, in units of 2^-24 */
    unsigned int shift = 126u - (u >> 23); /* 14 .. 24 */
    unsigned int significand = (u & 0x7fffffu) | 0x800000u;
    magnitude = significand >> shift;
    rest = significand << (32u - shift);
  } else {
    /* below half of the smallest subnormal */
    magnitude = 0u;
    rest = u != 0u ? 1u : 0u;
  }
  return (unsigned short)(sign | (magnitude + __cucl_round_up(magnitude, rest, sign, mode)));
}

/* IEEE binary16 bits -> float (exact; a NaN gives the canonical 0x7fffffff). */
__host__ __device__ inline float __cucl_half_bits_to_float(unsigned short h) {
  unsigned int sign = ((unsigned int)h & 0x8000u) << 16;
  unsigned int exponent = ((unsigned int)h >> 10) & 0x1fu;
  unsigned int fraction = (unsigned int)h & 0x3ffu;
  unsigned int bits;
  if (exponent == 0x1fu) {
    bits = fraction != 0u ? 0x7fffffffu : (sign | 0x7f800000u);
  } else if (exponent != 0u) {
    bits = sign | ((exponent + 112u) << 23) | (fraction << 13);
  } else if (fraction == 0u) {
    bits = sign;
  } else {
    /* subnormal: fraction * 2^-24, normalized for float */
    unsigned int shift = 0u;
    while ((fraction & 0x400u) == 0u) {
      fraction <<= 1;
      ++shift;
    }
    bits = sign | ((113u - shift) << 23) | ((fraction & 0x3ffu) << 13);
  }
  return __cucl_bits_float(bits);
}

/* float -> bfloat16 bits (the upper half of a float, rounded). */
__host__ __device__ inline unsigned short __cucl_float_to_bf16_bits(float f, int mode) {
  unsigned int x = __cucl_float_bits(f);
  if ((x & 0x7fffffffu) > 0x7f800000u)
    return (unsigned short)0x7fffu; /* NaN */
  unsigned int upper = x >> 16;     /* sign and magnitude */
  return (unsigned short)(upper + __cucl_round_up(upper, x << 16, x >> 31, mode));
}

/* bfloat16 bits -> float (exact; a NaN keeps its payload, as on NVIDIA GPUs). */
__host__ __device__ inline float __cucl_bf16_bits_to_float(unsigned short h) {
  return __cucl_bits_float((unsigned int)h << 16);
}

/* An integer magnitude, rounded to float to odd. */
__host__ __device__ inline float __cucl_ull_to_float_odd(unsigned long long magnitude) {
  unsigned int scale = 0u;
  unsigned long long sticky = 0ull;
  while (magnitude >= 0x1000000ull) {
    sticky |= magnitude & 1ull;
    magnitude >>= 1;
    ++scale;
  }
  /* (magnitude | sticky) < 2^24 is exact in float; 2^scale too */
  return (float)(unsigned int)(magnitude | sticky) * __cucl_bits_float((127u + scale) << 23);
}

__host__ __device__ inline float __cucl_ll_to_float_odd(long long value) {
  unsigned long long magnitude =
      value < 0 ? 0ull - (unsigned long long)value : (unsigned long long)value;
  float f = __cucl_ull_to_float_odd(magnitude);
  return value < 0 ? -f : f;
}

/* A double, rounded to float to odd. Values beyond float's range become
 * +-FLT_MAX (odd), which every later rounding treats as an overflow. */
__host__ __device__ inline float __cucl_double_to_float_odd(double d) {
  unsigned long long x = __cucl_double_bits(d);
  unsigned int sign = (unsigned int)(x >> 32) & 0x80000000u;
  unsigned int exponent = (unsigned int)(x >> 52) & 0x7ffu;
  unsigned long long fraction = x & 0xfffffffffffffull;
  unsigned int bits;
  if (exponent == 0x7ffu) {
    bits = fraction != 0ull ? 0x7fffffffu : (sign | 0x7f800000u);
  } else if (exponent >= 1151u) { /* |d| >= 2^128 */
    bits = sign | 0x7f7fffffu;
  } else if (exponent >= 897u) { /* a normal float: |d| >= 2^-126 */
    bits = sign | ((exponent - 896u) << 23) | (unsigned int)(fraction >> 29) |
           ((fraction & 0x1fffffffull) != 0ull ? 1u : 0u);
  } else if (exponent == 0u) { /* a subnormal double: far below every float */
    bits = sign | (fraction != 0ull ? 1u : 0u);
  } else { /* a subnormal float, in units of 2^-149 */
    unsigned long long significand = fraction | 0x10000000000000ull;
    unsigned int shift = 926u - exponent; /* 30 .. 925 */
    unsigned int kept = shift >= 64u ? 0u : (unsigned int)(significand >> shift);
    unsigned int dropped = shift >= 64u ? 1u : ((significand << (64u - shift)) != 0ull ? 1u : 0u);
    bits = sign | kept | dropped;
  }
  return __cucl_bits_float(bits);
}

/* a * b + c rounded to float to odd, where a * b is exact in float (any two
 * halves; two bfloat16 values whose product does not underflow). The sum's
 * rounding error comes from Knuth's TwoSum, exact in float arithmetic. */
__host__ __device__ inline float __cucl_fma_to_float_odd(float a, float b, float c) {
  float product = a * b;
  float sum = product + c;
  if ((__cucl_float_bits(sum) & 0x7f800000u) == 0x7f800000u)
    return sum; /* infinity or NaN: nothing to round */
  float bVirtual = sum - product;
  float aVirtual = sum - bVirtual;
  float error = (product - aVirtual) + (c - bVirtual);
  unsigned int bits = __cucl_float_bits(sum);
  if (error != 0.0f && (bits & 1u) == 0u) {
    /* inexact and even: step to the odd neighbour on the side of the error */
    bool away = (error > 0.0f) == (sum > 0.0f);
    bits = away ? bits + 1u : bits - 1u;
  }
  return __cucl_bits_float(bits);
}

/* The pair masks of the __hxx2_mask comparisons. */
__host__ __device__ inline unsigned int __cucl_mask2(const bool low, const bool high) {
  return (low ? 0xffffu : 0u) | (high ? 0xffff0000u : 0u);
}

/* 10^x in float (glibc's exp10f is an extension). */
__host__ __device__ inline float __cucl_exp10(float x) {
#if defined(__CUDA_ARCH__)
  return exp10f(x);
#else
  return (float)pow(10.0, (double)x);
#endif
}

/* Rounds a float to an integral value in a rounding mode. */
__host__ __device__ inline float __cucl_round_integral(float f, int mode) {
  if (mode == __cucl_rz)
    return truncf(f);
  if (mode == __cucl_rd)
    return floorf(f);
  if (mode == __cucl_ru)
    return ceilf(f);
  return rintf(f);
}

/* Integral floats (or NaN, infinities) to integers with CUDA's saturation:
 * out-of-range values clamp, NaN gives 0 (0x8000000000000000 for the 64-bit
 * types, as CUDA documents). */
__host__ __device__ inline signed char __cucl_float_to_char_sat(float f) {
  return f != f ? (signed char)0
                : (f >= 127.0f ? (signed char)127
                               : (f <= -128.0f ? (signed char)-128 : (signed char)f));
}
__host__ __device__ inline unsigned char __cucl_float_to_uchar_sat(float f) {
  return f != f ? (unsigned char)0
                : (f >= 255.0f ? (unsigned char)255u
                               : (f <= 0.0f ? (unsigned char)0 : (unsigned char)f));
}
__host__ __device__ inline short __cucl_float_to_short_sat(float f) {
  return f != f ? (short)0
                : (f >= 32767.0f ? (short)32767 : (f <= -32768.0f ? (short)-32768 : (short)f));
}
__host__ __device__ inline unsigned short __cucl_float_to_ushort_sat(float f) {
  return f != f ? (unsigned short)0
                : (f >= 65535.0f ? (unsigned short)65535u
                                 : (f <= 0.0f ? (unsigned short)0 : (unsigned short)f));
}
__host__ __device__ inline int __cucl_float_to_int_sat(float f) {
  return f != f
             ? 0
             : (f >= 2147483648.0f ? 2147483647 : (f <= -2147483648.0f ? -2147483647 - 1 : (int)f));
}
__host__ __device__ inline unsigned int __cucl_float_to_uint_sat(float f) {
  return f != f ? 0u : (f >= 4294967296.0f ? 4294967295u : (f <= 0.0f ? 0u : (unsigned int)f));
}
__host__ __device__ inline long long __cucl_float_to_ll_sat(float f) {
  return f != f
             ? -9223372036854775807ll - 1
             : (f >= 9223372036854775808.0f
                    ? 9223372036854775807ll
                    : (f <= -9223372036854775808.0f ? -9223372036854775807ll - 1 : (long long)f));
}
__host__ __device__ inline unsigned long long __cucl_float_to_ull_sat(float f) {
  return f != f ? 0x8000000000000000ull
                : (f >= 18446744073709551616.0f ? 0xffffffffffffffffull
                                                : (f <= 0.0f ? 0ull : (unsigned long long)f));
}

#endif /* __cplusplus */
#endif /* CUCL_HALF_COMMON_H */
