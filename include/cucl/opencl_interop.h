/*
 * cucl's OpenCL interop: what a library built on libcudart (cucl's libcublas)
 * needs to run its own OpenCL kernels inside the CUDA runtime's state -- the
 * OpenCL objects of a CUDA device, the buffer behind a device pointer, CUDA
 * stream ordering for the commands it enqueues, and cucl's caches.
 *
 * Such a library links libcudart.so and calls these functions; it never
 * links the runtime's objects itself, so both share one runtime (one memory
 * map, one set of streams, one program cache). OpenCL handles handed out are
 * borrowed: they are not retained for the caller (retain them to keep them),
 * except the program __cuclGetProgram returns. None of these calls records
 * the thread's last CUDA error.
 */
#ifndef CUCL_OPENCL_INTEROP_H
#define CUCL_OPENCL_INTEROP_H

#include <stddef.h>

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#include <CL/cl.h>

#include "driver_types.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The OpenCL objects behind one CUDA device; alive until the process exits. */
typedef struct cuclOpenCLDevice {
  cl_platform_id platform;
  cl_device_id device;
  cl_context context;
} cuclOpenCLDevice;

/* Initializes the runtime on first use. cudaErrorInvalidValue for a null
 * `out`, cudaErrorInvalidDevice for an index outside [0, device count), and
 * the runtime's initialization errors (cudaErrorNoDevice, ...). */
cudaError_t __cuclGetOpenCLDevice(int device, cuclOpenCLDevice *out);

/* Where a device pointer lands: the allocation's buffer (valid while the
 * allocation lives), the byte offset of the pointer in it, the bytes from the
 * pointer to the allocation's end, and the CUDA device that owns it. */
typedef struct cuclDeviceBuffer {
  cl_mem buffer;
  size_t offset;
  size_t bytesToEnd;
  int device;
} cuclDeviceBuffer;

/* cudaSuccess and `*out` for any address inside a live cudaMalloc
 * allocation (`d + k` included) or mapped host memory the device uses in
 * place. A null pointer or host memory -> cudaErrorInvalidValue; an address
 * in the device range but inside no allocation (freed, past an end) ->
 * cudaErrorInvalidDevicePointer; mapped host memory the driver may cache
 * (its commands need the runtime's map protocol) -> cudaErrorNotSupported. */
cudaError_t __cuclResolveDevicePointer(const void *pointer, cuclDeviceBuffer *out);

/* Enqueues exactly one OpenCL command. `waits` (numWaits events, NULL when
 * none) are the commands CUDA's stream semantics order before it; the
 * command must wait for them. On CL_SUCCESS `*done` is the command's event,
 * whose reference passes to the runtime. Anything else is a failure. */
typedef cl_int (*cuclSubmitFn)(void *user, cl_command_queue queue, cl_uint numWaits,
                               const cl_event *waits, cl_event *done);

/* Runs `submit` on `stream` of `device` (0, cudaStreamLegacy and
 * cudaStreamPerThread: the device's legacy default stream) with the
 * runtime's ordering: later work on the stream, and legacy-stream
 * synchronization, wait for the command. Returns the device's sticky error
 * without calling `submit`; cudaErrorInvalidDevice for a bad index;
 * cudaErrorInvalidResourceHandle for a stream that is not a live stream of
 * `device`; cudaErrorInvalidValue for a null `submit`; a failed submit maps
 * to CUDA's codes as a failed launch does. */
cudaError_t __cuclEnqueueOnStream(int device, cudaStream_t stream, cuclSubmitFn submit, void *user);

/* The device's sticky error (cudaSuccess when none), or
 * cudaErrorInvalidDevice / the runtime's initialization errors. */
cudaError_t __cuclGetDeviceStickyError(int device);

/* --- cucl's caches (docs/design.md, "Caches") --------------------------- */

/* The OpenCL program built from `source` with `options` for `device`, from
 * the runtime's program cache: built once per process, and the driver's
 * binary kept on disk so that later processes build nothing (a damaged or
 * rejected cache file is rebuilt). cudaSuccess and `*program`, a new
 * reference (release it). cudaErrorInvalidPtx when the driver rejects the
 * source: `*status` (when not NULL) is its status and `*buildLog` (when not
 * NULL) a malloc'd, NUL-terminated copy of its log (free() it; NULL when
 * there is none). cudaErrorInvalidValue for a null `source`, `options` or
 * `program`; cudaErrorInvalidDevice, the runtime's initialization errors. */
cudaError_t __cuclGetProgram(int device, const char *source, const char *options,
                             cl_program *program, cl_int *status, char **buildLog);

/* What the device's cache entries are made for: "platform | device | vendor |
 * driver version"; `*key` stays valid until the process exits. */
cudaError_t __cuclGetDeviceCacheKey(int device, const char **key);

/* The cache directory ($XDG_CACHE_HOME/cucl, else $HOME/.cache/cucl, created
 * 0700 when missing). Returns the length of its path, written NUL-terminated
 * to `path` when `size` bytes hold it; 0 when there is no directory cucl may
 * use (no variable, or one another user owns or others may write). */
size_t __cuclGetCacheDirectory(char *path, size_t size);

/* Cache files: a body stored for a key, with a checksum of both. A read
 * gives the body only for its exact key, from an intact regular file of this
 * user; it never follows a symbolic link nor blocks on a FIFO. */
typedef enum cuclCacheFileStatus {
  cuclCacheFileFound = 0,    /* `*body` (malloc'd, free() it) and `*size` */
  cuclCacheFileMissing = 1,  /* no file */
  cuclCacheFileOtherKey = 2, /* an intact file written for another key */
  cuclCacheFileUnusable = 3  /* not a safe, intact cache file: ignored */
} cuclCacheFileStatus;

/* A null argument or failed allocation is cuclCacheFileUnusable. The body
 * is followed by a NUL (not counted in `*size`). */
cuclCacheFileStatus __cuclReadCacheFile(const char *path, const char *key, char **body,
                                        size_t *size);

/* Replaces `path` atomically (a unique 0600 temporary renamed over it),
 * creating missing directories 0700. 0, or the errno value that failed. */
int __cuclWriteCacheFile(const char *path, const char *key, const void *body, size_t size);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CUCL_OPENCL_INTEROP_H */
