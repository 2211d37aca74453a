// bench-translated: common CUDA kernel shapes, written as CUDA programmers
// write them (shared-memory tiles, blockDim-based indexing, __syncthreads,
// atomics, templates), run through cucl, against hand-written OpenCL C twins
// of the same algorithms (opencl/*.cl: same work-group sizes, same local
// memory, same work) on the same OpenCL device in the same run. Each pair is
// timed interleaved, best of N, wall clock around launch and synchronize
// (cudaDeviceSynchronize / clFinish). Prints per kernel the ratio OpenCL time
// / cucl time (above 1: cucl is faster) and their geometric mean, and beside
// it the median of each run's own ratio, steadier on a busy machine.
//
// A benchmark, not a timed test: both results are checked against a host
// reference, and only a wrong result makes the exit status non-zero.
//
// Usage: bench-translated [runs] [twin source directory] [kernel name filter]
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include <cuda_runtime.h>

#include "twin.h"

#ifndef TRANSLATED_TWIN_DIR
#define TRANSLATED_TWIN_DIR "bench/translated/opencl"
#endif

// ---------------------------------------------------------------- kernels

// 2-D stencil: one Jacobi step of a 5-point stencil; each block stages its
// tile plus a one-cell halo in shared memory. Boundary cells are copied.
template <int BX, int BY>
__global__ void jacobi2d(const float *in, float *out, int nx, int ny, float c0, float c1) {
  __shared__ float tile[BY + 2][BX + 2];
  int x = blockIdx.x * BX + threadIdx.x;
  int y = blockIdx.y * BY + threadIdx.y;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = x < nx && y < ny;
  if (inside) {
    tile[ty][tx] = in[y * nx + x];
    if (threadIdx.x == 0 && x > 0)
      tile[ty][0] = in[y * nx + x - 1];
    if (threadIdx.x == BX - 1 && x < nx - 1)
      tile[ty][BX + 1] = in[y * nx + x + 1];
    if (threadIdx.y == 0 && y > 0)
      tile[0][tx] = in[(y - 1) * nx + x];
    if (threadIdx.y == BY - 1 && y < ny - 1)
      tile[BY + 1][tx] = in[(y + 1) * nx + x];
  }
  __syncthreads();
  if (!inside)
    return;
  if (x == 0 || y == 0 || x == nx - 1 || y == ny - 1) {
    out[y * nx + x] = tile[ty][tx];
    return;
  }
  out[y * nx + x] = c0 * tile[ty][tx] + c1 * (tile[ty][tx - 1] + tile[ty][tx + 1] +
                                              tile[ty - 1][tx] + tile[ty + 1][tx]);
}

// 3-D stencil: a 7-point stencil; a 2-D block marches along z keeping the
// planes behind and in front in registers and the current plane in shared
// memory. Only interior cells are written.
template <int BX, int BY>
__global__ void stencil3d(const float *__restrict__ in, float *__restrict__ out, int nx, int ny,
                          int nz, float c0, float c1) {
  __shared__ float tile[BY + 2][BX + 2];
  int x = blockIdx.x * BX + threadIdx.x;
  int y = blockIdx.y * BY + threadIdx.y;
  int tx = threadIdx.x + 1, ty = threadIdx.y + 1;
  bool inside = x < nx && y < ny;
  bool interior = inside && x > 0 && y > 0 && x < nx - 1 && y < ny - 1;
  int plane = nx * ny;
  int idx = y * nx + x;
  float behind = 0.0f;
  float current = inside ? in[idx] : 0.0f;
  float infront = inside ? in[idx + plane] : 0.0f;
  for (int z = 1; z < nz - 1; ++z) {
    behind = current;
    current = infront;
    idx += plane;
    infront = inside ? in[idx + plane] : 0.0f;
    __syncthreads();
    if (inside) {
      tile[ty][tx] = current;
      if (threadIdx.x == 0 && x > 0)
        tile[ty][0] = in[idx - 1];
      if (threadIdx.x == BX - 1 && x < nx - 1)
        tile[ty][BX + 1] = in[idx + 1];
      if (threadIdx.y == 0 && y > 0)
        tile[0][tx] = in[idx - nx];
      if (threadIdx.y == BY - 1 && y < ny - 1)
        tile[BY + 1][tx] = in[idx + nx];
    }
    __syncthreads();
    if (interior)
      out[idx] = c0 * current + c1 * (behind + infront + tile[ty][tx - 1] + tile[ty][tx + 1] +
                                      tile[ty - 1][tx] + tile[ty + 1][tx]);
  }
}

// Tree reduction: each thread first adds two elements per grid stride, then
// the block halves its shared array until one partial sum is left.
template <unsigned BLOCK> __global__ void reduceSum(const float *in, float *partial, unsigned n) {
  __shared__ float sdata[BLOCK];
  unsigned tid = threadIdx.x;
  unsigned i = blockIdx.x * (BLOCK * 2) + tid;
  unsigned gridSize = BLOCK * 2 * gridDim.x;
  float sum = 0.0f;
  while (i < n) {
    sum += in[i];
    if (i + BLOCK < n)
      sum += in[i + BLOCK];
    i += gridSize;
  }
  sdata[tid] = sum;
  __syncthreads();
  for (unsigned s = BLOCK / 2; s > 0; s >>= 1) {
    if (tid < s)
      sdata[tid] += sdata[tid + s];
    __syncthreads();
  }
  if (tid == 0)
    partial[blockIdx.x] = sdata[0];
}

