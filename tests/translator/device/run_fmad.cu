// nvcc's -fmad: by default a * b - c may be one fma (CUDA's default too);
// with --fmad=false no product is fused, float or double, also through *=;
// __fmul_rn / __fadd_rn are never fused whatever the flag. The inputs make
// the difference visible: (1 + 2^-12)^2 - (1 + 2^-11) is 2^-24 with an fma
// and 0 without.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck --check-prefix=FUSED %s
// RUN: %cuclcc --fmad=false %s -o %t.nofma
// RUN: %t.nofma | FileCheck --check-prefix=SEPARATE %s
// FUSED: intrinsics 0x0p+0 0x0p+0
// SEPARATE: expression 0x0p+0 0x0p+0 0x0p+0
// SEPARATE: intrinsics 0x0p+0 0x0p+0
#include <cstdio>

__global__ void products(const float *in, const double *wide, float *out, double *wideOut) {
  out[0] = in[0] * in[1] - in[2];
  float scaled = in[0];
  scaled *= in[1];
  out[1] = scaled - in[2];
  wideOut[0] = wide[0] * wide[1] - wide[2];
  out[2] = __fadd_rn(__fmul_rn(in[0], in[1]), -in[2]);
  out[3] = __fmul_rn(in[0], in[1]) - in[2];
}

int main() {
  float h[3] = {1.0f + 1.0f / 4096, 1.0f + 1.0f / 4096, 1.0f + 1.0f / 2048}, r[4];
  double w[3] = {1.0 + 0x1p-27, 1.0 + 0x1p-27, 1.0 + 0x1p-26}, wr;
  float *d, *o;
  double *dw, *ow;
  cudaMalloc(&d, sizeof h);
  cudaMalloc(&o, sizeof r);
  cudaMalloc(&dw, sizeof w);
  cudaMalloc(&ow, sizeof wr);
  cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
  cudaMemcpy(dw, w, sizeof w, cudaMemcpyHostToDevice);
  products<<<1, 1>>>(d, dw, o, ow);
  cudaMemcpy(r, o, sizeof r, cudaMemcpyDeviceToHost);
  cudaMemcpy(&wr, ow, sizeof wr, cudaMemcpyDeviceToHost);
  std::printf("expression %a %a %a\n", r[0], r[1], wr);
  std::printf("intrinsics %a %a\n", r[2], r[3]);
  return 0;
}
