/*
 * Texture and surface object functions for device code, with CUDA's
 * signatures (seen only by cucl-translate; no bodies). The translator maps
 * each call onto the texture runtime (compiler/lib/emit_device/opencl/
 * texture_runtime.cl) according to the result type the call asks for.
 */
#ifndef CUCL_DEVICE_TEXTURE_FUNCTIONS_H
#define CUCL_DEVICE_TEXTURE_FUNCTIONS_H

#include "cuda_texture_types.h"
#include "vector_types.h"

typedef unsigned long long cudaTextureObject_t;
typedef unsigned long long cudaSurfaceObject_t;

#define CUCL_TEX extern __attribute__((device))
/* The surface boundary mode (cudaSurfaceBoundaryMode): 2 is cudaBoundaryModeTrap. */
#define CUCL_SURF_MODE int boundaryMode = 2

template <class T> CUCL_TEX T tex1Dfetch(cudaTextureObject_t texObject, int x);
template <class T> CUCL_TEX void tex1Dfetch(T *retVal, cudaTextureObject_t texObject, int x);
template <class T> CUCL_TEX T tex1D(cudaTextureObject_t texObject, float x);
template <class T> CUCL_TEX void tex1D(T *retVal, cudaTextureObject_t texObject, float x);
template <class T> CUCL_TEX T tex2D(cudaTextureObject_t texObject, float x, float y);
template <class T> CUCL_TEX void tex2D(T *retVal, cudaTextureObject_t texObject, float x, float y);
template <class T> CUCL_TEX T tex3D(cudaTextureObject_t texObject, float x, float y, float z);
template <class T>
CUCL_TEX void tex3D(T *retVal, cudaTextureObject_t texObject, float x, float y, float z);
template <class T> CUCL_TEX T tex1DLayered(cudaTextureObject_t texObject, float x, int layer);
template <class T>
CUCL_TEX T tex2DLayered(cudaTextureObject_t texObject, float x, float y, int layer);
template <class T> CUCL_TEX T texCubemap(cudaTextureObject_t texObject, float x, float y, float z);
template <class T>
CUCL_TEX T texCubemapLayered(cudaTextureObject_t texObject, float x, float y, float z, int layer);
template <class T> CUCL_TEX T tex1DLod(cudaTextureObject_t texObject, float x, float level);
template <class T> CUCL_TEX T tex2DLod(cudaTextureObject_t texObject, float x, float y, float level);
template <class T>
CUCL_TEX T tex3DLod(cudaTextureObject_t texObject, float x, float y, float z, float level);
template <class T>
CUCL_TEX T tex1DLayeredLod(cudaTextureObject_t texObject, float x, int layer, float level);
template <class T>
CUCL_TEX T tex2DLayeredLod(cudaTextureObject_t texObject, float x, float y, int layer, float level);
template <class T>
CUCL_TEX T texCubemapLod(cudaTextureObject_t texObject, float x, float y, float z, float level);
template <class T>
CUCL_TEX T tex1DGrad(cudaTextureObject_t texObject, float x, float dPdx, float dPdy);
template <class T>
CUCL_TEX T tex2DGrad(cudaTextureObject_t texObject, float x, float y, float2 dPdx, float2 dPdy);
template <class T>
CUCL_TEX T tex3DGrad(cudaTextureObject_t texObject, float x, float y, float z, float4 dPdx,
                     float4 dPdy);
template <class T>
CUCL_TEX T tex2Dgather(cudaTextureObject_t texObject, float x, float y, int comp = 0);

