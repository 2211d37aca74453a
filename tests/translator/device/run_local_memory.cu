// Local arrays too large for private memory (docs/design.md, "Local
// memory"): each kernel with one also gets a variant holding them in scratch
// memory, which the runtime launches where the device cannot hold them
// privately (forced here with CUCL_LOCAL_ARRAYS=scratch; chosen by itself
// under an address-space limit, where PoCL's worker stacks stay at 8 MiB, far
// too small for a work-group's 16 MiB of arrays). Every case checks every
// thread's result, in both variants. The grids have more blocks than the pool
// has slots, so blocks take turns; each kernel runs several times on one
// stream, so slots must come free.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// RUN: env CUCL_LOCAL_ARRAYS=scratch CUCL_VERBOSE=1 %t 2>&1 | FileCheck %s --check-prefixes=CHECK,SCRATCH
// RUN: sh -c 'ulimit -v 8000000 && env -u CUCL_LOCAL_ARRAYS CUCL_VERBOSE=1 %t' 2>&1 | FileCheck %s --check-prefixes=CHECK,LIMITED
// RUN: sh -c 'ulimit -v 6000000 && %t out-of-memory' | FileCheck %s --check-prefix=OOM
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s --check-prefix=EMIT < %t.cl
//
// SCRATCH: kernel large: local arrays in scratch memory (16384 bytes per thread)
// LIMITED: kernel large: local arrays in scratch memory (16384 bytes per thread)
// CHECK: large: correct
// SCRATCH: kernel nested: local arrays in scratch memory (8192 bytes per thread)
// CHECK: nested: correct
// CHECK: two-d: correct
// CHECK: zeroed: correct
// CHECK: early return: correct
// CHECK: template: correct
// SCRATCH: kernel lanes: local arrays in scratch memory (2432 bytes per warp)
// CHECK: lanes: correct
// SCRATCH: kernel warpArrays: local arrays in scratch memory (210304 bytes per warp)
// CHECK: warp arrays: correct
// CHECK: by reference: correct
// SCRATCH-NOT: kernel mixed: local arrays in scratch memory
// CHECK: mixed pointer: correct
// CHECK: small stays private: correct
//
// When the device's memory cannot hold the frames of even one block, the
// launch fails with cudaErrorMemoryAllocation (as cuLaunchKernel does when it
// cannot grow CUDA's local memory) and the next launch that fits runs.
// OOM: memory taken: yes
// OOM-NEXT: launch: cudaErrorMemoryAllocation
// OOM-NEXT: next call: cudaSuccess
// OOM-NEXT: after freeing: cudaSuccess, correct

#include <cstdio>
#include <cstring>
#include <cuda_runtime.h>

