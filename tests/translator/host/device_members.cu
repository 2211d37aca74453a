// More device-only definitions that must vanish from the host code:
// explicit specializations, out-of-line members (of class templates too),
// __forceinline__ and static inline device functions. Declarations stay.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: grep -v '// GONE' %t.cpp | sed '/cucl module registrar/q' | FileCheck --check-prefix=GONE %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

// GONE-NOT: return x * 2
// GONE-NOT: Box<T>::get
// GONE-NOT: Plain::twice
// GONE-NOT: int forced(
// GONE-NOT: int quiet(
template <typename T> __device__ T ident(T x) { return x; }
template <> __device__ float ident<float>(float x) { return x * 2; }
// CHECK: template <typename T> struct Box {
template <typename T> struct Box {
  T v;
  // CHECK: __device__ T get() const;
  __device__ T get() const;
  // CHECK: __host__ __device__ T raw() const { return v; }
  __host__ __device__ T raw() const { return v; }
};
template <typename T> __device__ T Box<T>::get() const { return ident(v); }
struct Plain {
  __device__ int twice(int) const;
};
__device__ int Plain::twice(int x) const { return 2 * x; }
__device__ __forceinline__ int forced(int x) { return x; }
static __device__ inline int quiet(int x) { return x; }

__global__ void k(float *p) {
  Box<float> b{p[0]};
  p[0] = b.get() + Plain{}.twice(1) + forced(1) + quiet(2);
}

int main() {
  Box<int> b{3};
  return b.raw() - 3;
}