template <class T> CUCL_TEX T surf1Dread(cudaSurfaceObject_t surfObject, int x, CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf1Dread(T *data, cudaSurfaceObject_t surfObject, int x, CUCL_SURF_MODE);
template <class T>
CUCL_TEX T surf2Dread(cudaSurfaceObject_t surfObject, int x, int y, CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf2Dread(T *data, cudaSurfaceObject_t surfObject, int x, int y, CUCL_SURF_MODE);
template <class T>
CUCL_TEX T surf3Dread(cudaSurfaceObject_t surfObject, int x, int y, int z, CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf3Dread(T *data, cudaSurfaceObject_t surfObject, int x, int y, int z,
                         CUCL_SURF_MODE);
template <class T>
CUCL_TEX T surf1DLayeredread(cudaSurfaceObject_t surfObject, int x, int layer, CUCL_SURF_MODE);
template <class T>
CUCL_TEX T surf2DLayeredread(cudaSurfaceObject_t surfObject, int x, int y, int layer,
                             CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf1Dwrite(T data, cudaSurfaceObject_t surfObject, int x, CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf2Dwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf3Dwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int z,
                          CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf1DLayeredwrite(T data, cudaSurfaceObject_t surfObject, int x, int layer,
                                 CUCL_SURF_MODE);
template <class T>
CUCL_TEX void surf2DLayeredwrite(T data, cudaSurfaceObject_t surfObject, int x, int y, int layer,
                                 CUCL_SURF_MODE);

/* Legacy texture references (texture<T, dim, mode>, cuda_texture_types.h):
 * removed from CUDA 12, still in widely used code. Element reads return T;
 * NormalizedFloat reads of 8- and 16-bit integers return float of T's width. */
template <class T, enum cudaTextureReadMode mode> struct __cucl_texture_result {
  typedef T type;
};
#define CUCL_NORMALIZED_SCALAR(scalar)                                                             \
  template <> struct __cucl_texture_result<scalar, cudaReadModeNormalizedFloat> {                 \
    typedef float type;                                                                            \
  };
#define CUCL_NORMALIZED_VECTOR(vector, n)                                                          \
  template <> struct __cucl_texture_result<vector##n, cudaReadModeNormalizedFloat> {               \
    typedef float##n type;                                                                         \
  };
#define CUCL_NORMALIZED_VECTORS(vector)                                                            \
  CUCL_NORMALIZED_VECTOR(vector, 1) CUCL_NORMALIZED_VECTOR(vector, 2) CUCL_NORMALIZED_VECTOR(vector, 4)
CUCL_NORMALIZED_SCALAR(char)
CUCL_NORMALIZED_SCALAR(signed char)
CUCL_NORMALIZED_SCALAR(unsigned char)
CUCL_NORMALIZED_SCALAR(short)
CUCL_NORMALIZED_SCALAR(unsigned short)
CUCL_NORMALIZED_VECTORS(char)
CUCL_NORMALIZED_VECTORS(uchar)
CUCL_NORMALIZED_VECTORS(short)
CUCL_NORMALIZED_VECTORS(ushort)
#undef CUCL_NORMALIZED_VECTORS
#undef CUCL_NORMALIZED_VECTOR
#undef CUCL_NORMALIZED_SCALAR
#define CUCL_TEXREF_RESULT typename __cucl_texture_result<T, mode>::type
#define CUCL_TEXREF(dim) texture<T, dim, mode> textureReference

template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex1Dfetch(CUCL_TEXREF(cudaTextureType1D), int x);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex1D(CUCL_TEXREF(cudaTextureType1D), float x);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex2D(CUCL_TEXREF(cudaTextureType2D), float x, float y);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex3D(CUCL_TEXREF(cudaTextureType3D), float x, float y, float z);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex1DLayered(CUCL_TEXREF(cudaTextureType1DLayered), float x, int layer);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex2DLayered(CUCL_TEXREF(cudaTextureType2DLayered), float x, float y,
                                         int layer);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT texCubemap(CUCL_TEXREF(cudaTextureTypeCubemap), float x, float y,
                                       float z);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex1DLod(CUCL_TEXREF(cudaTextureType1D), float x, float level);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex2DLod(CUCL_TEXREF(cudaTextureType2D), float x, float y, float level);
template <class T, enum cudaTextureReadMode mode>
CUCL_TEX CUCL_TEXREF_RESULT tex2Dgather(CUCL_TEXREF(cudaTextureType2D), float x, float y,
                                        int comp = 0);
#undef CUCL_TEXREF
#undef CUCL_TEXREF_RESULT

#undef CUCL_SURF_MODE
#undef CUCL_TEX

#endif /* CUCL_DEVICE_TEXTURE_FUNCTIONS_H */
