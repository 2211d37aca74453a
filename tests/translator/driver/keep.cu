// --keep leaves NAME.cl and NAME.cucl.cpp beside the output; -c stops at the
// object file.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cuclcc --keep -c %s -o %t.dir/keep.o
// RUN: test -f %t.dir/keep.o
// RUN: test -f %t.dir/keep.cl
// RUN: test -f %t.dir/keep.cucl.cpp
// RUN: FileCheck %s < %t.dir/keep.cucl.cpp
// Without --keep nothing but the object is left.
// RUN: rm -rf %t.dir2 && mkdir -p %t.dir2
// RUN: %cuclcc -c %s -o %t.dir2/keep.o
// RUN: ls %t.dir2 | FileCheck --check-prefix=ONLY-OBJECT %s

// CHECK: #line 1 "{{.*}}keep.cu"
// CHECK: __cuclRegisterKernel(module, (const void *)&::touch,
// ONLY-OBJECT: keep.o
// ONLY-OBJECT-NOT: keep.

__global__ void touch(int *p) { p[0] = 1; }

int main() {
  int *d = nullptr;
  touch<<<1, 1>>>(d);
  return 0;
}
