/*
 * Device-side declarations, seen only by cucl-translate (Clang in CUDA mode,
 * host-side parse). They give CUDA device code the functions nvcc's headers
 * provide, with CUDA's signatures, so Clang can type-check and resolve
 * overloads; the translator maps each call to OpenCL C through its builtin
 * table (compiler/lib/emit_device/builtin_table.cpp). Nothing here has a
 * body: these functions never run on the host.
 *
 * libm functions (sqrtf, expf, ...) are Clang builtins, usable from device
 * code once <math.h> declares them; only what libm lacks is declared here.
 */
#ifndef CUCL_DEVICE_RUNTIME_H
#define CUCL_DEVICE_RUNTIME_H

#include <__clang_cuda_builtin_vars.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define CUCL_DEVICE_DECL extern __attribute__((device))

#ifdef __cplusplus
extern "C" {
#endif
/* printf is variadic, hence host-only for Clang unless declared for device. */
CUCL_DEVICE_DECL int printf(const char *format, ...);
/* C's clock() has a device twin in CUDA. */
CUCL_DEVICE_DECL clock_t clock(void);
#ifdef __cplusplus
}
#endif
/* assert() calls glibc's __assert_fail; memcpy/memset are byte loops. */
CUCL_DEVICE_DECL void __assert_fail(const char *assertion, const char *file, unsigned int line,
                                    const char *function);
CUCL_DEVICE_DECL void __trap(void);
CUCL_DEVICE_DECL void __brkpt(void);
CUCL_DEVICE_DECL long long int clock64(void);
CUCL_DEVICE_DECL unsigned long long __globaltimer(void);
CUCL_DEVICE_DECL void __nanosleep(unsigned int ns);
CUCL_DEVICE_DECL void *memcpy(void *destination, const void *source, size_t count);
CUCL_DEVICE_DECL void *memset(void *destination, int value, size_t count);

/* Synchronization (__syncthreads is a Clang builtin). */
CUCL_DEVICE_DECL int __syncthreads_count(int predicate);
CUCL_DEVICE_DECL int __syncthreads_and(int predicate);
CUCL_DEVICE_DECL int __syncthreads_or(int predicate);
CUCL_DEVICE_DECL void __threadfence(void);
CUCL_DEVICE_DECL void __threadfence_block(void);
CUCL_DEVICE_DECL void __threadfence_system(void);

/* Single- and double-precision math. libm's declarations are host
 * functions to Clang; CUDA device code gets its own overloads. */
#define CUCL_MATH1(name) CUCL_DEVICE_DECL float name##f(float x); CUCL_DEVICE_DECL double name(double x);
#define CUCL_MATH2(name)                                 \
  CUCL_DEVICE_DECL float name##f(float x, float y);      \
  CUCL_DEVICE_DECL double name(double x, double y);
