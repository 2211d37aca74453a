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
 * the launch's dynamic shared-memory size; when CUCL_KERNEL_WARP_LANES is set,
 * by three `uint`s (blockDim.x, .y, .z); when CUCL_KERNEL_STATUS is set, by a
 * `__global uint *` status record and a `uint` launch id; when
 * CUCL_KERNEL_GRID_SYNC is set, by a `__global uint *` grid barrier (two words,
 * zero at launch) and a `uint`: the blocks of a cooperative launch, 0 for a
 * launch that is not cooperative; when CUCL_KERNEL_SYMBOLS is set, by the
 * module's two symbol segments: `__global uchar *` (the __device__ segment),
 * `CUCL_CONSTANT uchar *` and `__global uchar *` (both the __constant__
 * segment: the first for reads, the second where the program takes a
 * pointer into it).
 *
 * Device symbols: every file-scope __device__ / __constant__ variable of the
 * module is registered with its host shadow's address (the key of the symbol
 * API, as with nvcc), its size and its offset in its segment. The runtime
 * gives each segment one device allocation per device, filled with the
 * shadows' bytes at registration (CUDA's constant initializers), on first use
 * of the module on that device. The program is built with CUCL_CONSTANT
 * defined as __constant, or as __global where the constant segment is larger
 * than the device's constant buffers.
 *
 * A module with several kernels guards each function with the kernels that
 * reach it: where the driver rejects the whole program, the runtime builds
 * each kernel on its own with -DCUCL_ONLY_KERNEL=<its registration index>,
 * so one kernel's bad code does not take the others down.
 *
 * Kernels with one work-item per thread carry
 * __attribute__((reqd_work_group_size(CUCL_REQD_WG_SIZE))) when the runtime
 * defines CUCL_REQD_WG_SIZE=x,y,z: a variant of one kernel (with
 * CUCL_ONLY_KERNEL) for the block size it is launched with, so the OpenCL
 * compiler knows the work-group exactly (core/block_variants.h).
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
  cuclArgGlobalPointer = 1,
  /* A cudaTextureObject_t / cudaSurfaceObject_t parameter: two OpenCL
   * arguments, the `__global uchar *` buffer holding the texels (resolved
   * from the object on the launch's device) and its cuclTextureDesc by value. */
  cuclArgTexture = 2,
  cuclArgSurface = 3
} cuclArgKind;

/* What device code needs to address and sample a texture or surface
 * (compiler/lib/emit_device/opencl/texture_runtime.cl declares the same
 * layout as cucl_texture_desc). Texels are stored row after row, rows
 * `rowPitch` bytes apart, 2-D slices (depth, or layers of layered and cubemap
 * arrays) `slicePitch` bytes apart, starting `offset` bytes into the buffer. */
typedef struct cuclTextureDesc {
  unsigned long long offset;
  unsigned width, height, depth; /* texels; 1 in unused dimensions */
  unsigned layers;               /* layered arrays: layers; cubemaps: faces (6 per cube); else 0 */
  unsigned rowPitch;             /* bytes between rows */
  unsigned slicePitch;           /* bytes between 2-D slices */
  unsigned channels;             /* 1, 2 or 4 */
  unsigned channelBytes;         /* 1, 2 or 4 (2 with format Float: half) */
  unsigned format;               /* cudaChannelFormatKind: Signed, Unsigned or Float */
  unsigned flags;                /* CUCL_TEXTURE_* */
  unsigned addressMode[3];       /* cudaTextureAddressMode, per dimension */
  unsigned filterMode;           /* cudaTextureFilterMode */
  unsigned readMode;             /* cudaTextureReadMode */
  unsigned normalizedCoords;     /* coordinates in [0, 1) instead of texels */
  unsigned reserved[2];          /* zero; keeps the size a multiple of 8 */
  float borderColor[4];
} cuclTextureDesc;

/* cuclTextureDesc flags. */
#define CUCL_TEXTURE_LINEAR 1u  /* a linear-memory resource: tex1Dfetch only */
#define CUCL_TEXTURE_LAYERED 2u /* a layered array */
#define CUCL_TEXTURE_CUBEMAP 4u /* a cubemap (or cubemap layered) array */
#define CUCL_TEXTURE_SRGB 8u    /* sRGB to linear conversion of 8-bit reads */

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
/* Lane mode, for kernels with warp-level code: one OpenCL work-item runs one
 * CUDA warp (32 lanes). A block of T threads is a work-group of ceil(T / 32)
 * work-items in dimension 0; the grid keeps its shape (docs/design.md). */
#define CUCL_KERNEL_WARP_LANES 2u
/* The kernel reports the first failed check of a launch (a warp rule, an
 * assert, __trap) in a status record of CUCL_STATUS_WORDS words (all zero
 * while nothing failed), which the runtime reads when the stream synchronizes
 * and turns into a sticky CUDA error. The record also holds the stream's
 * clock() counter. */
