/*
 * CUDA's built-in vector types (char1 ... double4, longlong*, ...) and dim3.
 *
 * Sizes and alignments follow CUDA, not OpenCL: a 3-component vector is
 * three packed scalars (float3 is 12 bytes), 2- and 4-component vectors are
 * aligned to their size up to 16 bytes. The translator emits them as plain
 * structs so that by-value kernel arguments keep this layout.
 */
#ifndef __VECTOR_TYPES_H__
#define __VECTOR_TYPES_H__

#include "host_defines.h"

/* One struct per shape; ALIGN is CUDA's alignment for that shape. */
#define CUCL_VEC1(name, T) struct name { T x; }; typedef struct name name;
#define CUCL_VEC2(name, T, ALIGN) \
  struct __align__(ALIGN) name { T x, y; }; typedef struct name name;
#define CUCL_VEC3(name, T) struct name { T x, y, z; }; typedef struct name name;
#define CUCL_VEC4(name, T, ALIGN) \
  struct __align__(ALIGN) name { T x, y, z, w; }; typedef struct name name;

CUCL_VEC1(char1, signed char)
CUCL_VEC2(char2, signed char, 2)
CUCL_VEC3(char3, signed char)
CUCL_VEC4(char4, signed char, 4)
CUCL_VEC1(uchar1, unsigned char)
CUCL_VEC2(uchar2, unsigned char, 2)
CUCL_VEC3(uchar3, unsigned char)
CUCL_VEC4(uchar4, unsigned char, 4)

CUCL_VEC1(short1, short)
CUCL_VEC2(short2, short, 4)
CUCL_VEC3(short3, short)
CUCL_VEC4(short4, short, 8)
CUCL_VEC1(ushort1, unsigned short)
CUCL_VEC2(ushort2, unsigned short, 4)
CUCL_VEC3(ushort3, unsigned short)
CUCL_VEC4(ushort4, unsigned short, 8)

CUCL_VEC1(int1, int)
CUCL_VEC2(int2, int, 8)
CUCL_VEC3(int3, int)
CUCL_VEC4(int4, int, 16)
CUCL_VEC1(uint1, unsigned int)
CUCL_VEC2(uint2, unsigned int, 8)
CUCL_VEC3(uint3, unsigned int)
CUCL_VEC4(uint4, unsigned int, 16)

/* long is 8 bytes on the LP64 hosts cucl supports. */
CUCL_VEC1(long1, long)
CUCL_VEC2(long2, long, 16)
CUCL_VEC3(long3, long)
CUCL_VEC4(long4, long, 16)
CUCL_VEC1(ulong1, unsigned long)
CUCL_VEC2(ulong2, unsigned long, 16)
CUCL_VEC3(ulong3, unsigned long)
CUCL_VEC4(ulong4, unsigned long, 16)

CUCL_VEC1(longlong1, long long)
CUCL_VEC2(longlong2, long long, 16)
CUCL_VEC3(longlong3, long long)
CUCL_VEC4(longlong4, long long, 16)
CUCL_VEC1(ulonglong1, unsigned long long)
CUCL_VEC2(ulonglong2, unsigned long long, 16)
CUCL_VEC3(ulonglong3, unsigned long long)
CUCL_VEC4(ulonglong4, unsigned long long, 16)

CUCL_VEC1(float1, float)
CUCL_VEC2(float2, float, 8)
CUCL_VEC3(float3, float)
CUCL_VEC4(float4, float, 16)

CUCL_VEC1(double1, double)
CUCL_VEC2(double2, double, 16)
CUCL_VEC3(double3, double)
CUCL_VEC4(double4, double, 16)

#undef CUCL_VEC1
#undef CUCL_VEC2
#undef CUCL_VEC3
#undef CUCL_VEC4

/* Launch dimensions; unspecified components default to 1 in C++. */
struct dim3 {
  unsigned int x, y, z;
#if defined(__cplusplus)
  __host__ __device__ constexpr dim3(unsigned int vx = 1, unsigned int vy = 1,
                                     unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  __host__ __device__ constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  __host__ __device__ constexpr operator uint3() const {
    return uint3{x, y, z};
  }
#endif
};
typedef struct dim3 dim3;

#endif /* __VECTOR_TYPES_H__ */
