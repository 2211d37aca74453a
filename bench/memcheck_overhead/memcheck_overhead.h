// The interface between main.cpp and the two builds of kernels.cuh: each
// build runs the same kernels on the same inputs and hands back, per kernel,
// its best time and its output (to compare the builds with each other).
#pragma once

#include <vector>

struct KernelRun {
  const char *name;
  double ms;                  // best kernel time, milliseconds (cudaEvent)
  std::vector<double> result; // the kernel's output, widened for comparison
};

namespace plain {
std::vector<KernelRun> runAll(int repetitions);
}
namespace checked {
std::vector<KernelRun> runAll(int repetitions);
}