// Scan: work-efficient (up-sweep / down-sweep) exclusive scan of 2 * BLOCK
// elements per block; each block's total goes to blockSums, whose scan is
// added back by addBlockSums. in and out may be the same array.
template <int BLOCK> __global__ void scanBlocks(const int *in, int *out, int *blockSums, int n) {
  __shared__ int temp[2 * BLOCK];
  int tid = threadIdx.x;
  int base = blockIdx.x * 2 * BLOCK;
  temp[2 * tid] = base + 2 * tid < n ? in[base + 2 * tid] : 0;
  temp[2 * tid + 1] = base + 2 * tid + 1 < n ? in[base + 2 * tid + 1] : 0;
  int offset = 1;
  for (int d = BLOCK; d > 0; d >>= 1) {
    __syncthreads();
    if (tid < d) {
      int ai = offset * (2 * tid + 1) - 1;
      int bi = offset * (2 * tid + 2) - 1;
      temp[bi] += temp[ai];
    }
    offset *= 2;
  }
  if (tid == 0) {
    blockSums[blockIdx.x] = temp[2 * BLOCK - 1];
    temp[2 * BLOCK - 1] = 0;
  }
  for (int d = 1; d < 2 * BLOCK; d *= 2) {
    offset >>= 1;
    __syncthreads();
    if (tid < d) {
      int ai = offset * (2 * tid + 1) - 1;
      int bi = offset * (2 * tid + 2) - 1;
      int t = temp[ai];
      temp[ai] = temp[bi];
      temp[bi] += t;
    }
  }
  __syncthreads();
  if (base + 2 * tid < n)
    out[base + 2 * tid] = temp[2 * tid];
  if (base + 2 * tid + 1 < n)
    out[base + 2 * tid + 1] = temp[2 * tid + 1];
}

template <int BLOCK> __global__ void addBlockSums(int *out, const int *scannedSums, int n) {
  int base = blockIdx.x * 2 * BLOCK;
  int add = scannedSums[blockIdx.x];
  if (base + threadIdx.x < n)
    out[base + threadIdx.x] += add;
  if (base + BLOCK + threadIdx.x < n)
    out[base + BLOCK + threadIdx.x] += add;
}

// Transpose through a shared tile (padded against bank conflicts); blocks of
// TILE x ROWS threads each move a TILE x TILE tile.
template <int TILE, int ROWS>
__global__ void transpose(float *out, const float *in, int width, int height) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x;
  int y = blockIdx.y * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < width && y + j < height)
      tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * width + x];
  __syncthreads();
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < height && y + j < width)
      out[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];
}

// Histogram of bytes into 256 bins: per-block bins in shared memory with
// shared atomics, merged into the global bins with global atomics.
__global__ void histogram256(const unsigned char *data, int n, unsigned int *bins) {
  __shared__ unsigned int local[256];
  for (int i = threadIdx.x; i < 256; i += blockDim.x)
    local[i] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  __syncthreads();
  for (int i = threadIdx.x; i < 256; i += blockDim.x)
    atomicAdd(&bins[i], local[i]);
}

// CSR sparse matrix times vector, one thread per row (the scalar kernel).
__global__ void spmvCsrScalar(int rows, const int *rowPtr, const int *cols, const float *vals,
                              const float *x, float *y) {
  int row = blockIdx.x * blockDim.x + threadIdx.x;
  if (row < rows) {
    float dot = 0.0f;
    for (int j = rowPtr[row]; j < rowPtr[row + 1]; ++j)
      dot += vals[j] * x[cols[j]];
    y[row] = dot;
  }
}

// N-body: all-pairs gravitational accelerations; positions (xyz, mass w)
// pass through a shared tile one block-width at a time. n is a multiple of
// BLOCK.
__device__ float3 bodyBodyInteraction(float4 bi, float4 bj, float3 ai, float softening2) {
  float3 r;
  r.x = bj.x - bi.x;
  r.y = bj.y - bi.y;
  r.z = bj.z - bi.z;
  float distSqr = r.x * r.x + r.y * r.y + r.z * r.z + softening2;
  float invDist = rsqrtf(distSqr);
  float invDistCube = invDist * invDist * invDist;
  float s = bj.w * invDistCube;
  ai.x += r.x * s;
  ai.y += r.y * s;
  ai.z += r.z * s;
  return ai;
}

template <int BLOCK>
__global__ void nbodyForces(const float4 *pos, float4 *accel, int n, float softening2) {
  __shared__ float4 shPos[BLOCK];
  int i = blockIdx.x * BLOCK + threadIdx.x;
  float4 me = pos[i];
  float3 acc = make_float3(0.0f, 0.0f, 0.0f);
  for (int tileStart = 0; tileStart < n; tileStart += BLOCK) {
    shPos[threadIdx.x] = pos[tileStart + threadIdx.x];
    __syncthreads();
#pragma unroll 4
    for (int j = 0; j < BLOCK; ++j)
      acc = bodyBodyInteraction(me, shPos[j], acc, softening2);
    __syncthreads();
  }
  accel[i] = make_float4(acc.x, acc.y, acc.z, 0.0f);
}

