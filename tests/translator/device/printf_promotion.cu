// printf's float arguments are promoted to double as C's varargs do, where
// the device has double (a module-level macro decides at build time).
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=CL < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CL: #if defined(cl_khr_fp64)
// CL: #define CUCL_VARARG_FLOAT(x) ((double)(x))
// CL: printf("f=%f e=%.2e d=%g i=%d\n", CUCL_VARARG_FLOAT(f), CUCL_VARARG_FLOAT(f * 2.0f), d, 7);
// CHECK: f=1.500000 e=3.00e+00 d=2.25 i=7

#include <cstdio>

__global__ void show(float f, double d) { printf("f=%f e=%.2e d=%g i=%d\n", f, f * 2.0f, d, 7); }

int main() {
  show<<<1, 1>>>(1.5f, 2.25);
  return cudaDeviceSynchronize() == cudaSuccess ? 0 : 1;
}
