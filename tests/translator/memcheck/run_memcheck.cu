// cuclcc -memcheck: each kind of bad access is reported once, as the first
// of its launch, with the access, its source line, thread and block, the
// address and the allocation it falls outside of; the launch ends in the
// sticky cudaErrorIllegalAddress, and after cudaDeviceReset a second kernel
// runs correctly. Correct kernels run as without memcheck. Each kind runs in
// its own process.
// RUN: %cuclcc -memcheck %s -o %t
// RUN: %t clean 2>&1 | FileCheck %s --check-prefix=CLEAN --implicit-check-not=memcheck
// RUN: %t off-by-one 2>&1 | FileCheck %s --check-prefixes=BAD,OFF-BY-ONE
// RUN: %t before-start 2>&1 | FileCheck %s --check-prefixes=BAD,BEFORE
// RUN: %t in-helper 2>&1 | FileCheck %s --check-prefixes=BAD,HELPER
// RUN: %t shared-array 2>&1 | FileCheck %s --check-prefixes=BAD,SHARED
// RUN: %t dynamic-shared 2>&1 | FileCheck %s --check-prefixes=BAD,DYNAMIC
// RUN: %t atomic 2>&1 | FileCheck %s --check-prefixes=BAD,ATOMIC
// RUN: %t struct-member 2>&1 | FileCheck %s --check-prefixes=BAD,STRUCT
// RUN: %t device-array 2>&1 | FileCheck %s --check-prefixes=BAD,SYMBOL
// RUN: %t grid-2d 2>&1 | FileCheck %s --check-prefixes=BAD,GRID
// RUN: %t warp 2>&1 | FileCheck %s --check-prefixes=BAD,WARP
// RUN: %t computed-pointer 2>&1 | FileCheck %s --check-prefixes=BAD,COMPUTED
// RUN: %t neighbour 2>&1 | FileCheck %s --check-prefixes=BAD,NEIGHBOUR
// RUN: %t local-array 2>&1 | FileCheck %s --check-prefixes=BAD,LOCAL
//
// CLEAN: clean: cudaSuccess, results correct
// CLEAN-NEXT: after reset: cudaSuccess, second kernel correct
//
// BAD: launch: cudaSuccess

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "../device/Inputs/second_kernel.cuh"

#define REPORT(label, call) std::printf("%s: %s\n", label, cudaGetErrorName(call))

__global__ void scale(float *out, const float *in, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i <= n) { // the classic off-by-one
    float v = in[i];
    // OFF-BY-ONE-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel scale, thread (100, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 0 bytes after the end of the allocation of argument 1 (0x{{[0-9a-f]+}}, 400 bytes) -> cudaErrorIllegalAddress
    // NEIGHBOUR-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 2]] in kernel scale
    out[i] = 2.0f * v;
  }
}

__global__ void shiftLeft(int *data, int n) {
  int i = threadIdx.x;
  if (i < n)
    data[i - 1] = i;
    // BEFORE-NEXT: cucl memcheck: invalid __global__ write of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel shiftLeft, thread (0, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 4 bytes before the start of the allocation of argument 0 (0x{{[0-9a-f]+}}, 256 bytes)
}

// A row pointer computed in the kernel, checked against the whole view.
__global__ void leftOfRows(float *image, int pitch) {
  float *row = (float *)((char *)image + threadIdx.x * pitch);
  row[-1] = 0.0f; // thread 0 writes before the image
  // COMPUTED-NEXT: cucl memcheck: invalid __global__ write of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel leftOfRows, thread (0, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 4 bytes before the start of the allocation of argument 0 (0x{{[0-9a-f]+}}, 1024 bytes)
}

// Through a device function: the pointer's allocation is checked against
// every allocation the launch has.
__device__ float rowSum(const float *row, int width) {
  float sum = 0.0f;
  for (int x = 0; x < width; ++x)
    sum += row[x];
    // HELPER-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel gatherRows, thread (0, 0, 0) of block (3, 0, 0): address 0x{{[0-9a-f]+}} is 0 bytes after the end of the allocation of argument 1
  return sum;
}
__global__ void gatherRows(float *sums, const float *matrix, int width) {
  const float *row = matrix + blockIdx.x * width;
  if (threadIdx.x == 0)
    sums[blockIdx.x] = rowSum(row, width);
}

