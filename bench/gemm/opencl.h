// The OpenCL headers as the benchmark uses them: OpenCL 1.2 API, Khronos C++
// bindings for RAII handles (as in bench/launch_overhead).
#ifndef CUCL_BENCH_GEMM_OPENCL_H
#define CUCL_BENCH_GEMM_OPENCL_H

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#define CL_HPP_TARGET_OPENCL_VERSION 120
#define CL_HPP_MINIMUM_OPENCL_VERSION 120
#include <CL/opencl.hpp>

#endif // CUCL_BENCH_GEMM_OPENCL_H
