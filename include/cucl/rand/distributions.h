/*
 * From raw 32-bit numbers to cuRAND's distributions, as pure functions so
 * that the device API, libcurand's kernels and its host generators share
 * them. Uniform results lie in (0, 1]; 1 is reachable, 0 is not (cuRAND's
 * contract), so log() of one is always finite.
 */
#ifndef CUCL_RAND_DISTRIBUTIONS_H
#define CUCL_RAND_DISTRIBUTIONS_H

#include "rand_common.h"

#if defined(__OPENCL_C_VERSION__)
#define CUCL_RAND_LOGF(x) log(x)
#define CUCL_RAND_SQRTF(x) sqrt(x)
#define CUCL_RAND_ERFCF(x) erfc(x)
#define CUCL_RAND_EXPF(x) exp(x)
/* One call for both: half the argument reduction. */
#define CUCL_RAND_SINCOSF(x, s, c) (*(s) = sincos((x), (c)))
#else
#include <math.h>
#define CUCL_RAND_LOGF(x) logf(x)
#define CUCL_RAND_SQRTF(x) sqrtf(x)
#define CUCL_RAND_ERFCF(x) erfcf(x)
#define CUCL_RAND_EXPF(x) expf(x)
#define CUCL_RAND_SINCOSF(x, s, c) (*(s) = sinf(x), *(c) = cosf(x))
#endif

#define CUCL_2POW32_INV 2.3283064e-10f
#define CUCL_2POW32_INV_2PI 1.46291807e-09f
#define CUCL_2POW53_INV_DOUBLE 1.1102230246251565e-16
#define CUCL_2PI_FLOAT 6.2831855f

CUCL_RAND_FN float cucl_uniform_float(cucl_u32 x) {
  return x * CUCL_2POW32_INV + (CUCL_2POW32_INV / 2.0f);
}

/* A discrete distribution's inverse-CDF table at the number x: the first
 * index whose threshold is above x (the last entry is never compared). The
 * host API's Poisson, curand_discrete and the host generators share it, so
 * every device and the host agree. */
CUCL_RAND_FN cucl_u32 cucl_discrete_index(const CUCL_RAND_GLOBAL cucl_u32 *cdf, cucl_u32 length,
                                          cucl_u32 x) {
  cucl_u32 low = 0, high = length - 1;
  while (low < high) {
    cucl_u32 middle = (low + high) / 2;
    if (cdf[middle] > x)
      high = middle;
    else
      low = middle + 1;
  }
  return low;
}

/* Box-Muller: a pair of standard normals from a uniform u in (0, 1] and an
 * angle v in (0, 2 pi]. */
CUCL_RAND_FN void cucl_box_muller_uv(float u, float v, float *first, float *second) {
  float s = CUCL_RAND_SQRTF(-2.0f * CUCL_RAND_LOGF(u));
  float sine, cosine;
  CUCL_RAND_SINCOSF(v, &sine, &cosine);
  *first = s * sine;
  *second = s * cosine;
}

/* The same from two numbers. */
CUCL_RAND_FN void cucl_box_muller(cucl_u32 x, cucl_u32 y, float *first, float *second) {
  cucl_box_muller_uv(cucl_uniform_float(x), y * CUCL_2POW32_INV_2PI + (CUCL_2POW32_INV_2PI / 2.0f),
                     first, second);
}

/* A first guess at the standard normal quantile of p in (0, 0.5]: Acklam's
 * rational approximations of the lower region and the central one, in float
 * (within 1e-3 of Phi^-1; the callers refine it). */
CUCL_RAND_FN float cucl_normal_quantile_guess(float p) {
  if (p < 0.02425f) {
    float q = CUCL_RAND_SQRTF(-2.0f * CUCL_RAND_LOGF(p));
    return (((((-7.784894002430293e-03f * q - 3.223964580411365e-01f) * q -
               2.400758277161838e+00f) *
                  q -
              2.549732539343734e+00f) *
                 q +
             4.374664141464968e+00f) *
                q +
            2.938163982698783e+00f) /
           ((((7.784695709041462e-03f * q + 3.224671290700398e-01f) * q + 2.445134137142996e+00f) *
                 q +
             3.754408661907416e+00f) *
                q +
            1.0f);
  }
  float q = p - 0.5f, r = q * q;
  return (((((-3.969683028665376e+01f * r + 2.209460984245205e+02f) * r - 2.759285104469687e+02f) *
                r +
            1.383577518672690e+02f) *
               r -
           3.066479806614716e+01f) *
              r +
          2.506628277459239e+00f) *
         q /
         (((((-5.447609879822406e+01f * r + 1.615858368580409e+02f) * r - 1.556989798598866e+02f) *
                r +
            6.680131188771972e+01f) *
               r -
           1.328068155288572e+01f) *
              r +
          1.0f);
}

/* One Halley step on Phi(z) = p, Phi from erfc: cubic convergence. */
CUCL_RAND_FN float cucl_normal_quantile_lower(float p) {
  float z = cucl_normal_quantile_guess(p);
  float e = 0.5f * CUCL_RAND_ERFCF(-z * 0.70710678f) - p;
  float u = e * 2.50662827f * CUCL_RAND_EXPF(0.5f * z * z);
  return z - u / (1.0f + 0.5f * z * u);
}