CUCL_MATH1(sqrt) CUCL_MATH1(rsqrt) CUCL_MATH1(cbrt) CUCL_MATH1(exp) CUCL_MATH1(exp2) CUCL_MATH1(exp10)
CUCL_MATH1(expm1) CUCL_MATH1(log) CUCL_MATH1(log2) CUCL_MATH1(log10) CUCL_MATH1(log1p) CUCL_MATH1(sin)
CUCL_MATH1(cos) CUCL_MATH1(tan) CUCL_MATH1(asin) CUCL_MATH1(acos) CUCL_MATH1(atan) CUCL_MATH1(sinh)
CUCL_MATH1(cosh) CUCL_MATH1(tanh) CUCL_MATH1(asinh) CUCL_MATH1(acosh) CUCL_MATH1(atanh) CUCL_MATH1(fabs)
CUCL_MATH1(floor) CUCL_MATH1(ceil) CUCL_MATH1(round) CUCL_MATH1(trunc) CUCL_MATH1(rint) CUCL_MATH1(erf)
CUCL_MATH1(erfc) CUCL_MATH1(lgamma) CUCL_MATH1(tgamma) CUCL_MATH1(logb) CUCL_MATH1(sinpi) CUCL_MATH1(cospi)
CUCL_MATH2(pow) CUCL_MATH2(atan2) CUCL_MATH2(fmin) CUCL_MATH2(fmax) CUCL_MATH2(fmod) CUCL_MATH2(hypot)
CUCL_MATH2(copysign) CUCL_MATH2(fdim) CUCL_MATH2(remainder) CUCL_MATH2(nextafter)
CUCL_DEVICE_DECL float fmaf(float x, float y, float z);
CUCL_DEVICE_DECL double fma(double x, double y, double z);
#undef CUCL_MATH1
#undef CUCL_MATH2
CUCL_DEVICE_DECL float modff(float x, float *whole);
CUCL_DEVICE_DECL double modf(double x, double *whole);
CUCL_DEVICE_DECL float frexpf(float x, int *exponent);
CUCL_DEVICE_DECL double frexp(double x, int *exponent);
CUCL_DEVICE_DECL float ldexpf(float x, int exponent);
CUCL_DEVICE_DECL double ldexp(double x, int exponent);
CUCL_DEVICE_DECL float scalbnf(float x, int exponent);
CUCL_DEVICE_DECL double scalbn(double x, int exponent);
CUCL_DEVICE_DECL int ilogbf(float x);
CUCL_DEVICE_DECL int ilogb(double x);
CUCL_DEVICE_DECL long lrintf(float x);
CUCL_DEVICE_DECL long lrint(double x);
CUCL_DEVICE_DECL long long llrintf(float x);
CUCL_DEVICE_DECL long long llrint(double x);
CUCL_DEVICE_DECL long lroundf(float x);
CUCL_DEVICE_DECL long lround(double x);
CUCL_DEVICE_DECL long long llroundf(float x);
CUCL_DEVICE_DECL long long llround(double x);
CUCL_DEVICE_DECL void sincosf(float x, float *sine, float *cosine);
CUCL_DEVICE_DECL void sincos(double x, double *sine, double *cosine);
#ifdef __cplusplus
/* Read-only data cache load: a plain load in OpenCL. */
template <typename T> __attribute__((device)) T __ldg(const T *address);
#endif

/* Integer absolute values (stdlib's are host functions). */
CUCL_DEVICE_DECL int abs(int x);
CUCL_DEVICE_DECL long labs(long x);
CUCL_DEVICE_DECL long long llabs(long long x);
#ifdef __cplusplus
CUCL_DEVICE_DECL long abs(long x);
CUCL_DEVICE_DECL long long abs(long long x);
#endif

/* Fast-math intrinsics. */
CUCL_DEVICE_DECL float __expf(float x);
CUCL_DEVICE_DECL float __exp10f(float x);
CUCL_DEVICE_DECL float __logf(float x);
CUCL_DEVICE_DECL float __log2f(float x);
CUCL_DEVICE_DECL float __log10f(float x);
CUCL_DEVICE_DECL float __sinf(float x);
CUCL_DEVICE_DECL float __cosf(float x);
CUCL_DEVICE_DECL float __tanf(float x);
CUCL_DEVICE_DECL float __powf(float x, float y);
CUCL_DEVICE_DECL float __fdividef(float x, float y);
CUCL_DEVICE_DECL void __sincosf(float x, float *sptr, float *cptr);
CUCL_DEVICE_DECL float __frsqrt_rn(float x);
/* IEEE single-precision operations in a named rounding mode. */
CUCL_DEVICE_DECL float __fsqrt_rn(float x);
CUCL_DEVICE_DECL float __fsqrt_rz(float x);
CUCL_DEVICE_DECL float __fsqrt_ru(float x);
CUCL_DEVICE_DECL float __fsqrt_rd(float x);
CUCL_DEVICE_DECL float __frcp_rn(float x);
CUCL_DEVICE_DECL float __frcp_rz(float x);
CUCL_DEVICE_DECL float __frcp_ru(float x);
CUCL_DEVICE_DECL float __frcp_rd(float x);
CUCL_DEVICE_DECL float __fdiv_rn(float x, float y);
CUCL_DEVICE_DECL float __fdiv_rz(float x, float y);
CUCL_DEVICE_DECL float __fdiv_ru(float x, float y);
CUCL_DEVICE_DECL float __fdiv_rd(float x, float y);
CUCL_DEVICE_DECL float __saturatef(float x);
CUCL_DEVICE_DECL float __fadd_rn(float x, float y);
CUCL_DEVICE_DECL float __fmul_rn(float x, float y);
CUCL_DEVICE_DECL float __fmaf_rn(float x, float y, float z);

