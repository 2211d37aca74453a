// Repro (QA): with nvcc, cuda_runtime.h (included implicitly) brings in
// <math.h>, <stdlib.h>, <string.h>, <cmath>, <cstdlib> (crt/math_functions.h,
// crt/common_functions.h), and real programs rely on it. With cuclcc the
// host compile fails ("'atoi' was not declared in this scope", sqrt, fabs) and
// the translator rejects memset ("use of undeclared identifier").
// RUN: %cuclcc %s -o %t
// RUN: %t 3 | FileCheck %s
// CHECK: n=3 r=2.41421
#include <cstdio>

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 0;
  double r = sqrt(2.0) + fabs(-1.0);
  char buf[8];
  memset(buf, 0, sizeof(buf));
  std::printf("n=%d r=%g\n", n + buf[0], r);
  return 0;
}
