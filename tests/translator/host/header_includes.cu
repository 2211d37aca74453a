// Includes that reach a copied header are re-pointed at the copy, even with
// angle brackets; the copy names the headers it did not copy by absolute
// path, so the host compile needs neither -I nor -iquote for them.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cucl-translate %s -I%S/Inputs -o %t.dir/out.cpp
// RUN: grep -v '// CHECK' %t.dir/out.cpp | FileCheck %s
// RUN: FileCheck --check-prefix=COPY %s < %t.dir/Inputs/angle_kernels.cuh
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.dir/out.cpp

// CHECK: #include "Inputs/angle_kernels.cuh"
// COPY: #include "{{.*}}Inputs{{/|\\}}angle_types.h"
// COPY: __global__ void scaleAll(float *data, Scale s) { void *cucl_args[]
#include <angle_kernels.cuh>

int main() {
  float *d = nullptr;
  scaleAll<<<1, 8>>>(d, Scale{2.0f});
  return 0;
}
