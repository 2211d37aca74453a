// Repro (QA): device emission took time quadratic in an expression's length
// (20,000-term sums: ~28 s while Clang parses them in 0.2 s) and printed
// every binary operator in its own parentheses, so long chains passed the
// OpenCL driver's bracket nesting limit. Left-associative chains now print
// flat and in linear time; both kernels build and compute the right values.
// Memcheck adds a branch per access: PoCL's work-group compiler does not
// finish a 20,000-access kernel (docs/design.md, "Memcheck").
// UNSUPPORTED: memcheck
// RUN: python3 %S/Inputs/long_expressions.py > %t.cu
// RUN: %cucl-translate %t.cu --device-only -o %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cuclcc %t.cu -o %t
// RUN: %t | FileCheck %s
// CHECK: sum {{[0-9]+}} (want {{[0-9]+}}) chain {{-?[0-9]+}} (want {{-?[0-9]+}})
