// Repro (QA): __managed__ (host_defines.h: __attribute__((managed))) makes
// Clang print "warning: 'managed' attribute ignored" from cucl's own header
// before the real diagnostic. Only the clean error should appear.
// RUN: %not %cuclcc -c %s -o %t.o 2>&1 | FileCheck %s
// CHECK-NOT: warning:
// CHECK: managed_attribute_warning.cu:{{[0-9]+}}:{{[0-9]+}}: error: {{.*}}'flag' is not supported
// CHECK-NOT: warning:
__managed__ int flag;
__global__ void readFlag(int *p) { p[0] = flag; }
