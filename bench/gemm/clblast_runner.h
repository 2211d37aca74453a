// CLBlast (Debian libclblast-dev) on the OpenCL device cucl uses, with its own
// context, queue and buffers: XgemmS / Xgemm D and SgemmStridedBatched, either
// with CLBlast's parameters for the device or with an overriding set.
#ifndef CUCL_BENCH_GEMM_CLBLAST_RUNNER_H
#define CUCL_BENCH_GEMM_CLBLAST_RUNNER_H

#include <string>

#include "clblast_params.h"
#include "gemm_problem.h"
#include "measurement.h"
#include "opencl.h"

namespace bench {

class ClblastRunner {
public:
  explicit ClblastRunner(const cl::Device &device);

  // Times CLBlast on `problem` and checks its C against problem.reference.
  template <class T> Measurement run(const GemmProblem<T> &problem, const RepeatPolicy &policy);

  // From now on, fp32 GEMM runs with `set` (CLBlastOverrideParameters on
  // "Xgemm"); compiled programs are dropped so the next call builds with it.
  // There is no way back to the defaults: measure those first. Returns "" or
  // the failure.
  std::string overrideSingleXgemm(const ClblastParamSet &set);

private:
  cl::Device device_;
  cl::Context context_;
  cl::CommandQueue queue_;
};

} // namespace bench

#endif // CUCL_BENCH_GEMM_CLBLAST_RUNNER_H