#ifdef __cplusplus
/* min/max overloads CUDA provides for device code. */
CUCL_DEVICE_DECL int min(int a, int b);
CUCL_DEVICE_DECL unsigned int min(unsigned int a, unsigned int b);
CUCL_DEVICE_DECL unsigned int min(int a, unsigned int b);
CUCL_DEVICE_DECL unsigned int min(unsigned int a, int b);
CUCL_DEVICE_DECL long long min(long long a, long long b);
CUCL_DEVICE_DECL unsigned long long min(unsigned long long a, unsigned long long b);
CUCL_DEVICE_DECL long min(long a, long b);
CUCL_DEVICE_DECL unsigned long min(unsigned long a, unsigned long b);
CUCL_DEVICE_DECL float min(float a, float b);
CUCL_DEVICE_DECL double min(double a, double b);
CUCL_DEVICE_DECL int max(int a, int b);
CUCL_DEVICE_DECL unsigned int max(unsigned int a, unsigned int b);
CUCL_DEVICE_DECL unsigned int max(int a, unsigned int b);
CUCL_DEVICE_DECL unsigned int max(unsigned int a, int b);
CUCL_DEVICE_DECL long long max(long long a, long long b);
CUCL_DEVICE_DECL unsigned long long max(unsigned long long a, unsigned long long b);
CUCL_DEVICE_DECL long max(long a, long b);
CUCL_DEVICE_DECL unsigned long max(unsigned long a, unsigned long b);
CUCL_DEVICE_DECL float max(float a, float b);
CUCL_DEVICE_DECL double max(double a, double b);
#endif
CUCL_DEVICE_DECL unsigned int umin(unsigned int a, unsigned int b);
CUCL_DEVICE_DECL unsigned int umax(unsigned int a, unsigned int b);
CUCL_DEVICE_DECL long long llmin(long long a, long long b);
CUCL_DEVICE_DECL long long llmax(long long a, long long b);
CUCL_DEVICE_DECL unsigned long long ullmin(unsigned long long a, unsigned long long b);
CUCL_DEVICE_DECL unsigned long long ullmax(unsigned long long a, unsigned long long b);

/* Integer intrinsics. */
CUCL_DEVICE_DECL int __popc(unsigned int x);
CUCL_DEVICE_DECL int __popcll(unsigned long long x);
CUCL_DEVICE_DECL int __clz(int x);
CUCL_DEVICE_DECL int __clzll(long long x);
CUCL_DEVICE_DECL int __ffs(int x);
CUCL_DEVICE_DECL int __ffsll(long long x);
CUCL_DEVICE_DECL unsigned int __brev(unsigned int x);
CUCL_DEVICE_DECL unsigned long long __brevll(unsigned long long x);
CUCL_DEVICE_DECL int __mul24(int x, int y);
CUCL_DEVICE_DECL unsigned int __umul24(unsigned int x, unsigned int y);
CUCL_DEVICE_DECL int __mulhi(int x, int y);
CUCL_DEVICE_DECL unsigned int __umulhi(unsigned int x, unsigned int y);
CUCL_DEVICE_DECL long long __mul64hi(long long x, long long y);
CUCL_DEVICE_DECL unsigned long long __umul64hi(unsigned long long x, unsigned long long y);
CUCL_DEVICE_DECL unsigned int __sad(int x, int y, unsigned int z);
CUCL_DEVICE_DECL unsigned int __usad(unsigned int x, unsigned int y, unsigned int z);
CUCL_DEVICE_DECL int __hadd(int x, int y);
CUCL_DEVICE_DECL int __rhadd(int x, int y);
CUCL_DEVICE_DECL unsigned int __uhadd(unsigned int x, unsigned int y);
CUCL_DEVICE_DECL unsigned int __urhadd(unsigned int x, unsigned int y);

