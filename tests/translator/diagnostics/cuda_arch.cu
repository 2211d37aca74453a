// cucl translates the host view of a file (__CUDA_ARCH__ undefined), so a
// device function that tests __CUDA_ARCH__ would silently take its host
// branch on the device: that is an error at the test instead.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s

__host__ __device__ int whereAmI() {
// CHECK: cuda_arch.cu:[[@LINE+1]]:8: error: __CUDA_ARCH__ tests in device code are not supported: cucl translates the host view of the file, where __CUDA_ARCH__ is undefined, so the host branch would run on the device
#ifdef __CUDA_ARCH__
  return 1;
#else
  return 0;
#endif
}

// Host-only code may test it freely.
int hostOnly() {
#if defined(__CUDA_ARCH__)
  return 1;
#endif
  return 0;
}

__global__ void report(int *p) { p[0] = whereAmI(); }
