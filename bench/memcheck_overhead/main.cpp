// bench-memcheck-overhead: what cuclcc -memcheck costs at run time. The same
// eight kernels (kernels.cuh, modelled on samples/) are translated twice into
// this one binary -- plain.cu normally, checked.cu with -memcheck, so every
// __global and __shared__ access is checked against its allocation -- and run
// on the same inputs in the same process. Prints each kernel's time without
// and with memcheck (milliseconds, cudaEvent, best of several launches after a
// warm-up launch that builds the OpenCL program) and the ratio memcheck/plain.
// A benchmark, not a test: it never fails on time, but it does fail when the
// two builds' results disagree (or when memcheck reports a bad access, which
// on these correct kernels would be a false report).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <initializer_list>
#include <utility>
#include <vector>

#include <cuda_runtime.h>

#include "memcheck_overhead.h"

// Largest difference relative to the result's magnitude; both builds run the
// same arithmetic, so anything beyond rounding means memcheck changed a result.
static double relativeDifference(const std::vector<double> &a, const std::vector<double> &b) {
  if (a.size() != b.size())
    return INFINITY;
  double scale = 0.0, diff = 0.0;
  for (size_t i = 0; i < a.size(); ++i) {
    scale = std::max(scale, std::fabs(a[i]));
    diff = std::max(diff, std::fabs(a[i] - b[i]));
  }
  return scale > 0.0 ? diff / scale : diff;
}

int main() {
  cudaDeviceProp prop;
  if (cudaGetDeviceProperties(&prop, 0) != cudaSuccess) {
    std::fprintf(stderr, "no CUDA device\n");
    return 1;
  }
  std::printf("device: %s\n", prop.name);
  // Rounds alternate the two builds, so a drift in the machine's speed (other
  // load, clocks) falls on both; each kernel keeps its best time over rounds.
  const int rounds = 3, repetitions = 5;
  std::vector<KernelRun> plainRuns, checkedRuns;
  for (int round = 0; round < rounds; ++round) {
    for (auto [runAll, best] :
         {std::pair{plain::runAll, &plainRuns}, std::pair{checked::runAll, &checkedRuns}}) {
      std::vector<KernelRun> runs = runAll(repetitions);
      if (best->empty())
        *best = runs;
      for (size_t k = 0; k < runs.size(); ++k)
        (*best)[k].ms = std::min((*best)[k].ms, runs[k].ms);
    }
  }

  std::printf("%-10s %10s %10s %8s  %s\n", "kernel", "plain", "memcheck", "ratio", "results");
  bool agree = true;
  double logSum = 0.0;
  for (size_t k = 0; k < plainRuns.size(); ++k) {
    const KernelRun &p = plainRuns[k], &c = checkedRuns[k];
    double ratio = c.ms / p.ms, diff = relativeDifference(p.result, c.result);
    bool same = diff <= 1e-5;
    agree = agree && same;
    logSum += std::log(ratio);
    char verdict[64];
    std::snprintf(verdict, sizeof verdict, same ? "agree" : "DIFFER (relative %.3g)", diff);
    std::printf("%-10s %10.3f %10.3f %7.2fx  %s\n", p.name, p.ms, c.ms, ratio, verdict);
  }
  std::printf("%-10s %10s %10s %7.2fx\n", "geomean", "", "",
              std::exp(logSum / double(plainRuns.size())));
  std::printf("(milliseconds, best of %d launches in each of %d rounds; ratio = memcheck/plain)\n",
              repetitions, rounds);
  return agree ? 0 : 1;
}
