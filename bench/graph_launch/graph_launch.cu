// Graph replay against stream launches: the same chain of 20 dependent
// kernels, issued either as 20 <<<>>> launches or as one cudaGraphLaunch of
// the captured chain. A graph's commands are checked and resolved when it is
// instantiated, so a replay only enqueues. Prints microseconds per chain, the
// host's time to issue it and the time until it has run, and the ratios
// stream / graph (above 1: the graph is faster).
#include <algorithm>
#include <chrono>
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

struct Times {
  double issueUs = 1e30, totalUs = 1e30;
  void add(const Times &other) {
    issueUs = std::min(issueUs, other.issueUs);
    totalUs = std::min(totalUs, other.totalUs);
  }
};

// Issues `chains` chains through `issue`, then waits for the stream.
template <class Issue> Times timeChains(int chains, cudaStream_t stream, Issue &&issue) {
  check(cudaStreamSynchronize(stream), "sync");
  auto start = std::chrono::steady_clock::now();
  for (int c = 0; c < chains; ++c)
    issue();
  auto issued = std::chrono::steady_clock::now();
  check(cudaStreamSynchronize(stream), "sync");
  auto done = std::chrono::steady_clock::now();
  Times times;
  times.issueUs = std::chrono::duration<double, std::micro>(issued - start).count() / chains;
  times.totalUs = std::chrono::duration<double, std::micro>(done - start).count() / chains;
  return times;
}

int main() {
  int device = 0;
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, device), "properties");
  std::printf("device: %s\n", prop.name);
  std::printf("microseconds per chain of %d kernels (best of 15 rounds of 50 chains)\n", kChain);
  std::printf("%10s %14s %14s %8s %14s %14s %8s\n", "elements", "stream issue", "graph issue",
              "ratio", "stream total", "graph total", "ratio");
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

    // Alternating rounds, best of each: drift in the machine's load hits both.
    // "issue": the host's time to hand the work over (the launch calls);
    // "total": until the stream has run it.
    Times streamTimes, graphTimes;
    for (int round = 0; round < 15; ++round) {
      streamTimes.add(timeChains(chainsPerRun, stream, [&] { launchChain(x, n, stream); }));
      graphTimes.add(timeChains(chainsPerRun, stream,
                                [&] { check(cudaGraphLaunch(exec, stream), "graph launch"); }));
    }
    std::printf("%10d %14.1f %14.1f %7.2fx %14.1f %14.1f %7.2fx\n", n, streamTimes.issueUs,
                graphTimes.issueUs, streamTimes.issueUs / graphTimes.issueUs, streamTimes.totalUs,
                graphTimes.totalUs, streamTimes.totalUs / graphTimes.totalUs);
    check(cudaGraphExecDestroy(exec), "exec destroy");
    check(cudaGraphDestroy(graph), "graph destroy");
    check(cudaFree(x), "free");
  }
  check(cudaStreamDestroy(stream), "stream destroy");
  return 0;
}
