// Kernel bodies become nvcc-style launch stubs, `<<<>>>` becomes a pushed
// configuration, and the registrar registers each kernel with its argument
// kinds and sizes. The output must compile as plain C++.
// RUN: %cucl-translate %s -o %t.cpp
// The CHECK comments are in the output too: drop them before matching.
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

// CHECK: #include <cuda_runtime.h>
// CHECK-NEXT: #include <cucl/module_abi.h>
// CHECK-NEXT: #line 1 "{{.*}}stub.cu"

struct Pair { float a; int b; };

// CHECK: __global__ void scale(float *data, int n, Pair p) { void *cucl_args[] = {(void *)&data, (void *)&n, (void *)&p}; dim3 cucl_grid, cucl_block; size_t cucl_shmem; cudaStream_t cucl_stream; if (__cudaPopCallConfiguration(&cucl_grid, &cucl_block, &cucl_shmem, &cucl_stream) != cudaSuccess) return; (void)cudaLaunchKernel((const void *)&scale, cucl_grid, cucl_block, cucl_args, cucl_shmem, cucl_stream); }
__global__ void scale(float *data, int n, Pair p) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    data[i] *= p.a;
}
// The body's lines are kept as blank lines, so later lines keep their numbers.
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-EMPTY:
// CHECK-NEXT: // The body's lines are kept as blank lines

// A kernel without parameters still gets a non-empty argument array; an
// unnamed parameter gets a name.
// CHECK: __global__ void empty() { void *cucl_args[] = {nullptr};
__global__ void empty() {}
// CHECK: __global__ void unnamed(int cucl_param_0, float *out) { void *cucl_args[] = {(void *)&cucl_param_0, (void *)&out};
__global__ void unnamed(int, float *out) { out[0] = 1; }

int main() {
  float *d = nullptr;
  cudaStream_t stream = 0;
  // Missing shared-memory size and stream default to 0.
  // CHECK: (__cudaPushCallConfiguration(1, 256, 0, 0) ? (void)0 : scale(d, 4, Pair{2, 0}));
  scale<<<1, 256>>>(d, 4, Pair{2, 0});
  // CHECK: (__cudaPushCallConfiguration(dim3(2, 2), dim3(8, 8), 64, stream) ? (void)0 : scale(d, 4, Pair{2, 0}));
  scale<<<dim3(2, 2), dim3(8, 8), 64, stream>>>(d, 4, Pair{2, 0});
  // CHECK: (__cudaPushCallConfiguration(1, 1, 16, 0) ? (void)0 : empty());
  empty<<<1, 1, 16>>>();
  unnamed<<<1, 1>>>(3, d);
  return 0;
}

// CHECK: cucl module registrar
// CHECK: const char *const cucl_source_pieces[] = {
// CHECK: const cuclKernelArgInfo cucl_kernel_args_[[SCALE:[0-9]+]][] = {{[{][{]}}cuclArgGlobalPointer, 8u}, {cuclArgByValue, 4u}, {cuclArgByValue, 8u}, };
// CHECK: const cuclKernelArgInfo cucl_kernel_args_[[UNNAMED:[0-9]+]][] = {{[{][{]}}cuclArgByValue, 4u}, {cuclArgGlobalPointer, 8u}, };
// CHECK: static const cuclModuleImage image = {CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "{{.*}}stub.cu",
// CHECK: module = __cuclRegisterModule(&image);
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::scale, "{{[^"]+}}", 3u, cucl_kernel_args_[[SCALE]], 0u);
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::empty, "{{[^"]+}}", 0u, cucl_kernel_args_{{[0-9]+}}, 0u);
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::unnamed, "{{[^"]+}}", 2u, cucl_kernel_args_[[UNNAMED]], 0u);
// CHECK: ~cucl_module_registrar() { __cuclUnregisterModule(module); }