#define CHECK_CUDA(call)                                                                           \
  do {                                                                                             \
    cudaError_t err_ = (call);                                                                     \
    if (err_ != cudaSuccess) {                                                                     \
      std::printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(err_));                   \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

// 16 KiB per thread, 1,024 threads per block (CUDA allows 512 KiB per thread).
// EMIT-LABEL: __kernel void large(__global int *out__base, ulong out__off) {
// EMIT: int buf[4096];
// EMIT-LABEL: __kernel void large__scratch(
// EMIT-SAME: __global uint *cucl_scratch_pool, uint cucl_scratch_slots)
// EMIT: __local uint cucl_scratch_slot;
// EMIT: barrier(CLK_LOCAL_MEM_FENCE);
// EMIT: cucl_scratch_frame(cucl_scratch_pool, cucl_scratch_slots, cucl_scratch_slot, 16384ul);
// EMIT: __global int *buf = (__global int *)(cucl_scratch + 0ul);
// EMIT: cucl_scratch_leave(cucl_scratch_pool, cucl_scratch_slot);
// EMIT-NEXT: }
__global__ void large(int *out) {
  int buf[4096];
  for (int i = 0; i < 4096; ++i)
    buf[i] = i ^ (threadIdx.x + blockIdx.x);
  int k = (threadIdx.x * 7) % 4096;
  out[blockIdx.x * blockDim.x + threadIdx.x] = buf[k] + buf[4095 - k];
}

// A device function's own array follows its caller's, and a pointer into
// the caller's array reaches it as a __global pointer.
// EMIT-LABEL: int window_sum__g_scratch(__global const int *values, int n, __global uchar *cucl_scratch)
// EMIT: __global int *prefix = (__global int *)(cucl_scratch + 0ul);
__device__ int window_sum(const int *values, int n) {
  int prefix[1024];
  prefix[0] = values[0];
  for (int i = 1; i < n; ++i)
    prefix[i] = prefix[i - 1] + values[i];
  return prefix[n - 1] - prefix[n / 2];
}

// EMIT-LABEL: __kernel void nested__scratch(
// EMIT: __global int *values = (__global int *)(cucl_scratch + 0ul);
// EMIT: window_sum__g_scratch(values, 1024, cucl_scratch + 4096ul)
__global__ void nested(int *out) {
  int values[1024];
  for (int i = 0; i < 1024; ++i)
    values[i] = (i * 3 + threadIdx.x) % 17;
  int sum = window_sum(values, 1024);
  // The callee's frame must not have overwritten the caller's array.
  int check = 0;
  for (int i = 0; i < 1024; ++i)
    check += values[i] == (i * 3 + threadIdx.x) % 17;
  out[blockIdx.x * blockDim.x + threadIdx.x] = check == 1024 ? sum : -1;
}

// Two dimensions, sizeof and the address of the whole array.
// EMIT-LABEL: void fill_rows
// EMIT: __global float (*tile)[33] = (__global float (*)[33])(cucl_scratch + 0ul);
__device__ void fill_rows(float (*rows)[33], int count, float base) {
  for (int r = 0; r < count; ++r)
    for (int c = 0; c < 33; ++c)
      rows[r][c] = base + r * 33 + c;
}

__global__ void twoD(float *out) {
  float tile[32][33];
  fill_rows(tile, 32, threadIdx.x);
  float(*whole)[32][33] = &tile;
  float total = 0.0f;
  for (int r = 0; r < 32; ++r)
    total += (*whole)[r][(r + threadIdx.x) % 33];
  out[threadIdx.x] = total + sizeof(tile) / sizeof(tile[0][0]);
}

// `= {0}` and `= {}` zero scratch arrays as they would private ones.
// EMIT-LABEL: __kernel void zeroed__scratch(
// EMIT: cucl_scratch_zero(cucl_scratch + 0ul, 2048ul)
__global__ void zeroed(const unsigned char *bytes, int n, int *out) {
  int histogram[512] = {0};
  double weights[256] = {};
  for (int i = threadIdx.x; i < n; i += blockDim.x)
    ++histogram[bytes[i]];
  int nonzero = 0;
  for (int b = 0; b < 512; ++b)
    nonzero += histogram[b] != 0;
  for (int b = 0; b < 256; ++b)
    nonzero += weights[b] != 0.0;
  out[threadIdx.x] = nonzero;
}

// Threads that return early leave their slot too; otherwise the next launch
// on the stream would wait for it forever.
// EMIT-LABEL: __kernel void earlyReturn__scratch(
// EMIT: { cucl_scratch_leave(cucl_scratch_pool, cucl_scratch_slot); return; }
__global__ void earlyReturn(int *out, int limit) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= limit)
    return;
  long long squares[300];
  for (int i = 0; i < 300; ++i)
    squares[i] = (long long)(i + id) * (i + id);
  if (id % 2)
    return;
  out[id] = (int)(squares[299] - squares[0]);
}

template <typename T, int N> struct Stack {
  T items[N];
  int top;
};

template <typename T, int N> __device__ T reversedSum(const T *in) {
  Stack<T, N> stack[1];
  stack[0].top = 0;
  for (int i = 0; i < N; ++i)
    stack[0].items[stack[0].top++] = in[i];
  T sum = 0;
  while (stack[0].top > 0)
    sum = sum * 2 + stack[0].items[--stack[0].top];
  return sum;
}

template <int N> __global__ void templated(const unsigned *in, unsigned *out) {
  out[threadIdx.x] = reversedSum<unsigned, N>(in + threadIdx.x);
}

// A warp-level kernel calls a function with a large array: the lanes take
// turns with the work-item's frame.
__device__ int localRank(int value) {
  int seen[600];
  for (int i = 0; i < 600; ++i)
    seen[i] = (i * 31 + value) % 600;
  int rank = 0;
  for (int i = 0; i < 600; ++i)
    rank += seen[i] < value;
  return rank;
}

