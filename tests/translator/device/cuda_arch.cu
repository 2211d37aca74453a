// Device code comes from a device-side parse in which __CUDA_ARCH__ is 700
// (cucl's nominal compute capability 7.0), as in nvcc's device pass; host
// code comes from the host-side parse, where it is undefined.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-translate %s -o %t.dir/host.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t.dir/host.cpp

// A __host__ __device__ function takes its device branch in device code, and
// may call __device__ functions there.
__device__ int deviceOnlyHelper(int x) { return x + 40; }

__host__ __device__ int whereAmI() {
#ifdef __CUDA_ARCH__
  return deviceOnlyHelper(1);
#else
  return 2;
#endif
}
// CHECK-LABEL: int whereAmI(void) {
// CHECK-NEXT: return deviceOnlyHelper(1);
// CHECK-NOT: return 2;
// CHECK: }

// Version tests pick the branch for compute capability 7.0.
__device__ int archLevel() {
#if __CUDA_ARCH__ >= 800
  return 8;
#elif __CUDA_ARCH__ >= 600
  return __CUDA_ARCH__;
#else
  return 3;
#endif
}
// CHECK-LABEL: int archLevel(void) {
// CHECK-NEXT: return 700;
// CHECK-NEXT: }

#if defined(__CUDA_ARCH__)
__device__ int onlyInDeviceView(int x) { return x * 3; }
#endif

__global__ void report(int *out) {
  out[0] = whereAmI();
  out[1] = archLevel();
#ifdef __CUDA_ARCH__
  out[2] = onlyInDeviceView(5);
#endif
}
// CHECK-LABEL: __kernel void report(
// CHECK: onlyInDeviceView(5)

// Host code hidden from the device view still reaches the host output; the
// kernel keeps its host stub and registration.
#ifndef __CUDA_ARCH__
#include <cstdio>
int hostOnly() { return std::printf("host\n"); }
#endif
// HOST: int hostOnly() { return std::printf("host\n"); }
// HOST: __cuclRegisterKernel(module, (const void *)&::report