/* Conversions and reinterpretations. */
CUCL_DEVICE_DECL int __float2int_rn(float x);
CUCL_DEVICE_DECL int __float2int_rz(float x);
CUCL_DEVICE_DECL int __float2int_rd(float x);
CUCL_DEVICE_DECL int __float2int_ru(float x);
CUCL_DEVICE_DECL unsigned int __float2uint_rn(float x);
CUCL_DEVICE_DECL unsigned int __float2uint_rz(float x);
CUCL_DEVICE_DECL long long __float2ll_rn(float x);
CUCL_DEVICE_DECL long long __float2ll_rz(float x);
CUCL_DEVICE_DECL float __int2float_rn(int x);
CUCL_DEVICE_DECL float __uint2float_rn(unsigned int x);
CUCL_DEVICE_DECL float __double2float_rn(double x);
CUCL_DEVICE_DECL int __double2int_rn(double x);
CUCL_DEVICE_DECL int __double2int_rz(double x);
CUCL_DEVICE_DECL int __float_as_int(float x);
CUCL_DEVICE_DECL unsigned int __float_as_uint(float x);
CUCL_DEVICE_DECL float __int_as_float(int x);
CUCL_DEVICE_DECL float __uint_as_float(unsigned int x);
CUCL_DEVICE_DECL long long __double_as_longlong(double x);
CUCL_DEVICE_DECL double __longlong_as_double(long long x);

#ifdef __cplusplus
/* Atomics, with CUDA's signatures (in each scope: device, _block, _system). */
#define CUCL_ATOMIC_SCOPES(declare) declare() declare(_block) declare(_system)
#define CUCL_ATOMIC_INT(name, scope)                                                       \
  CUCL_DEVICE_DECL int name##scope(int *address, int value);                               \
  CUCL_DEVICE_DECL unsigned int name##scope(unsigned int *address, unsigned int value);
#define CUCL_ATOMIC_WIDE(name, scope)                                                      \
  CUCL_DEVICE_DECL unsigned long long name##scope(unsigned long long *address,             \
                                                  unsigned long long value);
#define CUCL_ATOMIC_SIGNED_WIDE(name, scope)                                               \
  CUCL_DEVICE_DECL long long name##scope(long long *address, long long value);
#define CUCL_ATOMICS(scope)                                                                \
  CUCL_ATOMIC_INT(atomicAdd, scope) CUCL_ATOMIC_WIDE(atomicAdd, scope)                     \
  CUCL_ATOMIC_INT(atomicSub, scope)                                                        \
  CUCL_ATOMIC_INT(atomicExch, scope) CUCL_ATOMIC_WIDE(atomicExch, scope)                   \
  CUCL_ATOMIC_INT(atomicMin, scope) CUCL_ATOMIC_WIDE(atomicMin, scope)                     \
  CUCL_ATOMIC_SIGNED_WIDE(atomicMin, scope)                                                \
  CUCL_ATOMIC_INT(atomicMax, scope) CUCL_ATOMIC_WIDE(atomicMax, scope)                     \
  CUCL_ATOMIC_SIGNED_WIDE(atomicMax, scope)                                                \
  CUCL_ATOMIC_INT(atomicAnd, scope) CUCL_ATOMIC_WIDE(atomicAnd, scope)                     \
  CUCL_ATOMIC_INT(atomicOr, scope) CUCL_ATOMIC_WIDE(atomicOr, scope)                       \
  CUCL_ATOMIC_INT(atomicXor, scope) CUCL_ATOMIC_WIDE(atomicXor, scope)                     \
  CUCL_DEVICE_DECL float atomicAdd##scope(float *address, float value);                    \
  CUCL_DEVICE_DECL double atomicAdd##scope(double *address, double value);                 \
  CUCL_DEVICE_DECL unsigned long long atomicCAS##scope(                                    \
      unsigned long long *address, unsigned long long compare, unsigned long long value);
CUCL_ATOMIC_SCOPES(CUCL_ATOMICS)
#undef CUCL_ATOMICS
#undef CUCL_ATOMIC_SIGNED_WIDE
#undef CUCL_ATOMIC_WIDE
#undef CUCL_ATOMIC_INT
#undef CUCL_ATOMIC_SCOPES
CUCL_DEVICE_DECL float atomicExch(float *address, float value);
CUCL_DEVICE_DECL float atomicExch_block(float *address, float value);
CUCL_DEVICE_DECL float atomicExch_system(float *address, float value);
CUCL_DEVICE_DECL int atomicCAS(int *address, int compare, int value);
CUCL_DEVICE_DECL unsigned int atomicCAS(unsigned int *address, unsigned int compare, unsigned int value);
CUCL_DEVICE_DECL int atomicCAS_block(int *address, int compare, int value);
CUCL_DEVICE_DECL unsigned int atomicCAS_block(unsigned int *address, unsigned int compare, unsigned int value);
CUCL_DEVICE_DECL int atomicCAS_system(int *address, int compare, int value);
CUCL_DEVICE_DECL unsigned int atomicCAS_system(unsigned int *address, unsigned int compare, unsigned int value);
CUCL_DEVICE_DECL unsigned int atomicInc(unsigned int *address, unsigned int limit);
CUCL_DEVICE_DECL unsigned int atomicInc_block(unsigned int *address, unsigned int limit);
CUCL_DEVICE_DECL unsigned int atomicInc_system(unsigned int *address, unsigned int limit);
CUCL_DEVICE_DECL unsigned int atomicDec(unsigned int *address, unsigned int limit);
CUCL_DEVICE_DECL unsigned int atomicDec_block(unsigned int *address, unsigned int limit);
CUCL_DEVICE_DECL unsigned int atomicDec_system(unsigned int *address, unsigned int limit);

