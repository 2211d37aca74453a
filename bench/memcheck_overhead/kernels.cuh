// Eight kernels modelled on samples/ (vectorAdd, saxpy, transpose, matrixMul,
// reduction, histogram, jacobi, nbody) and a host runner that times each. It
// is included twice, by plain.cu and by checked.cu, each naming the namespace
// in MEMCHECK_NS, so one binary holds both translations and compares them in
// the same run.
#ifndef MEMCHECK_NS
#error "define MEMCHECK_NS (the namespace of this build of the kernels) first"
#endif

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include "memcheck_overhead.h"

namespace MEMCHECK_NS {

constexpr int kBlock = 256;
constexpr int kTile = 16; // transpose, matrixMul and jacobi blocks are kTile x kTile
constexpr int kBins = 256;

__global__ void vectorAdd(const float *a, const float *b, float *c, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    c[i] = a[i] + b[i];
}

__global__ void saxpy(float alpha, const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    y[i] = alpha * x[i] + y[i];
}

// The padded tile (kTile + 1 columns) keeps the column reads off one bank on
// a GPU; here it only makes the __shared__ index arithmetic less trivial.
__global__ void transpose(const float *in, float *out, int width, int height) {
  __shared__ float tile[kTile][kTile + 1];
  int x = blockIdx.x * kTile + threadIdx.x, y = blockIdx.y * kTile + threadIdx.y;
  if (x < width && y < height)
    tile[threadIdx.y][threadIdx.x] = in[y * width + x];
  __syncthreads();
  x = blockIdx.y * kTile + threadIdx.x;
  y = blockIdx.x * kTile + threadIdx.y;
  if (x < height && y < width)
    out[y * height + x] = tile[threadIdx.x][threadIdx.y];
}

// C = A * B for square n x n matrices, n a multiple of kTile.
__global__ void matrixMul(const float *a, const float *b, float *c, int n) {
  __shared__ float as[kTile][kTile];
  __shared__ float bs[kTile][kTile];
  int row = blockIdx.y * kTile + threadIdx.y, col = blockIdx.x * kTile + threadIdx.x;
  float sum = 0.0f;
  for (int t = 0; t < n; t += kTile) {
    as[threadIdx.y][threadIdx.x] = a[row * n + t + threadIdx.x];
    bs[threadIdx.y][threadIdx.x] = b[(t + threadIdx.y) * n + col];
    __syncthreads();
    for (int k = 0; k < kTile; ++k)
      sum += as[threadIdx.y][k] * bs[k][threadIdx.x];
    __syncthreads();
  }
  c[row * n + col] = sum;
}

// One partial sum per block, tree-reduced in shared memory.
__global__ void reduceSum(const float *in, float *partial, int n) {
  __shared__ float sums[kBlock];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sums[threadIdx.x] = sum;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      sums[threadIdx.x] += sums[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    partial[blockIdx.x] = sums[0];
}

// Straight into the global bins (no shared privatisation), so every element
// is a checked global atomic.
__global__ void histogram(const unsigned char *data, unsigned int *bins, int n) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&bins[data[i]], 1u);
}

// One Jacobi sweep of the 5-point stencil over an nx x ny grid, through a
// __shared__ tile with a one-cell halo clamped at the grid's edge.
__global__ void jacobi(const float *in, float *out, int nx, int ny) {
  constexpr int kHalo = kTile + 2;
  __shared__ float tile[kHalo * kHalo];
  for (int idx = threadIdx.y * kTile + threadIdx.x; idx < kHalo * kHalo; idx += kTile * kTile) {
    int gx = min(max(int(blockIdx.x * kTile) + idx % kHalo - 1, 0), nx - 1);
    int gy = min(max(int(blockIdx.y * kTile) + idx / kHalo - 1, 0), ny - 1);
    tile[idx] = in[gy * nx + gx];
  }
  __syncthreads();
  int x = blockIdx.x * kTile + threadIdx.x, y = blockIdx.y * kTile + threadIdx.y;
  if (x >= nx || y >= ny)
    return;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool boundary = x == 0 || y == 0 || x == nx - 1 || y == ny - 1;
  out[y * nx + x] = boundary ? in[y * nx + x]
                             : 0.25f * (tile[ty * kHalo + tx - 1] + tile[ty * kHalo + tx + 1] +
                                        tile[(ty - 1) * kHalo + tx] + tile[(ty + 1) * kHalo + tx]);
}

// Bodies as an array of structs (member accesses are checked as parts of the
// struct's allocation), accelerations as float4; all-pairs through a tile.
struct Body {
  float x, y, z, mass;
};