// BFS frontier expansion: each thread takes one vertex of the frontier and
// claims its unvisited neighbours with atomicCAS on their level; a claimed
// vertex is appended to the next frontier.
__global__ void bfsExpand(const int *rowPtr, const int *adj, const int *frontier, int frontierSize,
                          int *levels, int *next, int *nextSize, int depth) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= frontierSize)
    return;
  int u = frontier[i];
  for (int e = rowPtr[u]; e < rowPtr[u + 1]; ++e) {
    int v = adj[e];
    if (levels[v] == -1 && atomicCAS(&levels[v], -1, depth + 1) == -1) {
      int slot = atomicAdd(nextSize, 1);
      next[slot] = v;
    }
  }
}

// A dense neural-network layer, y = act(x W + b) for a batch, with shared
// TILE x TILE tiles of x and W; the activation is the generalized logistic
// (Richards) function (1 + e^-z)^(-1/nu) with the fast intrinsics.
template <int TILE>
__global__ void denseLayer(const float *__restrict__ x, const float *__restrict__ w,
                           const float *__restrict__ bias, float *__restrict__ y, int batch,
                           int inputs, int outputs, float invNu) {
  __shared__ float xs[TILE][TILE];
  __shared__ float ws[TILE][TILE];
  int tx = threadIdx.x, ty = threadIdx.y;
  int row = blockIdx.y * TILE + ty;
  int col = blockIdx.x * TILE + tx;
  float acc = 0.0f;
  for (int k0 = 0; k0 < inputs; k0 += TILE) {
    xs[ty][tx] = row < batch && k0 + tx < inputs ? x[row * inputs + k0 + tx] : 0.0f;
    ws[ty][tx] = k0 + ty < inputs && col < outputs ? w[(k0 + ty) * outputs + col] : 0.0f;
    __syncthreads();
    for (int k = 0; k < TILE; ++k)
      acc += xs[ty][k] * ws[k][tx];
    __syncthreads();
  }
  if (row < batch && col < outputs) {
    float z = acc + bias[col];
    y[row * outputs + col] = __powf(1.0f + __expf(-z), -invNu);
  }
}

// ------------------------------------------------------------------ host

