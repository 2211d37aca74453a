// Everything measured for one shape in one precision.
#ifndef CUCL_BENCH_GEMM_SHAPE_RESULT_H
#define CUCL_BENCH_GEMM_SHAPE_RESULT_H

#include <vector>

#include "gemm_shape.h"
#include "measurement.h"

namespace bench {

struct ShapeResult {
  char precision = 's'; // 's' (SGEMM) or 'd' (DGEMM)
  GemmShape shape;
  Measurement ours, clblastDefault, openblas;
  std::vector<Measurement> clblastSets; // [i]: parameter set i + 1 (SGEMM only)

  // The fastest parameter set whose result agrees with OpenBLAS: 1-based, 0 if none.
  int bestSet() const {
    int best = 0;
    for (std::size_t i = 0; i < clblastSets.size(); ++i)
      if (clblastSets[i].ran && clblastSets[i].agrees &&
          (best == 0 || clblastSets[i].seconds < clblastSets[best - 1].seconds))
        best = int(i) + 1;
    return best;
  }
  const Measurement *clblastTuned() const {
    int best = bestSet();
    return best ? &clblastSets[best - 1] : nullptr;
  }
};

} // namespace bench

#endif // CUCL_BENCH_GEMM_SHAPE_RESULT_H
