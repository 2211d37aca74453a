// Texture objects must reach device code as parameters or variables of
// their typedef: one loaded from device memory or built from an integer is
// a located error, as is a read returning a type textures cannot give.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

#include <cuda_runtime.h>

__global__ void fromMemory(const cudaTextureObject_t *objects, float *out) {
  // CHECK-DAG: texture_objects.cu:[[@LINE+1]]:30: error: a texture or surface object that is not a variable or parameter declared as cudaTextureObject_t / cudaSurfaceObject_t (one loaded from memory or built from an integer) is not supported in device code
  out[0] = tex1Dfetch<float>(objects[0], 0);
}

__global__ void wideResult(cudaTextureObject_t t, double *out) {
  // CHECK-DAG: texture_objects.cu:[[@LINE+1]]:12: error: a texture read returning 'double' is not supported in device code
  out[0] = tex1Dfetch<double>(t, 0);
}