namespace {

void check(cudaError_t status, const char *what) {
  if (status != cudaSuccess) {
    std::fprintf(stderr, "%s: %s\n", what, cudaGetErrorString(status));
    std::exit(1);
  }
}

// A small deterministic generator, so every run measures the same data.
struct Random {
  uint64_t state;
  explicit Random(uint64_t seed) : state(seed * 0x9E3779B97F4A7C15ull + 1) {}
  uint32_t next() {
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return uint32_t(state >> 16);
  }
  float uniform() { return float(next() & 0xFFFFFF) / float(0x1000000); } // [0, 1)
};

template <typename T> T *deviceCopy(const std::vector<T> &host) {
  T *device = nullptr;
  check(cudaMalloc(&device, host.size() * sizeof(T)), "cudaMalloc");
  check(cudaMemcpy(device, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice),
        "cudaMemcpy");
  return device;
}

template <typename T> T *deviceAlloc(size_t count) {
  T *device = nullptr;
  check(cudaMalloc(&device, count * sizeof(T)), "cudaMalloc");
  return device;
}

template <typename T> std::vector<T> hostCopy(const T *device, size_t count) {
  std::vector<T> host(count);
  check(cudaMemcpy(host.data(), device, count * sizeof(T), cudaMemcpyDeviceToHost), "cudaMemcpy");
  return host;
}

// Largest |got - want| relative to max(|want|, floor); within `tolerance`?
bool matches(const std::vector<float> &got, const std::vector<float> &want, float tolerance,
             float floor, const char *what) {
  if (got.size() != want.size())
    return false;
  for (size_t i = 0; i < got.size(); ++i) {
    float scale = std::max(std::fabs(want[i]), floor);
    if (!(std::fabs(got[i] - want[i]) <= tolerance * scale)) {
      std::fprintf(stderr, "  %s: element %zu is %.8g, expected %.8g\n", what, i, got[i], want[i]);
      return false;
    }
  }
  return true;
}

// Both sides against the host reference and against each other.
bool bothMatch(const std::vector<float> &cucl, const std::vector<float> &opencl,
               const std::vector<float> &want, float tolerance, float floor) {
  bool cuclRight = matches(cucl, want, tolerance, floor, "cucl");
  bool openclRight = matches(opencl, want, tolerance, floor, "OpenCL");
  return cuclRight && openclRight && matches(opencl, cucl, tolerance, floor, "OpenCL vs cucl");
}

// Exact results: equal to the reference on both sides means equal to each other.
template <typename T>
bool same(const std::vector<T> &got, const std::vector<T> &want, const char *what) {
  for (size_t i = 0; i < want.size(); ++i)
    if (i >= got.size() || got[i] != want[i]) {
      std::fprintf(stderr, "  %s: element %zu differs\n", what, i);
      return false;
    }
  return true;
}

struct Row {
  std::string name;
  double cuclMs = 0, openclMs = 0;
  bool pass = true;
  int runs = 0;
  double spread = 0; // the larger median / best of the two sides: how noisy
  double paired = 0; // median over runs of OpenCL / cucl within one run
};

int gRuns = 7;

// Wall times of both sides, interleaved run by run so load from other
// processes hits both alike; each side runs once before as a warm-up
// (program builds, first touches). Short kernels get more runs (up to about
// kBudgetMs per side): on a shared machine the best of many short runs is
// what finds the quiet moments.
constexpr double kBudgetMs = 1000.0;

double median(std::vector<double> samples) {
  std::sort(samples.begin(), samples.end());
  return samples[samples.size() / 2];
}

void timePair(const std::function<void()> &cucl, const std::function<void()> &opencl, Row &row) {
  auto timeOne = [&](bool cuclNow) {
    auto start = std::chrono::steady_clock::now();
    if (cuclNow) {
      cucl();
      check(cudaDeviceSynchronize(), "run");
    } else {
      opencl();
      twin::finish();
    }
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    return elapsed.count();
  };
  double first = std::max(timeOne(true), timeOne(false));
  int runs = std::clamp(int(kBudgetMs / first), gRuns, 10 * gRuns);
  std::vector<double> cuclSamples, openclSamples;
  for (int run = 0; run < runs; ++run)
    for (int side = 0; side < 2; ++side) {
      // Alternate which side goes first, so neither always follows the other.
      bool cuclNow = (side == 0) == (run % 2 == 0);
      (cuclNow ? cuclSamples : openclSamples).push_back(timeOne(cuclNow));
    }
  row.runs = runs;
  row.cuclMs = *std::min_element(cuclSamples.begin(), cuclSamples.end());
  row.openclMs = *std::min_element(openclSamples.begin(), openclSamples.end());
  row.spread = std::max(median(cuclSamples) / row.cuclMs, median(openclSamples) / row.openclMs);
  // Both sides of one run saw about the same load, so their ratio is steadier
  // than the ratio of two best times when the machine is busy.
  std::vector<double> ratios;
  for (int run = 0; run < runs; ++run)
    ratios.push_back(openclSamples[run] / cuclSamples[run]);
  row.paired = median(ratios);
}

size_t blocks(size_t n, size_t block) {
  return (n + block - 1) / block;
}

// ---------------------------------------------------------------- cases

Row runJacobi2d() {
  const int nx = 2048, ny = 2048, bx = 16, by = 16;
  const float c0 = 0.5f, c1 = 0.125f;
  Random random(1);
  std::vector<float> in(size_t(nx) * ny);
  for (float &v : in)
    v = random.uniform();
  std::vector<float> want(in.size());
  for (int y = 0; y < ny; ++y)
    for (int x = 0; x < nx; ++x) {
      size_t i = size_t(y) * nx + x;
      want[i] = (x == 0 || y == 0 || x == nx - 1 || y == ny - 1)
                    ? in[i]
                    : c0 * in[i] + c1 * (in[i - 1] + in[i + 1] + in[i - nx] + in[i + nx]);
    }

  float *dIn = deviceCopy(in), *dOut = deviceAlloc<float>(in.size());
  dim3 block(bx, by), grid(blocks(nx, bx), blocks(ny, by));
  twin::Buffer cIn = twin::upload(in), cOut = twin::alloc(in.size() * sizeof(float));
  twin::Kernel k = twin::kernel("jacobi2d.cl", "jacobi2d");
  twin::setArgs(k, cIn, cOut, nx, ny, c0, c1);
  size_t global[2] = {grid.x * block.x, grid.y * block.y}, local[2] = {block.x, block.y};

  Row row{"2-D stencil (5-point, shared tile)"};
  timePair([&] { jacobi2d<16, 16><<<grid, block>>>(dIn, dOut, nx, ny, c0, c1); },
           [&] { twin::launch(k, 2, global, local); }, row);
  row.pass = bothMatch(hostCopy(dOut, in.size()), twin::download<float>(cOut, in.size()), want,
                       1e-6f, 1e-3f);
  cudaFree(dIn);
  cudaFree(dOut);
  twin::release(cIn);
  twin::release(cOut);
  return row;
}

Row runStencil3d() {
  const int nx = 256, ny = 256, nz = 64, bx = 32, by = 8;
  const float c0 = 0.4f, c1 = 0.1f;
  Random random(2);
  size_t count = size_t(nx) * ny * nz, plane = size_t(nx) * ny;
  std::vector<float> in(count);
  for (float &v : in)
    v = random.uniform();
  // Cells the kernel does not write keep the input (both outputs start as it).
  std::vector<float> want = in;
  for (int z = 1; z < nz - 1; ++z)
    for (int y = 1; y < ny - 1; ++y)
      for (int x = 1; x < nx - 1; ++x) {
        size_t i = z * plane + size_t(y) * nx + x;
        want[i] = c0 * in[i] + c1 * (in[i - plane] + in[i + plane] + in[i - 1] + in[i + 1] +
                                     in[i - nx] + in[i + nx]);
      }

  float *dIn = deviceCopy(in), *dOut = deviceCopy(in);
  dim3 block(bx, by), grid(blocks(nx, bx), blocks(ny, by));
  twin::Buffer cIn = twin::upload(in), cOut = twin::upload(in);
  twin::Kernel k = twin::kernel("stencil3d.cl", "stencil3d");
  twin::setArgs(k, cIn, cOut, nx, ny, nz, c0, c1);
  size_t global[2] = {grid.x * block.x, grid.y * block.y}, local[2] = {block.x, block.y};

  Row row{"3-D stencil (7-point, z-march)"};
  timePair([&] { stencil3d<32, 8><<<grid, block>>>(dIn, dOut, nx, ny, nz, c0, c1); },
           [&] { twin::launch(k, 2, global, local); }, row);
  row.pass =
      bothMatch(hostCopy(dOut, count), twin::download<float>(cOut, count), want, 1e-6f, 1e-3f);
  cudaFree(dIn);
  cudaFree(dOut);
  twin::release(cIn);
  twin::release(cOut);
  return row;
}

Row runReduction() {
  const unsigned n = 16u << 20, block = 256, grid = 1024;
  Random random(3);
  std::vector<float> in(n);
  double want = 0.0;
  for (float &v : in) {
    v = random.uniform();
    want += v;
  }

  float *dIn = deviceCopy(in), *dPartial = deviceAlloc<float>(grid), *dSum = deviceAlloc<float>(1);
  twin::Buffer cIn = twin::upload(in), cPartial = twin::alloc(grid * sizeof(float)),
               cSum = twin::alloc(sizeof(float));
  twin::Kernel k = twin::kernel("reduction.cl", "reduceSum");
  size_t global1 = size_t(grid) * block, global2 = block, local = block;

  Row row{"tree reduction (shared memory)"};
  timePair(
      [&] {
        reduceSum<256><<<grid, block>>>(dIn, dPartial, n);
        reduceSum<256><<<1, block>>>(dPartial, dSum, grid);
      },
      [&] {
        twin::setArgs(k, cIn, cPartial, n);
        twin::launch(k, 1, &global1, &local);
        twin::setArgs(k, cPartial, cSum, grid);
        twin::launch(k, 1, &global2, &local);
      },
      row);
  std::vector<float> wantSum{float(want)};
  row.pass = bothMatch(hostCopy(dSum, 1), twin::download<float>(cSum, 1), wantSum, 1e-5f, 1.0f);
  cudaFree(dIn);
  cudaFree(dPartial);
  cudaFree(dSum);
  twin::release(cIn);
  twin::release(cPartial);
  twin::release(cSum);
  return row;
}

Row runScan() {
  constexpr int kBlock = 256, kPerBlock = 2 * kBlock;
  const int n = 4 << 20;
  Random random(4);
  std::vector<int> in(n), want(n);
  int running = 0;
  for (int i = 0; i < n; ++i) {
    in[i] = int(random.next() % 8);
    want[i] = running;
    running += in[i];
  }
  // Level l scans sizes[l] elements; its block totals are level l + 1.
  std::vector<int> sizes{n};
  while (sizes.back() > kPerBlock)
    sizes.push_back(int(blocks(sizes.back(), kPerBlock)));
  sizes.push_back(1); // the last level's single total (not used)

  std::vector<int *> dLevel{deviceCopy(in)};
  std::vector<twin::Buffer> cLevel{twin::upload(in)};
  for (size_t l = 1; l < sizes.size(); ++l) {
    dLevel.push_back(deviceAlloc<int>(sizes[l]));
    cLevel.push_back(twin::alloc(sizes[l] * sizeof(int)));
  }
  int *dOut = deviceAlloc<int>(n);
  twin::Buffer cOut = twin::alloc(n * sizeof(int));
  twin::Kernel kScan = twin::kernel("scan.cl", "scanBlocks");
  twin::Kernel kAdd = twin::kernel("scan.cl", "addBlockSums");
  const size_t levels = sizes.size() - 1;

  Row row{"scan (work-efficient, 3 levels)"};
  timePair(
      [&] {
        for (size_t l = 0; l < levels; ++l)
          scanBlocks<kBlock><<<blocks(sizes[l], kPerBlock), kBlock>>>(
              dLevel[l], l == 0 ? dOut : dLevel[l], dLevel[l + 1], sizes[l]);
        for (size_t l = levels - 1; l-- > 0;)
          addBlockSums<kBlock><<<blocks(sizes[l], kPerBlock), kBlock>>>(l == 0 ? dOut : dLevel[l],
                                                                        dLevel[l + 1], sizes[l]);
      },
      [&] {
        size_t local = kBlock;
        for (size_t l = 0; l < levels; ++l) {
          size_t global = blocks(sizes[l], kPerBlock) * kBlock;
          twin::setArgs(kScan, cLevel[l], l == 0 ? cOut : cLevel[l], cLevel[l + 1], sizes[l]);
          twin::launch(kScan, 1, &global, &local);
        }
        for (size_t l = levels - 1; l-- > 0;) {
          size_t global = blocks(sizes[l], kPerBlock) * kBlock;
          twin::setArgs(kAdd, l == 0 ? cOut : cLevel[l], cLevel[l + 1], sizes[l]);
          twin::launch(kAdd, 1, &global, &local);
        }
      },
      row);
  row.pass =
      same(hostCopy(dOut, n), want, "cucl") && same(twin::download<int>(cOut, n), want, "OpenCL");
  for (size_t l = 0; l < sizes.size(); ++l) {
    cudaFree(dLevel[l]);
    twin::release(cLevel[l]);
  }
  cudaFree(dOut);
  twin::release(cOut);
  return row;
}

Row runTranspose() {
  const int width = 2048, height = 2048, tile = 32, rows = 8;
  Random random(5);
  std::vector<float> in(size_t(width) * height), want(in.size());
  for (float &v : in)
    v = random.uniform();
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x)
      want[size_t(x) * height + y] = in[size_t(y) * width + x];

