// End to end: kernels using the emitter's features run on the OpenCL device
// and give CUDA's results (needs cuclcc and libcudart).
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: blockSum 2016
// CHECK: dynamic 63
// CHECK: atomicInc 4 wraps 1
// CHECK: atomicAdd 32.0
// CHECK: params 7.5 1 3
// CHECK: spaces 6 60 600
// CHECK: template 12 21
// CHECK: histogram 16 16 16 16 sum 64.0
// CHECK: methods 6.0 3
// CHECK: PASSED

#include <cstdio>

struct Params {
  float3 offset;
  int count;
};

// Shared memory declared in a device function: one instance per block.
__device__ int blockSum(int v) {
  __shared__ int partial[64];
  partial[threadIdx.x] = v;
  __syncthreads();
  for (int stride = 32; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  return partial[0];
}

__global__ void reduce(int *out) {
  int total = blockSum(threadIdx.x);
  if (threadIdx.x == 0)
    out[0] = total;
}

__global__ void reverse(int *out) {
  extern __shared__ int buffer[];
  buffer[threadIdx.x] = threadIdx.x;
  __syncthreads();
  out[threadIdx.x] = buffer[blockDim.x - 1 - threadIdx.x];
}

__global__ void counters(unsigned *wrapping, float *sum) {
  atomicInc(wrapping, 4u); // 10 increments, wrapping at 4: 0 1 2 3 4 0 1 2 3 4 -> 0
  atomicAdd(sum, 1.0f);
}

__global__ void params(float *out, Params p, bool flag, size_t n) {
  out[0] = p.offset.x + p.offset.y + p.offset.z;
  out[1] = flag ? 1.0f : 0.0f;
  out[2] = (float)(n + p.count);
}

__device__ int sum3(const int *v) { return v[0] + v[1] + v[2]; }

__global__ void spaces(const int *in, int *out) {
  __shared__ int tile[3];
  int priv[3] = {1, 2, 3};
  if (threadIdx.x < 3)
    tile[threadIdx.x] = in[threadIdx.x] * 10;
  __syncthreads();
  if (threadIdx.x == 0) {
    out[0] = sum3(priv);
    out[1] = sum3(tile);
    out[2] = sum3(in) * 100 / 1;
  }
}

template <typename T, int Factor> __global__ void scale(T *data) { data[threadIdx.x] *= Factor; }

// Atomics on shared memory (integer and the float CAS loop), then global.
__global__ void histogram(const int *values, int *bins, float *sum) {
  __shared__ int localBins[4];
  __shared__ float localSum;
  if (threadIdx.x < 4)
    localBins[threadIdx.x] = 0;
  if (threadIdx.x == 0)
    localSum = 0.0f;
  __syncthreads();
  atomicAdd(&localBins[values[threadIdx.x] % 4], 1);
  atomicAdd(&localSum, 1.0f);
  __syncthreads();
  if (threadIdx.x < 4)
    bins[threadIdx.x] = localBins[threadIdx.x];
  if (threadIdx.x == 0)
    sum[0] = localSum;
}

struct Accumulator {
  float sum;
  int count;
  __device__ void add(float v) { sum += v; ++count; }
};

__global__ void methods(Accumulator *result) {
  Accumulator a = {0.0f, 0};
  float values[3] = {1.0f, 2.0f, 3.0f};
  for (float v : values)
    a.add(v);
  result[0] = a;
}

#define CHECK_CUDA(call)                                                                           \
  do {                                                                                             \
    cudaError_t status = (call);                                                                   \
    if (status != cudaSuccess) {                                                                   \
      std::printf("%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(status));                  \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

int main() {
  int *ints;
  CHECK_CUDA(cudaMalloc(&ints, 64 * sizeof(int)));
  reduce<<<1, 64>>>(ints);
  int host[64];
  CHECK_CUDA(cudaMemcpy(host, ints, sizeof(int), cudaMemcpyDeviceToHost));
  std::printf("blockSum %d\n", host[0]);

  reverse<<<1, 64, 64 * sizeof(int)>>>(ints);
  CHECK_CUDA(cudaMemcpy(host, ints, 64 * sizeof(int), cudaMemcpyDeviceToHost));
  std::printf("dynamic %d\n", host[0]);

  unsigned *wrapping;
  float *sum;
  CHECK_CUDA(cudaMalloc(&wrapping, sizeof(unsigned)));
  CHECK_CUDA(cudaMalloc(&sum, sizeof(float)));
  CHECK_CUDA(cudaMemset(wrapping, 0, sizeof(unsigned)));
  CHECK_CUDA(cudaMemset(sum, 0, sizeof(float)));
  counters<<<2, 16>>>(wrapping, sum); // 32 threads
  unsigned wrapped = 0;
  float total = 0;
  CHECK_CUDA(cudaMemcpy(&wrapped, wrapping, sizeof(unsigned), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(&total, sum, sizeof(float), cudaMemcpyDeviceToHost));
  // 32 increments wrapping at 4 (period 5): 32 % 5 = 2.
  std::printf("atomicInc %u wraps %d\n", 4u, wrapped == 2 ? 1 : 0);
  std::printf("atomicAdd %.1f\n", total);

  float *floats;
  CHECK_CUDA(cudaMalloc(&floats, 3 * sizeof(float)));
  Params p = {make_float3(1.0f, 2.5f, 4.0f), 2};
  params<<<1, 1>>>(floats, p, true, 1);
  float out[3];
  CHECK_CUDA(cudaMemcpy(out, floats, sizeof(out), cudaMemcpyDeviceToHost));
  std::printf("params %.1f %.0f %.0f\n", out[0], out[1], out[2]);

  int input[3] = {1, 2, 3};
  int *in;
  CHECK_CUDA(cudaMalloc(&in, sizeof(input)));
  CHECK_CUDA(cudaMemcpy(in, input, sizeof(input), cudaMemcpyHostToDevice));
  spaces<<<1, 4>>>(in, ints);
  CHECK_CUDA(cudaMemcpy(host, ints, 3 * sizeof(int), cudaMemcpyDeviceToHost));
  std::printf("spaces %d %d %d\n", host[0], host[1], host[2]);

  int values[2] = {4, 7};
  CHECK_CUDA(cudaMemcpy(ints, values, sizeof(values), cudaMemcpyHostToDevice));
  scale<int, 3><<<1, 2>>>(ints);
  CHECK_CUDA(cudaMemcpy(values, ints, sizeof(values), cudaMemcpyDeviceToHost));
  std::printf("template %d %d\n", values[0], values[1]);
  int hostValues[64];
  for (int i = 0; i < 64; ++i)
    hostValues[i] = i;
  int *deviceValues;
  CHECK_CUDA(cudaMalloc(&deviceValues, sizeof(hostValues)));
  CHECK_CUDA(cudaMemcpy(deviceValues, hostValues, sizeof(hostValues), cudaMemcpyHostToDevice));
  histogram<<<1, 64>>>(deviceValues, ints, floats);
  int bins[4];
  CHECK_CUDA(cudaMemcpy(bins, ints, sizeof(bins), cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(&total, floats, sizeof(float), cudaMemcpyDeviceToHost));
  std::printf("histogram %d %d %d %d sum %.1f\n", bins[0], bins[1], bins[2], bins[3], total);

  Accumulator *accumulator;
  CHECK_CUDA(cudaMalloc(&accumulator, sizeof(Accumulator)));
  methods<<<1, 1>>>(accumulator);
  Accumulator hostAccumulator;
  CHECK_CUDA(cudaMemcpy(&hostAccumulator, accumulator, sizeof(Accumulator), cudaMemcpyDeviceToHost));
  std::printf("methods %.1f %d\n", hostAccumulator.sum, hostAccumulator.count);
  CHECK_CUDA(cudaDeviceSynchronize());
  std::printf("PASSED\n");
  return 0;
}
