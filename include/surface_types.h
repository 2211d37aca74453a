/*
 * Surface types: boundary modes, surface object handles and the legacy
 * surface reference (the base of the C++ `surface<T, dim>` template in
 * cuda_surface_types.h).
 *
 * cucl's own text with CUDA's names, values and layouts. Usable from C and C++.
 */
#ifndef __SURFACE_TYPES_H__
#define __SURFACE_TYPES_H__

#include "driver_types.h"

#define cudaSurfaceType1D 0x01
#define cudaSurfaceType2D 0x02
#define cudaSurfaceType3D 0x03
#define cudaSurfaceTypeCubemap 0x0C
#define cudaSurfaceType1DLayered 0xF1
#define cudaSurfaceType2DLayered 0xF2
#define cudaSurfaceTypeCubemapLayered 0xFC

/* What a surface access outside the array does: read 0 and drop writes,
 * clamp to the nearest element, or fail the launch. */
enum cudaSurfaceBoundaryMode {
  cudaBoundaryModeZero = 0,
  cudaBoundaryModeClamp = 1,
  cudaBoundaryModeTrap = 2
};

enum cudaSurfaceFormatMode { cudaFormatModeForced = 0, cudaFormatModeAuto = 1 };

/* A legacy surface reference (`surface<T, dim> name;`). */
struct surfaceReference {
  struct cudaChannelFormatDesc channelDesc;
};

/* A surface object: an opaque handle, never 0 for a live object. */
typedef unsigned long long cudaSurfaceObject_t;

#endif /* __SURFACE_TYPES_H__ */
