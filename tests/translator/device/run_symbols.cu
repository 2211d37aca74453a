// End to end: device symbols with the symbol API. Initializers are the first
// contents; copies to and from symbols (offsets, async on a stream, device to
// device), a symbol's address used with the memory API and as a kernel
// argument, symbols in template and lane-mode (warp-level) kernels, CUDA's
// error codes for bad symbol calls, and cudaDeviceReset restoring the
// initial values.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: initial 0.1 0.4 100 7
// CHECK: filter 23.5 counter 164
// CHECK: updated 57.1
// CHECK: address 3 3 3 0 size 20 16
// CHECK: async 11 22 33
// CHECK: template 12 24
// CHECK: warp 32 496
// CHECK: errors 13 13 1 1 21 21 1 1
// CHECK: constexpr 3 1 2 0 host 3 flags 5 1
// CHECK: reset 100 0.4
// CHECK: PASSED

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

struct Params {
  float scale;
  int count;
  float3 shift;
};

__constant__ float taps[5] = {0.1f, 0.2f, 0.4f, 0.2f, 0.1f};
__constant__ Params params = {2.0f, 64, {0.0f, 0.5f, 0.0f}};
__device__ int counter = 100;
__device__ int marks[4];
namespace lookup {
static __constant__ int bias = 7;
__device__ unsigned long long words[3];
} // namespace lookup
__device__ unsigned int warpTotal;
// constexpr arrays are read from memory (scalars fold); bool fields keep
// CUDA's one-byte layout.
constexpr __device__ int kPerm[4] = {3, 1, 2, 0};
struct Flags {
  int n;
  bool on;
};
__constant__ Flags flags = {5, true};

__global__ void permute(int *out) {
  out[threadIdx.x] = kPerm[threadIdx.x];
  if (threadIdx.x == 0)
    out[4] = flags.on ? flags.n : -1;
  if (threadIdx.x == 1)
    out[5] = flags.on;
}

__device__ float tap(int k) { return taps[k]; }
__device__ void count() { atomicAdd(&counter, 1); }

__global__ void filter(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n)
    return;
  float sum = 0.0f;
  for (int k = -2; k <= 2; ++k) {
    int j = min(max(i + k, 0), n - 1);
    sum += tap(k + 2) * in[j];
  }
  out[i] = sum * params.scale + params.shift.y + lookup::bias;
  count();
}

__global__ void fill(int *where, int value, int n) {
  if (threadIdx.x < n)
    where[threadIdx.x] = value;
}

__global__ void scaleWords(unsigned long long factor) {
  lookup::words[threadIdx.x] *= factor;
}

template <typename T, int N> __global__ void sumTaps(T *out) {
  T total = 0;
  for (int i = 0; i < N; ++i)
    total += static_cast<T>(taps[i] * 10.0f + 0.5f);
  out[0] = total * params.scale;
}

// Lane mode: the symbols reach warp-level code too.
__global__ void warpSum() {
  unsigned v = threadIdx.x + lookup::bias - 7;
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  if (threadIdx.x % 32 == 0)
    atomicAdd(&warpTotal, v);
  atomicAdd(&counter, 1);
}