  float *dIn = deviceCopy(in), *dOut = deviceAlloc<float>(in.size());
  dim3 block(tile, rows), grid(blocks(width, tile), blocks(height, tile));
  twin::Buffer cIn = twin::upload(in), cOut = twin::alloc(in.size() * sizeof(float));
  twin::Kernel k = twin::kernel("transpose.cl", "transpose");
  twin::setArgs(k, cOut, cIn, width, height);
  size_t global[2] = {grid.x * block.x, grid.y * block.y}, local[2] = {block.x, block.y};

  Row row{"transpose (shared tile 32x33)"};
  timePair([&] { transpose<32, 8><<<grid, block>>>(dOut, dIn, width, height); },
           [&] { twin::launch(k, 2, global, local); }, row);
  row.pass = same(hostCopy(dOut, in.size()), want, "cucl") &&
             same(twin::download<float>(cOut, in.size()), want, "OpenCL");
  cudaFree(dIn);
  cudaFree(dOut);
  twin::release(cIn);
  twin::release(cOut);
  return row;
}

Row runHistogram() {
  const int n = 32 << 20, block = 256, grid = 256;
  Random random(6);
  std::vector<unsigned char> data(n);
  std::vector<unsigned> want(256, 0);
  for (unsigned char &v : data) {
    // Skewed towards low bins, as image data is, so some bins are contended.
    uint32_t r = random.next();
    v = (unsigned char)((r & 0xFF) & ((r >> 8) & 0xFF));
    ++want[v];
  }

  unsigned char *dData = deviceCopy(data);
  unsigned *dBins = deviceAlloc<unsigned>(256);
  twin::Buffer cData = twin::upload(data), cBins = twin::alloc(256 * sizeof(unsigned));
  twin::Kernel k = twin::kernel("histogram.cl", "histogram256");
  twin::setArgs(k, cData, n, cBins);
  size_t global = size_t(grid) * block, local = block;

  Row row{"histogram (shared atomics, 256 bins)"};
  timePair(
      [&] {
        check(cudaMemset(dBins, 0, 256 * sizeof(unsigned)), "cudaMemset");
        histogram256<<<grid, block>>>(dData, n, dBins);
      },
      [&] {
        twin::fill(cBins, 0);
        twin::launch(k, 1, &global, &local);
      },
      row);
  row.pass = same(hostCopy(dBins, 256), want, "cucl") &&
             same(twin::download<unsigned>(cBins, 256), want, "OpenCL");
  cudaFree(dData);
  cudaFree(dBins);
  twin::release(cData);
  twin::release(cBins);
  return row;
}

