// End to end: texture and surface objects over linear memory, pitched
// memory and cudaArrays, read in kernels with CUDA's rules: tex1Dfetch with
// out-of-range zeros, point and linear filtering (CUDA's 8-bit fractional
// weights), clamp/wrap/border addressing, normalized coordinates,
// NormalizedFloat reads of 8-bit data, 4-channel element reads, layered
// arrays and surfaces written and read back. Each value is checked against
// the host's computation of CUDA's rule.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: fetch 10 20 30 0 0
// CHECK: point 0.2 0.6 1
// CHECK: linear ok
// CHECK: wrap ok border ok
// CHECK: rgba 10 20 30 40
// CHECK: pitched 7 layered 5
// CHECK: surface ok
// CHECK: PASSED

#include <cmath>
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(status_));                 \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

__global__ void fetch(cudaTextureObject_t t, float *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = tex1Dfetch<float>(t, i);
}

__global__ void sample2D(cudaTextureObject_t t, const float2 *at, float *out, int n) {
  int i = threadIdx.x;
  if (i < n)
    out[i] = tex2D<float>(t, at[i].x, at[i].y);
}

__global__ void rgba(cudaTextureObject_t t, uchar4 *out) { out[0] = tex2D<uchar4>(t, 0.5f, 0.5f); }

__global__ void layered(cudaTextureObject_t t, float *out) { out[0] = tex2DLayered<float>(t, 0.5f, 0.5f, 1); }

__global__ void surfaces(cudaSurfaceObject_t s, int width) {
  int x = threadIdx.x;
  if (x < width)
    surf2Dwrite(float(x * x), s, x * (int)sizeof(float), 1);
}

__global__ void surfaceRead(cudaSurfaceObject_t s, float *out, int width) {
  int x = threadIdx.x;
  if (x < width + 2)
    out[x] = surf2Dread<float>(s, x * (int)sizeof(float), 1, cudaBoundaryModeZero);
}

// CUDA's linear filter in 1-D between texel values a and b at fraction f.
static float lerp8(float a, float b, float f) {
  float w = std::round(f * 256.0f) / 256.0f;
  return (1.0f - w) * a + w * b;
}