/* Two-argument math with mixed argument types, e.g. pow(x, 3) on a double:
 * as in C++'s <cmath>, integers count as double and the call is made in the
 * wider type. Without these, libstdc++'s promoting templates (host-only
 * calls inside) would win overload resolution in device code. Same-type
 * floating calls keep using the exact declarations above. */
template <typename T> struct cucl_math_arg {};
template <> struct cucl_math_arg<float> { typedef float type; };
template <> struct cucl_math_arg<double> { typedef double type; };
template <> struct cucl_math_arg<bool> { typedef double type; };
template <> struct cucl_math_arg<char> { typedef double type; };
template <> struct cucl_math_arg<signed char> { typedef double type; };
template <> struct cucl_math_arg<unsigned char> { typedef double type; };
template <> struct cucl_math_arg<short> { typedef double type; };
template <> struct cucl_math_arg<unsigned short> { typedef double type; };
template <> struct cucl_math_arg<int> { typedef double type; };
template <> struct cucl_math_arg<unsigned int> { typedef double type; };
template <> struct cucl_math_arg<long> { typedef double type; };
template <> struct cucl_math_arg<unsigned long> { typedef double type; };
template <> struct cucl_math_arg<long long> { typedef double type; };
template <> struct cucl_math_arg<unsigned long long> { typedef double type; };
template <typename A, typename B> struct cucl_math_mixed {
  typedef decltype(typename cucl_math_arg<A>::type() + typename cucl_math_arg<B>::type()) type;
};
template <typename T> struct cucl_math_mixed<T, T> {}; /* exact overloads apply */
template <> struct cucl_math_mixed<int, int> { typedef double type; };
#define CUCL_MATH2_MIXED(name)                                                              \
  template <typename A, typename B>                                                        \
  __attribute__((device)) inline typename cucl_math_mixed<A, B>::type name(A x, B y) {     \
    typedef typename cucl_math_mixed<A, B>::type T;                                        \
    return name(static_cast<T>(x), static_cast<T>(y));                                     \
  }
CUCL_MATH2_MIXED(pow) CUCL_MATH2_MIXED(atan2) CUCL_MATH2_MIXED(fmin) CUCL_MATH2_MIXED(fmax)
CUCL_MATH2_MIXED(fmod) CUCL_MATH2_MIXED(hypot) CUCL_MATH2_MIXED(copysign) CUCL_MATH2_MIXED(fdim)
CUCL_MATH2_MIXED(remainder) CUCL_MATH2_MIXED(nextafter)
#undef CUCL_MATH2_MIXED

/* Warp-level functions (lane mode: docs/design.md, "Warp-level code"), with
 * the overloads CUDA declares. */
#define CUCL_SHUFFLES(T)                                                                           \
  CUCL_DEVICE_DECL T __shfl_sync(unsigned int mask, T var, int srcLane, int width = 32);           \
  CUCL_DEVICE_DECL T __shfl_up_sync(unsigned int mask, T var, unsigned int delta, int width = 32); \
  CUCL_DEVICE_DECL T __shfl_down_sync(unsigned int mask, T var, unsigned int delta,                \
                                      int width = 32);                                             \
  CUCL_DEVICE_DECL T __shfl_xor_sync(unsigned int mask, T var, int laneMask, int width = 32);      \
  CUCL_DEVICE_DECL T __shfl(T var, int srcLane, int width = 32);                                   \
  CUCL_DEVICE_DECL T __shfl_up(T var, unsigned int delta, int width = 32);                         \
  CUCL_DEVICE_DECL T __shfl_down(T var, unsigned int delta, int width = 32);                       \
  CUCL_DEVICE_DECL T __shfl_xor(T var, int laneMask, int width = 32);                              \
  CUCL_DEVICE_DECL unsigned int __match_any_sync(unsigned int mask, T value);                      \
  CUCL_DEVICE_DECL unsigned int __match_all_sync(unsigned int mask, T value, int *pred);
