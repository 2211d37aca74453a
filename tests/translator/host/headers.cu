// Device code in the user's own headers: the headers on the include chain
// are rewritten too and written beside the host output at their path
// relative to the .cu file, so quote includes find the rewritten copies.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cucl-translate %s -o %t.dir/headers.cpp
// RUN: FileCheck --check-prefix=KERNELS %s < %t.dir/Inputs/kernels.cuh
// RUN: FileCheck --check-prefix=OUTER %s < %t.dir/Inputs/outer.cuh
// RUN: grep -v '// CHECK' %t.dir/headers.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ -iquote %S %t.dir/headers.cpp
//
// A header outside the .cu file's directory (found through -I) is copied to
// cucl_external/ and the includes that reach it are re-pointed at the copy.
// RUN: mkdir -p %t.dir/elsewhere/out && cp %s %t.dir/elsewhere/copy.cu
// RUN: %cucl-translate %t.dir/elsewhere/copy.cu -I%S -o %t.dir/elsewhere/out/copy.cpp
// RUN: grep -v '// CHECK' %t.dir/elsewhere/out/copy.cpp | FileCheck --check-prefix=EXTERNAL %s
// RUN: FileCheck --check-prefix=EXTERNAL-OUTER %s < %t.dir/elsewhere/out/cucl_external/1_outer.cuh
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.dir/elsewhere/out/copy.cpp

// KERNELS: #line 1 "{{.*}}Inputs{{/|\\}}kernels.cuh"
// KERNELS-NEXT: // A user header with device code
// KERNELS-NOT: halve(float x)
// KERNELS: __global__ void halveAll(float *data, int n) { void *cucl_args[] = {(void *)&data, (void *)&n};
// OUTER: #line 1 "{{.*}}Inputs{{/|\\}}outer.cuh"
// OUTER: #include "kernels.cuh"
// EXTERNAL: #include "cucl_external/1_outer.cuh"
// EXTERNAL-OUTER: #line 1 "{{.*}}Inputs{{/|\\}}outer.cuh"
// EXTERNAL-OUTER: #include "0_kernels.cuh"

#include "Inputs/outer.cuh"

int main() {
  float *d = nullptr;
  halveAll<<<1, 32>>>(d, 32);
  return hostHelper() - 7;
}
// CHECK: __cuclRegisterKernel(module, (const void *)&::halveAll,

// Writing the host output into the .cu file's own directory would replace
// the original headers with their copies: refused.
// RUN: mkdir -p %t.dir/same/Inputs && cp %s %t.dir/same/same.cu && cp %S/Inputs/*.cuh %t.dir/same/Inputs/
// RUN: %not %cucl-translate %t.dir/same/same.cu -o %t.dir/same/same.cpp 2>&1 | FileCheck --check-prefix=SAME %s
// RUN: cmp %S/Inputs/kernels.cuh %t.dir/same/Inputs/kernels.cuh
// SAME: cucl-translate: error: '{{.*}}same.cu' has device code in its headers; their rewritten copies go beside the host output and would overwrite the originals