#define CUCL_KERNEL_STATUS 4u
/* The kernel synchronizes its grid (cooperative groups' grid_group::sync):
 * it needs cudaLaunchCooperativeKernel, whose blocks all run at once. */
#define CUCL_KERNEL_GRID_SYNC 8u
/* The kernel (or a function it calls) reads or writes device symbols: it
 * takes the module's symbol segments. */
#define CUCL_KERNEL_SYMBOLS 16u
/* Translated with memcheck (cuclcc -memcheck): each cuclArgGlobalPointer
 * takes a third argument, a `ulong`: the bytes of its allocation from the
 * buffer's start (0 for a null pointer); the dynamic shared-memory buffer is
 * followed by a `uint`, its size. Implies CUCL_KERNEL_STATUS. */
#define CUCL_KERNEL_MEMCHECK 32u
/* The kernel has large local arrays (CUDA's local memory; docs/design.md,
 * "Local memory") and a second variant that holds them in scratch memory the
 * runtime owns, named by __cuclRegisterKernelScratch, which the runtime
 * launches where the device cannot hold them privately. The variant takes,
 * after every other hidden argument, a `__global uint *` pool and a `uint`,
 * the pool's slots. The pool starts with one word per slot, zero at launch
 * (rounded up to 128 bytes), followed by the slots: each holds one
 * work-group's frames, one per work-item, of the registered bytes. A
 * work-group takes slot (its linear group id % slots), waiting while the
 * slot's word is not zero, sets the word to its work-item count, and each
 * work-item decrements it when it returns. */
#define CUCL_KERNEL_SCRATCH 64u
/* The kernel (or a function it calls) loads or stores pointers in memory
 * (docs/design.md, "Pointers in device memory"). There a pointer is its
 * 64-bit device address; the kernel turns one into a __global pointer as
 * `heap + (address - origin)` (0 stays 0) and back, from two arguments that
 * follow the symbol segments: a `__global uchar *` heap and its device
 * address, a `ulong` origin. */
#define CUCL_KERNEL_HEAP 128u

/* Symbol segments. */
#define CUCL_SYMBOL_DEVICE 0u   /* __device__ variables */
#define CUCL_SYMBOL_CONSTANT 1u /* __constant__ variables */
#define CUCL_SYMBOL_MANAGED 2u  /* __managed__ variables: the host storage itself (offset 0) */

/* Status record: word indices. */
#define CUCL_STATUS_ERROR 0u   /* the cudaError_t to raise; 0: no failure */
#define CUCL_STATUS_LAUNCH 1u  /* the launch id the kernel was given */
#define CUCL_STATUS_CHECK 2u   /* CUCL_CHECK_* | (CUCL_OP_* << 8) */
#define CUCL_STATUS_BLOCK_X 3u /* blockIdx of the failing thread */
#define CUCL_STATUS_BLOCK_Y 4u
#define CUCL_STATUS_BLOCK_Z 5u
#define CUCL_STATUS_THREAD 6u /* its linear thread index in the block */
#define CUCL_STATUS_DETAIL 7u /* the mask involved */
#define CUCL_STATUS_CLOCK 8u  /* two words: the 64-bit clock()/clock64() counter */
/* A memcheck failure (CUCL_CHECK_MEMORY): DETAIL holds where (the line, the
 * file's index among the module's "cucl-memcheck-file" comments in bits 20-30,
 * a store in bit 31); then the range the access was checked against (a
 * CUCL_MC_RANGE_* id), the access's offset from that range's start (two words,
 * signed; the raw address under CUCL_MC_RANGE_NONE), the range's size (two
 * words) and the access's size. */
#define CUCL_STATUS_MC_RANGE 10u
#define CUCL_STATUS_MC_OFFSET 11u
#define CUCL_STATUS_MC_BYTES 13u
#define CUCL_STATUS_MC_SIZE 15u
/* Where memcheck sends a failed __global access of up to CUCL_MC_SINK_BYTES. */
#define CUCL_STATUS_SINK 16u
#define CUCL_MC_SINK_BYTES 256u
#define CUCL_STATUS_WORDS (CUCL_STATUS_SINK + CUCL_MC_SINK_BYTES / 4u)

/* The comment a module translated with memcheck carries in its source. */
#define CUCL_MEMCHECK_MODULE_MARKER "cucl-memcheck-module"

