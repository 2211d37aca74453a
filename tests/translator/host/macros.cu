// Launches written inside macros: the whole launch in one macro argument, or
// the whole launch in a macro's definition (the #define is rewritten).
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

#define SAFE_LAUNCH(...) do { __VA_ARGS__; (void)cudaGetLastError(); } while (0)
// CHECK: #define LAUNCH_ONE (__cudaPushCallConfiguration(1, 1, 0, 0) ? (void)0 : k(d, 1))
#define LAUNCH_ONE k<<<1, 1>>>(d, 1)
// CHECK: #define LAUNCH_N(n) (__cudaPushCallConfiguration(1, n, 0, 0) ? (void)0 : k(d, n))
#define LAUNCH_N(n) k<<<1, n>>>(d, n)
#define BLOCKS 4
// A launch spread over a multi-line macro keeps the macro's continuations.
// CHECK: #define LAUNCH_SPLIT(n) (__cudaPushCallConfiguration(n, {{[\]$}}
// CHECK-NEXT: 32, 0, 0) ? (void)0 : k{{[\]$}}
// CHECK-NEXT: (d, n))
#define LAUNCH_SPLIT(n) k<<<n, \
                          32>>>\
                        (d, n)

__global__ void k(float *p, int n) { p[0] = n; }

int main() {
  float *d = nullptr;
  // CHECK: SAFE_LAUNCH((__cudaPushCallConfiguration(BLOCKS, 32, 0, 0) ? (void)0 : k(d, 2)));
  SAFE_LAUNCH(k<<<BLOCKS, 32>>>(d, 2));
  LAUNCH_ONE;
  LAUNCH_ONE;
  LAUNCH_N(8);
  LAUNCH_SPLIT(2);
  return 0;
}
