// Repro (QA): a user __device__ function named `mix` with OpenCL's
// signature (float, float, float) is emitted unrenamed, and the driver
// rejects the program: "redeclaration of '_cl_mix' must have the
// 'overloadable' attribute"; at run time every launch from the module fails
// (cudaErrorInvalidPtx). `select`, `clamp`, `length`, `dot`, `step`,
// `smoothstep`, `mad`, ... are renamed already; `mix` is missing from the
// reserved-name list (a scan of ~90 OpenCL built-in names with 1-3 float/int
// parameters found only this one).
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: %cucl-clcheck %t.cl

__device__ float mix(float a, float b, float t) { return a + (b - a) * t; }

__global__ void blend(float *p) { p[0] = mix(p[1], p[2], 0.25f); }
