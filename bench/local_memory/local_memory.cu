// bench-local-memory: what holding large local arrays in scratch memory costs
// where a device cannot hold them privately (docs/design.md, "Local memory").
// Each kernel is a template over its array's length: at 255 elements (1,020
// bytes) the array is private; at 256 (1 KiB) the kernel has a scratch
// variant, which this benchmark makes the runtime launch
// (CUCL_LOCAL_ARRAYS=scratch); both do exactly the same work on the first 255
// elements. Prints milliseconds (best of several runs) and private / scratch.
// A benchmark, not a test: it checks both results agree but never fails on time.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

#include <cuda_runtime.h>

#include "../common/cuda_timing.h"

#define USED 255

// Eight odd-even passes over a gathered window: data-dependent local traffic.
template <int N> __global__ void sortPasses(const float *in, float *out, int n) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= n)
    return;
  float window[N];
  for (int i = 0; i < USED; ++i)
    window[i] = in[(id + i * 97) % n];
  for (int pass = 0; pass < 8; ++pass)
    for (int i = 1 + (pass & 1); i < USED; i += 2) {
      float a = window[i - 1], b = window[i];
      window[i - 1] = fminf(a, b);
      window[i] = fmaxf(a, b);
    }
  float sum = 0.0f;
  for (int i = 0; i < USED; i += 17)
    sum += window[i];
  out[id] = sum;
}

// A per-thread histogram: scattered increments into the array.
template <int N> __global__ void histogram(const unsigned *in, unsigned *out, int n) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= n)
    return;
  unsigned bins[N];
  for (int b = 0; b < USED; ++b)
    bins[b] = 0u;
  for (int i = 0; i < 512; ++i)
    ++bins[in[(id * 31 + i) % n] % USED];
  unsigned most = 0u;
  for (int b = 0; b < USED; ++b)
    most = max(most, bins[b]);
  out[id] = most;
}

// A dynamic-programming row (longest common subsequence against a pattern).
template <int N> __global__ void lcsRow(const unsigned char *text, int *out, int n) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= n)
    return;
  int row[N];
  for (int j = 0; j < USED; ++j)
    row[j] = 0;
  for (int i = 0; i < 64; ++i) {
    unsigned char c = text[(id + i) % n];
    int diagonal = 0;
    for (int j = 1; j < USED; ++j) {
      int up = row[j];
      row[j] = c == text[j] ? diagonal + 1 : max(up, row[j - 1]);
      diagonal = up;
    }
  }
  out[id] = row[USED - 1];
}

int main() {
  setenv("CUCL_LOCAL_ARRAYS", "scratch", 1); // read at the first launch
  const int n = 1 << 15, threads = 128, blocks = n / threads;
  std::vector<float> hostFloats(n);
  std::vector<unsigned> hostWords(n);
  std::vector<unsigned char> hostText(n);
  for (int i = 0; i < n; ++i) {
    hostFloats[i] = float((i * 7919) % 1000) / 10.0f;
    hostWords[i] = unsigned(i) * 2654435761u;
    hostText[i] = (unsigned char)('a' + (i * 13) % 4);
  }
  float *floats, *floatOut[2];
  unsigned *words, *wordOut[2];
  unsigned char *text;
  int *intOut[2];
  check(cudaMalloc(&floats, n * sizeof(float)), "cudaMalloc");
  check(cudaMalloc(&words, n * sizeof(unsigned)), "cudaMalloc");
  check(cudaMalloc(&text, n), "cudaMalloc");
  for (int k = 0; k < 2; ++k) {
    check(cudaMalloc(&floatOut[k], n * sizeof(float)), "cudaMalloc");
    check(cudaMalloc(&wordOut[k], n * sizeof(unsigned)), "cudaMalloc");
    check(cudaMalloc(&intOut[k], n * sizeof(int)), "cudaMalloc");
  }
  check(cudaMemcpy(floats, hostFloats.data(), n * sizeof(float), cudaMemcpyHostToDevice), "copy");
  check(cudaMemcpy(words, hostWords.data(), n * sizeof(unsigned), cudaMemcpyHostToDevice), "copy");
  check(cudaMemcpy(text, hostText.data(), n, cudaMemcpyHostToDevice), "copy");

  struct Case {
    const char *name;
    std::function<void()> privateRun, scratchRun;
    void *outputs[2];
  } cases[] = {
      {"odd-even passes (float[N])",
       [&] { sortPasses<255><<<blocks, threads>>>(floats, floatOut[0], n); },
       [&] { sortPasses<256><<<blocks, threads>>>(floats, floatOut[1], n); },
       {floatOut[0], floatOut[1]}},
      {"histogram (unsigned[N])",
       [&] { histogram<255><<<blocks, threads>>>(words, wordOut[0], n); },
       [&] { histogram<256><<<blocks, threads>>>(words, wordOut[1], n); },
       {wordOut[0], wordOut[1]}},
      {"LCS row (int[N])", [&] { lcsRow<255><<<blocks, threads>>>(text, intOut[0], n); },
       [&] { lcsRow<256><<<blocks, threads>>>(text, intOut[1], n); },
       {intOut[0], intOut[1]}},
  };
  std::printf("%-28s %12s %12s %8s\n", "kernel", "private ms", "scratch ms", "ratio");
  double logSum = 0.0;
  for (Case &c : cases) {
    double privateMs = 1e30, scratchMs = 1e30;
    for (int round = 0; round < 3; ++round) { // interleaved: load changes hit both
      privateMs = std::min(privateMs, bestMs(c.privateRun, 3));
      scratchMs = std::min(scratchMs, bestMs(c.scratchRun, 3));
    }
    std::vector<unsigned> a(n), b(n);
    check(cudaMemcpy(a.data(), c.outputs[0], n * 4, cudaMemcpyDeviceToHost), "copy");
    check(cudaMemcpy(b.data(), c.outputs[1], n * 4, cudaMemcpyDeviceToHost), "copy");
    bool same = a == b;
    logSum += std::log(privateMs / scratchMs);
    std::printf("%-28s %12.2f %12.2f %7.2fx%s\n", c.name, privateMs, scratchMs,
                privateMs / scratchMs, same ? "" : "  RESULTS DIFFER");
  }
  std::printf("geometric mean (private / scratch): %.2fx\n", std::exp(logSum / 3));
  return 0;
}