Row runSpmv() {
  const int rows = 128 << 10, block = 128;
  Random random(7);
  std::vector<int> rowPtr{0}, cols;
  std::vector<float> vals, x(rows), want(rows);
  for (int r = 0; r < rows; ++r) {
    int count = 8 + int(random.next() % 49); // 8..56, 32 on average
    for (int j = 0; j < count; ++j) {
      // Mostly near the diagonal, some anywhere (a banded mesh with long links).
      int c = j % 4 == 0 ? int(random.next() % rows)
                         : std::clamp(r + int(random.next() % 2049) - 1024, 0, rows - 1);
      cols.push_back(c);
      vals.push_back(random.uniform() - 0.5f);
    }
    rowPtr.push_back(int(cols.size()));
  }
  for (float &v : x)
    v = random.uniform();
  for (int r = 0; r < rows; ++r) {
    float dot = 0.0f;
    for (int j = rowPtr[r]; j < rowPtr[r + 1]; ++j)
      dot += vals[j] * x[cols[j]];
    want[r] = dot;
  }

  int *dRowPtr = deviceCopy(rowPtr), *dCols = deviceCopy(cols);
  float *dVals = deviceCopy(vals), *dX = deviceCopy(x), *dY = deviceAlloc<float>(rows);
  twin::Buffer cRowPtr = twin::upload(rowPtr), cCols = twin::upload(cols),
               cVals = twin::upload(vals), cX = twin::upload(x),
               cY = twin::alloc(rows * sizeof(float));
  twin::Kernel k = twin::kernel("spmv.cl", "spmvCsrScalar");
  twin::setArgs(k, rows, cRowPtr, cCols, cVals, cX, cY);
  size_t global = blocks(rows, block) * block, local = block;

  Row row{"CSR SpMV (scalar, row per thread)"};
  timePair(
      [&] { spmvCsrScalar<<<blocks(rows, block), block>>>(rows, dRowPtr, dCols, dVals, dX, dY); },
      [&] { twin::launch(k, 1, &global, &local); }, row);
  row.pass = bothMatch(hostCopy(dY, rows), twin::download<float>(cY, rows), want, 1e-4f, 1.0f);
  cudaFree(dRowPtr);
  cudaFree(dCols);
  cudaFree(dVals);
  cudaFree(dX);
  cudaFree(dY);
  for (twin::Buffer *b : {&cRowPtr, &cCols, &cVals, &cX, &cY})
    twin::release(*b);
  return row;
}

