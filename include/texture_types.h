/*
 * Texture types: address, filter and read modes, texture object descriptors
 * and handles, and the legacy texture reference (the base of the C++
 * `texture<T, dim, mode>` template in cuda_texture_types.h).
 *
 * cucl's own text with CUDA's names, values and layouts (checked against
 * NVIDIA's headers by tests/runtime/header_values). Usable from C and C++.
 */
#ifndef __TEXTURE_TYPES_H__
#define __TEXTURE_TYPES_H__

#include "driver_types.h"

/* Texture kinds: the `dim` parameter of texture<T, dim, mode>. */
#define cudaTextureType1D 0x01
#define cudaTextureType2D 0x02
#define cudaTextureType3D 0x03
#define cudaTextureTypeCubemap 0x0C
#define cudaTextureType1DLayered 0xF1
#define cudaTextureType2DLayered 0xF2
#define cudaTextureTypeCubemapLayered 0xFC

/* What a coordinate outside the texture reads (per dimension). Wrap and
 * Mirror need normalized coordinates; otherwise they act as Clamp. */
enum cudaTextureAddressMode {
  cudaAddressModeWrap = 0,
  cudaAddressModeClamp = 1,
  cudaAddressModeMirror = 2,
  cudaAddressModeBorder = 3
};

enum cudaTextureFilterMode { cudaFilterModePoint = 0, cudaFilterModeLinear = 1 };

/* NormalizedFloat reads 8- and 16-bit integers as floats in [0, 1] or [-1, 1]. */
enum cudaTextureReadMode { cudaReadModeElementType = 0, cudaReadModeNormalizedFloat = 1 };

/* A legacy texture reference (`texture<T, dim, mode> name;` at file scope):
 * its attributes are read when a kernel that uses it is launched. */
struct textureReference {
  int normalized;
  enum cudaTextureFilterMode filterMode;
  enum cudaTextureAddressMode addressMode[3];
  struct cudaChannelFormatDesc channelDesc;
  int sRGB;
  unsigned int maxAnisotropy;
  enum cudaTextureFilterMode mipmapFilterMode;
  float mipmapLevelBias;
  float minMipmapLevelClamp;
  float maxMipmapLevelClamp;
  int disableTrilinearOptimization;
  int __cudaReserved[14];
};

/* How a texture object samples its resource (cudaCreateTextureObject). */
struct cudaTextureDesc {
  enum cudaTextureAddressMode addressMode[3];
  enum cudaTextureFilterMode filterMode;
  enum cudaTextureReadMode readMode;
  int sRGB;
  float borderColor[4];
  int normalizedCoords;
  unsigned int maxAnisotropy;
  enum cudaTextureFilterMode mipmapFilterMode;
  float mipmapLevelBias;
  float minMipmapLevelClamp;
  float maxMipmapLevelClamp;
  int disableTrilinearOptimization;
  int seamlessCubemap;
};

/* A texture object: an opaque handle, never 0 for a live object. */
typedef unsigned long long cudaTextureObject_t;

#endif /* __TEXTURE_TYPES_H__ */
