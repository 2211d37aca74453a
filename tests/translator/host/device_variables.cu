// File-scope device variables of every kind translate: __device__ and
// __constant__ ones are registered as symbols, __managed__ ones with each
// kernel that uses them (their host storage is the managed memory), and
// file-scope __shared__ ones are block storage. The output compiles as C++.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

__constant__ int coefficients[4];
__device__ int counter;
__managed__ int shared_total;
__device__ constexpr int folded = 3;
extern __shared__ float tile[];

__global__ void k(int *p) { p[0] = coefficients[0] + counter + folded + (int)tile[0] + shared_total; }

// CHECK: __cuclRegisterKernelManagedVariable(module, (const void *)&::k, (const void *)&::shared_total, sizeof(::shared_total));
// CHECK: __cuclRegisterSymbol(module, (const void *)&::coefficients, "coefficients", 16u, 0u, CUCL_SYMBOL_CONSTANT);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::counter, "counter", 4u, 0u, CUCL_SYMBOL_DEVICE);
// CHECK: __cuclRegisterSymbol(module, (const void *)&::folded, "folded", 4u, 16u, CUCL_SYMBOL_DEVICE);

int main() { return 0; }
