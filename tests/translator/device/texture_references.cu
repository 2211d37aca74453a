// Legacy texture references (texture<T, dim, mode> at file scope, removed
// from CUDA 12 but common in old code): a kernel that reads one, directly or
// through a device function, takes its buffer and description after all
// other arguments, and the registrar registers the reference for that
// kernel; NormalizedFloat references force that read mode.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-translate %s -o %t.cpp
// RUN: grep -v '// HOST' %t.cpp | FileCheck %s --check-prefix=HOST
// HOST: __cuclRegisterKernelTextureReference(module, (const void *)&::lookup, (const void *)&::table);
// HOST-NEXT: __cuclRegisterKernelTextureReference(module, (const void *)&::lookup, (const void *)&::image);
// HOST-NOT: &::plain, (const void *)

#include <cuda_runtime.h>

texture<float, 1, cudaReadModeElementType> table;
texture<unsigned char, 2, cudaReadModeNormalizedFloat> image;

// CHECK-LABEL: float both(int i, cucl_texture cucl_texref_table, cucl_texture cucl_texref_image) {
// CHECK-NEXT: return cucl_tex_as_float_f(cucl_tex_fetch_f(cucl_texref_table, i)) + cucl_tex_as_float_f(cucl_tex_sample_f(cucl_tex_read_normalized(cucl_texref_image), 2u, i + 0.5f, 0.5f, 0.0f, 0));
__device__ float both(int i) { return tex1Dfetch(table, i) + tex2D(image, i + 0.5f, 0.5f); }

// CHECK-LABEL: __kernel void lookup(__global float *out__base, ulong out__off, int n, __global uchar *cucl_texref_table__data, cucl_texture_desc cucl_texref_table__desc, __global uchar *cucl_texref_image__data, cucl_texture_desc cucl_texref_image__desc) {
// CHECK: cucl_texture cucl_texref_table = {cucl_texref_table__data, cucl_texref_table__desc};
__global__ void lookup(float *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = tex1Dfetch(table, i) * 2.0f + both(i);
}

// CHECK-LABEL: __kernel void plain(__global float *out__base, ulong out__off) {
__global__ void plain(float *out) { out[0] = 1.0f; }
