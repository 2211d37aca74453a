/* LD_PRELOAD shim that turns the OpenCL driver into one that caches
 * CL_MEM_USE_HOST_PTR buffers, as a discrete GPU's driver may: the buffer
 * lives apart from the host bytes, which are made current only by a map
 * (device -> host copy) and copied back by the unmap (host -> device), in
 * queue order. OpenCL allows exactly this, so the runtime's map protocol for
 * mapped host memory (runtime/core/mapped_host_memory.h) must give CUDA's
 * results under it; a missing map or unmap shows as stale data. */
#define _GNU_SOURCE
#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include <stdlib.h>

/* Cached buffers and their host bytes (a cl_mem handle reused after a
 * release is simply recorded again). */
#define MAX_CACHED 4096
static struct {
  cl_mem buffer;
  char *host;
} cached[MAX_CACHED];
static int cachedCount;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static char *hostOf(cl_mem buffer) {
  char *host = NULL;
  pthread_mutex_lock(&lock);
  for (int i = cachedCount - 1; i >= 0; --i)
    if (cached[i].buffer == buffer) {
      host = cached[i].host;
      break;
    }
  pthread_mutex_unlock(&lock);
  return host;
}

/* The runtime must not assume zero-copy on this (CPU) device any more. */
__attribute__((constructor)) static void forceMapProtocol(void) {
  setenv("CUCL_ZERO_COPY", "0", 1);
}

static void *next(const char *name) {
  return dlsym(RTLD_NEXT, name);
}

cl_mem clCreateBuffer(cl_context context, cl_mem_flags flags, size_t size, void *host,
                      cl_int *status) {
  typedef cl_mem (*Fn)(cl_context, cl_mem_flags, size_t, void *, cl_int *);
  Fn real = (Fn)next("clCreateBuffer");
  if ((flags & CL_MEM_USE_HOST_PTR) == 0)
    return real(context, flags, size, host, status);
  cl_mem buffer = real(context, (flags & ~(cl_mem_flags)CL_MEM_USE_HOST_PTR) | CL_MEM_COPY_HOST_PTR,
                       size, host, status);
  if (buffer != NULL) {
    pthread_mutex_lock(&lock);
    int slot = cachedCount < MAX_CACHED ? cachedCount++ : MAX_CACHED - 1;
    for (int i = 0; i < cachedCount; ++i)
      if (cached[i].buffer == buffer)
        slot = i;
    cached[slot].buffer = buffer;
    cached[slot].host = (char *)host;
    pthread_mutex_unlock(&lock);
  }
  return buffer;
}

void *clEnqueueMapBuffer(cl_command_queue queue, cl_mem buffer, cl_bool blocking,
                         cl_map_flags flags, size_t offset, size_t size, cl_uint numWaits,
                         const cl_event *waits, cl_event *event, cl_int *status) {
  typedef void *(*Fn)(cl_command_queue, cl_mem, cl_bool, cl_map_flags, size_t, size_t, cl_uint,
                      const cl_event *, cl_event *, cl_int *);
  char *host = hostOf(buffer);
  if (host == NULL)
    return ((Fn)next("clEnqueueMapBuffer"))(queue, buffer, blocking, flags, offset, size, numWaits,
                                            waits, event, status);
  cl_int result = clEnqueueReadBuffer(queue, buffer, blocking, offset, size, host + offset,
                                      numWaits, waits, event);
  if (status != NULL)
    *status = result;
  return result == CL_SUCCESS ? host + offset : NULL;
}

cl_int clEnqueueUnmapMemObject(cl_command_queue queue, cl_mem buffer, void *mapped,
                               cl_uint numWaits, const cl_event *waits, cl_event *event) {
  typedef cl_int (*Fn)(cl_command_queue, cl_mem, void *, cl_uint, const cl_event *, cl_event *);
  char *host = hostOf(buffer);
  if (host == NULL)
    return ((Fn)next("clEnqueueUnmapMemObject"))(queue, buffer, mapped, numWaits, waits, event);
  size_t size = 0;
  clGetMemObjectInfo(buffer, CL_MEM_SIZE, sizeof size, &size, NULL);
  /* The runtime maps whole blocks, so the whole buffer goes back. */
  if ((char *)mapped != host)
    return CL_INVALID_VALUE;
  return clEnqueueWriteBuffer(queue, buffer, CL_FALSE, 0, size, host, numWaits, waits, event);
}
