// Launches written inside macros: the whole launch in one macro argument, or
// the whole launch in a macro's definition (the #define is rewritten), where
// the kernel, the configuration and the arguments may be the macro's
// parameters. In a #define the configuration is not padded to four values:
// its uses may pass different counts, and the declaration's defaults fill in.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

#define SAFE_LAUNCH(...) do { __VA_ARGS__; (void)cudaGetLastError(); } while (0)
// CHECK: #define LAUNCH_ONE (__cudaPushCallConfiguration(1, 1) ? (void)0 : k(d, 1))
#define LAUNCH_ONE k<<<1, 1>>>(d, 1)
// CHECK: #define LAUNCH_N(n) (__cudaPushCallConfiguration(1, n) ? (void)0 : k(d, n))
#define LAUNCH_N(n) k<<<1, n>>>(d, n)
#define BLOCKS 4
// A launch spread over a multi-line macro keeps the macro's continuations.
// CHECK: #define LAUNCH_SPLIT(n) (__cudaPushCallConfiguration(n, {{[\]$}}
// CHECK-NEXT: 32) ? (void)0 : k{{[\]$}}
// CHECK-NEXT: (d, n))
#define LAUNCH_SPLIT(n) k<<<n, \
                          32>>>\
                        (d, n)
// The kernel and the arguments as parameters.
// CHECK: #define LAUNCH(kernel, g, b, ...) (__cudaPushCallConfiguration(g, b) ? (void)0 : kernel(__VA_ARGS__))
#define LAUNCH(kernel, g, b, ...) kernel<<<g, b>>>(__VA_ARGS__)
// The argument list as one parameter: the callee must not fuse with it.
// CHECK: #define KERNEL_CALL(kernel, args) (__cudaPushCallConfiguration(1, 1) ? (void)0 : kernel args)
#define KERNEL_CALL(kernel, args) kernel<<<1, 1>>>args
// The whole configuration as a parameter, used with two and four values.
// CHECK: #define LAUNCH_CONFIG(kernel, ...) (__cudaPushCallConfiguration(__VA_ARGS__) ? (void)0 : kernel(d, 3))
#define LAUNCH_CONFIG(kernel, ...) kernel<<<__VA_ARGS__>>>(d, 3)
// A kernel template instantiated with a parameter.
// CHECK: #define LAUNCH_TYPED(T, ptr) (__cudaPushCallConfiguration(1, 1) ? (void)0 : fill<T>(ptr))
#define LAUNCH_TYPED(T, ptr) fill<T><<<1, 1>>>(ptr)
// A launch macro used inside another macro's definition.
// CHECK: #define LAUNCH_TWICE(kernel) LAUNCH(kernel, 1, 1, d, 4); LAUNCH(kernel, 2, 2, d, 5)
#define LAUNCH_TWICE(kernel) LAUNCH(kernel, 1, 1, d, 4); LAUNCH(kernel, 2, 2, d, 5)

__global__ void k(float *p, int n) { p[0] = n; }
__global__ void other(float *p, int n) { p[1] = n; }
template <typename T> __global__ void fill(T *p) { p[0] = T(1); }

int main() {
  float *d = nullptr;
  int *ints = nullptr;
  cudaStream_t stream = nullptr;
  // CHECK: SAFE_LAUNCH((__cudaPushCallConfiguration(BLOCKS, 32, 0, 0) ? (void)0 : k(d, 2)));
  SAFE_LAUNCH(k<<<BLOCKS, 32>>>(d, 2));
  LAUNCH_ONE;
  LAUNCH_ONE;
  LAUNCH_N(8);
  LAUNCH_SPLIT(2);
  // CHECK: LAUNCH(k, 1, 64, d, 3);
  LAUNCH(k, 1, 64, d, 3);
  LAUNCH(other, BLOCKS, 32, d, 4);
  KERNEL_CALL(k, (d, 5));
  KERNEL_CALL(other, (d, 6));
  LAUNCH_CONFIG(k, 1, 1);
  LAUNCH_CONFIG(other, 2, 2, 0, stream);
  LAUNCH_TYPED(float, d);
  LAUNCH_TYPED(int, ints);
  LAUNCH_TWICE(k);
  return 0;
}
