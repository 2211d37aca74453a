/*
 * cucl's half precision: CUDA's cuda_fp16.h API (__half, __half2, half,
 * half2 and their functions) for host and device code, written by cucl.
 *
 * __half is an ordinary struct holding the IEEE binary16 bits; every
 * operation converts to float, computes there and rounds back with integer
 * bit manipulation (cucl/half_common.h). That needs nothing from the OpenCL
 * device (no half type, no cl_khr_fp16) and gives the same bits on the host
 * and on every device:
 *  - conversions are bit-exact with CUDA's, in every rounding mode;
 *  - +, -, *, /, sqrt are correctly rounded (as NVIDIA GPUs' +, -, *; their
 *    __hdiv uses an approximate reciprocal): float has 24 >= 2 * 11 + 2
 *    bits, so rounding the float result once more gives the correct half;
 *  - __hfma rounds once: a * b is exact in float and the sum is rounded to
 *    float "to odd" (TwoSum), so the final rounding is the correct one;
 *  - hexp, hlog, hsin & co. are the float functions rounded to half (CUDA's
 *    are approximations too): results may differ from an NVIDIA GPU, and
 *    between host and device, in the last bit.
 * Functions CUDA declares for device code only (__hfma, the h* math
 * functions, the rounding-mode conversions to integers) are host functions
 * too here. Shuffles (__shfl*_sync) and atomicAdd on __half2 and __half exist
 * in device code only: compare-and-swap loops on the 32-bit word (for a
 * __half, the aligned word around it, so that word must be addressable).
 *
 * __CUDA_NO_HALF_CONVERSIONS__, __CUDA_NO_HALF_OPERATORS__,
 * __CUDA_NO_HALF2_OPERATORS__ and CUDA_NO_HALF are honoured as in CUDA.
 */
#ifndef __CUDA_FP16_H__
#define __CUDA_FP16_H__

#include "host_defines.h"
#include "vector_functions.h"
#include "vector_types.h"

#define __CUDA_FP16_TYPES_EXIST__

/* The bits of a half and of a half pair (C and C++). */
typedef struct __align__(2) {
  unsigned short x;
}
__half_raw;

typedef struct __align__(4) {
  unsigned short x;
  unsigned short y;
}
__half2_raw;

#if defined(__cplusplus)

#include "cucl/half_common.h"

struct __nv_bfloat16;

struct __align__(2) __half {
  /* The bits. Public in cucl (CUDA keeps them protected). */
  unsigned short __x;

  __half() = default;
  __host__ __device__ constexpr __half(const __half_raw &hr) : __x(hr.x) {}
  __host__ __device__ __half &operator=(const __half_raw &hr) {
    __x = hr.x;
    return *this;
  }
  __host__ __device__ operator __half_raw() const {
    __half_raw r;
    r.x = __x;
    return r;
  }

#if !defined(__CUDA_NO_HALF_CONVERSIONS__)
  /* Defined in cuda_bf16.h. */
  explicit __host__ __device__ __half(const __nv_bfloat16 f);
  __host__ __device__ __half(const float f) : __x(__cucl_float_to_half_bits(f, __cucl_rn)) {}
  __host__ __device__ __half(const double f)
      : __x(__cucl_float_to_half_bits(__cucl_double_to_float_odd(f), __cucl_rn)) {}
  __host__ __device__ operator float() const {
    return __cucl_half_bits_to_float(__x);
  }
  __host__ __device__ __half &operator=(const float f) {
    __x = __cucl_float_to_half_bits(f, __cucl_rn);
    return *this;
  }
  __host__ __device__ __half &operator=(const double f) {
    __x = __cucl_float_to_half_bits(__cucl_double_to_float_odd(f), __cucl_rn);
    return *this;
  }

