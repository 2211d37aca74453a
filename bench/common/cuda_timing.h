// Timing helpers shared by the CUDA benchmarks built with cuclcc: a failing
// CUDA call ends the benchmark; a measurement is the best synchronized wall
// time after one warm-up run (which also builds the kernels).
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include <cuda_runtime.h>

static void check(cudaError_t status, const char *what) {
  if (status != cudaSuccess) {
    std::fprintf(stderr, "%s: %s\n", what, cudaGetErrorString(status));
    std::exit(1);
  }
}

// Best wall time of `runs` synchronized runs, in milliseconds.
static double bestMs(const std::function<void()> &run, int runs) {
  run();
  check(cudaDeviceSynchronize(), "warm-up");
  double best = 1e30;
  for (int r = 0; r < runs; ++r) {
    auto start = std::chrono::steady_clock::now();
    run();
    check(cudaDeviceSynchronize(), "run");
    std::chrono::duration<double, std::milli> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count());
  }
  return best;
}