/* Memcheck range ids: a kernel's pointer parameter is its index. */
#define CUCL_MC_RANGE_DEVICE_SYMBOLS 0x10000u   /* the __device__ segment */
#define CUCL_MC_RANGE_CONSTANT_SYMBOLS 0x10001u /* the __constant__ segment */
#define CUCL_MC_RANGE_LOCAL_MEMORY 0x10002u     /* the thread's scratch frame (local arrays) */
#define CUCL_MC_RANGE_MANAGED 0x10100u          /* + the kernel's __managed__ variable index */
#define CUCL_MC_RANGE_NAMED_GLOBAL 0x1fffeu     /* a __device__ array, by name */
#define CUCL_MC_RANGE_LOCAL_ARRAY 0x1ffffu      /* a local array in scratch memory, by name */
#define CUCL_MC_RANGE_SHARED 0x20000u           /* + the kernel's __shared__ variable index */
#define CUCL_MC_RANGE_DYNAMIC_SHARED 0x2fffdu   /* extern __shared__ memory */
#define CUCL_MC_RANGE_NAMED_SHARED 0x2fffeu     /* a __shared__ array, by name */
#define CUCL_MC_RANGE_NONE 0xffffffffu          /* below every range the kernel has */

/* Checks of warp-level operations (CUDA leaves each of these undefined). */
#define CUCL_CHECK_OWN_LANE 1u    /* the calling lane is not in the mask */
#define CUCL_CHECK_ABSENT_LANE 2u /* a lane named in the mask (not exited) does not take part */
/* 3 is unused: a shuffle source outside the mask reads 0, as CUDA allows */
#define CUCL_CHECK_PARTIAL_BLOCK 4u   /* a block-wide barrier reached by part of the block */
#define CUCL_CHECK_NOT_COOPERATIVE 5u /* a grid sync in a launch that is not cooperative */
#define CUCL_CHECK_GRID_TIMEOUT 6u    /* a grid sync whose blocks never all arrived */
#define CUCL_CHECK_TILE_SIZE 7u       /* a tile size that is not a power of two up to 32 */
#define CUCL_CHECK_ASSERT 8u          /* a device assert() failed */
#define CUCL_CHECK_TRAP 9u            /* __trap() */
/* memcheck (CUCL_KERNEL_MEMCHECK): an access outside the memory it may touch;
 * bit 8 of the check word: a store; bit 9: __shared__ memory. */
#define CUCL_CHECK_MEMORY 10u

/* The operation that failed a check. */
#define CUCL_OP_SHFL 1u
#define CUCL_OP_SHFL_UP 2u
#define CUCL_OP_SHFL_DOWN 3u
#define CUCL_OP_SHFL_XOR 4u
#define CUCL_OP_BALLOT 5u
#define CUCL_OP_ANY 6u
#define CUCL_OP_ALL 7u
#define CUCL_OP_MATCH_ANY 8u
#define CUCL_OP_MATCH_ALL 9u
#define CUCL_OP_REDUCE 10u
#define CUCL_OP_SYNCWARP 11u
#define CUCL_OP_SYNCTHREADS 12u
#define CUCL_OP_GRID_SYNC 13u

/* Returns an opaque module handle; never NULL (failures surface at launch). */
void **__cuclRegisterModule(const cuclModuleImage *image);
void __cuclRegisterKernel(void **module, const void *hostStub, const char *kernelName,
                          unsigned numArgs, const cuclKernelArgInfo *args, unsigned flags);
/* `hostVar` is the variable's host shadow: its address identifies the symbol
 * and its bytes are the initial value. `segment` is a CUCL_SYMBOL_*. */
void __cuclRegisterSymbol(void **module, const void *hostVar, const char *name, size_t size,
                          size_t offset, unsigned segment);
/* Legacy texture references (`texture<T, dim, mode> ref;` at file scope):
 * a kernel that reads `ref` takes, after all other hidden arguments, a
 * buffer and a cuclTextureDesc per reference, in the order of these calls
 * for that kernel; the runtime fills them from the reference's binding
 * (cudaBindTexture*) and its attributes at launch. */
void __cuclRegisterKernelTextureReference(void **module, const void *hostStub,
                                          const void *textureReference);
/* __managed__ variables: a kernel that uses one takes, after the texture
 * references, a `__global uchar *` buffer and a `ulong` byte offset per
 * variable, in the order of these calls for that kernel. The variable's host
 * storage is its managed memory: the runtime maps it into the launch's device
 * on first use (as cudaHostRegisterMapped memory), so host code reads and
 * writes the variable itself and sees kernel results after synchronization. */
void __cuclRegisterKernelManagedVariable(void **module, const void *hostStub, const void *hostVar,
                                         size_t size);
/* A kernel with CUCL_KERNEL_SCRATCH: its scratch variant's OpenCL name and
 * the bytes of scratch memory each of the variant's work-items uses (a
 * multiple of 128). */
void __cuclRegisterKernelScratch(void **module, const void *hostStub, const char *scratchKernelName,
                                 size_t bytesPerWorkItem);
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
cudaError_t __cudaPopCallConfiguration(dim3 *gridDim, dim3 *blockDim, size_t *sharedMem,
                                       void *stream);

#ifdef __cplusplus
}
#endif

#endif /* CUCL_MODULE_ABI_H */