int main() {
  // tex1Dfetch on linear memory: out-of-range indices read 0.
  float linear[3] = {10, 20, 30};
  float *d_linear, *d_out;
  CHECK(cudaMalloc(&d_linear, sizeof linear));
  CHECK(cudaMalloc(&d_out, 64 * sizeof(float)));
  CHECK(cudaMemcpy(d_linear, linear, sizeof linear, cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = d_linear;
  res.res.linear.desc = cudaCreateChannelDesc<float>();
  res.res.linear.sizeInBytes = sizeof linear;
  cudaTextureDesc tex = {};
  tex.readMode = cudaReadModeElementType;
  cudaTextureObject_t linearTex;
  CHECK(cudaCreateTextureObject(&linearTex, &res, &tex, nullptr));
  fetch<<<1, 5>>>(linearTex, d_out, 5);
  float out[64];
  CHECK(cudaMemcpy(out, d_out, 5 * sizeof(float), cudaMemcpyDeviceToHost));
  std::printf("fetch %g %g %g %g %g\n", out[0], out[1], out[2], out[3], out[4]);

  // An 8-bit 4x2 array read as NormalizedFloat with point filtering.
  unsigned char bytes[8] = {51, 153, 255, 0, 0, 0, 0, 0};
  cudaChannelFormatDesc u8 = cudaCreateChannelDesc<unsigned char>();
  cudaArray_t byteArray;
  CHECK(cudaMallocArray(&byteArray, &u8, 4, 2));
  CHECK(cudaMemcpy2DToArray(byteArray, 0, 0, bytes, 4, 4, 2, cudaMemcpyHostToDevice));
  res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = byteArray;
  tex = {};
  tex.addressMode[0] = tex.addressMode[1] = cudaAddressModeClamp;
  tex.filterMode = cudaFilterModePoint;
  tex.readMode = cudaReadModeNormalizedFloat;
  cudaTextureObject_t byteTex;
  CHECK(cudaCreateTextureObject(&byteTex, &res, &tex, nullptr));
  float2 points[3] = {{0.5f, 0.5f}, {1.9f, 0.1f}, {7.0f, -3.0f}}; // the last clamps to (3, 0)... 255
  points[2] = make_float2(2.5f, -3.0f);
  float2 *d_points;
  CHECK(cudaMalloc(&d_points, 16 * sizeof(float2)));
  CHECK(cudaMemcpy(d_points, points, sizeof points, cudaMemcpyHostToDevice));
  sample2D<<<1, 3>>>(byteTex, d_points, d_out, 3);
  CHECK(cudaMemcpy(out, d_out, 3 * sizeof(float), cudaMemcpyDeviceToHost));
  std::printf("point %g %g %g\n", out[0], out[1], out[2]);

  // A float 4x1 array with linear filtering: CUDA's 8-bit weights.
  float ramp[4] = {0.0f, 1.0f, 4.0f, 9.0f};
  cudaChannelFormatDesc f32 = cudaCreateChannelDesc<float>();
  cudaArray_t rampArray;
  CHECK(cudaMallocArray(&rampArray, &f32, 4, 1));
  CHECK(cudaMemcpy2DToArray(rampArray, 0, 0, ramp, sizeof ramp, sizeof ramp, 1,
                            cudaMemcpyHostToDevice));
  res.res.array.array = rampArray;
  tex = {};
  tex.addressMode[0] = tex.addressMode[1] = cudaAddressModeClamp;
  tex.filterMode = cudaFilterModeLinear;
  tex.readMode = cudaReadModeElementType;
  cudaTextureObject_t rampTex;
  CHECK(cudaCreateTextureObject(&rampTex, &res, &tex, nullptr));
  float2 along[16];
  float expected[16];
  for (int i = 0; i < 16; ++i) {
    float x = 0.3f + i * 0.237f; // between texel centres, fractions of every kind
    along[i] = make_float2(x, 0.5f);
    float t = x - 0.5f;
    int j = (int)std::floor(t);
    float f = t - std::floor(t);
    float a = ramp[j < 0 ? 0 : (j > 3 ? 3 : j)], b = ramp[j + 1 < 0 ? 0 : (j + 1 > 3 ? 3 : j + 1)];
    expected[i] = lerp8(a, b, f);
  }
  CHECK(cudaMemcpy(d_points, along, sizeof along, cudaMemcpyHostToDevice));
  sample2D<<<1, 16>>>(rampTex, d_points, d_out, 16);
  CHECK(cudaMemcpy(out, d_out, 16 * sizeof(float), cudaMemcpyDeviceToHost));
  bool linearOk = true;
  for (int i = 0; i < 16; ++i)
    linearOk &= std::fabs(out[i] - expected[i]) <= 1e-6f * (1.0f + std::fabs(expected[i]));
  std::printf("linear %s\n", linearOk ? "ok" : "wrong");

  // Normalized coordinates: wrap repeats the texture, border reads 0.
  tex.filterMode = cudaFilterModePoint;
  tex.normalizedCoords = 1;
  tex.addressMode[0] = tex.addressMode[1] = cudaAddressModeWrap;
  cudaTextureObject_t wrapTex, borderTex;
  CHECK(cudaCreateTextureObject(&wrapTex, &res, &tex, nullptr));
  tex.addressMode[0] = tex.addressMode[1] = cudaAddressModeBorder;
  CHECK(cudaCreateTextureObject(&borderTex, &res, &tex, nullptr));
  float2 normalized[2] = {{1.0f + 0.625f, 0.5f}, {-0.1f, 0.5f}}; // texel 2; outside
  CHECK(cudaMemcpy(d_points, normalized, sizeof normalized, cudaMemcpyHostToDevice));
  sample2D<<<1, 2>>>(wrapTex, d_points, d_out, 2);
  float wrapped[2], bordered[2];
  CHECK(cudaMemcpy(wrapped, d_out, sizeof wrapped, cudaMemcpyDeviceToHost));
  sample2D<<<1, 2>>>(borderTex, d_points, d_out, 2);
  CHECK(cudaMemcpy(bordered, d_out, sizeof bordered, cudaMemcpyDeviceToHost));
  std::printf("wrap %s border %s\n", wrapped[0] == 4.0f && wrapped[1] == 9.0f ? "ok" : "wrong",
              bordered[0] == 0.0f && bordered[1] == 0.0f ? "ok" : "wrong");

  // Four 8-bit channels read as elements.
  uchar4 pixel = make_uchar4(10, 20, 30, 40);
  cudaChannelFormatDesc rgbaFormat = cudaCreateChannelDesc<uchar4>();
  cudaArray_t rgbaArray;
  CHECK(cudaMallocArray(&rgbaArray, &rgbaFormat, 1, 1));
  CHECK(cudaMemcpy2DToArray(rgbaArray, 0, 0, &pixel, 4, 4, 1, cudaMemcpyHostToDevice));
  res.res.array.array = rgbaArray;
  tex = {};
  tex.readMode = cudaReadModeElementType;
  cudaTextureObject_t rgbaTex;
  CHECK(cudaCreateTextureObject(&rgbaTex, &res, &tex, nullptr));
  uchar4 *d_rgba;
  CHECK(cudaMalloc(&d_rgba, sizeof(uchar4)));
  rgba<<<1, 1>>>(rgbaTex, d_rgba);
  uchar4 back;
  CHECK(cudaMemcpy(&back, d_rgba, sizeof back, cudaMemcpyDeviceToHost));
  std::printf("rgba %d %d %d %d\n", back.x, back.y, back.z, back.w);

  // Pitched linear memory as a 2-D texture, and a layered array.
  float *pitched;
  size_t pitch;
  CHECK(cudaMallocPitch(&pitched, &pitch, 3 * sizeof(float), 2));
  float rows[6] = {1, 2, 3, 5, 6, 7};
  CHECK(cudaMemcpy2D(pitched, pitch, rows, 3 * sizeof(float), 3 * sizeof(float), 2,
                     cudaMemcpyHostToDevice));
  res = {};
  res.resType = cudaResourceTypePitch2D;
  res.res.pitch2D.devPtr = pitched;
  res.res.pitch2D.desc = f32;
  res.res.pitch2D.width = 3;
  res.res.pitch2D.height = 2;
  res.res.pitch2D.pitchInBytes = pitch;
  tex = {};
  cudaTextureObject_t pitchTex;
  CHECK(cudaCreateTextureObject(&pitchTex, &res, &tex, nullptr));
  float2 cell = make_float2(2.5f, 1.5f); // row 1, column 2
  CHECK(cudaMemcpy(d_points, &cell, sizeof cell, cudaMemcpyHostToDevice));
  sample2D<<<1, 1>>>(pitchTex, d_points, d_out, 1);
  float pitchedValue = 0;
  CHECK(cudaMemcpy(&pitchedValue, d_out, sizeof(float), cudaMemcpyDeviceToHost));
  cudaArray_t layers;
  CHECK(cudaMalloc3DArray(&layers, &f32, make_cudaExtent(1, 1, 2), cudaArrayLayered));
  float layerValues[2] = {3, 5};
  cudaMemcpy3DParms copy = {};
  copy.srcPtr = make_cudaPitchedPtr(layerValues, sizeof(float), 1, 1);
  copy.dstArray = layers;
  copy.extent = make_cudaExtent(1, 1, 2);
  copy.kind = cudaMemcpyHostToDevice;
  CHECK(cudaMemcpy3D(&copy));
  res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = layers;
  cudaTextureObject_t layerTex;
  CHECK(cudaCreateTextureObject(&layerTex, &res, &tex, nullptr));
  layered<<<1, 1>>>(layerTex, d_out);
  float layerValue = 0;
  CHECK(cudaMemcpy(&layerValue, d_out, sizeof(float), cudaMemcpyDeviceToHost));
  std::printf("pitched %g layered %g\n", pitchedValue, layerValue);

  // A surface: row 1 written by a kernel, read back with zero boundaries.
  const int width = 8;
  cudaArray_t surfaceArray;
  CHECK(cudaMallocArray(&surfaceArray, &f32, width, 2, cudaArraySurfaceLoadStore));
  res.res.array.array = surfaceArray;
  cudaSurfaceObject_t surface;
  CHECK(cudaCreateSurfaceObject(&surface, &res));
  surfaces<<<1, width>>>(surface, width);
  surfaceRead<<<1, width + 2>>>(surface, d_out, width);
  CHECK(cudaMemcpy(out, d_out, (width + 2) * sizeof(float), cudaMemcpyDeviceToHost));
  bool surfaceOk = out[width] == 0.0f && out[width + 1] == 0.0f;
  for (int x = 0; x < width; ++x)
    surfaceOk &= out[x] == float(x * x);
  std::printf("surface %s\n", surfaceOk ? "ok" : "wrong");

  CHECK(cudaDestroyTextureObject(linearTex));
  CHECK(cudaDestroySurfaceObject(surface));
  std::printf("%s\n", cudaGetLastError() == cudaSuccess ? "PASSED" : "FAILED");
  return 0;
}
