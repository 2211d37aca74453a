// Less common spellings: unnamed template parameters (named by cucl),
// launches through a function pointer, and a launch whose configuration
// spans several lines with comments.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

// CHECK: template <typename cucl_tparam_0, int N, typename... cucl_tparam_2> __global__ void tagged(int *p) {{{.*}}(const void *)&tagged<cucl_tparam_0, N, cucl_tparam_2...>,
template <typename, int N, typename...> __global__ void tagged(int *p) { p[0] = N; }
__global__ void plain(int *p) { p[0] = 5; }

int main() {
  int *d = nullptr;
  tagged<int, 3><<<1, 1>>>(d);
  tagged<int, 4, float, char><<<1, 1>>>(d);
  void (*kernel)(int *) = plain;
  // CHECK: (__cudaPushCallConfiguration(1, 1, 0, 0) ? (void)0 : kernel(d));
  kernel<<<1, 1>>>(d);
  // CHECK: (__cudaPushCallConfiguration(/* blocks */ 2,
  // CHECK-NEXT: /* threads */ 64, 0, 0) ? (void)0 : plain(d));
  plain<<</* blocks */ 2,
          /* threads */ 64>>>(d);
  return 0;
}
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::tagged<int, 3>,
// CHECK-DAG: __cuclRegisterKernel(module, (const void *)&::tagged<int, 4, float, char>,
