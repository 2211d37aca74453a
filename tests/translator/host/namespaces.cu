// Kernels in anonymous and named namespaces, static kernels and overloaded
// kernels register under names that resolve at the end of the file (the
// c++ run proves it).
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

namespace {
__global__ void hidden(int *p) { p[0] = 1; }
}
namespace outer {
namespace inner {
__global__ void deep(int *p) { p[0] = 2; }
}
} // namespace outer
static __global__ void local(int *p) { p[0] = 3; }

// Overloads: each stub names itself by its type.
// CHECK: __global__ void twin(int *p) {{{.*}}(const void *)static_cast<void (*)(int *)>(&twin),
__global__ void twin(int *p) { p[0] = 4; }
// CHECK: __global__ void twin(float *p) {{{.*}}(const void *)static_cast<void (*)(float *)>(&twin),
__global__ void twin(float *p) { p[0] = 5; }

int main() {
  int *d = nullptr;
  hidden<<<1, 1>>>(d);
  outer::inner::deep<<<1, 1>>>(d);
  local<<<1, 1>>>(d);
  twin<<<1, 1>>>(d);
  return 0;
}

// CHECK: cucl module registrar
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::hidden,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::outer::inner::deep,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::local,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)static_cast<void (*)(int *)>(&::twin),
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)static_cast<void (*)(float *)>(&::twin),