__global__ void reverseTile(float *out, const float *in) {
  __shared__ float tile[32];
  int t = threadIdx.x;
  tile[t] = in[t];
  __syncthreads();
  out[t] = tile[32 - t]; // thread 0 reads tile[32]
  // SHARED-NEXT: cucl memcheck: invalid __shared__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel reverseTile, thread (0, 0, 0) of block (0, 0, 0): 0 bytes after the end of the __shared__ array (128 bytes)
}

__global__ void stage(double *out) {
  extern __shared__ double buffer[];
  buffer[threadIdx.x] = threadIdx.x; // the launch gave 31 doubles
  // DYNAMIC-NEXT: cucl memcheck: invalid __shared__ write of 8 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel stage, thread (31, 0, 0) of block ({{[01]}}, 0, 0): 0 bytes after the end of the block's dynamic shared memory (248 bytes)
  __syncthreads();
  out[blockIdx.x * blockDim.x + threadIdx.x] = buffer[threadIdx.x % 31];
}

__global__ void histogram(const int *values, unsigned *bins, int n) {
  int i = threadIdx.x;
  if (i < n)
    atomicAdd(&bins[values[i]], 1u); // one value is 16: 16 bins
    // ATOMIC-NEXT: cucl memcheck: invalid __global__ write of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel histogram, thread (20, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 0 bytes after the end of the allocation of argument 1 (0x{{[0-9a-f]+}}, 64 bytes)
}

struct Particle {
  float x, y, z;
};
__global__ void particleEnergy(const Particle *particles, float *energy) {
  const Particle *p = particles + threadIdx.x;
  energy[threadIdx.x] = p->x * p->x + p->y * p->y + p->z * p->z;
  // STRUCT-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel particleEnergy, thread (16, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 0 bytes after the end of the allocation of argument 0 (0x{{[0-9a-f]+}}, 192 bytes)
}

__device__ int table[16];
__global__ void lookup(int *out) {
  out[threadIdx.x] = table[threadIdx.x]; // 17 threads
  // SYMBOL-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel lookup, thread (16, 0, 0) of block (0, 0, 0): 0 bytes after the end of the __device__ array (64 bytes)
}

// Sets the last column, forgetting that the grid has more rows than the image.
__global__ void lastColumn(float *image, int width) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x == width - 1)
    image[y * width + x] = 1.0f;
    // GRID-NEXT: cucl memcheck: invalid __global__ write of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel lastColumn, thread (7, 3, 0) of block (1, 4, 0): address 0x{{[0-9a-f]+}} is 60 bytes after the end of the allocation of argument 0 (0x{{[0-9a-f]+}}, 1216 bytes)
}

__global__ void warpSums(const float *in, float *out) {
  float v = in[threadIdx.x];
  // WARP-NEXT: cucl memcheck: invalid __global__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel warpSums, thread (40, 0, 0) of block (0, 0, 0): address 0x{{[0-9a-f]+}} is 0 bytes after the end of the allocation of argument 0 (0x{{[0-9a-f]+}}, 160 bytes)
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  if (threadIdx.x % 32 == 0)
    out[threadIdx.x / 32] = v;
}

// A large local array lives in scratch memory (docs/design.md, "Local
// memory"): its own accesses are checked against it, and accesses through
// pointers into it (here in a helper) against the thread's frame.
__device__ float smooth(const float *samples, int count) {
  float sum = 0.0f;
  for (int k = 0; k < count; ++k)
    sum += samples[k];
  return sum / count;
}
__global__ void movingAverage(const float *in, float *out) {
  float window[512];
  for (int k = 0; k < 512; ++k)
    window[k] = in[threadIdx.x] + k;
  const float *tail = window + 500;
  float result = smooth(tail, 12) + smooth(window, 512);
  int last = threadIdx.x == 5 ? 512 : 511; // thread 5 reads one past the end
  out[threadIdx.x] = result + window[last];
  // LOCAL-NEXT: cucl memcheck: invalid __local__ read of 4 bytes at {{.*}}run_memcheck.cu:[[# @LINE - 1]] in kernel movingAverage, thread (5, 0, 0) of block (0, 0, 0): 0 bytes after the end of the thread's local array (2048 bytes)
}