  /* Integers convert as __int2half_rn & co.; back as __half2int_rz & co. */
  __host__ __device__ __half(const short val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const unsigned short val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const int val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const unsigned int val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const long val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const unsigned long val)
      : __x(__cucl_float_to_half_bits(__cucl_ull_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const long long val)
      : __x(__cucl_float_to_half_bits(__cucl_ll_to_float_odd(val), __cucl_rn)) {}
  __host__ __device__ __half(const unsigned long long val)
      : __x(__cucl_float_to_half_bits(__cucl_ull_to_float_odd(val), __cucl_rn)) {}

  __host__ __device__ operator signed char() const {
    return __cucl_float_to_char_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned char() const {
    return __cucl_float_to_uchar_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator char() const {
    return CHAR_MIN < 0 ? (char)__cucl_float_to_char_sat(truncf(__cucl_half_bits_to_float(__x)))
                        : (char)__cucl_float_to_uchar_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator short() const {
    return __cucl_float_to_short_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned short() const {
    return __cucl_float_to_ushort_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator int() const {
    return __cucl_float_to_int_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned int() const {
    return __cucl_float_to_uint_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator long() const {
    return sizeof(long) == sizeof(long long)
               ? (long)__cucl_float_to_ll_sat(truncf(__cucl_half_bits_to_float(__x)))
               : (long)__cucl_float_to_int_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned long() const {
    return sizeof(unsigned long) == sizeof(unsigned long long)
               ? (unsigned long)__cucl_float_to_ull_sat(truncf(__cucl_half_bits_to_float(__x)))
               : (unsigned long)__cucl_float_to_uint_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator long long() const {
    return __cucl_float_to_ll_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ operator unsigned long long() const {
    return __cucl_float_to_ull_sat(truncf(__cucl_half_bits_to_float(__x)));
  }
  __host__ __device__ __half &operator=(const short val) {
    return *this = __half(val);
  }
  __host__ __device__ __half &operator=(const unsigned short val) {
    return *this = __half(val);
  }
  __host__ __device__ __half &operator=(const int val) {
    return *this = __half(val);
  }
  __host__ __device__ __half &operator=(const unsigned int val) {
    return *this = __half(val);
  }
  __host__ __device__ __half &operator=(const long long val) {
    return *this = __half(val);
  }
  __host__ __device__ __half &operator=(const unsigned long long val) {
    return *this = __half(val);
  }
  __host__ __device__ constexpr operator bool() const {
    return (__x & 0x7fffu) != 0u;
  }
#endif /* !__CUDA_NO_HALF_CONVERSIONS__ */
};

struct __align__(4) __half2 {
  __half x;
  __half y;

  __half2() = default;
  __host__ __device__ constexpr __half2(const __half &a, const __half &b) : x(a), y(b) {}
  __host__ __device__ __half2(const __half2_raw &h2r) {
    x.__x = h2r.x;
    y.__x = h2r.y;
  }
  __host__ __device__ __half2 &operator=(const __half2_raw &h2r) {
    x.__x = h2r.x;
    y.__x = h2r.y;
    return *this;
  }
  __host__ __device__ operator __half2_raw() const {
    __half2_raw r;
    r.x = x.__x;
    r.y = y.__x;
    return r;
  }
};

/* ---- Bits ---- */

__host__ __device__ inline __half __ushort_as_half(const unsigned short i) {
  __half h;
  h.__x = i;
  return h;
}
__host__ __device__ inline __half __short_as_half(const short i) {
  return __ushort_as_half((unsigned short)i);
}
__host__ __device__ inline unsigned short __half_as_ushort(const __half h) {
  return h.__x;
}
__host__ __device__ inline short __half_as_short(const __half h) {
  return (short)h.__x;
}

/* ---- Conversions with float and double ---- */

__host__ __device__ inline float __half2float(const __half a) {
  return __cucl_half_bits_to_float(a.__x);
}
__host__ __device__ inline __half __float2half(const float a) {
  return __ushort_as_half(__cucl_float_to_half_bits(a, __cucl_rn));
}
__host__ __device__ inline __half __float2half_rn(const float a) {
  return __ushort_as_half(__cucl_float_to_half_bits(a, __cucl_rn));
}
__host__ __device__ inline __half __float2half_rz(const float a) {
  return __ushort_as_half(__cucl_float_to_half_bits(a, __cucl_rz));
}
__host__ __device__ inline __half __float2half_rd(const float a) {
  return __ushort_as_half(__cucl_float_to_half_bits(a, __cucl_rd));
}
__host__ __device__ inline __half __float2half_ru(const float a) {
  return __ushort_as_half(__cucl_float_to_half_bits(a, __cucl_ru));
}
__host__ __device__ inline __half __double2half(const double a) {
  return __ushort_as_half(__cucl_float_to_half_bits(__cucl_double_to_float_odd(a), __cucl_rn));
}

/* ---- Conversions with integers (every rounding mode) ---- */

#define __CUCL_INT_HALF(itype, iname, to_float, to_int)                                            \
  __host__ __device__ inline __half __##iname##2half_rn(const itype i) {                           \
    return __ushort_as_half(__cucl_float_to_half_bits(to_float(i), __cucl_rn));                    \
  }                                                                                                \
  __host__ __device__ inline __half __##iname##2half_rz(const itype i) {                           \
    return __ushort_as_half(__cucl_float_to_half_bits(to_float(i), __cucl_rz));                    \
  }                                                                                                \
  __host__ __device__ inline __half __##iname##2half_rd(const itype i) {                           \
    return __ushort_as_half(__cucl_float_to_half_bits(to_float(i), __cucl_rd));                    \
  }                                                                                                \
  __host__ __device__ inline __half __##iname##2half_ru(const itype i) {                           \
    return __ushort_as_half(__cucl_float_to_half_bits(to_float(i), __cucl_ru));                    \
  }                                                                                                \
  __host__ __device__ inline itype __half2##iname##_rn(const __half h) {                           \
    return to_int(__cucl_round_integral(__half2float(h), __cucl_rn));                              \
  }                                                                                                \
  __host__ __device__ inline itype __half2##iname##_rz(const __half h) {                           \
    return to_int(__cucl_round_integral(__half2float(h), __cucl_rz));                              \
  }                                                                                                \
  __host__ __device__ inline itype __half2##iname##_rd(const __half h) {                           \
    return to_int(__cucl_round_integral(__half2float(h), __cucl_rd));                              \
  }                                                                                                \
  __host__ __device__ inline itype __half2##iname##_ru(const __half h) {                           \
    return to_int(__cucl_round_integral(__half2float(h), __cucl_ru));                              \
  }
__CUCL_INT_HALF(short, short, __cucl_ll_to_float_odd, __cucl_float_to_short_sat)
__CUCL_INT_HALF(unsigned short, ushort, __cucl_ll_to_float_odd, __cucl_float_to_ushort_sat)
__CUCL_INT_HALF(int, int, __cucl_ll_to_float_odd, __cucl_float_to_int_sat)
__CUCL_INT_HALF(unsigned int, uint, __cucl_ll_to_float_odd, __cucl_float_to_uint_sat)
__CUCL_INT_HALF(long long, ll, __cucl_ll_to_float_odd, __cucl_float_to_ll_sat)
__CUCL_INT_HALF(unsigned long long, ull, __cucl_ull_to_float_odd, __cucl_float_to_ull_sat)
#undef __CUCL_INT_HALF

__host__ __device__ inline signed char __half2char_rz(const __half h) {
  return __cucl_float_to_char_sat(truncf(__half2float(h)));
}
__host__ __device__ inline unsigned char __half2uchar_rz(const __half h) {
  return __cucl_float_to_uchar_sat(truncf(__half2float(h)));
}

/* ---- Pairs ---- */

__host__ __device__ inline __half2 __halves2half2(const __half a, const __half b) {
  return __half2(a, b);
}
__host__ __device__ inline __half2 make_half2(const __half x, const __half y) {
  return __half2(x, y);
}
__host__ __device__ inline __half2 __half2half2(const __half a) {
  return __half2(a, a);
}
__host__ __device__ inline __half __low2half(const __half2 a) {
  return a.x;
}
__host__ __device__ inline __half __high2half(const __half2 a) {
  return a.y;
}
__host__ __device__ inline __half2 __low2half2(const __half2 a) {
  return __half2(a.x, a.x);
}
__host__ __device__ inline __half2 __high2half2(const __half2 a) {
  return __half2(a.y, a.y);
}
__host__ __device__ inline __half2 __lows2half2(const __half2 a, const __half2 b) {
  return __half2(a.x, b.x);
}
__host__ __device__ inline __half2 __highs2half2(const __half2 a, const __half2 b) {
  return __half2(a.y, b.y);
}
__host__ __device__ inline __half2 __float2half2_rn(const float a) {
  return __half2(__float2half_rn(a), __float2half_rn(a));
}
__host__ __device__ inline __half2 __floats2half2_rn(const float a, const float b) {
  return __half2(__float2half_rn(a), __float2half_rn(b));
}
__host__ __device__ inline __half2 __float22half2_rn(const float2 a) {
  return __half2(__float2half_rn(a.x), __float2half_rn(a.y));
}
__host__ __device__ inline float2 __half22float2(const __half2 a) {
  return make_float2(__half2float(a.x), __half2float(a.y));
}

/* ---- Arithmetic, comparisons, math, operators, shuffles, atomics ---- */

/* a * b + c with one rounding (see the top of this file). */
__host__ __device__ inline __half __cucl_half_fma(const __half a, const __half b, const __half c) {
  return __float2half_rn(
      __cucl_fma_to_float_odd(__half2float(a), __half2float(b), __half2float(c)));
}

#define __CUCL_H __half
#define __CUCL_H2 __half2
#define __CUCL_TO_FLOAT __half2float
#define __CUCL_FROM_FLOAT __float2half_rn
#define __CUCL_FROM_BITS __ushort_as_half
#define __CUCL_FMA __cucl_half_fma
#define __CUCL_INF_BITS 0x7c00u
#define __CUCL_ONE_BITS 0x3c00u
#if defined(__CUDA_NO_HALF_OPERATORS__)
#define __CUCL_OPERATORS 0
#else
#define __CUCL_OPERATORS 1
#endif
#if defined(__CUDA_NO_HALF2_OPERATORS__)
#define __CUCL_PAIR_OPERATORS 0
#else
#define __CUCL_PAIR_OPERATORS 1
#endif
#include "cucl/half_ops.inc"

#define CUDART_INF_FP16 __ushort_as_half((unsigned short)0x7c00u)
#define CUDART_NAN_FP16 __ushort_as_half((unsigned short)0x7fffu)
#define CUDART_MIN_DENORM_FP16 __ushort_as_half((unsigned short)0x0001u)
#define CUDART_MAX_NORMAL_FP16 __ushort_as_half((unsigned short)0x7bffu)
#define CUDART_NEG_ZERO_FP16 __ushort_as_half((unsigned short)0x8000u)
#define CUDART_ZERO_FP16 __ushort_as_half((unsigned short)0x0000u)
#define CUDART_ONE_FP16 __ushort_as_half((unsigned short)0x3c00u)

#if !defined(CUDA_NO_HALF)
typedef __half half;
typedef __half2 half2;
typedef __half __nv_half;
typedef __half2 __nv_half2;
typedef __half_raw __nv_half_raw;
typedef __half2_raw __nv_half2_raw;
typedef __half nv_half;
typedef __half2 nv_half2;
#endif

#endif /* __cplusplus */
#endif /* __CUDA_FP16_H__ */