Row runNbody() {
  constexpr int kBlock = 256;
  const int n = 4096;
  const float softening2 = 0.01f;
  Random random(8);
  std::vector<float4> pos(n);
  for (float4 &p : pos)
    p = make_float4(random.uniform() * 2 - 1, random.uniform() * 2 - 1, random.uniform() * 2 - 1,
                    0.5f + random.uniform());
  std::vector<float> want(size_t(n) * 4, 0.0f);
  for (int i = 0; i < n; ++i) {
    double a[3] = {0, 0, 0};
    for (int j = 0; j < n; ++j) {
      double r[3] = {pos[j].x - pos[i].x, pos[j].y - pos[i].y, pos[j].z - pos[i].z};
      double d2 = r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + softening2;
      double s = pos[j].w / (d2 * std::sqrt(d2));
      for (int c = 0; c < 3; ++c)
        a[c] += r[c] * s;
    }
    for (int c = 0; c < 3; ++c)
      want[size_t(i) * 4 + c] = float(a[c]);
  }

  float4 *dPos = deviceCopy(pos), *dAcc = deviceAlloc<float4>(n);
  twin::Buffer cPos = twin::upload(pos), cAcc = twin::alloc(n * sizeof(float4));
  twin::Kernel k = twin::kernel("nbody.cl", "nbodyForces");
  twin::setArgs(k, cPos, cAcc, n, softening2);
  size_t global = n, local = kBlock;

  Row row{"n-body (float4, shared tile, rsqrtf)"};
  timePair([&] { nbodyForces<kBlock><<<n / kBlock, kBlock>>>(dPos, dAcc, n, softening2); },
           [&] { twin::launch(k, 1, &global, &local); }, row);
  std::vector<float4> got = hostCopy(dAcc, n);
  std::vector<float> gotCucl(size_t(n) * 4), gotOpenCL(size_t(n) * 4);
  twin::read(cAcc, gotOpenCL.data(), gotOpenCL.size() * sizeof(float));
  for (int i = 0; i < n; ++i) {
    float v[4] = {got[i].x, got[i].y, got[i].z, got[i].w};
    std::copy(v, v + 4, gotCucl.begin() + size_t(i) * 4);
  }
  // rsqrt is approximate (2 ulp in OpenCL), so the sums carry some error.
  row.pass = bothMatch(gotCucl, gotOpenCL, want, 1e-3f, 1.0f);
  cudaFree(dPos);
  cudaFree(dAcc);
  twin::release(cPos);
  twin::release(cAcc);
  return row;
}

Row runBfs() {
  const int vertices = 256 << 10, block = 256;
  Random random(9);
  std::vector<int> rowPtr{0}, adj;
  for (int u = 0; u < vertices; ++u) {
    int degree = 2 + int(random.next() % 13); // 2..14, 8 on average
    for (int j = 0; j < degree; ++j)
      adj.push_back(int(random.next() % vertices));
    rowPtr.push_back(int(adj.size()));
  }
  // Host reference: level of every vertex from vertex 0, -1 when unreachable.
  std::vector<int> want(vertices, -1), queue{0};
  want[0] = 0;
  for (size_t head = 0; head < queue.size(); ++head) {
    int u = queue[head];
    for (int e = rowPtr[u]; e < rowPtr[u + 1]; ++e)
      if (want[adj[e]] == -1) {
        want[adj[e]] = want[u] + 1;
        queue.push_back(adj[e]);
      }
  }
  const int zero = 0;

  int *dRowPtr = deviceCopy(rowPtr), *dAdj = deviceCopy(adj);
  int *dLevels = deviceAlloc<int>(vertices),
      *dQueue[2] = {deviceAlloc<int>(vertices), deviceAlloc<int>(vertices)};
  int *dNextSize = deviceAlloc<int>(1);
  twin::Buffer cRowPtr = twin::upload(rowPtr), cAdj = twin::upload(adj),
               cLevels = twin::alloc(vertices * sizeof(int)),
               cQueue[2] = {twin::alloc(vertices * sizeof(int)),
                            twin::alloc(vertices * sizeof(int))},
               cNextSize = twin::alloc(sizeof(int));
  twin::Kernel k = twin::kernel("bfs.cl", "bfsExpand");

  // The whole search, as a program runs it: reset, then one launch per
  // level and a read of the next frontier's size.
  Row row{"BFS frontier expansion (atomics)"};
  timePair(
      [&] {
        check(cudaMemset(dLevels, 0xFF, vertices * sizeof(int)), "cudaMemset");
        check(cudaMemcpy(dLevels, &zero, sizeof(int), cudaMemcpyHostToDevice), "cudaMemcpy");
        check(cudaMemcpy(dQueue[0], &zero, sizeof(int), cudaMemcpyHostToDevice), "cudaMemcpy");
        int size = 1;
        for (int depth = 0; size > 0; ++depth) {
          check(cudaMemset(dNextSize, 0, sizeof(int)), "cudaMemset");
          bfsExpand<<<blocks(size, block), block>>>(dRowPtr, dAdj, dQueue[depth % 2], size, dLevels,
                                                    dQueue[(depth + 1) % 2], dNextSize, depth);
          check(cudaMemcpy(&size, dNextSize, sizeof(int), cudaMemcpyDeviceToHost), "cudaMemcpy");
        }
      },
      [&] {
        twin::fill(cLevels, -1);
        twin::write(cLevels, &zero, sizeof(int));
        twin::write(cQueue[0], &zero, sizeof(int));
        int size = 1;
        for (int depth = 0; size > 0; ++depth) {
          twin::fill(cNextSize, 0);
          twin::setArgs(k, cRowPtr, cAdj, cQueue[depth % 2], size, cLevels, cQueue[(depth + 1) % 2],
                        cNextSize, depth);
          size_t global = blocks(size, block) * block, local = block;
          twin::launch(k, 1, &global, &local);
          twin::read(cNextSize, &size, sizeof(int));
        }
      },
      row);
  row.pass = same(hostCopy(dLevels, vertices), want, "cucl") &&
             same(twin::download<int>(cLevels, vertices), want, "OpenCL");
  cudaFree(dRowPtr);
  cudaFree(dAdj);
  cudaFree(dLevels);
  cudaFree(dQueue[0]);
  cudaFree(dQueue[1]);
  cudaFree(dNextSize);
  for (twin::Buffer *b : {&cRowPtr, &cAdj, &cLevels, &cQueue[0], &cQueue[1], &cNextSize})
    twin::release(*b);
  return row;
}