// Correct code of the same shapes: pointer arithmetic, a row pointer, reads
// of the last element, shared memory, a struct, atomics, a device array.
__global__ void cleanKernel(const float *in, float *out, int n, unsigned *count) {
  __shared__ float tile[64];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  tile[threadIdx.x] = i < n ? in[i] : 0.0f;
  __syncthreads();
  const float *last = in + (n - 1);
  if (i < n)
    out[i] = tile[63 - threadIdx.x] + *last + table[i % 16];
  if (i < n)
    atomicAdd(count, 1u);
}


int main(int argc, char **argv) {
  std::setvbuf(stdout, nullptr, _IONBF, 0); // in order with the runtime's report
  const char *kind = argc > 1 ? argv[1] : "";
  float *a = nullptr, *b = nullptr;
  cudaMalloc(&a, 100 * sizeof(float));
  cudaMalloc(&b, 100 * sizeof(float));
  cudaMemset(a, 0, 100 * sizeof(float));
  cudaMemset(b, 0, 100 * sizeof(float));
  if (!std::strcmp(kind, "clean")) {
    const int n = 256;
    std::vector<float> h(n);
    for (int i = 0; i < n; ++i)
      h[i] = float(i);
    float *in, *out;
    unsigned *count;
    cudaMalloc(&in, n * sizeof(float));
    cudaMalloc(&out, n * sizeof(float));
    cudaMalloc(&count, sizeof(unsigned));
    cudaMemset(count, 0, sizeof(unsigned));
    cudaMemcpy(in, h.data(), n * sizeof(float), cudaMemcpyHostToDevice);
    int zeros[16] = {};
    cudaMemcpyToSymbol(table, zeros, sizeof zeros);
    cleanKernel<<<n / 64, 64>>>(in, out, n, count);
    cudaError_t status = cudaDeviceSynchronize();
    std::vector<float> r(n);
    unsigned counted = 0;
    cudaMemcpy(r.data(), out, n * sizeof(float), cudaMemcpyDeviceToHost);
    cudaMemcpy(&counted, count, sizeof counted, cudaMemcpyDeviceToHost);
    bool right = counted == unsigned(n);
    for (int i = 0; i < n; ++i) {
      int block = i / 64, t = i % 64;
      right &= r[i] == h[block * 64 + 63 - t] + h[n - 1];
    }
    std::printf("clean: %s, results %s\n", cudaGetErrorName(status), right ? "correct" : "WRONG");
    cudaError_t reset = cudaDeviceReset();
    std::printf("after reset: %s, second kernel %s\n", cudaGetErrorName(reset),
                secondKernelWorks() ? "correct" : "WRONG");
    return 0;
  }
  if (!std::strcmp(kind, "off-by-one")) {
    scale<<<1, 128>>>(a, b, 100);
  } else if (!std::strcmp(kind, "before-start")) {
    int *d;
    cudaMalloc(&d, 64 * sizeof(int));
    shiftLeft<<<1, 64>>>(d, 64);
  } else if (!std::strcmp(kind, "computed-pointer")) {
    float *image;
    cudaMalloc(&image, 4 * 256);
    leftOfRows<<<1, 4>>>(image, 256);
  } else if (!std::strcmp(kind, "in-helper")) {
    float *matrix;
    cudaMalloc(&matrix, 3 * 10 * sizeof(float));
    gatherRows<<<4, 32>>>(a, matrix, 10); // block 3 reads a fourth row
  } else if (!std::strcmp(kind, "shared-array")) {
    reverseTile<<<1, 32>>>(a, b);
  } else if (!std::strcmp(kind, "dynamic-shared")) {
    double *d;
    cudaMalloc(&d, 64 * sizeof(double));
    stage<<<2, 32, 31 * sizeof(double)>>>(d);
  } else if (!std::strcmp(kind, "atomic")) {
    int values[32];
    for (int i = 0; i < 32; ++i)
      values[i] = i == 20 ? 16 : i % 16;
    int *dValues;
    unsigned *bins;
    cudaMalloc(&dValues, sizeof values);
    cudaMalloc(&bins, 16 * sizeof(unsigned));
    cudaMemcpy(dValues, values, sizeof values, cudaMemcpyHostToDevice);
    histogram<<<1, 32>>>(dValues, bins, 32);
  } else if (!std::strcmp(kind, "struct-member")) {
    Particle *particles;
    cudaMalloc(&particles, 16 * sizeof(Particle));
    particleEnergy<<<1, 17>>>(particles, a);
  } else if (!std::strcmp(kind, "device-array")) {
    int *d;
    cudaMalloc(&d, 32 * sizeof(int));
    lookup<<<1, 17>>>(d);
  } else if (!std::strcmp(kind, "grid-2d")) {
    float *image;
    cudaMalloc(&image, 16 * 19 * sizeof(float));
    lastColumn<<<dim3(2, 5), dim3(8, 4)>>>(image, 16); // row 19 does not exist
  } else if (!std::strcmp(kind, "warp")) {
    float *in, *out;
    cudaMalloc(&in, 40 * sizeof(float));
    cudaMalloc(&out, 2 * sizeof(float));
    warpSums<<<1, 64>>>(in, out); // 64 threads read 40 values
  } else if (!std::strcmp(kind, "local-array")) {
    movingAverage<<<1, 32>>>(a, b);
  } else if (!std::strcmp(kind, "neighbour")) {
    // The bad writes go to memcheck's sink, not to whatever lies past the
    // allocation (mapped host memory: the host reads it after the error).
    float *near, *next, *nearOnDevice;
    cudaHostAlloc(&near, 100 * sizeof(float), cudaHostAllocMapped);
    cudaHostAlloc(&next, 100 * sizeof(float), cudaHostAllocMapped);
    cudaHostGetDevicePointer(&nearOnDevice, near, 0);
    for (int i = 0; i < 100; ++i)
      near[i] = 1.0f, next[i] = 7.0f;
    scale<<<1, 128>>>(nearOnDevice, nearOnDevice, 127); // writes near[100..127]
    REPORT("launch", cudaGetLastError());
    REPORT("synchronize", cudaDeviceSynchronize());
    REPORT("sticky", cudaMemset(a, 0, 16));
    bool intact = true;
    for (int i = 0; i < 100; ++i)
      intact &= next[i] == 7.0f;
    std::printf("neighbour %s\n", intact ? "intact" : "OVERWRITTEN");
    cudaError_t reset = cudaDeviceReset();
    std::printf("after reset: %s, second kernel %s\n", cudaGetErrorName(reset),
                secondKernelWorks() ? "correct" : "WRONG");
    return 0;
  } else {
    std::fprintf(stderr, "unknown kind '%s'\n", kind);
    return 2;
  }
  REPORT("launch", cudaGetLastError());
  REPORT("synchronize", cudaDeviceSynchronize());
  REPORT("sticky", cudaMemset(a, 0, 16));
  cudaError_t reset = cudaDeviceReset();
  std::printf("after reset: %s, second kernel %s\n", cudaGetErrorName(reset),
              secondKernelWorks() ? "correct" : "WRONG");
  return 0;
}

// After the report, each bad case goes on the same way:
// BAD-NEXT: synchronize: cudaErrorIllegalAddress
// BAD-NEXT: sticky: cudaErrorIllegalAddress
// NEIGHBOUR-NEXT: neighbour intact
// BAD-NEXT: after reset: cudaSuccess, second kernel correct
