// The registrar registers every device symbol of the file with its host
// shadow's address, name, size, segment offset and segment (also for a file
// without kernels), and flags the kernels that use symbols. The output must
// compile as plain C++.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

struct Params {
  float scale;
  int count;
};

__constant__ float taps[5] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
__constant__ Params params;
__device__ unsigned int retired = 0;
namespace {
__device__ int hidden[3];
}
namespace sim {
__constant__ double gravity = 9.81;
}

__global__ void usesSymbols(float *out) { out[0] = taps[0] * params.scale + hidden[0] + sim::gravity; }
__global__ void noSymbols(float *out) { out[0] = 1.0f; }

// CHECK: __cuclRegisterKernel(module, (const void *)&::usesSymbols, "usesSymbols", 1u, cucl_kernel_args_0, 16u);
// CHECK: __cuclRegisterKernel(module, (const void *)&::noSymbols, "noSymbols", 1u, cucl_kernel_args_1, 0u);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::taps, "taps", 20u, 0u, CUCL_SYMBOL_CONSTANT);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::params, "params", 8u, 32u, CUCL_SYMBOL_CONSTANT);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::retired, "retired", 4u, 0u, CUCL_SYMBOL_DEVICE);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::hidden, "hidden", 12u, 16u, CUCL_SYMBOL_DEVICE);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::sim::gravity, "gravity", 8u, 48u, CUCL_SYMBOL_CONSTANT);

int main() {
  float host[5] = {1, 2, 3, 4, 5};
  return cudaMemcpyToSymbol(taps, host, sizeof host) == cudaSuccess ? 0 : 1;
}
