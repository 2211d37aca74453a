// cucl's cuBLAS, called as a CUDA program calls it: cudaMalloc'd operands,
// cublasSgemm / cublasDgemm / cublasSgemmStridedBatched on one handle, each
// call followed by cudaDeviceSynchronize.
#ifndef CUCL_BENCH_GEMM_CUBLAS_RUNNER_H
#define CUCL_BENCH_GEMM_CUBLAS_RUNNER_H

#include <string>

#include "gemm_problem.h"
#include "measurement.h"

struct cublasContext;

namespace bench {

class CublasRunner {
public:
  CublasRunner();
  ~CublasRunner();
  CublasRunner(const CublasRunner &) = delete;
  CublasRunner &operator=(const CublasRunner &) = delete;

  // "" when the handle was created, else why not.
  const std::string &error() const { return error_; }

  // Times the call on `problem` and checks its C against problem.reference.
  template <class T> Measurement run(const GemmProblem<T> &problem, const RepeatPolicy &policy);

private:
  cublasContext *handle_ = nullptr; // cublasHandle_t
  std::string error_;
};

} // namespace bench

#endif // CUCL_BENCH_GEMM_CUBLAS_RUNNER_H
