// bench-warp-reduce: a block reduction written three ways in CUDA and run
// through cucl -- warp shuffles (two-level, `if (wid == 0)`), cg::reduce over
// thread_block_tile<32>, and shared memory with __syncthreads only -- and the
// same reduction hand-written in OpenCL C on the same OpenCL device. Two
// regimes: one element per thread (the block reduction dominates) and a long
// grid-stride loop (memory dominates). Prints milliseconds (best of several
// runs) and each time relative to the shared-memory version and to the
// hand-written OpenCL. A benchmark, not a test: it checks the sums but never
// fails on time.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
#include <cucl/opencl_interop.h>

namespace cg = cooperative_groups;

constexpr int kThreads = 256;

__inline__ __device__ float warpSum(float v) {
  for (int offset = 16; offset > 0; offset /= 2)
    v += __shfl_down_sync(0xffffffffu, v, offset);
  return v;
}

__global__ void reduceShuffle(const float *in, float *out, int n) {
  __shared__ float warpSums[32];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  int lane = threadIdx.x % 32, wid = threadIdx.x / 32;
  sum = warpSum(sum);
  if (lane == 0)
    warpSums[wid] = sum;
  __syncthreads();
  sum = threadIdx.x < blockDim.x / 32 ? warpSums[lane] : 0.0f;
  if (wid == 0)
    sum = warpSum(sum);
  if (threadIdx.x == 0)
    out[blockIdx.x] = sum;
}

__global__ void reduceTiles(const float *in, float *out, int n) {
  __shared__ float warpSums[32];
  cg::thread_block block = cg::this_thread_block();
  cg::thread_block_tile<32> tile = cg::tiled_partition<32>(block);
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  sum = cg::reduce(tile, sum, cg::plus<float>());
  if (tile.thread_rank() == 0)
    warpSums[tile.meta_group_rank()] = sum;
  block.sync();
  if (tile.meta_group_rank() == 0) {
    sum = tile.thread_rank() < tile.meta_group_size() ? warpSums[tile.thread_rank()] : 0.0f;
    sum = cg::reduce(tile, sum, cg::plus<float>());
    if (tile.thread_rank() == 0)
      out[blockIdx.x] = sum;
  }
}

__global__ void reduceShared(const float *in, float *out, int n) {
  __shared__ float partial[kThreads];
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    sum += in[i];
  partial[threadIdx.x] = sum;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride)
      partial[threadIdx.x] += partial[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    out[blockIdx.x] = partial[0];
}

// The hand-written OpenCL twin of reduceShared (what an OpenCL programmer writes).
const char kOpenCL[] = R"CL(
__kernel void reduce(__global const float *in, __global float *out, int n) {
  __local float partial[256];
  uint tid = get_local_id(0);
  float sum = 0.0f;
  for (int i = get_global_id(0); i < n; i += get_global_size(0))
    sum += in[i];
  partial[tid] = sum;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (uint stride = get_local_size(0) / 2; stride > 0; stride /= 2) {
    if (tid < stride)
      partial[tid] += partial[tid + stride];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  if (tid == 0)
    out[get_group_id(0)] = partial[0];
}
)CL";

static double bestMillis(int runs, const std::function<void()> &body) {
  body(); // warm-up: builds, caches
  double best = 1e300;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    body();
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}

static bool cudaOk(cudaError_t status, const char *what) {
  if (status != cudaSuccess)
    std::fprintf(stderr, "%s: %s\n", what, cudaGetErrorName(status));
  return status == cudaSuccess;
}

