// nvcc's front end accepts a launch with split brackets, `k<< <g, b>> >(a)`,
// as old CUDA code writes it; cucl joins them before parsing (same columns).
// `<< <` and `>> >` that are not a launch are left alone: `operator<< <T>`,
// nested template arguments, comments and strings.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// CHECK' %t.cpp | FileCheck %s
// RUN: c++ -std=c++17 -Wall -Wextra -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp

#include <map>
#include <vector>

template <typename T> struct Box {
  T value;
};
template <typename T> int operator<<(Box<T> &, T) { return 1; }

__global__ void fill(int *p) { p[threadIdx.x] = threadIdx.x; }
template <typename T, int N> __global__ void scaled(T *p) { p[threadIdx.x] *= N; }

int main() {
  int *d = nullptr;
  cudaStream_t stream = 0;
  // CHECK: (__cudaPushCallConfiguration( 1, 64 , 0, 0) ? (void)0 : fill (d));
  fill<< <1, 64 >> >(d);
  // CHECK: (__cudaPushCallConfiguration( dim3(2), dim3(32), 0, stream) ? (void)0 : scaled<int, 3> (d));
  scaled<int, 3><< <dim3(2), dim3(32), 0, stream>> > (d);
  // CHECK: (__cudaPushCallConfiguration( 1, 2 , 0, 0) ? (void)0 : fill (d));
  fill<<< 1, 2 >> >(d);
  // CHECK: (__cudaPushCallConfiguration( 1, 2, 0, 0) ? (void)0 : fill(d));
  fill<< <1, 2>>>(d);
  // Not launches:
  // CHECK: std::map<int, std::vector<std::vector<int>> > nested;
  std::map<int, std::vector<std::vector<int>> > nested;
  Box<int> box{0};
  // CHECK: int shifted = operator<< <int>(box, 1);
  int shifted = operator<< <int>(box, 1);
  // CHECK: const char *text = "fill<< <1, 1>> >(d)"; // fill<< <1, 1>> >(d)
  const char *text = "fill<< <1, 1>> >(d)"; // fill<< <1, 1>> >(d)
  (void)nested;
  (void)shifted;
  (void)text;
  return 0;
}
