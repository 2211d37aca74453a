// The PNG plot (gnuplot): GFLOP/s against size for the square SGEMM and DGEMM
// shapes, one line per implementation, and grouped bars for the skinny and
// batched shapes.
#ifndef CUCL_BENCH_GEMM_PLOT_H
#define CUCL_BENCH_GEMM_PLOT_H

#include <string>
#include <vector>

#include "shape_result.h"

namespace bench {

// Writes DIR/gemm.gp and its data files and runs gnuplot to make DIR/gemm.png.
// Returns the PNG's path, or "" with the reason (no gnuplot, nothing to plot,
// gnuplot failed) in `why`.
std::string writePlot(const std::vector<ShapeResult> &results, const std::string &dir,
                      std::string &why);

} // namespace bench

#endif // CUCL_BENCH_GEMM_PLOT_H
