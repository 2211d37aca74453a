// `__noinline__` is a keyword for Clang in CUDA mode but unknown to g++ (and a
// macro for it would break libstdc++'s __attribute__((__noinline__))): where
// it survives in host code it becomes __attribute__((noinline)), in the file,
// in a macro's definition and in a user header (which is copied for it).
// GCC's own attribute spellings are kept as they are.
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cucl-translate %s -o %t.dir/noinline.cpp
// RUN: grep -v '// CHECK' %t.dir/noinline.cpp | FileCheck %s
// RUN: FileCheck --check-prefix=HEADER %s < %t.dir/Inputs/noinline_helpers.h
// RUN: grep -v '// CHECK' %t.dir/noinline.cpp | FileCheck --check-prefix=GONE %s
// RUN: c++ -std=c++17 -Wall -Wextra -Werror -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ -iquote %S %t.dir/noinline.cpp
// GONE-NOT: __noinline{{__}} int
// GONE-NOT: __noinline{{__}} __host__
// HEADER: __host__ __device__ __attribute__((noinline)) inline int helperTwice
#include <cstdio>
#include <cstdlib>

#include "Inputs/noinline_helpers.h"

// CHECK: #define HD_NOINLINE __host__ __device__ __attribute__((noinline))
#define HD_NOINLINE __host__ __device__ __noinline__

// CHECK: __host__ __device__ __attribute__((noinline)) int declaredFirst(int x);
__host__ __device__ __noinline__ int declaredFirst(int x);
// CHECK: __host__ __device__ __attribute__((noinline)) int declaredFirst(int x) { return x + 1; }
__host__ __device__ __noinline__ int declaredFirst(int x) { return x + 1; }
// CHECK: __attribute__((noinline)) __host__ __device__ int keywordFirst(int x) { return x + 2; }
__noinline__ __host__ __device__ int keywordFirst(int x) { return x + 2; }
// CHECK: __host__ __attribute__((noinline)) int hostOnly(int x) { return x + 3; }
__host__ __noinline__ int hostOnly(int x) { return x + 3; }
// CHECK: HD_NOINLINE int fromMacro(int x) { return x + 4; }
HD_NOINLINE int fromMacro(int x) { return x + 4; }
// __forceinline__ is a macro of cucl's headers; it stays.
// CHECK: __host__ __device__ __forceinline__ int forced(int x) { return x + 5; }
__host__ __device__ __forceinline__ int forced(int x) { return x + 5; }
// GCC's spellings are left alone (a macro would have broken the first).
// CHECK: __host__ __device__ __attribute__((__noinline__)) int gccSpelling(int x) { return x + 6; }
__host__ __device__ __attribute__((__noinline__)) int gccSpelling(int x) { return x + 6; }
// CHECK: __host__ __device__ __attribute__((noinline)) int gccPlain(int x) { return x + 7; }
__host__ __device__ __attribute__((noinline)) int gccPlain(int x) { return x + 7; }
// Templates and members.
// CHECK: template <typename T> __host__ __device__ __attribute__((noinline)) T templated(T x) { return x; }
template <typename T> __host__ __device__ __noinline__ T templated(T x) { return x; }
struct Counter {
  // CHECK: __host__ __device__ __attribute__((noinline)) int next() { return ++value; }
  __host__ __device__ __noinline__ int next() { return ++value; }
  int value = 0;
};
// A device-only function is blanked whole; its keyword goes with it.
__device__ __noinline__ int deviceOnly(int x) { return x * 3; }

__global__ void useAll(int *out) {
  Counter counter;
  out[0] = declaredFirst(1) + keywordFirst(1) + fromMacro(1) + forced(1) + gccSpelling(1) + gccPlain(1) +
           templated(1) + counter.next() + helperTwice(1) + deviceOnly(1);
}

int main() {
  Counter counter;
  std::printf("%d\n", declaredFirst(1) + keywordFirst(1) + hostOnly(1) + fromMacro(1) + forced(1) +
                          gccSpelling(1) + gccPlain(1) + templated(1) + counter.next() + helperTwice(1));
  return EXIT_SUCCESS;
}
