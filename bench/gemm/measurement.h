// One timed implementation on one problem, and the adaptive best-of-N loop
// that produces it.
#ifndef CUCL_BENCH_GEMM_MEASUREMENT_H
#define CUCL_BENCH_GEMM_MEASUREMENT_H

#include <algorithm>
#include <chrono>
#include <limits>
#include <string>

namespace bench {

struct Measurement {
  bool ran = false;   // false: not run or failed (see note)
  double seconds = 0; // best of `repeats` timed calls
  int repeats = 0;
  double maxRelError = 0; // against OpenBLAS (0 for OpenBLAS itself)
  bool agrees = true;     // maxRelError within tolerance
  std::string note;       // why it did not run, or the failing call

  double gflops(double flops) const { return ran && seconds > 0 ? flops / seconds * 1e-9 : 0; }
};

// How many timed calls a point gets: at least minRepeats, more while they fit
// in targetSeconds, at most maxRepeats. The machine is shared, so the best of
// them is reported.
struct RepeatPolicy {
  double targetSeconds = 0.5;
  int minRepeats = 3;
  int maxRepeats = 10;
};

// Runs `call` once untimed (program builds, first touches), then times it
// repeatedly under `policy`. `call` runs one complete, synchronised GEMM and
// returns an empty string, or what failed.
template <class Call> Measurement timeBestOf(const RepeatPolicy &policy, Call &&call) {
  using Clock = std::chrono::steady_clock;
  Measurement result;
  result.note = call();
  if (!result.note.empty())
    return result;
  double best = std::numeric_limits<double>::infinity(), total = 0;
  for (int repeat = 0; repeat < policy.maxRepeats; ++repeat) {
    if (repeat >= policy.minRepeats && total + best > policy.targetSeconds)
      break;
    const Clock::time_point start = Clock::now();
    result.note = call();
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    if (!result.note.empty())
      return result;
    best = std::min(best, seconds);
    total += seconds;
    result.repeats = repeat + 1;
  }
  result.ran = true;
  result.seconds = best;
  return result;
}

} // namespace bench

#endif // CUCL_BENCH_GEMM_MEASUREMENT_H