int main() {
  cudaDeviceProp prop;
  if (!cudaOk(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties"))
    return 1;
  cuclOpenCLDevice cl;
  if (!cudaOk(__cuclGetOpenCLDevice(0, &cl), "__cuclGetOpenCLDevice"))
    return 1;
  cl_int err = CL_SUCCESS;
  cl_command_queue queue = clCreateCommandQueue(cl.context, cl.device, 0, &err);
  const char *source = kOpenCL;
  cl_program program = clCreateProgramWithSource(cl.context, 1, &source, nullptr, &err);
  err |= clBuildProgram(program, 1, &cl.device, "-cl-std=CL1.2", nullptr, nullptr);
  cl_kernel clReduce = clCreateKernel(program, "reduce", &err);
  if (err != CL_SUCCESS) {
    std::fprintf(stderr, "building the OpenCL reduction failed (%d)\n", err);
    return 1;
  }
  std::printf("device: %s\n", prop.name);
  std::printf("%-34s %10s %10s %10s %10s %10s %10s\n", "regime", "shuffle", "cg tiles",
              "shared", "OpenCL", "shfl/shrd", "shfl/OCL");

  struct Regime {
    const char *name;
    int blocks, perThread;
  };
  const Regime regimes[] = {{"1 element per thread (block-bound)", 8192, 1},
                            {"64 elements per thread (memory)", 256, 64}};
  for (const Regime &regime : regimes) {
    int n = regime.blocks * kThreads * regime.perThread;
    std::vector<float> host(n);
    double expected = 0.0;
    for (int i = 0; i < n; ++i) {
      host[i] = float(i % 9) * 0.5f;
      expected += host[i];
    }
    float *in = nullptr, *out = nullptr;
    cudaOk(cudaMalloc(&in, n * sizeof(float)), "cudaMalloc");
    cudaOk(cudaMalloc(&out, regime.blocks * sizeof(float)), "cudaMalloc");
    cudaOk(cudaMemcpy(in, host.data(), n * sizeof(float), cudaMemcpyHostToDevice), "cudaMemcpy");
    bool correct = true;
    auto check = [&](const char *what) {
      std::vector<float> partial(regime.blocks);
      cudaMemcpy(partial.data(), out, regime.blocks * sizeof(float), cudaMemcpyDeviceToHost);
      double sum = 0.0;
      for (float p : partial)
        sum += p;
      if (sum != expected) {
        std::fprintf(stderr, "%s: sum %.1f, expected %.1f\n", what, sum, expected);
        correct = false;
      }
    };
    const int runs = 7;
    double shuffle = bestMillis(runs, [&] {
      reduceShuffle<<<regime.blocks, kThreads>>>(in, out, n);
      cudaDeviceSynchronize();
    });
    check("shuffle");
    double tiles = bestMillis(runs, [&] {
      reduceTiles<<<regime.blocks, kThreads>>>(in, out, n);
      cudaDeviceSynchronize();
    });
    check("cg tiles");
    double shared = bestMillis(runs, [&] {
      reduceShared<<<regime.blocks, kThreads>>>(in, out, n);
      cudaDeviceSynchronize();
    });
    check("shared");
    // The OpenCL twin reads the same cucl allocations.
    cuclDeviceBuffer inBuffer, outBuffer;
    __cuclResolveDevicePointer(in, &inBuffer);
    __cuclResolveDevicePointer(out, &outBuffer);
    clSetKernelArg(clReduce, 0, sizeof(cl_mem), &inBuffer.buffer);
    clSetKernelArg(clReduce, 1, sizeof(cl_mem), &outBuffer.buffer);
    clSetKernelArg(clReduce, 2, sizeof(int), &n);
    size_t global = size_t(regime.blocks) * kThreads, local = kThreads;
    double opencl = bestMillis(runs, [&] {
      clEnqueueNDRangeKernel(queue, clReduce, 1, nullptr, &global, &local, 0, nullptr, nullptr);
      clFinish(queue);
    });
    check("OpenCL");
    std::printf("%-34s %10.2f %10.2f %10.2f %10.2f %9.2fx %9.2fx%s\n", regime.name, shuffle, tiles,
                shared, opencl, shuffle / shared, shuffle / opencl, correct ? "" : "  WRONG SUMS");
    cudaFree(in);
    cudaFree(out);
  }
  std::printf("(milliseconds, best of 7; ratios below 1 mean the shuffle version is faster)\n");
  clReleaseKernel(clReduce);
  clReleaseProgram(program);
  clReleaseCommandQueue(queue);
  return 0;
}