Row runDenseLayer() {
  constexpr int kTile = 16;
  const int batch = 1024, inputs = 256, outputs = 256;
  const float invNu = 1.0f / 1.5f;
  Random random(10);
  std::vector<float> x(size_t(batch) * inputs), w(size_t(inputs) * outputs), bias(outputs);
  for (float &v : x)
    v = random.uniform() * 2 - 1;
  for (float &v : w)
    v = (random.uniform() * 2 - 1) * 0.125f;
  for (float &v : bias)
    v = random.uniform() - 0.5f;
  std::vector<float> want(size_t(batch) * outputs);
  for (int r = 0; r < batch; ++r)
    for (int c = 0; c < outputs; ++c) {
      double z = bias[c];
      for (int k = 0; k < inputs; ++k)
        z += double(x[size_t(r) * inputs + k]) * w[size_t(k) * outputs + c];
      want[size_t(r) * outputs + c] = float(std::pow(1.0 + std::exp(-z), -double(invNu)));
    }

  float *dX = deviceCopy(x), *dW = deviceCopy(w), *dBias = deviceCopy(bias),
        *dY = deviceAlloc<float>(want.size());
  twin::Buffer cX = twin::upload(x), cW = twin::upload(w), cBias = twin::upload(bias),
               cY = twin::alloc(want.size() * sizeof(float));
  twin::Kernel k = twin::kernel("dense_layer.cl", "denseLayer");
  twin::setArgs(k, cX, cW, cBias, cY, batch, inputs, outputs, invNu);
  dim3 block(kTile, kTile), grid(blocks(outputs, kTile), blocks(batch, kTile));
  size_t global[2] = {grid.x * block.x, grid.y * block.y}, local[2] = {block.x, block.y};

  Row row{"NN layer (tiled x*W, __expf/__powf)"};
  timePair(
      [&] { denseLayer<kTile><<<grid, block>>>(dX, dW, dBias, dY, batch, inputs, outputs, invNu); },
      [&] { twin::launch(k, 2, global, local); }, row);
  // __expf and __powf are fast approximations: a few ulp, relative.
  row.pass = bothMatch(hostCopy(dY, want.size()), twin::download<float>(cY, want.size()), want,
                       1e-4f, 1e-3f);
  cudaFree(dX);
  cudaFree(dW);
  cudaFree(dBias);
  cudaFree(dY);
  for (twin::Buffer *b : {&cX, &cW, &cBias, &cY})
    twin::release(*b);
  return row;
}

} // namespace

int main(int argc, char **argv) {
  if (argc > 1)
    gRuns = std::max(1, std::atoi(argv[1]));
  const char *twinDir = argc > 2 ? argv[2] : TRANSLATED_TWIN_DIR;
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties");
  std::printf("cucl: %s\n", prop.name);
  twin::open(prop.name, twinDir);

  // Each case with the start of its row name, for the filter.
  const std::pair<const char *, Row (*)()> cases[] = {{"2-D stencil", runJacobi2d},
                                                      {"3-D stencil", runStencil3d},
                                                      {"tree reduction", runReduction},
                                                      {"scan", runScan},
                                                      {"transpose", runTranspose},
                                                      {"histogram", runHistogram},
                                                      {"CSR SpMV", runSpmv},
                                                      {"n-body", runNbody},
                                                      {"BFS", runBfs},
                                                      {"NN layer", runDenseLayer}};
  const char *filter = argc > 3 ? argv[3] : "";
  std::printf("%-38s %10s %10s %8s %5s %7s %7s  %s\n", "kernel", "cucl ms", "OpenCL ms", "ratio",
              "runs", "spread", "paired", "check");
  double logSum = 0.0, pairedLogSum = 0.0;
  bool allPass = true;
  int count = 0;
  for (const auto &entry : cases) {
    if (std::string(entry.first).find(filter) == std::string::npos)
      continue;
    Row row = entry.second();
    ++count;
    double ratio = row.openclMs / row.cuclMs;
    logSum += std::log(ratio);
    allPass = allPass && row.pass;
    pairedLogSum += std::log(row.paired);
    std::printf("%-38s %10.2f %10.2f %7.2fx %5d %6.2fx %6.2fx  %s\n", row.name.c_str(), row.cuclMs,
                row.openclMs, ratio, row.runs, row.spread, row.paired, row.pass ? "PASS" : "FAIL");
    std::fflush(stdout);
  }
  std::printf("%-38s %10s %10s %7.2fx %5s %7s %6.2fx\n", "geometric mean", "", "",
              std::exp(logSum / std::max(count, 1)), "", "",
              std::exp(pairedLogSum / std::max(count, 1)));
  std::printf("(best of `runs` interleaved runs; ratio = OpenCL ms / cucl ms, above 1: cucl "
              "faster;\n spread = median / best of the noisier side; paired = median of the runs' "
              "own ratios)\n");
  twin::close();
  return allPass ? 0 : 1;
}
