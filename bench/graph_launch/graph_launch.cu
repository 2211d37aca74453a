// Graph replay against stream launches: the same chain of 20 dependent
// kernels, issued either as 20 <<<>>> launches or as one cudaGraphLaunch of
// the captured chain. A graph's commands are checked and resolved when it is
// instantiated, so a replay only enqueues. Prints microseconds per chain and
// the ratio stream / graph (above 1: the graph is faster).
#include <cstdio>
#include <vector>

#include "../common/cuda_timing.h"

constexpr int kChain = 20;

__global__ void step(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    x[i] = a * x[i] + 1.0f;
}

void launchChain(float *x, int n, cudaStream_t stream) {
  for (int k = 0; k < kChain; ++k)
    step<<<(n + 255) / 256, 256, 0, stream>>>(x, 0.5f, n);
}

int main() {
  int device = 0;
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, device), "properties");
  std::printf("device: %s\n", prop.name);
  std::printf("%10s %16s %16s %8s\n", "elements", "stream us/chain", "graph us/chain", "ratio");
  cudaStream_t stream;
  check(cudaStreamCreate(&stream), "stream");
  const int chainsPerRun = 50;
  for (int n : {256, 65536}) {
    float *x = nullptr;
    check(cudaMalloc(&x, n * sizeof(float)), "malloc");
    check(cudaMemset(x, 0, n * sizeof(float)), "memset");
    cudaGraph_t graph;
    check(cudaStreamBeginCapture(stream, cudaStreamCaptureModeGlobal), "begin capture");
    launchChain(x, n, stream);
    check(cudaStreamEndCapture(stream, &graph), "end capture");
    cudaGraphExec_t exec;
    check(cudaGraphInstantiate(&exec, graph, 0), "instantiate");

    double streamMs = bestMs(
        [&] {
          for (int c = 0; c < chainsPerRun; ++c)
            launchChain(x, n, stream);
          check(cudaStreamSynchronize(stream), "sync");
        },
        7);
    double graphMs = bestMs(
        [&] {
          for (int c = 0; c < chainsPerRun; ++c)
            check(cudaGraphLaunch(exec, stream), "graph launch");
          check(cudaStreamSynchronize(stream), "sync");
        },
        7);
    double streamUs = 1000.0 * streamMs / chainsPerRun, graphUs = 1000.0 * graphMs / chainsPerRun;
    std::printf("%10d %16.1f %16.1f %7.2fx\n", n, streamUs, graphUs, streamUs / graphUs);
    check(cudaGraphExecDestroy(exec), "exec destroy");
    check(cudaGraphDestroy(graph), "graph destroy");
    check(cudaFree(x), "free");
  }
  check(cudaStreamDestroy(stream), "stream destroy");
  return 0;
}
