// Repro (QA): __managed__ (host_defines.h: __attribute__((managed))) made
// Clang print "warning: 'managed' attribute ignored" from cucl's own header.
// __managed__ variables are now supported: the file compiles without any
// warning.
// RUN: %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s --allow-empty
// CHECK-NOT: warning:
// CHECK-NOT: error:
__managed__ int flag;
__global__ void readFlag(int *p) { p[0] = flag; }
