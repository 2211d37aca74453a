// Hand-written OpenCL kernels that call the texture runtime
// (compiler/lib/emit_device/opencl/texture_runtime.cl, read from the source
// tree: CUCL_TEXTURE_RUNTIME_CL is its path) the way translated kernels do,
// registered through the module ABI with cuclArgTexture / cuclArgSurface
// arguments; and helpers to run them.
#ifndef CUCL_TESTS_RUNTIME_TEXTURE_TEST_SUPPORT_H
#define CUCL_TESTS_RUNTIME_TEXTURE_TEST_SUPPORT_H

#include "test_kernels.h"

#include <fstream>
#include <sstream>

namespace texture_kernels {

inline std::string runtimeSource() {
  std::ifstream file(CUCL_TEXTURE_RUNTIME_CL);
  std::stringstream text;
  text << file.rdbuf();
  return text.str();
}

inline const char kKernels[] = R"CL(
#define DEVICE_PTR(T, name) __global T *name = (__global T *)((__global char *)name##__base + name##__off)
#define TEXTURE(name) cucl_texture name; name.data = name##__data; name.desc = name##__desc
#define TEX_PARAM(name) __global uchar *name##__data, cucl_texture_desc name##__desc

/* c[i] = (x, y, z, layer) */
__kernel void tex_sample_f(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                           __global float4 *o__base, ulong o__off, uint dims, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_sample_f(t, dims, c[i].x, c[i].y, c[i].z, (int)c[i].w);
}
__kernel void tex_sample_i(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                           __global int4 *o__base, ulong o__off, uint dims, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(int4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_sample_i(t, dims, c[i].x, c[i].y, c[i].z, (int)c[i].w);
}
__kernel void tex_sample_u(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                           __global uint4 *o__base, ulong o__off, uint dims, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(uint4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_sample_u(t, dims, c[i].x, c[i].y, c[i].z, (int)c[i].w);
}
__kernel void tex_fetch_f(TEX_PARAM(t), __global int *c__base, ulong c__off,
                          __global float4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(int, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_fetch_f(t, c[i]);
}
__kernel void tex_fetch_i(TEX_PARAM(t), __global int *c__base, ulong c__off,
                          __global int4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(int, c); DEVICE_PTR(int4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_fetch_i(t, c[i]);
}
__kernel void tex_fetch_u(TEX_PARAM(t), __global int *c__base, ulong c__off,
                          __global uint4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(int, c); DEVICE_PTR(uint4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_fetch_u(t, c[i]);
}
/* c[i] = (x, y, z, layer) */
__kernel void tex_cubemap_f(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                            __global float4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_cubemap_f(t, c[i].x, c[i].y, c[i].z, (int)c[i].w);
}
__kernel void tex_cubemap_u(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                            __global uint4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(uint4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_cubemap_u(t, c[i].x, c[i].y, c[i].z, (int)c[i].w);
}
/* c[i] = (x, y, comp, -) */
__kernel void tex_gather_f(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                           __global float4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(float4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_gather_f(t, c[i].x, c[i].y, (int)c[i].z);
}
__kernel void tex_gather_u(TEX_PARAM(t), __global float4 *c__base, ulong c__off,
                           __global uint4 *o__base, ulong o__off, int n) {
  TEXTURE(t); DEVICE_PTR(float4, c); DEVICE_PTR(uint4, o);
  int i = (int)get_global_id(0);
  if (i < n) o[i] = cucl_tex_gather_u(t, c[i].x, c[i].y, (int)c[i].z);
}
/* Surface access i: c[i] = (xBytes, y, z, layer); `size` bytes to or from
 * v[i * size]; r[i] = what the call returned (1: a Trap access). */
__kernel void surf_access(TEX_PARAM(s), __global int4 *c__base, ulong c__off,
                          __global uchar *v__base, ulong v__off, __global int *r__base,
                          ulong r__off, uint size, int mode, int write, int n) {
  TEXTURE(s); DEVICE_PTR(int4, c); DEVICE_PTR(uchar, v); DEVICE_PTR(int, r);
  int i = (int)get_global_id(0);
  if (i >= n) return;
  uchar value[16];
  if (write) {
    for (uint b = 0; b < size; ++b) value[b] = v[i * size + b];
    r[i] = cucl_surf_write(s, value, size, c[i].x, c[i].y, c[i].z, c[i].w, mode);
  } else {
    r[i] = cucl_surf_read(s, value, size, c[i].x, c[i].y, c[i].z, c[i].w, mode);
    for (uint b = 0; b < size; ++b) v[i * size + b] = value[b];
  }
}
)CL";

// Host stub keys.
inline const char sampleF = 0, sampleI = 0, sampleU = 0, fetchF = 0, fetchI = 0, fetchU = 0,
                  cubemapF = 0, cubemapU = 0, gatherF = 0, gatherU = 0, surfAccess = 0;

inline const cuclKernelArgInfo kTex{cuclArgTexture, sizeof(cudaTextureObject_t)};
inline const cuclKernelArgInfo kSurf{cuclArgSurface, sizeof(cudaSurfaceObject_t)};
inline const cuclKernelArgInfo kPtr{cuclArgGlobalPointer, sizeof(void *)};
inline const cuclKernelArgInfo kInt{cuclArgByValue, sizeof(int)};

inline void registerAll() {
  static bool done = [] {
    static const std::string source = runtimeSource() + kKernels;
    void **module = test_kernels::registerModuleSource("texture_kernels.cl", source.c_str());
    cuclKernelArgInfo sample[] = {kTex, kPtr, kPtr, kInt, kInt};
    __cuclRegisterKernel(module, &sampleF, "tex_sample_f", 5, sample, 0);
    __cuclRegisterKernel(module, &sampleI, "tex_sample_i", 5, sample, 0);
    __cuclRegisterKernel(module, &sampleU, "tex_sample_u", 5, sample, 0);
    cuclKernelArgInfo fetch[] = {kTex, kPtr, kPtr, kInt};
    __cuclRegisterKernel(module, &fetchF, "tex_fetch_f", 4, fetch, 0);
    __cuclRegisterKernel(module, &fetchI, "tex_fetch_i", 4, fetch, 0);
    __cuclRegisterKernel(module, &fetchU, "tex_fetch_u", 4, fetch, 0);
    __cuclRegisterKernel(module, &cubemapF, "tex_cubemap_f", 4, fetch, 0);
    __cuclRegisterKernel(module, &cubemapU, "tex_cubemap_u", 4, fetch, 0);
    __cuclRegisterKernel(module, &gatherF, "tex_gather_f", 4, fetch, 0);
    __cuclRegisterKernel(module, &gatherU, "tex_gather_u", 4, fetch, 0);
    cuclKernelArgInfo surf[] = {kSurf, kPtr, kPtr, kPtr, kInt, kInt, kInt, kInt};
    __cuclRegisterKernel(module, &surfAccess, "surf_access", 8, surf, 0);
    return true;
  }();
  (void)done;
}

// Device copies of host data, freed at scope exit.
template <class T> struct DeviceVector {
  T *data = nullptr;
  std::size_t size = 0;
  explicit DeviceVector(const std::vector<T> &host) : size(host.size()) {
    EXPECT_EQ(cudaSuccess, cudaMalloc(&data, std::max<std::size_t>(1, size) * sizeof(T)));
    if (size != 0) {
      EXPECT_EQ(cudaSuccess,
                cudaMemcpy(data, host.data(), size * sizeof(T), cudaMemcpyHostToDevice));
    }
  }
  explicit DeviceVector(std::size_t n) : size(n) {
    EXPECT_EQ(cudaSuccess, cudaMalloc(&data, std::max<std::size_t>(1, size) * sizeof(T)));
    EXPECT_EQ(cudaSuccess, cudaMemset(data, 0, std::max<std::size_t>(1, size) * sizeof(T)));
  }
  ~DeviceVector() { cudaFree(data); }
  DeviceVector(const DeviceVector &) = delete;
  DeviceVector &operator=(const DeviceVector &) = delete;
  std::vector<T> read() const {
    std::vector<T> host(size);
    if (size != 0) {
      EXPECT_EQ(cudaSuccess,
                cudaMemcpy(host.data(), data, size * sizeof(T), cudaMemcpyDeviceToHost));
    }
    return host;
  }
};

// Launches `kernel(texture, coords, out, extra..., n)` over the coordinates
// and returns the outputs (cudaSuccess expected).
template <class Out, class Coord, class... Extra>
std::vector<Out> run(const char &kernel, unsigned long long texture,
                     const std::vector<Coord> &coords, Extra... extra) {
  DeviceVector<Coord> in(coords);
  DeviceVector<Out> out(coords.size());
  int n = static_cast<int>(coords.size());
  Coord *inPtr = in.data;
  Out *outPtr = out.data;
  void *args[] = {&texture, &inPtr, &outPtr, &extra..., &n};
  unsigned blocks = static_cast<unsigned>((coords.size() + 63) / 64);
  EXPECT_EQ(cudaSuccess,
            cudaLaunchKernel(&kernel, dim3(blocks ? blocks : 1), dim3(64), args, 0, nullptr));
  EXPECT_EQ(cudaSuccess, cudaDeviceSynchronize());
  return out.read();
}

// The status of launching `kernel` on `texture` (for launch-time errors).
inline cudaError_t launchStatus(const char &kernel, unsigned long long texture) {
  DeviceVector<float4> in(std::size_t(1));
  DeviceVector<float4> out(std::size_t(1));
  float4 *inPtr = in.data, *outPtr = out.data;
  unsigned dims = 1;
  int n = 1;
  void *args[] = {&texture, &inPtr, &outPtr, &dims, &n};
  return cudaLaunchKernel(&kernel, dim3(1), dim3(1), args, 0, nullptr);
}

inline cudaResourceDesc arrayResource(cudaArray_t array) {
  cudaResourceDesc res;
  std::memset(&res, 0, sizeof res);
  res.resType = cudaResourceTypeArray;
  res.res.array.array = array;
  return res;
}

inline cudaTextureDesc textureDesc(cudaTextureAddressMode mode, cudaTextureFilterMode filter,
                                   cudaTextureReadMode read, bool normalized) {
  cudaTextureDesc tex;
  std::memset(&tex, 0, sizeof tex);
  tex.addressMode[0] = tex.addressMode[1] = tex.addressMode[2] = mode;
  tex.filterMode = filter;
  tex.readMode = read;
  tex.normalizedCoords = normalized ? 1 : 0;
  return tex;
}

// Deterministic bytes (a 32-bit LCG).
inline std::vector<std::uint8_t> patternBytes(std::size_t n, std::uint32_t seed) {
  std::vector<std::uint8_t> bytes(n);
  std::uint32_t state = seed * 2654435761u + 12345u;
  for (std::size_t i = 0; i < n; ++i) {
    state = state * 1664525u + 1013904223u;
    bytes[i] = static_cast<std::uint8_t>(state >> 24);
  }
  return bytes;
}

} // namespace texture_kernels

#endif // CUCL_TESTS_RUNTIME_TEXTURE_TEST_SUPPORT_H