__global__ void lanes(int *out) {
  int rank = localRank(threadIdx.x * 5);
  for (int offset = 16; offset > 0; offset /= 2)
    rank += __shfl_down_sync(0xffffffffu, rank, offset);
  if (threadIdx.x % 32 == 0)
    out[blockIdx.x * (blockDim.x / 32) + threadIdx.x / 32] = rank;
}

// A reference to a whole array (templates over `T (&)[N]` are common).
template <typename T, int N> __device__ void iota(T (&values)[N], T first) {
  for (int i = 0; i < N; ++i)
    values[i] = first + T(i);
}
__global__ void byReference(float *out) {
  float ramp[512];
  iota(ramp, float(threadIdx.x));
  float(&same)[512] = ramp;
  out[threadIdx.x] = same[511] - ramp[0] + sizeof(same) / 4;
}

// A pointer to a large or a small array: the scratch variant cannot express
// it (two address spaces), so the kernel keeps its private variant only.
// EMIT-NOT: __kernel void mixed__scratch(
__global__ void mixed(int *out, int flag) {
  int big[512], small[16];
  for (int i = 0; i < 512; ++i)
    big[i] = i;
  for (int i = 0; i < 16; ++i)
    small[i] = -i;
  int *p = flag ? big : small;
  out[threadIdx.x] = p[threadIdx.x % 16];
}

// A lane-mode kernel's own arrays: one row per lane where a lane keeps its
// array across a warp-level operation, one shared row where it does not.
// EMIT-LABEL: __kernel void warpArrays__scratch(
// EMIT: cucl_w->scratch = cucl_scratch + 207872ul;
// EMIT: __global int (*kept)[1024] = (__global int (*)[1024])(cucl_scratch + 0ul);
__global__ void warpArrays(int *out) {
  int kept[1024];
  unsigned counts[600] = {0};
  for (int i = 0; i < 1024; ++i)
    kept[i] = i * (threadIdx.x + 1);
  int *middle = kept + 512;
  int mine = middle[threadIdx.x % 32];
  int sum = mine;
  for (int offset = 16; offset > 0; offset /= 2)
    sum += __shfl_xor_sync(0xffffffffu, sum, offset);
  for (int i = 0; i < 1024; ++i)
    ++counts[kept[i] % 600];
  int nonzero = 0;
  for (int i = 0; i < 600; ++i)
    nonzero += counts[i] != 0;
  out[blockIdx.x * blockDim.x + threadIdx.x] = sum + kept[1023] - nonzero + localRank(threadIdx.x);
}

// Below the threshold an array stays private.
// EMIT-LABEL: __kernel void smallArray(
// EMIT: int table[64];
// EMIT-NOT: cucl_scratch
// EMIT: }
__global__ void smallArray(int *out) {
  int table[64];
  for (int i = 0; i < 64; ++i)
    table[i] = i * threadIdx.x;
  out[threadIdx.x] = table[threadIdx.x % 64];
}

static int hostWindowSum(int t) {
  int prefix = 0, half = 0;
  for (int i = 0; i < 1024; ++i) {
    prefix += (i * 3 + t) % 17;
    if (i == 512)
      half = prefix;
  }
  return prefix - half;
}

// 256 KiB per thread: 64 MiB for a block of 256 threads.
__global__ void quarterMegabyte(int *out) {
  int big[65536];
  for (int i = 0; i < 65536; i += 4096)
    big[i] = i + threadIdx.x;
  int sum = 0;
  for (int i = 0; i < 65536; i += 4096)
    sum += big[i];
  out[threadIdx.x] = sum;
}

