// Translated kernels in CUDA graphs (docs/runtime-api.md, "Graphs"): a
// template kernel captured with <<<>>>, a __constant__ coefficient updated
// through copy nodes to and from the symbol, a kernel using __shared__
// memory and a dynamic-shared launch replayed many times, and a captured
// cudaMemcpyToSymbolAsync.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
#include <cstdio>
#include <cuda_runtime.h>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s:%d: %s -> %s\n", __FILE__, __LINE__, #call, cudaGetErrorName(status_));      \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

__constant__ float coefficient;
__device__ float lastScale;

template <typename T> __global__ void axpb(T *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] = x[i] * T(coefficient) + T(1);
  if (i == 0)
    lastScale = coefficient;
}

// Reverses each block's slice through dynamic shared memory.
__global__ void reverseBlocks(int *d) {
  extern __shared__ int tile[];
  int t = threadIdx.x, base = blockIdx.x * blockDim.x;
  tile[t] = d[base + t];
  __syncthreads();
  d[base + t] = tile[blockDim.x - 1 - t];
}

int main() {
  const int n = 512;
  float *x;
  int *d;
  CHECK(cudaMalloc(&x, n * sizeof(float)));
  CHECK(cudaMalloc(&d, n * sizeof(int)));
  int host[n];
  for (int i = 0; i < n; ++i)
    host[i] = i;
  CHECK(cudaMemcpy(d, host, sizeof host, cudaMemcpyHostToDevice));
  CHECK(cudaMemset(x, 0, n * sizeof(float)));
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));

  // x = x * c + 1, with c set by a captured symbol copy from host memory that
  // the graph reads when it runs.
  float c = 2.0f;
  cudaGraph_t g;
  CHECK(cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal));
  CHECK(cudaMemcpyToSymbolAsync(coefficient, &c, sizeof c, 0, cudaMemcpyHostToDevice, s));
  axpb<float><<<n / 128, 128, 0, s>>>(x, n);
  reverseBlocks<<<n / 64, 64, 64 * sizeof(int), s>>>(d);
  CHECK(cudaStreamEndCapture(s, &g));
  cudaGraphExec_t e;
  CHECK(cudaGraphInstantiate(&e, g, 0));
  for (int r = 0; r < 3; ++r)
    CHECK(cudaGraphLaunch(e, s));
  CHECK(cudaStreamSynchronize(s));
  float out[n];
  CHECK(cudaMemcpy(out, x, sizeof out, cudaMemcpyDeviceToHost));
  // 0 -> 1 -> 3 -> 7
  // CHECK: x[0] = 7 x[511] = 7
  std::printf("x[0] = %g x[511] = %g\n", out[0], out[n - 1]);
  CHECK(cudaMemcpy(host, d, sizeof host, cudaMemcpyDeviceToHost));
  // Reversed three times: reversed.
  // CHECK: d[0] = 63 d[64] = 127
  std::printf("d[0] = %d d[64] = %d\n", host[0], host[64]);

  // A node graph reading the symbol back after the kernel.
  cudaGraph_t g2;
  CHECK(cudaGraphCreate(&g2, 0));
  cudaGraphNode_t set, kernel, get;
  float c2 = 0.5f, seen = 0.0f;
  CHECK(cudaGraphAddMemcpyNodeToSymbol(&set, g2, nullptr, 0, coefficient, &c2, sizeof c2, 0,
                                       cudaMemcpyHostToDevice));
  int count = n;
  void *args[] = {&x, &count};
  cudaKernelNodeParams p = {};
  p.func = (void *)axpb<float>;
  p.gridDim = dim3(n / 128);
  p.blockDim = dim3(128);
  p.kernelParams = args;
  CHECK(cudaGraphAddKernelNode(&kernel, g2, &set, 1, &p));
  CHECK(cudaGraphAddMemcpyNodeFromSymbol(&get, g2, &kernel, 1, &seen, lastScale, sizeof seen, 0,
                                         cudaMemcpyDeviceToHost));
  cudaGraphExec_t e2;
  CHECK(cudaGraphInstantiate(&e2, g2, 0));
  CHECK(cudaGraphLaunch(e2, s));
  CHECK(cudaStreamSynchronize(s));
  CHECK(cudaMemcpy(out, x, sizeof out, cudaMemcpyDeviceToHost));
  // CHECK: seen 0.5, x[0] = 4.5
  std::printf("seen %g, x[0] = %g\n", seen, out[0]);
  // A symbol copy past the symbol's end is refused as cudaMemcpyToSymbol does.
  // CHECK: past the end: cudaErrorInvalidValue
  std::printf("past the end: %s\n",
              cudaGetErrorName(cudaGraphMemcpyNodeSetParamsToSymbol(
                  set, coefficient, &c2, sizeof c2, 4, cudaMemcpyHostToDevice)));
  CHECK(cudaGraphExecDestroy(e2));
  CHECK(cudaGraphExecDestroy(e));
  CHECK(cudaGraphDestroy(g2));
  CHECK(cudaGraphDestroy(g));
  // CHECK: done
  std::printf("done\n");
  return 0;
}
