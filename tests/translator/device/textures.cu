// Texture and surface objects: a cudaTextureObject_t / cudaSurfaceObject_t
// kernel parameter becomes the texels' buffer and its description, held as
// cucl_texture; tex*/surf* calls become texture-runtime calls whose
// float4/int4/uint4 result a per-type converter turns into the requested
// type; a surface access that traps raises the launch failure through the
// status record (in thread and lane mode).
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cucl-translate %s -o %t.cpp
// RUN: FileCheck %s --check-prefix=HOST < %t.cpp
// HOST: cucl_kernel_args_0[] = {{[{][{]}}cuclArgTexture, 8u}, {cuclArgGlobalPointer, 8u}
// HOST: cucl_kernel_args_1[] = {{[{][{]}}cuclArgSurface, 8u}

// CHECK: struct cucl_uchar4 cucl_tex_as_cucl_uchar4_u(uint4 v) {
// CHECK-NEXT: struct cucl_uchar4 r;
// CHECK-NEXT: r.x = (uchar)v.x;

// A device function takes the object by value.
// CHECK-LABEL: struct cucl_float4 fetch4(cucl_texture t, int i) {
// CHECK-NEXT: return cucl_tex_as_cucl_float4_f(cucl_tex_fetch_f(t, i));
__device__ float4 fetch4(cudaTextureObject_t t, int i) { return tex1Dfetch<float4>(t, i); }

// CHECK-LABEL: __kernel void sampled(__global uchar *tex__data, cucl_texture_desc tex__desc, __global float *out__base, ulong out__off, float scale) {
// CHECK-NEXT: cucl_texture tex = {tex__data, tex__desc};
__global__ void sampled(cudaTextureObject_t tex, float *out, float scale) {
  int x = threadIdx.x, y = threadIdx.y;
  // CHECK: cucl_tex_as_float_f(cucl_tex_sample_f(tex, 2u, (x + 0.5f) * scale, (y + 0.5f) * scale, 0.0f, 0))
  float v = tex2D<float>(tex, (x + 0.5f) * scale, (y + 0.5f) * scale);
  // Unsigned element reads come back as uint4.
  // CHECK: cucl_tex_as_cucl_uchar4_u(cucl_tex_sample_u(tex, 2u, x, y, 0.0f, 0))
  uchar4 c = tex2D<uchar4>(tex, x, y);
  // The overload writing through a pointer.
  // CHECK: *(&f) = cucl_tex_as_cucl_float4_f(cucl_tex_sample_f(tex, 3u, 1.0f, 2.0f, 3.0f, 0));
  float4 f;
  tex3D(&f, tex, 1.0f, 2.0f, 3.0f);
  // Layers, cubemaps, levels of detail (level 0) and gathers.
  // CHECK: cucl_tex_sample_i(tex, 2u, 0.5f, 0.5f, 0.0f, (int)2)
  int layered = tex2DLayered<int>(tex, 0.5f, 0.5f, 2);
  // CHECK: cucl_tex_cubemap_f(tex, 1.0f, 0.0f, 0.0f, 0)
  float cube = texCubemap<float>(tex, 1.0f, 0.0f, 0.0f);
  // CHECK: cucl_tex_sample_f(tex, 2u, 0.5f, 0.5f, 0.0f, 0)
  float lod = tex2DLod<float>(tex, 0.5f, 0.5f, 3.0f);
  // CHECK: cucl_tex_gather_f(tex, 1.0f, 1.0f, 1)
  float4 g = tex2Dgather<float4>(tex, 1.0f, 1.0f, 1);
  out[y * 16 + x] = v + c.x + f.y + fetch4(tex, x).z + layered + cube + lod + g.w;
}

// CHECK-LABEL: __kernel void written(__global uchar *s__data, cucl_texture_desc s__desc, __global uint *cucl_status, uint cucl_launch) {
__global__ void written(cudaSurfaceObject_t s) {
  int x = threadIdx.x;
  // CHECK: float v = cucl_surf_read_float(s, x * 4, 0, 0, 0, 2, cucl_status, cucl_launch);
  float v = surf2Dread<float>(s, x * 4, 0);
  // CHECK: cucl_surf_write_float(s, v * 2.0f, x * 4, 1, 0, 0, 2) ? cucl_trap(cucl_status, cucl_launch) : (void)0;
  surf2Dwrite(v * 2.0f, s, x * (int)sizeof(float), 1);
  // CHECK: cucl_surf_write_cucl_uchar4(s, make_uchar4(1u, 2u, 3u, 4u), x * 4, 2, 0, 0, 1)
  surf2Dwrite(make_uchar4(1, 2, 3, 4), s, x * 4, 2, 1);
}

// Lane mode: the sample runs per lane; a trap goes through the warp state.
// CHECK-LABEL: __kernel void warped(
// CHECK: cucl_tex_sample_f(tex, 1u, cucl_w->tx[cucl_l] + 0.5f, 0.0f, 0.0f, 0)
// CHECK: cucl_surf_read_float_lane(s, {{.*}}, cucl_w, cucl_l)
__global__ void warped(cudaTextureObject_t tex, cudaSurfaceObject_t s, float *out) {
  float v = tex1D<float>(tex, threadIdx.x + 0.5f);
  v += __shfl_down_sync(0xffffffffu, v, 1);
  out[threadIdx.x] = v + surf1Dread<float>(s, threadIdx.x * 4);
}
