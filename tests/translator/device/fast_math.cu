// nvcc's float options in the emitted OpenCL (docs/device-support.md, "Fast
// math"). By default expf stays OpenCL's exp and only the intrinsics take the
// native_* forms; -use_fast_math turns the single-precision standard functions
// (also std::sin(float)) into their intrinsics, leaves double alone and asks
// for -cl-denorms-are-zero -cl-mad-enable and approximate division and sqrt,
// unless -prec-div / -prec-sqrt say otherwise; -fmad=false stops contraction.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck --check-prefix=DEFAULT %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-translate %s --use_fast_math --device-only -o %t.fast.cl
// RUN: FileCheck --check-prefix=FAST %s < %t.fast.cl
// RUN: %cucl-clcheck %t.fast.cl
// RUN: %cucl-translate %s --use_fast_math -o - | FileCheck --check-prefix=OPTIONS %s
// RUN: %cucl-translate %s --use_fast_math --prec-div=true -o - | FileCheck --check-prefix=PRECDIV %s
// RUN: %cucl-translate %s -o - | FileCheck --check-prefix=NOOPTIONS %s
// RUN: %cucl-translate %s --fmad=false --device-only | FileCheck --check-prefix=NOFMAD %s
#include <cmath>

// DEFAULT-NOT: FP_CONTRACT
// DEFAULT-LABEL: __kernel void activate(
// DEFAULT: exp(
// DEFAULT: sin(
// DEFAULT: native_exp2({{.*}} * native_log2(
// DEFAULT: cucl_fdiv_rn(1.0f,
// FAST-LABEL: __kernel void activate(
// FAST: cucl_fast_sincosf_private_private(
// FAST: native_exp(
// FAST-SAME: native_sin(
// FAST-SAME: native_exp2({{.*}} * native_log2(
// FAST: exp((double)
__global__ void activate(float *out, const float *in, double *wide, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float x = in[i];
  float s, c;
  sincosf(x, &s, &c);
  out[i] = expf(-x) + std::sin(x) + __powf(x, 1.5f) + __frcp_rn(x) + s * c;
  wide[i] = exp((double)x);
}

// OPTIONS: "-cl-denorms-are-zero -cl-mad-enable -DCUCL_APPROX_DIV_SQRT"
// PRECDIV: "-cl-denorms-are-zero -cl-mad-enable"
// NOOPTIONS: cucl_source, {{[0-9]+}}u, nullptr};
// NOFMAD: #pragma OPENCL FP_CONTRACT OFF
