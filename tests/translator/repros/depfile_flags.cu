// Repro (QA): CMake's CUDA language (Ninja and Makefile generators) compiles
// every .cu with nvcc's depfile flags `-MD -MT <obj> -MF <dep>`; cuclcc
// rejects them ("unsupported option '-MD' (cucl compiles each .cu file
// whole ...)", a misleading reason), so a CMake project with
// CMAKE_CUDA_COMPILER=cuclcc cannot build. Expected: a Make-style depfile
// listing the .cu and the headers it includes (the host compiler's -MD
// output on the generated .cpp, with the .cu as the source, would do).
// RUN: %cuclcc -MD -MT %t.o -MF %t.d -c %s -o %t.o
// RUN: FileCheck %s < %t.d
// CHECK: {{.*}}.o:
// CHECK-SAME: depfile_flags.cu
#include <cstdio>

__global__ void touch(int *p) { p[0] = 1; }