__global__ void nbody(const Body *bodies, float4 *accel, int n) {
  __shared__ Body tile[kBlock];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  Body self = bodies[min(i, n - 1)];
  float ax = 0.0f, ay = 0.0f, az = 0.0f;
  for (int start = 0; start < n; start += kBlock) {
    int j = start + threadIdx.x;
    tile[threadIdx.x].x = j < n ? bodies[j].x : 0.0f;
    tile[threadIdx.x].y = j < n ? bodies[j].y : 0.0f;
    tile[threadIdx.x].z = j < n ? bodies[j].z : 0.0f;
    tile[threadIdx.x].mass = j < n ? bodies[j].mass : 0.0f; // mass 0: no force
    __syncthreads();
    for (int k = 0; k < kBlock; ++k) {
      float dx = tile[k].x - self.x, dy = tile[k].y - self.y, dz = tile[k].z - self.z;
      float inv = rsqrtf(dx * dx + dy * dy + dz * dz + 0.01f);
      float s = tile[k].mass * inv * inv * inv;
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    __syncthreads();
  }
  if (i < n)
    accel[i] = make_float4(ax, ay, az, 0.0f);
}

static void check(cudaError_t status, const char *what) {
  if (status != cudaSuccess) {
    std::fprintf(stderr, "%s: %s\n", what, cudaGetErrorString(status));
    std::exit(1);
  }
}

template <typename T> static T *deviceCopy(const std::vector<T> &host) {
  T *device = nullptr;
  check(cudaMalloc(&device, host.size() * sizeof(T)), "cudaMalloc");
  check(cudaMemcpy(device, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice),
        "cudaMemcpy to device");
  return device;
}

template <typename T> static std::vector<double> hostCopy(const T *device, size_t count) {
  std::vector<T> host(count);
  check(cudaMemcpy(host.data(), device, count * sizeof(T), cudaMemcpyDeviceToHost),
        "cudaMemcpy to host");
  return std::vector<double>(host.begin(), host.end());
}

// Best cudaEvent time of `repetitions` launches after one warm-up launch (which
// builds the OpenCL program and so is not timed). `reset` restores the inputs a
// launch changes (saxpy's y, the histogram's bins) outside the timed region, so
// every launch computes the same result.
template <typename Launch, typename Reset>
static double bestMs(int repetitions, Launch launch, Reset reset) {
  cudaEvent_t start, stop;
  check(cudaEventCreate(&start), "cudaEventCreate");
  check(cudaEventCreate(&stop), "cudaEventCreate");
  double best = 1e30;
  for (int r = -1; r < repetitions; ++r) {
    reset();
    check(cudaEventRecord(start), "cudaEventRecord");
    launch();
    check(cudaGetLastError(), "launch");
    check(cudaEventRecord(stop), "cudaEventRecord");
    check(cudaEventSynchronize(stop), "kernel");
    float ms = 0.0f;
    check(cudaEventElapsedTime(&ms, start, stop), "cudaEventElapsedTime");
    if (r >= 0)
      best = std::min(best, double(ms));
  }
  cudaEventDestroy(start);
  cudaEventDestroy(stop);
  return best;
}

std::vector<KernelRun> runAll(int repetitions) {
  std::vector<KernelRun> runs;
  auto none = [] {};
  // Inputs are a fixed function of the index, the same in both builds.
  auto ramp = [](size_t n, int period, float scale) {
    std::vector<float> v(n);
    for (size_t i = 0; i < n; ++i)
      v[i] = float(int(i % period) - period / 2) * scale;
    return v;
  };

  { // vectorAdd and saxpy: 4M elements, one per thread (48 MB, past the caches)
    const int n = 1 << 22;
    float *a = deviceCopy(ramp(n, 17, 0.25f)), *b = deviceCopy(ramp(n, 13, 0.5f));
    float *c = nullptr;
    check(cudaMalloc(&c, n * sizeof(float)), "cudaMalloc");
    int blocks = (n + kBlock - 1) / kBlock;
    double ms = bestMs(
        repetitions, [&] { vectorAdd<<<blocks, kBlock>>>(a, b, c, n); }, none);
    runs.push_back({"vectorAdd", ms, hostCopy(c, n)});
    ms = bestMs(
        repetitions, [&] { saxpy<<<blocks, kBlock>>>(1.5f, a, c, n); },
        [&] { check(cudaMemcpy(c, b, n * sizeof(float), cudaMemcpyDeviceToDevice), "reset"); });
    runs.push_back({"saxpy", ms, hostCopy(c, n)});
    cudaFree(a);
    cudaFree(b);
    cudaFree(c);
  }
  { // transpose: 2048 x 1024, not square so a swapped index would show
    const int width = 2048, height = 1024;
    float *in = deviceCopy(ramp(size_t(width) * height, 1001, 1.0f)), *out = nullptr;
    check(cudaMalloc(&out, size_t(width) * height * sizeof(float)), "cudaMalloc");
    dim3 grid(width / kTile, height / kTile), block(kTile, kTile);
    double ms = bestMs(
        repetitions, [&] { transpose<<<grid, block>>>(in, out, width, height); }, none);
    runs.push_back({"transpose", ms, hostCopy(out, size_t(width) * height)});
    cudaFree(in);
    cudaFree(out);
  }
  { // matrixMul: 256 x 256
    const int n = 256;
    float *a = deviceCopy(ramp(n * n, 7, 0.125f)), *b = deviceCopy(ramp(n * n, 11, 0.25f));
    float *c = nullptr;
    check(cudaMalloc(&c, n * n * sizeof(float)), "cudaMalloc");
    dim3 grid(n / kTile, n / kTile), block(kTile, kTile);
    double ms = bestMs(
        repetitions, [&] { matrixMul<<<grid, block>>>(a, b, c, n); }, none);
    runs.push_back({"matrixMul", ms, hostCopy(c, n * n)});
    cudaFree(a);
    cudaFree(b);
    cudaFree(c);
  }
  { // reduceSum: 4M elements over 256 blocks (64 per thread)
    const int n = 1 << 22, blocks = 256;
    float *in = deviceCopy(ramp(n, 9, 0.5f)), *partial = nullptr;
    check(cudaMalloc(&partial, blocks * sizeof(float)), "cudaMalloc");
    double ms = bestMs(
        repetitions, [&] { reduceSum<<<blocks, kBlock>>>(in, partial, n); }, none);
    runs.push_back({"reduceSum", ms, hostCopy(partial, blocks)});
    cudaFree(in);
    cudaFree(partial);
  }
  { // histogram: 4M bytes into 256 global bins
    const int n = 1 << 22, blocks = 256;
    std::vector<unsigned char> data(n);
    for (int i = 0; i < n; ++i)
      data[i] = (unsigned char)((i * 2654435761u) >> 24);
    unsigned char *d = deviceCopy(data);
    unsigned int *bins = nullptr;
    check(cudaMalloc(&bins, kBins * sizeof(unsigned int)), "cudaMalloc");
    double ms = bestMs(
        repetitions, [&] { histogram<<<blocks, kBlock>>>(d, bins, n); },
        [&] { check(cudaMemset(bins, 0, kBins * sizeof(unsigned int)), "reset"); });
    runs.push_back({"histogram", ms, hostCopy(bins, kBins)});
    cudaFree(d);
    cudaFree(bins);
  }
  { // jacobi: one sweep of 1000 x 1024, with partial blocks at the right edge
    const int nx = 1000, ny = 1024;
    float *in = deviceCopy(ramp(size_t(nx) * ny, 31, 0.1f)), *out = nullptr;
    check(cudaMalloc(&out, size_t(nx) * ny * sizeof(float)), "cudaMalloc");
    dim3 grid((nx + kTile - 1) / kTile, (ny + kTile - 1) / kTile), block(kTile, kTile);
    double ms = bestMs(
        repetitions, [&] { jacobi<<<grid, block>>>(in, out, nx, ny); }, none);
    runs.push_back({"jacobi", ms, hostCopy(out, size_t(nx) * ny)});
    cudaFree(in);
    cudaFree(out);
  }
  { // nbody: 2000 bodies (not a multiple of the tile), all pairs
    const int n = 2000;
    std::vector<Body> bodies(n);
    for (int i = 0; i < n; ++i)
      bodies[i] = {float(i % 37) - 18.0f, float(i % 23) - 11.0f, float(i % 11) - 5.0f,
                   1.0f + float(i % 3)};
    Body *d = deviceCopy(bodies);
    float4 *accel = nullptr;
    check(cudaMalloc(&accel, n * sizeof(float4)), "cudaMalloc");
    int blocks = (n + kBlock - 1) / kBlock;
    double ms = bestMs(
        repetitions, [&] { nbody<<<blocks, kBlock>>>(d, accel, n); }, none);
    std::vector<float4> host(n);
    check(cudaMemcpy(host.data(), accel, n * sizeof(float4), cudaMemcpyDeviceToHost),
          "cudaMemcpy to host");
    std::vector<double> result;
    for (const float4 &a : host)
      result.insert(result.end(), {a.x, a.y, a.z, a.w});
    runs.push_back({"nbody", ms, result});
    cudaFree(d);
    cudaFree(accel);
  }
  return runs;
}

} // namespace MEMCHECK_NS