/* A standard normal from a 32-bit number by inversion (quasi-random
 * generators: Box-Muller would mix dimensions). The number's midpoint
 * (x + 1/2) / 2^32 is never 0 or 1; the upper half mirrors the lower one so
 * that no precision is lost near 1. */
CUCL_RAND_FN float cucl_normal_from_quantile(cucl_u32 x) {
  cucl_u32 q = x < 0x80000000u ? x : ~x;
  float z = cucl_normal_quantile_lower(((float)q + 0.5f) * CUCL_2POW32_INV);
  return x < 0x80000000u ? z : -z;
}

#ifdef CUCL_RAND_HAS_DOUBLE
/* The same in double precision from a 64-bit number: Acklam's value
 * refined by one Halley step on erfc, to about 1e-15. */
CUCL_RAND_FN double cucl_normal_from_quantile_double(cucl_u64 x) {
  cucl_u64 q = x < 0x8000000000000000ull ? x : ~x;
  double p = ((double)q + 0.5) * 5.421010862427522170e-20; /* 2^-64 */
  double z = cucl_normal_quantile_guess((float)p);         /* p >= 2^-65: inside float's range */
  for (int step = 0; step < 2; ++step) {
    double e = 0.5 * erfc(-z * 0.70710678118654752440) - p;
    double u = e * 2.50662827463100050242 * exp(0.5 * z * z);
    z = z - u / (1.0 + 0.5 * z * u);
  }
  return x < 0x8000000000000000ull ? z : -z;
}

/* 53 random bits from two numbers. */
CUCL_RAND_FN double cucl_uniform_double(cucl_u32 x, cucl_u32 y) {
  cucl_u64 z = (cucl_u64)x ^ ((cucl_u64)y << (53 - 32));
  return z * CUCL_2POW53_INV_DOUBLE + (CUCL_2POW53_INV_DOUBLE / 2.0);
}

/* sin and cos of x pi, written the same way everywhere (not sinpi) so that
 * the device API and libcurand's kernels compile the same expression. */
#define CUCL_RAND_SINCOSPI(x, s, c)                                                                \
  (*(s) = sin((x)*3.14159265358979323846), *(c) = cos((x)*3.14159265358979323846))

/* A pair of normals in double from a uniform u in (0, 1] and an angle of
 * w pi, w in (0, 2]. */
CUCL_RAND_FN void cucl_box_muller_double_uw(double u, double w, double *first, double *second) {
  double s = sqrt(-2.0 * log(u));
  double sine, cosine;
  CUCL_RAND_SINCOSPI(w, &sine, &cosine);
  *first = s * sine;
  *second = s * cosine;
}

/* The same from four numbers (53 bits each for u and the angle). */
CUCL_RAND_FN void cucl_box_muller_double(cucl_u32 x0, cucl_u32 x1, cucl_u32 y0, cucl_u32 y1,
                                         double *first, double *second) {
  cucl_u64 zy = (cucl_u64)y0 ^ ((cucl_u64)y1 << (53 - 32));
  cucl_box_muller_double_uw(cucl_uniform_double(x0, x1),
                            zy * (CUCL_2POW53_INV_DOUBLE * 2.0) + CUCL_2POW53_INV_DOUBLE, first,
                            second);
}
#endif /* CUCL_RAND_HAS_DOUBLE */

/* The distributions of an engine whose numbers are uniform 32-bit words
 * (XORWOW, Philox): cuRAND's conversions, as prefix_uniform(s),
 * prefix_uniform_double(s), prefix_normal_pair(s, a, b) and
 * prefix_normal_pair_double(s, a, b) over prefix_next(s). */
#ifdef CUCL_RAND_HAS_DOUBLE
#define CUCL_RAND_WORD_DOUBLES(prefix, State)                                                      \
  CUCL_RAND_FN double prefix##_uniform_double(State *s) {                                          \
    cucl_u32 x = prefix##_next(s);                                                                 \
    return cucl_uniform_double(x, prefix##_next(s));                                               \
  }                                                                                                \
  CUCL_RAND_FN void prefix##_normal_pair_double(State *s, double *first, double *second) {         \
    cucl_u32 x0 = prefix##_next(s);                                                                \
    cucl_u32 x1 = prefix##_next(s);                                                                \
    cucl_u32 y0 = prefix##_next(s);                                                                \
    cucl_box_muller_double(x0, x1, y0, prefix##_next(s), first, second);                           \
  }
#else
#define CUCL_RAND_WORD_DOUBLES(prefix, State)
#endif
#define CUCL_RAND_WORD_DISTRIBUTIONS(prefix, State)                                                \
  CUCL_RAND_FN float prefix##_uniform(State *s) {                                                  \
    return cucl_uniform_float(prefix##_next(s));                                                   \
  }                                                                                                \
  CUCL_RAND_FN void prefix##_normal_pair(State *s, float *first, float *second) {                  \
    cucl_u32 x = prefix##_next(s);                                                                 \
    cucl_box_muller(x, prefix##_next(s), first, second);                                           \
  }                                                                                                \
  CUCL_RAND_WORD_DOUBLES(prefix, State)

#endif /* CUCL_RAND_DISTRIBUTIONS_H */
