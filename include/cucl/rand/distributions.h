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
/* One call for both: half the argument reduction. */
#define CUCL_RAND_SINCOSF(x, s, c) (*(s) = sincos((x), (c)))
#else
#include <math.h>
#define CUCL_RAND_LOGF(x) logf(x)
#define CUCL_RAND_SQRTF(x) sqrtf(x)
#define CUCL_RAND_SINCOSF(x, s, c) (*(s) = sinf(x), *(c) = cosf(x))
#endif

#define CUCL_2POW32_INV 2.3283064e-10f
#define CUCL_2POW32_INV_2PI 1.46291807e-09f
#define CUCL_2POW53_INV_DOUBLE 1.1102230246251565e-16
#define CUCL_2PI_DOUBLE 6.2831853071795864769

CUCL_RAND_FN float cucl_uniform_float(cucl_u32 x) {
  return x * CUCL_2POW32_INV + (CUCL_2POW32_INV / 2.0f);
}

/* Box-Muller: a pair of standard normals from two numbers. */
CUCL_RAND_FN void cucl_box_muller(cucl_u32 x, cucl_u32 y, float *first, float *second) {
  float u = cucl_uniform_float(x);
  float v = y * CUCL_2POW32_INV_2PI + (CUCL_2POW32_INV_2PI / 2.0f);
  float s = CUCL_RAND_SQRTF(-2.0f * CUCL_RAND_LOGF(u));
  float sine, cosine;
  CUCL_RAND_SINCOSF(v, &sine, &cosine);
  *first = s * sine;
  *second = s * cosine;
}

#ifdef CUCL_RAND_HAS_DOUBLE
/* 53 random bits from two numbers. */
CUCL_RAND_FN double cucl_uniform_double(cucl_u32 x, cucl_u32 y) {
  cucl_u64 z = (cucl_u64)x ^ ((cucl_u64)y << (53 - 32));
  return z * CUCL_2POW53_INV_DOUBLE + (CUCL_2POW53_INV_DOUBLE / 2.0);
}

/* The same in double precision, from two uniforms in (0, 1]. */
CUCL_RAND_FN void cucl_box_muller_double(double u, double w, double *first, double *second) {
  double s = sqrt(-2.0 * log(u));
  double v = w * CUCL_2PI_DOUBLE;
  *first = s * sin(v);
  *second = s * cos(v);
}
#endif /* CUCL_RAND_HAS_DOUBLE */

#endif /* CUCL_RAND_DISTRIBUTIONS_H */
