/*
 * make_<type>N constructors for CUDA's vector types.
 *
 * Plain C bodies that fill the struct field by field: the translator emits
 * them as ordinary device functions, and host code uses them unchanged.
 * One macro per width keeps the 48 constructors identical in shape.
 */
#ifndef __VECTOR_FUNCTIONS_H__
#define __VECTOR_FUNCTIONS_H__

#include "host_defines.h"
#include "vector_types.h"

#define CUCL_MAKE_VECTOR1(type, scalar)                                           \
  static __inline__ __host__ __device__ type##1 make_##type##1(scalar x) {        \
    type##1 r;                                                                     \
    r.x = x;                                                                       \
    return r;                                                                      \
  }
#define CUCL_MAKE_VECTOR2(type, scalar)                                           \
  static __inline__ __host__ __device__ type##2 make_##type##2(scalar x, scalar y) { \
    type##2 r;                                                                     \
    r.x = x; r.y = y;                                                              \
    return r;                                                                      \
  }
#define CUCL_MAKE_VECTOR3(type, scalar)                                           \
  static __inline__ __host__ __device__ type##3 make_##type##3(scalar x, scalar y, scalar z) { \
    type##3 r;                                                                     \
    r.x = x; r.y = y; r.z = z;                                                     \
    return r;                                                                      \
  }
#define CUCL_MAKE_VECTOR4(type, scalar)                                           \
  static __inline__ __host__ __device__ type##4 make_##type##4(scalar x, scalar y, scalar z, scalar w) { \
    type##4 r;                                                                     \
    r.x = x; r.y = y; r.z = z; r.w = w;                                            \
    return r;                                                                      \
  }
#define CUCL_MAKE_VECTORS(type, scalar)                                           \
  CUCL_MAKE_VECTOR1(type, scalar)                                                  \
  CUCL_MAKE_VECTOR2(type, scalar)                                                  \
  CUCL_MAKE_VECTOR3(type, scalar)                                                  \
  CUCL_MAKE_VECTOR4(type, scalar)

CUCL_MAKE_VECTORS(char, signed char)
CUCL_MAKE_VECTORS(uchar, unsigned char)
CUCL_MAKE_VECTORS(short, short)
CUCL_MAKE_VECTORS(ushort, unsigned short)
CUCL_MAKE_VECTORS(int, int)
CUCL_MAKE_VECTORS(uint, unsigned int)
CUCL_MAKE_VECTORS(long, long)
CUCL_MAKE_VECTORS(ulong, unsigned long)
CUCL_MAKE_VECTORS(longlong, long long)
CUCL_MAKE_VECTORS(ulonglong, unsigned long long)
CUCL_MAKE_VECTORS(float, float)
CUCL_MAKE_VECTORS(double, double)

#undef CUCL_MAKE_VECTORS
#undef CUCL_MAKE_VECTOR4
#undef CUCL_MAKE_VECTOR3
#undef CUCL_MAKE_VECTOR2
#undef CUCL_MAKE_VECTOR1

#endif /* __VECTOR_FUNCTIONS_H__ */
