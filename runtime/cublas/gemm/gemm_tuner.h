// Searches the GEMM kernel family on one device within a time budget. For
// every key (precision, transposes, shape class) it times candidates on a
// representative problem: first the configuration the device would otherwise
// run, every shipped set for the key and the class default (so a short run
// never ends below what ships), then the neighbours of the best so far, then
// random moves from it. A candidate may
// only win after it reproduced a host reference on an odd-sized problem
// (every edge path) and on samples of the timed problem.
#ifndef CUCL_CUBLAS_GEMM_GEMM_TUNER_H
#define CUCL_CUBLAS_GEMM_GEMM_TUNER_H

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "gemm/gemm_defaults.h"
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

// What the search for `key` measures first, in order, without duplicates:
// `current` (what the device runs today), every shipped set for the key (all
// CPU generations), the class default, for transposed keys the NN winner
// (and it with A staged), for A^T B a dot-product-form set. Then it walks
// the neighbours of the best of them.
std::vector<GemmParams> tunerSeeds(const GemmKey &key, const DeviceTraits &device,
                                   const GemmParams &current, const TunedEntry *nnWinner);

// Every set one field away from `params` (one value list step, or staging or
// the micro-kernel form toggled), tiles rounded to the micro tiles.
std::vector<GemmParams> neighbours(const GemmParams &params);

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
