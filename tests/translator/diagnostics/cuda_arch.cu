// Device code is emitted from the device-side parse (__CUDA_ARCH__ defined)
// and launched through the host-side parse's kernels: as CUDA requires, every
// kernel and kernel instantiation must exist in both, with one parameter
// layout. Anything else is an error naming the kernel.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// RUN: %not %cucl-translate %s -DLAYOUT -o %t.cpp 2>&1 | FileCheck %s --check-prefix=LAYOUT

#ifndef LAYOUT
#ifdef __CUDA_ARCH__
// CHECK: cuda_arch.cu:[[@LINE+1]]:17: error: kernel 'deviceSideOnly' exists only in device code (where __CUDA_ARCH__ is defined); CUDA requires every kernel and kernel template instantiation to exist whether or not __CUDA_ARCH__ is defined
__global__ void deviceSideOnly(int *p) { p[0] = 1; }
#else
// CHECK: cuda_arch.cu:[[@LINE+1]]:17: error: kernel 'hostSideOnly' exists only in host code (where __CUDA_ARCH__ is undefined)
__global__ void hostSideOnly(int *p) { p[0] = 2; }
#endif

// A template instantiated only by host code hidden from the device view.
// CHECK: cuda_arch.cu:[[@LINE+1]]:34: error: kernel 'fill<7>' exists only in host code
template <int N> __global__ void fill(int *p) { p[0] = N; }
#ifndef __CUDA_ARCH__
void launch(int *p) { fill<7><<<1, 1>>>(p); }
#endif

#else
struct Params {
  int a;
#ifdef __CUDA_ARCH__
  int deviceExtra;
#endif
};
// LAYOUT: cuda_arch.cu:[[@LINE+1]]:17: error: parameter 2 of kernel 'usesParams' is 8 bytes in device code (__CUDA_ARCH__ defined) but 4 bytes in host code; a by-value kernel argument must have one layout
__global__ void usesParams(int *p, Params params) { p[0] = params.a; }
#endif
