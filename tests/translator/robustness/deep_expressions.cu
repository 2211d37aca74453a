// Expressions nested far deeper than OpenCL compilers accept (Clang-based
// drivers stop at 256 brackets and overflow their stack a few thousand
// operators deep): the device emitter splits them into pieces held in
// temporaries, so the OpenCL C builds and stays under the bracket limit, and
// the kernels compute what CUDA would, with short-circuit operators and
// conditionals evaluating only the side they take and C++17's order kept.
// RUN: python3 %S/Inputs/deep_expressions.py > %t.cu
// RUN: %cucl-translate %t.cu --device-only -o %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: python3 %S/Inputs/deep_expressions.py --max-nesting %t.cl 200
// RUN: FileCheck --check-prefix=PIECES %s < %t.cl
// RUN: %cuclcc %t.cu -o %t
// RUN: %t | FileCheck %s
// PIECES: cucl_piece
// CHECK: deep expressions: 0 mismatches
