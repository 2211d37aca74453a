/*
 * CUDA execution-space and storage keywords.
 *
 * Under cucl-translate (Clang in CUDA mode, __CUDA__ defined) they become
 * Clang's CUDA attributes so the translator sees a real CUDA AST. Under a
 * plain C++ compiler (the host side of a translated program, or a .cpp file
 * that includes cuda_runtime.h) they vanish or become their C++ equivalents.
 */
#ifndef __HOST_DEFINES_H__
#define __HOST_DEFINES_H__

#if defined(__clang__) && defined(__CUDA__)
#define __global__ __attribute__((global))
#define __device__ __attribute__((device))
#define __host__ __attribute__((host))
#define __shared__ __attribute__((shared))
#define __constant__ __attribute__((constant))
/* Clang 15 ignores `managed` outside HIP (with a warning); a managed
 * variable is a __device__ one that the translator can recognize. */
#define __managed__ __attribute__((device)) __attribute__((annotate("cucl_managed")))
#define __launch_bounds__(...) __attribute__((launch_bounds(__VA_ARGS__)))
#else
#define __global__
#define __device__
#define __host__
#define __shared__
#define __constant__
#define __managed__
#define __launch_bounds__(...)
#endif
/* A kernel parameter whose address may be taken without a copy: cucl passes
 * every by-value parameter as its bytes, so there is nothing to change. */
#define __grid_constant__

#define __forceinline__ __inline__ __attribute__((always_inline))
#define __align__(n) __attribute__((aligned(n)))
#define __builtin_align__(a) __align__(a)
#define CUDARTAPI
#define CUDART_CB

#endif /* __HOST_DEFINES_H__ */
