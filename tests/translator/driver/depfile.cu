// nvcc's depfile flags, as CMake's CUDA language passes them
// (-MD -MT <obj> -MF <dep>): a Make rule whose target is the object and whose
// prerequisites are the .cu file and the headers it includes. A header with
// kernels is rewritten into a temporary copy; the rule names the original.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cuclcc -MD -MT obj/depfile.o -MF %t.dir/out.d -I%S/Inputs -c %s -o %t.dir/depfile.o
// RUN: test -f %t.dir/depfile.o
// RUN: FileCheck --check-prefix=MD %s < %t.dir/out.d
// MD: obj/depfile.o: {{.*}}driver{{/|\\}}depfile.cu \
// MD-DAG: {{ }}/usr/include/stdio.h
// MD-DAG: {{ }}{{.*}}Inputs/header_kernels.cuh
// MD-DAG: {{ }}{{.*}}Inputs/config.h
// MD-DAG: cuda_runtime.h
// RUN: FileCheck --check-prefix=NO-TEMP %s < %t.dir/out.d
// NO-TEMP-NOT: cuclcc-
// NO-TEMP-NOT: cucl.cpp
// NO-TEMP-NOT: cucl_external
//
// -MMD leaves out system headers; without -MT the target is the object and
// without -MF the depfile is the object's name with .d (GCC's rule); -MP adds
// a phony rule per header.
// RUN: cd %t.dir && %cuclcc -MMD -MP -I%S/Inputs -c %s -o sub.o
// RUN: FileCheck --check-prefix=MMD %s < %t.dir/sub.d
// MMD: sub.o: {{.*}}depfile.cu \
// MMD-NOT: /usr/include
// MMD: header_kernels.cuh
// MMD: {{^}}{{.*}}header_kernels.cuh:
// RUN: FileCheck --check-prefix=MMD-SYS %s < %t.dir/sub.d
// MMD-SYS-NOT: stdio.h
//
// -M prints only the rule (to stdout; -o or -MF name a file) and builds nothing.
// RUN: rm -f %t.dir/none.o && %cuclcc -M -I%S/Inputs %s -o %t.dir/none.o | FileCheck --allow-empty --check-prefix=NONE %s
// NONE-NOT: {{.}}
// RUN: FileCheck --check-prefix=ONLY %s < %t.dir/none.o
// RUN: %cuclcc -M -I%S/Inputs %s | FileCheck --check-prefix=ONLY %s
// ONLY: depfile.o: {{.*}}depfile.cu \
// ONLY: header_kernels.cuh
//
// Plain C++ inputs get the same flags from the host compiler itself.
// RUN: %cuclcc -MD -MT host.o -MF %t.dir/host.d -c %S/Inputs/host_part.cpp -o %t.dir/host.o
// RUN: FileCheck --check-prefix=HOST %s < %t.dir/host.d
// HOST: host.o: {{.*}}host_part.cpp
//
// Make's escapes: a blank in a path is written `\ `.
// RUN: mkdir -p "%t.dir/with space" && cp %s "%t.dir/with space/spaced.cu"
// RUN: %cuclcc -MD -MF %t.dir/spaced.d -I%S/Inputs -c "%t.dir/with space/spaced.cu" -o %t.dir/spaced.o
// RUN: FileCheck --check-prefix=SPACE %s < %t.dir/spaced.d
// SPACE: spaced.o: {{.*}}with\ space/spaced.cu \
// SPACE: {{ }}{{.*}}driver/Inputs/header_kernels.cuh
// (here the header lies outside the .cu file's directory: its copy was
// cucl_external/N_header_kernels.cuh)
// RUN: FileCheck --check-prefix=NO-TEMP %s < %t.dir/spaced.d
//
// --dryrun shows the host compiler writing the rule that cuclcc rewrites.
// RUN: %cuclcc --dryrun -MMD -c %s 2>&1 | FileCheck --check-prefix=PLAN %s
// PLAN: #$ c++ {{.*}} -MMD -MF {{.*}}depfile.d {{.*}}-c {{.*}}depfile.cucl.cpp -o depfile.o
//
// Bad uses are errors.
// RUN: %not %cuclcc -MF %t.dir/x.d -c %s -o %t.dir/x.o 2>&1 | FileCheck --check-prefix=MF-ALONE %s
// MF-ALONE: cuclcc: error: -MF needs -M, -MM, -MD or -MMD
// RUN: %not %cuclcc -MD -MF %t.dir/x.d -c %s %S/Inputs/simple.cu 2>&1 | FileCheck --check-prefix=MF-MANY %s
// MF-MANY: cuclcc: error: -MF and -MT need exactly one source file
// RUN: %not %cuclcc -MD -MF 2>&1 | FileCheck --check-prefix=MF-VALUE %s
// MF-VALUE: cuclcc: error: option '-MF' needs a value
#include <cstdio>

#include "config.h"
#include "header_kernels.cuh"

int main() {
  int *d = nullptr;
  tripleAll<<<1, CONFIG_FROM_INCLUDE>>>(d);
  std::printf("launched\n");
  return 0;
}
