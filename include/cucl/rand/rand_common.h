/*
 * What cucl's random number generators are written in: one C subset that
 * compiles as CUDA device code (curand_kernel.h, through cucl-translate), as
 * OpenCL C 1.2 (libcurand's kernels) and as host C++ (libcurand's host
 * generators). The same functions therefore give the same numbers on every
 * device and on the host.
 */
#ifndef CUCL_RAND_COMMON_H
#define CUCL_RAND_COMMON_H

#if defined(__OPENCL_C_VERSION__)
#if defined(cl_khr_fp64)
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#define CUCL_RAND_HAS_DOUBLE 1
#define CUCL_RAND_DOUBLE double
#else
/* Devices without doubles keep the states' layout with a same-sized field. */
#define CUCL_RAND_DOUBLE ulong
#endif
typedef uint cucl_u32;
typedef ulong cucl_u64;
#define CUCL_RAND_FN static inline
#define CUCL_RAND_TABLE(name, dims) __constant cucl_u32 name dims
#define CUCL_RAND_GLOBAL __global /* tables the library's kernels read */
#elif defined(__CUDA__) || defined(__CUDACC__)
typedef unsigned int cucl_u32;
typedef unsigned long long cucl_u64;
#define CUCL_RAND_FN static __device__ __forceinline__
#define CUCL_RAND_TABLE(name, dims) static __device__ const cucl_u32 name dims
#else
#include <stdint.h>
typedef uint32_t cucl_u32;
typedef uint64_t cucl_u64;
#define CUCL_RAND_FN static inline
#define CUCL_RAND_TABLE(name, dims) static const cucl_u32 name dims
#endif

#ifndef CUCL_RAND_GLOBAL
#define CUCL_RAND_GLOBAL
#endif

#ifndef CUCL_RAND_DOUBLE
#define CUCL_RAND_HAS_DOUBLE 1
#define CUCL_RAND_DOUBLE double
#endif

#endif /* CUCL_RAND_COMMON_H */