static int outOfMemory() {
  int *d = nullptr;
  CHECK_CUDA(cudaMalloc(&d, 256 * sizeof(int)));
  quarterMegabyte<<<1, 1>>>(d); // built while memory is plentiful
  CHECK_CUDA(cudaDeviceSynchronize());
  // Take (nearly) all the device memory the address-space limit leaves.
  static void *taken[4096];
  int count = 0;
  for (size_t chunk = size_t(256) << 20; chunk >= (size_t(1) << 20) && count < 4096;)
    if (cudaMalloc(&taken[count], chunk) == cudaSuccess)
      ++count;
    else
      chunk /= 2;
  cudaGetLastError();
  std::printf("memory taken: %s\n", count > 0 ? "yes" : "no");
  cudaStream_t stream;
  CHECK_CUDA(cudaStreamCreate(&stream));
  quarterMegabyte<<<4, 256, 0, stream>>>(d);
  std::printf("launch: %s\n", cudaGetErrorName(cudaGetLastError()));
  std::printf("next call: %s\n", cudaGetErrorName(cudaStreamSynchronize(stream)));
  for (int i = 0; i < count; ++i)
    CHECK_CUDA(cudaFree(taken[i]));
  quarterMegabyte<<<4, 256, 0, stream>>>(d);
  cudaError_t launched = cudaGetLastError();
  CHECK_CUDA(cudaStreamSynchronize(stream));
  int h[256];
  CHECK_CUDA(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  bool right = true;
  for (int t = 0; t < 256; ++t)
    right &= h[t] == 16 * t + 4096 * (15 * 16 / 2);
  std::printf("after freeing: %s, %s\n", cudaGetErrorName(launched), right ? "correct" : "WRONG");
  return 0;
}

int main(int argc, char **argv) {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // in order with the runtime's messages
  if (argc > 1 && std::strcmp(argv[1], "out-of-memory") == 0)
    return outOfMemory();
  const int blocks = 24, threads = 1024;
  int *d = nullptr;
  CHECK_CUDA(cudaMalloc(&d, blocks * threads * sizeof(int)));
  static int h[blocks * threads];

  bool right = true;
  for (int run = 0; run < 3; ++run) {
    large<<<blocks, threads>>>(d);
    CHECK_CUDA(cudaGetLastError());
  }
  CHECK_CUDA(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  for (int i = 0; i < blocks * threads; ++i) {
    int t = i % threads, b = i / threads, k = (t * 7) % 4096;
    right &= h[i] == ((k ^ (t + b)) + ((4095 - k) ^ (t + b)));
  }
  std::printf("large: %s\n", right ? "correct" : "WRONG");

  right = true;
  nested<<<4, 128>>>(d);
  CHECK_CUDA(cudaMemcpy(h, d, 4 * 128 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < 4 * 128; ++i)
    right &= h[i] == hostWindowSum(i % 128);
  std::printf("nested: %s\n", right ? "correct" : "WRONG");

  right = true;
  float *f = nullptr;
  CHECK_CUDA(cudaMalloc(&f, 64 * sizeof(float)));
  twoD<<<1, 64>>>(f);
  float hf[64];
  CHECK_CUDA(cudaMemcpy(hf, f, sizeof hf, cudaMemcpyDeviceToHost));
  for (int t = 0; t < 64; ++t) {
    float total = 0.0f;
    for (int r = 0; r < 32; ++r)
      total += t + r * 33 + (r + t) % 33;
    right &= hf[t] == total + 32 * 33;
  }
  std::printf("two-d: %s\n", right ? "correct" : "WRONG");

  right = true;
  unsigned char bytes[1000];
  for (int i = 0; i < 1000; ++i)
    bytes[i] = (unsigned char)(i % 7 * 3);
  unsigned char *dBytes = nullptr;
  CHECK_CUDA(cudaMalloc(&dBytes, sizeof bytes));
  CHECK_CUDA(cudaMemcpy(dBytes, bytes, sizeof bytes, cudaMemcpyHostToDevice));
  for (int run = 0; run < 2; ++run) // the second run must see zeroed arrays again
    zeroed<<<1, 256>>>(dBytes, 1000, d);
  CHECK_CUDA(cudaMemcpy(h, d, 256 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 256; ++t) {
    bool seen[256] = {};
    for (int i = t; i < 1000; i += 256)
      seen[bytes[i]] = true;
    int expected = 0;
    for (bool s : seen)
      expected += s;
    right &= h[t] == expected;
  }
  std::printf("zeroed: %s\n", right ? "correct" : "WRONG");

  right = true;
  CHECK_CUDA(cudaMemset(d, 0, blocks * threads * sizeof(int)));
  for (int run = 0; run < 3; ++run)
    earlyReturn<<<blocks, 256>>>(d, blocks * 256 - 100);
  CHECK_CUDA(cudaMemcpy(h, d, blocks * 256 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int id = 0; id < blocks * 256; ++id) {
    long long a = id, b = 299 + id;
    int expected = id < blocks * 256 - 100 && id % 2 == 0 ? (int)(b * b - a * a) : 0;
    right &= h[id] == expected;
  }
  std::printf("early return: %s\n", right ? "correct" : "WRONG");

  right = true;
  unsigned in[32 + 400], *dIn = nullptr, *dOut = nullptr;
  for (unsigned i = 0; i < 432; ++i)
    in[i] = i * 2654435761u;
  CHECK_CUDA(cudaMalloc(&dIn, sizeof in));
  CHECK_CUDA(cudaMalloc(&dOut, 32 * sizeof(unsigned)));
  CHECK_CUDA(cudaMemcpy(dIn, in, sizeof in, cudaMemcpyHostToDevice));
  templated<400><<<1, 32>>>(dIn, dOut);
  unsigned out[32];
  CHECK_CUDA(cudaMemcpy(out, dOut, sizeof out, cudaMemcpyDeviceToHost));
  for (int t = 0; t < 32; ++t) {
    unsigned sum = 0;
    for (int i = 399; i >= 0; --i)
      sum = sum * 2 + in[t + i];
    right &= out[t] == sum;
  }
  std::printf("template: %s\n", right ? "correct" : "WRONG");

  right = true;
  lanes<<<6, 256>>>(d);
  CHECK_CUDA(cudaMemcpy(h, d, 6 * 8 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int w = 0; w < 6 * 8; ++w) {
    int expected = 0;
    for (int lane = 0; lane < 32; ++lane) {
      int value = ((w % 8) * 32 + lane) * 5;
      for (int i = 0; i < 600; ++i)
        expected += (i * 31 + value) % 600 < value;
    }
    right &= h[w] == expected;
  }
  std::printf("lanes: %s\n", right ? "correct" : "WRONG");

  right = true;
  warpArrays<<<2, 128>>>(d);
  CHECK_CUDA(cudaMemcpy(h, d, 2 * 128 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < 2 * 128; ++i) {
    int t = i % 128, warp = t / 32, sum = 0;
    for (int lane = 0; lane < 32; ++lane) {
      int tl = warp * 32 + lane;
      sum += (512 + tl % 32) * (tl + 1);
    }
    bool seen[600] = {};
    for (int k = 0; k < 1024; ++k)
      seen[(k * (t + 1)) % 600] = true;
    int nonzero = 0;
    for (bool s : seen)
      nonzero += s;
    int rank = 0;
    for (int k = 0; k < 600; ++k)
      rank += (k * 31 + t) % 600 < t;
    right &= h[i] == sum + 1023 * (t + 1) - nonzero + rank;
  }
  std::printf("warp arrays: %s\n", right ? "correct" : "WRONG");

  right = true;
  byReference<<<1, 64>>>(f);
  CHECK_CUDA(cudaMemcpy(hf, f, sizeof hf, cudaMemcpyDeviceToHost));
  for (int t = 0; t < 64; ++t)
    right &= hf[t] == 511.0f + 512.0f;
  std::printf("by reference: %s\n", right ? "correct" : "WRONG");

  right = true;
  mixed<<<1, 64>>>(d, 1);
  CHECK_CUDA(cudaMemcpy(h, d, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 64; ++t)
    right &= h[t] == t % 16;
  mixed<<<1, 64>>>(d, 0);
  CHECK_CUDA(cudaMemcpy(h, d, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 64; ++t)
    right &= h[t] == -(t % 16);
  std::printf("mixed pointer: %s\n", right ? "correct" : "WRONG");

  right = true;
  smallArray<<<1, 128>>>(d);
  CHECK_CUDA(cudaMemcpy(h, d, 128 * sizeof(int), cudaMemcpyDeviceToHost));
  for (int t = 0; t < 128; ++t)
    right &= h[t] == (t % 64) * t;
  std::printf("small stays private: %s\n", right ? "correct" : "WRONG");

  CHECK_CUDA(cudaFree(d));
  CHECK_CUDA(cudaFree(f));
  return 0;
}