int main() {
  float first[5];
  int counted = 0, bias = 0;
  CHECK(cudaMemcpyFromSymbol(first, taps, sizeof first));
  CHECK(cudaMemcpyFromSymbol(&counted, counter, sizeof counted));
  CHECK(cudaMemcpyFromSymbol(&bias, lookup::bias, sizeof bias));
  std::printf("initial %g %g %d %d\n", first[0], first[2], counted, bias);

  const int n = 64;
  float host[n], result[n];
  for (int i = 0; i < n; ++i)
    host[i] = float(i);
  float *in = nullptr, *out = nullptr;
  CHECK(cudaMalloc(&in, sizeof host));
  CHECK(cudaMalloc(&out, sizeof host));
  CHECK(cudaMemcpy(in, host, sizeof host, cudaMemcpyHostToDevice));
  filter<<<2, 32>>>(in, out, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(result, out, sizeof result, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpyFromSymbol(&counted, counter, sizeof counted));
  std::printf("filter %g counter %d\n", result[8], counted);

  // Two taps replaced at an offset; the next launch sees them.
  const float middle[2] = {1.0f, 1.0f};
  CHECK(cudaMemcpyToSymbol(taps, middle, sizeof middle, 2 * sizeof(float)));
  filter<<<2, 32>>>(in, out, n);
  CHECK(cudaMemcpy(result, out, sizeof result, cudaMemcpyDeviceToHost));
  std::printf("updated %g\n", result[10]);

  // The symbol's address is a device pointer like any other.
  int *marksAddress = nullptr;
  CHECK(cudaGetSymbolAddress(reinterpret_cast<void **>(&marksAddress), marks));
  CHECK(cudaMemset(marksAddress, 0, 4 * sizeof(int)));
  fill<<<1, 4>>>(marksAddress, 3, 3);
  int marksBack[4];
  CHECK(cudaMemcpyFromSymbol(marksBack, marks, sizeof marksBack));
  size_t tapsSize = 0, marksSize = 0;
  CHECK(cudaGetSymbolSize(&tapsSize, taps));
  CHECK(cudaGetSymbolSize(&marksSize, marks));
  std::printf("address %d %d %d %d size %zu %zu\n", marksBack[0], marksBack[1], marksBack[2],
              marksBack[3], tapsSize, marksSize);

  // Async copies on a stream, in order with a launch on it; device to device.
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  unsigned long long *pinned = nullptr;
  CHECK(cudaMallocHost(reinterpret_cast<void **>(&pinned), 3 * sizeof(unsigned long long)));
  pinned[0] = 1;
  pinned[1] = 2;
  pinned[2] = 3;
  CHECK(cudaMemcpyToSymbolAsync(lookup::words, pinned, 3 * sizeof(unsigned long long), 0,
                                cudaMemcpyHostToDevice, stream));
  scaleWords<<<1, 3, 0, stream>>>(11ull);
  unsigned long long *staging = nullptr;
  CHECK(cudaMalloc(&staging, 3 * sizeof(unsigned long long)));
  CHECK(cudaMemcpyFromSymbolAsync(staging, lookup::words, 3 * sizeof(unsigned long long), 0,
                                  cudaMemcpyDeviceToDevice, stream));
  CHECK(cudaMemcpyAsync(pinned, staging, 3 * sizeof(unsigned long long), cudaMemcpyDeviceToHost,
                        stream));
  CHECK(cudaStreamSynchronize(stream));
  std::printf("async %llu %llu %llu\n", pinned[0], pinned[1], pinned[2]);

  int *sums = nullptr;
  CHECK(cudaMalloc(&sums, 2 * sizeof(int)));
  sumTaps<int, 2><<<1, 1>>>(sums);     // (1 + 2) * scale 2 = 6
  sumTaps<int, 3><<<1, 1>>>(sums + 1); // (1 + 2 + 10) * 2 = 26
  int sumsBack[2];
  CHECK(cudaMemcpy(sumsBack, sums, sizeof sumsBack, cudaMemcpyDeviceToHost));
  std::printf("template %d %d\n", sumsBack[0] * 2, sumsBack[1] - 2);

  CHECK(cudaMemcpyFromSymbol(&counted, counter, sizeof counted));
  warpSum<<<1, 32>>>();
  unsigned total = 0;
  int afterWarp = 0;
  CHECK(cudaMemcpyFromSymbol(&total, warpTotal, sizeof total));
  CHECK(cudaMemcpyFromSymbol(&afterWarp, counter, sizeof afterWarp));
  std::printf("warp %d %u\n", afterWarp - counted, total);

  // CUDA's errors: a host variable is no symbol; a range past the symbol;
  // a copy kind the direction does not allow; a symbol is not cudaFree's.
  static float notASymbol[4];
  float sink[8] = {0};
  cudaError_t unknownTo = cudaMemcpyToSymbol(notASymbol, sink, sizeof(float));
  void *address = nullptr;
  cudaError_t unknownAddress = cudaGetSymbolAddress(&address, notASymbol);
  cudaError_t tooLong = cudaMemcpyToSymbol(taps, sink, 6 * sizeof(float));
  cudaError_t pastEnd = cudaMemcpyFromSymbol(sink, taps, sizeof(float), 5 * sizeof(float));
  cudaError_t wrongTo = cudaMemcpyToSymbol(taps, sink, sizeof(float), 0, cudaMemcpyDeviceToHost);
  cudaError_t wrongFrom = cudaMemcpyFromSymbol(sink, taps, sizeof(float), 0, cudaMemcpyHostToDevice);
  cudaError_t nullSize = cudaGetSymbolSize(nullptr, taps);
  cudaError_t freed = cudaFree(marksAddress);
  std::printf("errors %d %d %d %d %d %d %d %d\n", unknownTo, unknownAddress, tooLong, pastEnd, wrongTo,
              wrongFrom, nullSize, freed);
  cudaGetLastError();

  int *permuted = nullptr;
  CHECK(cudaMalloc(&permuted, 6 * sizeof(int)));
  permute<<<1, 4>>>(permuted);
  int permutedBack[6], firstPerm = -1;
  CHECK(cudaMemcpy(permutedBack, permuted, sizeof permutedBack, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpyFromSymbol(&firstPerm, kPerm, sizeof(int)));
  std::printf("constexpr %d %d %d %d host %d flags %d %d\n", permutedBack[0], permutedBack[1],
              permutedBack[2], permutedBack[3], firstPerm, permutedBack[4], permutedBack[5]);

  // A reset gives the symbols their initial values again.
  CHECK(cudaStreamDestroy(stream));
  CHECK(cudaFreeHost(pinned));
  CHECK(cudaDeviceReset());
  CHECK(cudaMemcpyFromSymbol(&counted, counter, sizeof counted));
  CHECK(cudaMemcpyFromSymbol(first, taps, sizeof first));
  std::printf("reset %d %g\n", counted, first[2]);
  std::printf("PASSED\n");
  return 0;
}
