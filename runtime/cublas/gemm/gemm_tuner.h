// Searches the GEMM kernel family on one device within a time budget. For
// every key (precision, transposes, shape class) it times candidates on a
// representative problem, starting from the configuration the device would
// otherwise run and walking to neighbours of the best so far. A candidate may
// only win after it reproduced a host reference on an odd-sized problem
// (every edge path) and on samples of the timed problem.
#ifndef CUCL_CUBLAS_GEMM_GEMM_TUNER_H
#define CUCL_CUBLAS_GEMM_GEMM_TUNER_H

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gemm/gemm_params.h"
#include "gemm/gemm_shape.h"
#include "gemm/gemm_tuning.h"
#include "library_support/program_cache.h"

namespace cucl::blas {

struct TunerOptions {
  double seconds = 240;
  std::vector<DataType> precisions = {DataType::F32, DataType::F64};
  std::vector<ShapeClass> shapes = {std::begin(kAllShapeClasses), std::end(kAllShapeClasses)};
  std::vector<std::pair<bool, bool>> transposes = {
      {false, false}, {false, true}, {true, false}, {true, true}}; // (transA, transB); NN first
  unsigned seed = 1;
};

// One line per event ("f32 NN large #7 MR=... 131.2 GFLOP/s (best 139.1)").
using TunerProgress = std::function<void(const std::string &line)>;

GemmTuning tuneGemm(library::ProgramCache &programs, const TunerOptions &options,
                    const TunerProgress *progress);

// The problem the tuner times for a shape class: m, n, k, batch count.
struct TuningProblem {
  int m, n, k, batch;
};
TuningProblem tuningProblem(ShapeClass shape);

// Builds `params` for `key` and checks it against a host reference on an
// odd-sized problem (all edges) of that key; false with a reason otherwise.
bool verifyGemmParams(library::ProgramCache &programs, const GemmParams &params, const GemmKey &key,
                      std::string *reason);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_TUNER_H