CUCL_SHUFFLES(int)
CUCL_SHUFFLES(unsigned int)
CUCL_SHUFFLES(long)
CUCL_SHUFFLES(unsigned long)
CUCL_SHUFFLES(long long)
CUCL_SHUFFLES(unsigned long long)
CUCL_SHUFFLES(float)
CUCL_SHUFFLES(double)
#undef CUCL_SHUFFLES
CUCL_DEVICE_DECL unsigned int __ballot_sync(unsigned int mask, int predicate);
CUCL_DEVICE_DECL int __all_sync(unsigned int mask, int predicate);
CUCL_DEVICE_DECL int __any_sync(unsigned int mask, int predicate);
CUCL_DEVICE_DECL int __uni_sync(unsigned int mask, int predicate);
CUCL_DEVICE_DECL unsigned int __ballot(int predicate);
CUCL_DEVICE_DECL int __all(int predicate);
CUCL_DEVICE_DECL int __any(int predicate);
CUCL_DEVICE_DECL unsigned int __activemask(void);
CUCL_DEVICE_DECL void __syncwarp(unsigned int mask = 0xffffffffu);
CUCL_DEVICE_DECL unsigned int __reduce_add_sync(unsigned int mask, unsigned int value);
CUCL_DEVICE_DECL int __reduce_add_sync(unsigned int mask, int value);
CUCL_DEVICE_DECL unsigned int __reduce_min_sync(unsigned int mask, unsigned int value);
CUCL_DEVICE_DECL int __reduce_min_sync(unsigned int mask, int value);
CUCL_DEVICE_DECL unsigned int __reduce_max_sync(unsigned int mask, unsigned int value);
CUCL_DEVICE_DECL int __reduce_max_sync(unsigned int mask, int value);
CUCL_DEVICE_DECL unsigned int __reduce_and_sync(unsigned int mask, unsigned int value);
CUCL_DEVICE_DECL unsigned int __reduce_or_sync(unsigned int mask, unsigned int value);
CUCL_DEVICE_DECL unsigned int __reduce_xor_sync(unsigned int mask, unsigned int value);
/* The PTX lane masks (%lanemask_lt & co.) that low-level code reads. */
CUCL_DEVICE_DECL unsigned int __lanemask_lt(void);
CUCL_DEVICE_DECL unsigned int __lanemask_le(void);
CUCL_DEVICE_DECL unsigned int __lanemask_eq(void);
CUCL_DEVICE_DECL unsigned int __lanemask_ge(void);
CUCL_DEVICE_DECL unsigned int __lanemask_gt(void);
/* grid_group::sync and is_valid (cooperative_groups.h). */
CUCL_DEVICE_DECL void __cucl_grid_sync(void);
CUCL_DEVICE_DECL bool __cucl_grid_is_valid(void);
/* tiled_partition(group, n): n must be a power of two up to 32. */
CUCL_DEVICE_DECL void __cucl_check_tile_size(unsigned int size);
/* Shuffles of any trivially copyable type, for cooperative_groups.h. */
template <typename T>
__attribute__((device)) T __cucl_shfl_sync(unsigned int mask, T var, int srcLane, int width);
template <typename T>
__attribute__((device)) T __cucl_shfl_up_sync(unsigned int mask, T var, unsigned int delta,
                                               int width);
template <typename T>
__attribute__((device)) T __cucl_shfl_down_sync(unsigned int mask, T var, unsigned int delta,
                                                 int width);
template <typename T>
__attribute__((device)) T __cucl_shfl_xor_sync(unsigned int mask, T var, int laneMask, int width);
#endif /* __cplusplus */

#undef CUCL_DEVICE_DECL

#ifdef __cplusplus
#include "cucl/device/texture_functions.h"
#endif

#endif /* CUCL_DEVICE_RUNTIME_H */
