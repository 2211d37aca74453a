// Repro (QA, regression between ~13:57 and 14:20 UTC): `pow(double, int)` in
// device code now fails to translate: libstdc++'s promoting template
// std::pow(_Tp, _Up) (cmath:418) is treated as __host__ __device__ and calls
// the host-only ::pow, "error: reference to __host__ function 'pow' in
// __host__ __device__ function". nvcc accepts it, and it worked with the
// host-view parse; likely from the new device-side parse (__CUDA_ARCH__).
// Same for every mixed-type two-argument call through libstdc++'s promoting
// templates: fmin(double, int), atan2, hypot, fmod, copysign, pow(2, d),
// pow(float, int). CUDA's headers give device overloads for these.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: 1 8 27 -3.375
#include <cmath>
#include <cstdio>

__global__ void cube(const double *in, double *out) { out[threadIdx.x] = pow(in[threadIdx.x], 3); }

int main() {
  double h[4] = {1, 2, 3, -1.5}, r[4] = {0, 0, 0, 0}, *din = nullptr, *dout = nullptr;
  cudaMalloc(&din, sizeof(h));
  cudaMalloc(&dout, sizeof(r));
  cudaMemcpy(din, h, sizeof(h), cudaMemcpyHostToDevice);
  cube<<<1, 4>>>(din, dout);
  cudaMemcpy(r, dout, sizeof(r), cudaMemcpyDeviceToHost);
  std::printf("%g %g %g %g\n", r[0], r[1], r[2], r[3]);
  return 0;
}
