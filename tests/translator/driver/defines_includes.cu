// -D, -U and -I reach both the translator and the host compile (the #error
// lines fire in whichever step misses them).
// RUN: rm -rf %t.dir && mkdir -p %t.dir
// RUN: %cuclcc -c %s -o %t.dir/a.o -DWIDTH=4 -D FLAG -I%S/Inputs -DGONE -UGONE
// RUN: test -f %t.dir/a.o
// RUN: %not %cuclcc -c %s -o %t.dir/b.o -I%S/Inputs -DFLAG 2>&1 | FileCheck %s

#include "config.h"
#if !defined(WIDTH) || WIDTH != 4
// CHECK: defines_includes.cu:[[@LINE+1]]:2: error: {{(#error )?}}WIDTH must be 4
#error WIDTH must be 4
#endif
#ifndef FLAG
#error FLAG missing
#endif
#ifdef GONE
#error -U did not undefine GONE
#endif
#if CONFIG_FROM_INCLUDE != 5
#error config.h not found
#endif

__global__ void k(int *p) { p[0] = WIDTH; }

int main() {
  int *d = nullptr;
  k<<<1, 1>>>(d);
  return 0;
}
