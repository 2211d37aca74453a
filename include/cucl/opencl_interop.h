/*
 * cucl's OpenCL interop: what a library built on libcudart (cucl's libcublas)
 * needs to run its own OpenCL kernels inside the CUDA runtime's state -- the
 * OpenCL objects of a CUDA device, the buffer behind a device pointer, and
 * CUDA stream ordering for the commands it enqueues.
 *
 * Such a library links libcudart.so and calls these functions; it never
 * links the runtime's objects itself, so both share one runtime (one memory
 * map, one set of streams). OpenCL handles handed out are borrowed: they are
 * not retained for the caller (retain them to keep them). None of these calls
 * records the thread's last CUDA error.
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

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* CUCL_OPENCL_INTEROP_H */
