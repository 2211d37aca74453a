/*
 * The legacy C++ texture reference: `texture<T, dim, mode> name;` at file
 * scope, bound with cudaBindTexture* and read by kernels with tex1Dfetch,
 * tex2D, ... As in CUDA, defined for code compiled as CUDA only.
 */
#ifndef __CUDA_TEXTURE_TYPES_H__
#define __CUDA_TEXTURE_TYPES_H__

#if defined(__cplusplus) && (defined(__CUDACC__) || defined(__CUDA__))

#include "channel_descriptor.h"
#include "texture_types.h"

/* Clang in CUDA mode (cucl-translate) treats variables of this type as
 * device-side texture references, as nvcc does. */
#if defined(__clang__) && defined(__CUDA__)
#define CUCL_TEXTURE_TYPE __attribute__((device_builtin_texture_type))
#else
#define CUCL_TEXTURE_TYPE
#endif

template <class T, int texType = cudaTextureType1D,
          enum cudaTextureReadMode mode = cudaReadModeElementType>
struct CUCL_TEXTURE_TYPE texture : public textureReference {
  __host__ texture(int norm = 0, enum cudaTextureFilterMode fMode = cudaFilterModePoint,
                   enum cudaTextureAddressMode aMode = cudaAddressModeClamp) {
    init(norm, fMode, aMode, cudaCreateChannelDesc<T>());
  }

  __host__ texture(int norm, enum cudaTextureFilterMode fMode, enum cudaTextureAddressMode aMode,
                   struct cudaChannelFormatDesc desc) {
    init(norm, fMode, aMode, desc);
  }

private:
  __host__ void init(int norm, enum cudaTextureFilterMode fMode, enum cudaTextureAddressMode aMode,
                     struct cudaChannelFormatDesc desc) {
    normalized = norm;
    filterMode = fMode;
    addressMode[0] = aMode;
    addressMode[1] = aMode;
    addressMode[2] = aMode;
    channelDesc = desc;
    sRGB = 0;
    maxAnisotropy = 0;
    mipmapFilterMode = cudaFilterModePoint;
    mipmapLevelBias = 0.0f;
    minMipmapLevelClamp = 0.0f;
    maxMipmapLevelClamp = 0.0f;
    disableTrilinearOptimization = 0;
    for (int i = 0; i < 14; ++i)
      __cudaReserved[i] = 0;
  }
};

#endif /* __cplusplus && CUDA */

#endif /* __CUDA_TEXTURE_TYPES_H__ */
