// The benchmark's outputs: the table on stdout and the CSV files.
#ifndef CUCL_BENCH_GEMM_REPORT_H
#define CUCL_BENCH_GEMM_REPORT_H

#include <string>
#include <vector>

#include "shape_result.h"

namespace bench {

// Shape, GFLOP/s of ours / CLBlast default / CLBlast tuned (best set) /
// OpenBLAS, the ratios of ours to each, and ours' error against OpenBLAS.
void printTable(const std::vector<ShapeResult> &results);

// DIR/gemm-results.csv: one row per implementation (and CLBlast parameter
// set) per shape; DIR/gemm-summary.csv: the table. Returns "" or the failure.
std::string writeCsv(const std::vector<ShapeResult> &results, const std::string &dir);

// "12.3" or "-" when the measurement did not run.
std::string formatGflops(const Measurement &measurement, double flops);

} // namespace bench

#endif // CUCL_BENCH_GEMM_REPORT_H
