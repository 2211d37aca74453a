// OpenBLAS on the host (cblas_sgemm/cblas_dgemm; a batch is a loop of calls).
// Its result is the reference every other implementation is checked against.
#ifndef CUCL_BENCH_GEMM_OPENBLAS_RUNNER_H
#define CUCL_BENCH_GEMM_OPENBLAS_RUNNER_H

#include "gemm_problem.h"
#include "measurement.h"

namespace bench {

// Times OpenBLAS on `problem` and stores its C in problem.reference.
template <class T> Measurement runOpenBlas(GemmProblem<T> &problem, const RepeatPolicy &policy);

// "OpenBLAS 0.3.21 (pthread, 2 threads)": what the host side is.
std::string openBlasDescription();

} // namespace bench

#endif // CUCL_BENCH_GEMM_OPENBLAS_RUNNER_H
