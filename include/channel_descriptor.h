/*
 * cudaCreateChannelDesc<T>(): the channel format of a texel type, for C++
 * (CUDA's template and its specializations; the C function of the same name
 * is in cuda_runtime_api.h). A type without a specialization gives
 * cudaChannelFormatKindNone, which arrays and textures refuse.
 */
#ifndef __CHANNEL_DESCRIPTOR_H__
#define __CHANNEL_DESCRIPTOR_H__

#if defined(__cplusplus)

#include "cuda_runtime_api.h"

template <class T> __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc(void) {
  return cudaCreateChannelDesc(0, 0, 0, 0, cudaChannelFormatKindNone);
}

/* 16-bit float channels (half, half2, half4). */
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDescHalf(void) {
  return cudaCreateChannelDesc(16, 0, 0, 0, cudaChannelFormatKindFloat);
}
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDescHalf1(void) {
  return cudaCreateChannelDesc(16, 0, 0, 0, cudaChannelFormatKindFloat);
}
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDescHalf2(void) {
  return cudaCreateChannelDesc(16, 16, 0, 0, cudaChannelFormatKindFloat);
}
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDescHalf4(void) {
  return cudaCreateChannelDesc(16, 16, 16, 16, cudaChannelFormatKindFloat);
}

/* Plain char follows the host compiler's signedness, as in CUDA. */
#if defined(_CHAR_UNSIGNED) || defined(__CHAR_UNSIGNED__)
#define CUCL_CHAR_KIND cudaChannelFormatKindUnsigned
#else
#define CUCL_CHAR_KIND cudaChannelFormatKindSigned
#endif

#define CUCL_CHANNEL_DESC(type, count, kind)                                                       \
  template <> __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc<type>(void) {        \
    int bits = (int)(sizeof(type) / (count)) * 8;                                                  \
    return cudaCreateChannelDesc(bits, (count) > 1 ? bits : 0, (count) > 2 ? bits : 0,             \
                                 (count) > 2 ? bits : 0, kind);                                    \
  }

CUCL_CHANNEL_DESC(char, 1, CUCL_CHAR_KIND)
CUCL_CHANNEL_DESC(signed char, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(unsigned char, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(char1, 1, CUCL_CHAR_KIND)
CUCL_CHANNEL_DESC(uchar1, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(char2, 2, CUCL_CHAR_KIND)
CUCL_CHANNEL_DESC(uchar2, 2, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(char4, 4, CUCL_CHAR_KIND)
CUCL_CHANNEL_DESC(uchar4, 4, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(short, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(unsigned short, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(short1, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ushort1, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(short2, 2, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ushort2, 2, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(short4, 4, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ushort4, 4, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(int, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(unsigned int, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(int1, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(uint1, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(int2, 2, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(uint2, 2, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(int4, 4, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(uint4, 4, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(float, 1, cudaChannelFormatKindFloat)
CUCL_CHANNEL_DESC(float1, 1, cudaChannelFormatKindFloat)
CUCL_CHANNEL_DESC(float2, 2, cudaChannelFormatKindFloat)
CUCL_CHANNEL_DESC(float4, 4, cudaChannelFormatKindFloat)
/* long is a 32-bit channel only where it is 32 bits wide, as in CUDA. */
#if !defined(__LP64__)
CUCL_CHANNEL_DESC(long, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(unsigned long, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(long1, 1, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ulong1, 1, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(long2, 2, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ulong2, 2, cudaChannelFormatKindUnsigned)
CUCL_CHANNEL_DESC(long4, 4, cudaChannelFormatKindSigned)
CUCL_CHANNEL_DESC(ulong4, 4, cudaChannelFormatKindUnsigned)
#endif /* !__LP64__ */

#undef CUCL_CHANNEL_DESC
#undef CUCL_CHAR_KIND

/* The CUDA 11.5 kinds, named by the kind itself: cudaCreateChannelDesc<kind>(). */
template <cudaChannelFormatKind>
__inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc(void) {
  return cudaCreateChannelDesc(0, 0, 0, 0, cudaChannelFormatKindNone);
}

#define CUCL_KIND_DESC(kind, bits, count)                                                          \
  template <> __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDesc<kind>(void) {        \
    return cudaCreateChannelDesc(bits, (count) > 1 ? (bits) : 0, (count) > 2 ? (bits) : 0,         \
                                 (count) > 2 ? (bits) : 0, kind);                                  \
  }
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized8X1, 8, 1)
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized8X2, 8, 2)
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized8X4, 8, 4)
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized16X1, 16, 1)
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized16X2, 16, 2)
CUCL_KIND_DESC(cudaChannelFormatKindSignedNormalized16X4, 16, 4)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized8X1, 8, 1)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized8X2, 8, 2)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized8X4, 8, 4)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized16X1, 16, 1)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized16X2, 16, 2)
CUCL_KIND_DESC(cudaChannelFormatKindUnsignedNormalized16X4, 16, 4)
#undef CUCL_KIND_DESC

/* NV12 (planar 4:2:0 YUV): described, but arrays of it are not supported. */
static __inline__ __host__ cudaChannelFormatDesc cudaCreateChannelDescNV12(void) {
  return cudaCreateChannelDesc(8, 8, 8, 0, cudaChannelFormatKindNV12);
}

#endif /* __cplusplus */

#endif /* __CHANNEL_DESCRIPTOR_H__ */
