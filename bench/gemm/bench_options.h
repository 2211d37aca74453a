// Command line of bench-gemm.
#ifndef CUCL_BENCH_GEMM_OPTIONS_H
#define CUCL_BENCH_GEMM_OPTIONS_H

#include <optional>
#include <string>
#include <vector>

#include "gemm_shape.h"

namespace bench {

struct Options {
  bool quick = false;              // sizes <= 1024, fewer repeats
  bool sgemm = true, dgemm = true; // --precision s|d|sd (default both)
  bool explicitShapes = false;     // --shapes given: DGEMM runs every non-batched shape asked for
  std::vector<GemmShape> shapes;
  std::string outDir = "bench-gemm-out";
  std::string clblastParams; // --clblast-params FILE (default: the copy beside the sources)
};

// Parses argv; prints usage or the error and returns nothing when the program
// should stop (exitCode tells how).
std::optional<Options> parseOptions(int argc, char **argv, int &exitCode);

} // namespace bench

#endif // CUCL_BENCH_GEMM_OPTIONS_H
