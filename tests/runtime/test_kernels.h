// Hand-written OpenCL C kernels registered the way translated programs do
// (include/cucl/module_abi.h), so runtime tests need no translator.
#ifndef CUCL_TESTS_RUNTIME_TEST_KERNELS_H
#define CUCL_TESTS_RUNTIME_TEST_KERNELS_H

// Standard headers before CUDA's (see the host_defines.h note in docs/runtime-api.md).
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <string>
#include <thread>
#include <vector>

#include <cucl/module_abi.h>
#include <cuda_profiler_api.h>
#include <cuda_runtime.h>

namespace test_kernels {

// By-value struct with CUDA's layout: float3 is 12 packed bytes.
struct Params {
  float3 shift;
  int n;
  double scale;
};
static_assert(sizeof(Params) == 24, "CUDA layout");

inline const char kSource[] = R"CL(
typedef struct { float x, y, z; } cu_float3;
typedef struct { cu_float3 shift; int n; double scale; } Params;

#define DEVICE_PTR(T, name) __global T *name = (__global T *)((__global char *)name##__base + name##__off)

__kernel void add_one(__global int *p__base, ulong p__off, int n) {
  DEVICE_PTR(int, p);
  int i = (int)get_global_id(0);
  if (i < n) p[i] += 1;
}

__kernel void apply_params(__global float *out__base, ulong out__off, Params prm) {
  DEVICE_PTR(float, out);
  int i = (int)get_global_id(0);
  if (i < prm.n) out[i] = (float)(prm.scale * i) + prm.shift.x + prm.shift.y + prm.shift.z;
}

/* Reverses each block's slice through dynamic shared (local) memory. */
__kernel void reverse_block(__global int *d__base, ulong d__off, __local uchar *dyn) {
  DEVICE_PTR(int, d);
  __local int *tile = (__local int *)dyn;
  int t = (int)get_local_id(0), b = (int)get_local_size(0);
  int base = (int)get_group_id(0) * b;
  tile[t] = d[base + t];
  barrier(CLK_LOCAL_MEM_FENCE);
  d[base + t] = tile[b - 1 - t];
}

/* out[0] = 1 when the pointer argument arrived as NULL. */
__kernel void is_null(__global int *p__base, ulong p__off, __global int *out__base, ulong out__off) {
  DEVICE_PTR(int, out);
  out[0] = (p__base == 0 && p__off == 0) ? 1 : 0;
}

/* Writes the linear 3D thread index: checks grid/block mapping. */
__kernel void linear_index(__global uint *out__base, ulong out__off) {
  DEVICE_PTR(uint, out);
  size_t x = get_global_id(0), y = get_global_id(1), z = get_global_id(2);
  size_t w = get_global_size(0), h = get_global_size(1);
  out[(z * h + y) * w + x] = (uint)((z * h + y) * w + x);
}

__kernel void spin_add(__global int *p__base, ulong p__off, int rounds) {
  DEVICE_PTR(int, p);
  int v = p[0];
  for (int r = 0; r < rounds; ++r) v = v * 3 + 1;
  p[0] = v == 12345 ? 0 : p[0] + 1;
}
)CL";

// Host stub keys: any unique host addresses will do.
inline const char addOne = 0, applyParams = 0, reverseBlock = 0, isNull = 0, linearIndex = 0,
                  spinAdd = 0, notRegistered = 0, brokenKernel = 0, missingKernel = 0,
                  wrongArity = 0, badImageKernel = 0;

inline const cuclKernelArgInfo kPtr{cuclArgGlobalPointer, sizeof(void *)};
inline const cuclKernelArgInfo kInt{cuclArgByValue, sizeof(int)};

inline void **registerModuleSource(const char *name, const char *source,
                                   unsigned magic = CUCL_MODULE_MAGIC) {
  cuclModuleImage image{magic, CUCL_MODULE_ABI_VERSION, name, source, std::strlen(source), nullptr};
  return __cuclRegisterModule(&image);
}

// Registers the kernels above once per process.
inline void registerAll() {
  static bool done = [] {
    void **module = registerModuleSource("test_kernels.cl", kSource);
    cuclKernelArgInfo ptrInt[] = {kPtr, kInt};
    __cuclRegisterKernel(module, &addOne, "add_one", 2, ptrInt, 0);
    cuclKernelArgInfo ptrParams[] = {kPtr, {cuclArgByValue, sizeof(Params)}};
    __cuclRegisterKernel(module, &applyParams, "apply_params", 2, ptrParams, 0);
    __cuclRegisterKernel(module, &reverseBlock, "reverse_block", 1, &kPtr,
                         CUCL_KERNEL_DYNAMIC_SHARED);
    cuclKernelArgInfo twoPtrs[] = {kPtr, kPtr};
    __cuclRegisterKernel(module, &isNull, "is_null", 2, twoPtrs, 0);
    __cuclRegisterKernel(module, &linearIndex, "linear_index", 1, &kPtr, 0);
    __cuclRegisterKernel(module, &spinAdd, "spin_add", 2, ptrInt, 0);
    // Registered, but no such kernel in the program.
    __cuclRegisterKernel(module, &missingKernel, "no_such_kernel", 0, nullptr, 0);
    // Registration says one argument; the OpenCL kernel takes three.
    __cuclRegisterKernel(module, &wrongArity, "add_one", 1, &kInt, 0);

    void **broken = registerModuleSource("broken.cl", "__kernel void broken( { syntax error");
    __cuclRegisterKernel(broken, &brokenKernel, "broken", 0, nullptr, 0);

    void **badImage = registerModuleSource("bad_magic.cl", kSource, 0xdeadbeefu);
    __cuclRegisterKernel(badImage, &badImageKernel, "add_one", 2, ptrInt, 0);
    return true;
  }();
  (void)done;
}

} // namespace test_kernels

// Fails the test with the CUDA error's name on a non-success result.
#define CUDA_OK(call)                                                                              \
  do {                                                                                             \
    cudaError_t cuda_ok_status = (call);                                                           \
    ASSERT_EQ(cudaSuccess, cuda_ok_status) << cudaGetErrorName(cuda_ok_status);                    \
  } while (0)

#endif // CUCL_TESTS_RUNTIME_TEST_KERNELS_H
