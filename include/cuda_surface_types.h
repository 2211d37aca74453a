/*
 * The legacy C++ surface reference: `surface<T, dim> name;`. As in CUDA,
 * defined for code compiled as CUDA only. (cucl has no surface-reference
 * binding: kernels use surface objects.)
 */
#ifndef __CUDA_SURFACE_TYPES_H__
#define __CUDA_SURFACE_TYPES_H__

#if defined(__cplusplus) && (defined(__CUDACC__) || defined(__CUDA__))

#include "channel_descriptor.h"
#include "surface_types.h"

template <class T, int dim = 1> struct surface : public surfaceReference {
  __host__ surface(void) { channelDesc = cudaCreateChannelDesc<T>(); }
  __host__ surface(struct cudaChannelFormatDesc desc) { channelDesc = desc; }
};

template <int dim> struct surface<void, dim> : public surfaceReference {
  __host__ surface(void) { channelDesc = cudaCreateChannelDesc<void>(); }
};

#endif /* __cplusplus && CUDA */

#endif /* __CUDA_SURFACE_TYPES_H__ */
