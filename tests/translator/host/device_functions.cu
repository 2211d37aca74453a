// __device__ functions and templates are blanked (same number of lines);
// __host__ __device__ functions stay for the host compile.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

// CHECK-NOT: warpSum
// CHECK-NOT: scaleBy
// CHECK: __host__ __device__ inline int clampTo(int v, int hi) { return v < hi ? v : hi; }
__device__ float warpSum(float v) {
  __syncthreads();
  return v + threadIdx.x;
}

template <typename T>
__device__ T scaleBy(T v, T s) { return v * s; }

__host__ __device__ inline int clampTo(int v, int hi) { return v < hi ? v : hi; }

// A constexpr device constant is folded into device code and stays a host constant.
// CHECK: __device__ constexpr float kHalf = 0.5f;
__device__ constexpr float kHalf = 0.5f;

struct Accumulator {
  float total;
  __device__ void add(float v) { atomicAdd(&total, v); }
  __host__ __device__ float get() const { return total; }
};

__global__ void k(float *p) { p[0] = scaleBy(warpSum(p[0]), 2.0f) * kHalf; }

int main() {
  Accumulator a{1.0f};
  return clampTo(static_cast<int>(a.get()), 3) - 1;
}
// CHECK: struct Accumulator {
// CHECK-NEXT: float total;
// CHECK-NEXT: {{^ +$}}
// CHECK-NEXT: __host__ __device__ float get() const { return total; }
