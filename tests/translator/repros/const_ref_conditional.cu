// Repro (QA): returning or binding `const T&` to a conditional
// (`return a < b ? b : a;`) emitted `&(c ? x : y)`, which OpenCL rejects
// (the address of an rvalue); it is now `(c ? &x : &y)`. Member operators
// taking `const T&` applied to temporaries (`z = z * z + c`) keep working.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=CL < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CL: return (((*a) < (*b)) ? &(*b) : &(*a));
// CHECK: mandelbrot 50 2 max 2 5 PASSED

#include <cstdio>

struct Cx {
  float re, im;
  __device__ Cx(float r, float i) : re(r), im(i) {}
  __device__ Cx operator*(const Cx &o) const { return Cx(re * o.re - im * o.im, re * o.im + im * o.re); }
  __device__ Cx operator+(const Cx &o) const { return Cx(re + o.re, im + o.im); }
  __device__ float norm2() const { return re * re + im * im; }
};

template <typename T> __device__ const T &maxRef(const T &a, const T &b) { return a < b ? b : a; }

__device__ int escape(Cx c) {
  Cx z(0.0f, 0.0f);
  int it = 0;
  while (it < 50 && z.norm2() < 4.0f) {
    z = z * z + c;
    ++it;
  }
  return it;
}

__global__ void kernel(int *out) {
  out[0] = escape(Cx(-0.5f, 0.1f)); // inside: all 50 iterations
  out[1] = escape(Cx(1.0f, 0.5f));  // escapes after two steps
  float a = 1.0f, b = 2.0f;
  const float &larger = maxRef(a, b);
  out[2] = (int)larger;
  int x = 5, y = 3;
  const int &bigger = x > y ? x : y;
  out[3] = bigger;
}

int main() {
  int *d = nullptr, h[4] = {0, 0, 0, 0};
  cudaMalloc(&d, sizeof h);
  kernel<<<1, 1>>>(d);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  bool ok = h[0] == 50 && h[1] == 2 && h[2] == 2 && h[3] == 5;
  std::printf("mandelbrot %d %d max %d %d %s\n", h[0], h[1], h[2], h[3], ok ? "PASSED" : "FAILED");
  return ok ? 0 : 1;
}
