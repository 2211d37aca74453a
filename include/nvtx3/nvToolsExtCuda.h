/* cucl's NVTX names for CUDA objects: no profiler listens, so they do nothing. */
#ifndef CUCL_NVTX3_NVTOOLSEXTCUDA_H
#define CUCL_NVTX3_NVTOOLSEXTCUDA_H

#include "../cuda.h"
#include "nvToolsExt.h"

static inline void nvtxNameCuDeviceA(CUdevice device, const char *name) {
  (void)device;
  (void)name;
}
static inline void nvtxNameCuStreamA(CUstream stream, const char *name) {
  (void)stream;
  (void)name;
}
static inline void nvtxNameCuEventA(CUevent event, const char *name) {
  (void)event;
  (void)name;
}

#endif /* CUCL_NVTX3_NVTOOLSEXTCUDA_H */
