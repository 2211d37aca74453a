// Repro (QA): CUDA device math functions with pointer or integer parameters
// are not declared for device code (cucl/device/device_runtime.h) nor mapped:
// modff, frexpf, ldexpf, ilogbf, lrintf give "no matching function ... call
// to __host__ function from __global__ function". OpenCL C 1.2 has modf,
// frexp, ldexp, ilogb and rint, so they should translate and build.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: %cucl-clcheck %t.cl

__global__ void pointerMath(const float *in, float *out, int *exps, long *rounded) {
  int i = threadIdx.x;
  float whole;
  out[3 * i] = modff(in[i], &whole);
  out[3 * i + 1] = whole;
  out[3 * i + 2] = frexpf(in[i], &exps[2 * i]) + ldexpf(in[i], 3);
  exps[2 * i + 1] = ilogbf(in[i]);
  rounded[i] = lrintf(in[i]);
}
