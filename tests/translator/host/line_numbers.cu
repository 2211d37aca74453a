// Line numbers survive translation: a host-only error after rewritten
// kernels, blanked device functions and multi-line launches is reported by
// the host compiler at its line in this .cu file.
// RUN: %cucl-translate %s -o %t.cpp
// RUN: %not c++ -std=c++17 -fsyntax-only -I%cucl-include -D__CUDACC__ -D__NVCC__ -D__CUCL__ %t.cpp 2>&1 | FileCheck %s

__device__ float twice(float x) {
  return x * 2.0f;
}

template <typename T>
__device__ T square(T x) {
  return x * x;
}

__global__ void work(float *data,
                     int n) {
  int i = threadIdx.x;
  if (i < n)
    data[i] = twice(square(data[i]));
}

int main() {
  float *d = nullptr;
  work<<<dim3(1,
              1),
         32>>>(d,
               32);
#ifndef __CUDA__ // only the host compile sees this
  return deliberately_undeclared;
#endif
}
// CHECK: line_numbers.cu:30:10: error: {{.*}}deliberately_undeclared
