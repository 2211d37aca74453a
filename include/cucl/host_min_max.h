/*
 * The host `min`/`max` overloads CUDA's headers give every .cu file (host
 * code calls them without <algorithm>), with CUDA's choice of result for mixed
 * signedness: an int and an unsigned int compare as unsigned. The device side
 * has the same set in cucl/device/device_runtime.h. Only code compiled as CUDA
 * sees them, as with nvcc: plain C++ files that include cuda_runtime.h keep
 * their own `min`/`max`.
 */
#ifndef CUCL_HOST_MIN_MAX_H
#define CUCL_HOST_MIN_MAX_H

#include "../host_defines.h"

#define CUCL_HOST_MIN_MAX(result, a_type, b_type)                                                \
  static __inline__ __host__ result min(a_type a, b_type b) {                                     \
    return (result)a < (result)b ? (result)a : (result)b;                                         \
  }                                                                                              \
  static __inline__ __host__ result max(a_type a, b_type b) {                                     \
    return (result)a < (result)b ? (result)b : (result)a;                                         \
  }

CUCL_HOST_MIN_MAX(int, int, int)
CUCL_HOST_MIN_MAX(unsigned int, unsigned int, unsigned int)
CUCL_HOST_MIN_MAX(unsigned int, int, unsigned int)
CUCL_HOST_MIN_MAX(unsigned int, unsigned int, int)
CUCL_HOST_MIN_MAX(long, long, long)
CUCL_HOST_MIN_MAX(unsigned long, unsigned long, unsigned long)
CUCL_HOST_MIN_MAX(long long, long long, long long)
CUCL_HOST_MIN_MAX(unsigned long long, unsigned long long, unsigned long long)
#undef CUCL_HOST_MIN_MAX

/* Floating point: fminf/fmin's rules (a NaN operand yields the other one). */
static __inline__ __host__ float min(float a, float b) { return __builtin_fminf(a, b); }
static __inline__ __host__ float max(float a, float b) { return __builtin_fmaxf(a, b); }
static __inline__ __host__ double min(double a, double b) { return __builtin_fmin(a, b); }
static __inline__ __host__ double max(double a, double b) { return __builtin_fmax(a, b); }

#endif /* CUCL_HOST_MIN_MAX_H */
