/*
 * Minimal driver-API header for runtime-only programs that include <cuda.h>
 * for its version macro and handle types. cucl implements no driver-API
 * functions.
 */
#ifndef __cuda_cuda_h__
#define __cuda_cuda_h__

#include "driver_types.h"

/* The driver API version matching cucl's modelled runtime (CUDA 12.0). */
#define CUDA_VERSION 12000

typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;

/* Driver-API result codes share the runtime's numbering for the common cases. */
typedef enum cudaError_enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_OUT_OF_MEMORY = 2,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_DEINITIALIZED = 4,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CUDA_ERROR_NOT_READY = 600,
  CUDA_ERROR_UNKNOWN = 999
} CUresult;

#endif /* __cuda_cuda_h__ */
