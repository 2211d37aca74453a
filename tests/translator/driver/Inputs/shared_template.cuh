// A kernel template used from two .cu files (run_shared_template.cu and
// Inputs/shared_template_user.cu): both register the same instantiation.
#pragma once
template <typename T> __global__ void setTo(T *p, T v) { p[threadIdx.x] = v; }
int otherFileValue();
