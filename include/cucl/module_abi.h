/*
 * cucl module ABI: the contract between host code emitted by cucl-translate
 * and libcudart. Translated programs register one module per .cu file at load
 * time (OpenCL C source embedded as text) and one entry per kernel, keyed by
 * the address of the kernel's host stub -- the same key nvcc-built programs
 * use, so `(const void*)kernel` works with cudaLaunchKernel and friends.
 *
 * OpenCL argument list of a registered kernel, built from the CUDA parameters
 * in order:
 *   cuclArgByValue       -> one argument of `size` bytes, copied as is
 *   cuclArgGlobalPointer -> two arguments: `__global` buffer (cl_mem, NULL for
 *                           a null pointer) and `ulong` byte offset into it
 * followed, when CUCL_KERNEL_DYNAMIC_SHARED is set, by one `__local` buffer of
 * the launch's dynamic shared-memory size.
 */
#ifndef CUCL_MODULE_ABI_H
#define CUCL_MODULE_ABI_H

#include <stddef.h>

#include "driver_types.h"
#include "vector_types.h"

#ifdef __cplusplus
extern "C" {
#endif

#define CUCL_MODULE_MAGIC 0x4c435543u /* "CUCL" little-endian */
#define CUCL_MODULE_ABI_VERSION 1u

typedef enum cuclArgKind {
  cuclArgByValue = 0,
  cuclArgGlobalPointer = 1
} cuclArgKind;

typedef struct cuclKernelArgInfo {
  unsigned kind; /* a cuclArgKind */
  size_t size;   /* sizeof the CUDA parameter on the host */
} cuclKernelArgInfo;

typedef struct cuclModuleImage {
  unsigned magic;           /* CUCL_MODULE_MAGIC */
  unsigned abiVersion;      /* CUCL_MODULE_ABI_VERSION */
  const char *name;         /* the .cu file it came from, for diagnostics */
  const char *source;       /* OpenCL C 1.2 program text */
  size_t sourceSize;        /* bytes of source, without a terminator */
  const char *buildOptions; /* extra clBuildProgram options, may be NULL */
} cuclModuleImage;

/* Kernel flags. */
#define CUCL_KERNEL_DYNAMIC_SHARED 1u

/* Returns an opaque module handle; never NULL (failures surface at launch). */
void **__cuclRegisterModule(const cuclModuleImage *image);
void __cuclRegisterKernel(void **module, const void *hostStub,
                          const char *kernelName, unsigned numArgs,
                          const cuclKernelArgInfo *args, unsigned flags);
void __cuclUnregisterModule(void **module);

/* nvcc's launch ABI: `k<<<g, b, s, st>>>(a...)` becomes
 *   (__cudaPushCallConfiguration(g, b, s, st) ? (void)0 : k(a...))
 * and the host stub `k` pops the configuration and calls cudaLaunchKernel. */
/* Clang checks `<<<g, b>>>` against this declaration, so the shared-memory
 * size and the stream default to 0 as in nvcc's headers. */
#ifdef __cplusplus
#define CUCL_DEFAULT_ARG(value) = value
#else
#define CUCL_DEFAULT_ARG(value)
#endif
unsigned __cudaPushCallConfiguration(dim3 gridDim, dim3 blockDim,
                                     size_t sharedMem CUCL_DEFAULT_ARG(0),
                                     struct CUstream_st *stream CUCL_DEFAULT_ARG(0));
#undef CUCL_DEFAULT_ARG
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim,
                                       size_t *sharedMem, void *stream);

#ifdef __cplusplus
}
#endif

#endif /* CUCL_MODULE_ABI_H */
