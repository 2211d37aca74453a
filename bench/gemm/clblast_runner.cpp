#include "clblast_runner.h"

#include <unordered_map>

#include <clblast.h>

namespace bench {
namespace {

std::string failure(const char *what, int status) {
  return std::string(what) + " returned " + std::to_string(status);
}

template <class T>
cl::Buffer upload(cl::Context &context, cl::CommandQueue &queue, const std::vector<T> &data) {
  cl::Buffer buffer(context, CL_MEM_READ_WRITE, data.size() * sizeof(T));
  queue.enqueueWriteBuffer(buffer, CL_TRUE, 0, data.size() * sizeof(T), data.data());
  return buffer;
}

} // namespace

ClblastRunner::ClblastRunner(const cl::Device &device)
    : device_(device), context_(device), queue_(context_, device) {}

template <class T>
Measurement ClblastRunner::run(const GemmProblem<T> &problem, const RepeatPolicy &policy) {
  const GemmShape &s = problem.shape;
  cl::Buffer a = upload(context_, queue_, problem.a);
  cl::Buffer b = upload(context_, queue_, problem.b);
  // Zeros: beta is 0, but CLBlast may still read C (0 * NaN would be NaN).
  cl::Buffer c = upload(context_, queue_, std::vector<T>(problem.elementsC(), T(0)));
  cl_command_queue queue = queue_();
  const auto colMajor = clblast::Layout::kColMajor;
  const auto no = clblast::Transpose::kNo;
  Measurement result = timeBestOf(policy, [&]() -> std::string {
    clblast::StatusCode status;
    if (s.batch == 1)
      status = clblast::Gemm<T>(colMajor, no, no, s.m, s.n, s.k, problem.alpha, a(), 0, s.m, b(), 0,
                                s.k, problem.beta, c(), 0, s.m, &queue);
    else
      status = clblast::GemmStridedBatched<T>(
          colMajor, no, no, s.m, s.n, s.k, problem.alpha, a(), 0, s.m, problem.strideA(), b(), 0,
          s.k, problem.strideB(), problem.beta, c(), 0, s.m, problem.strideC(), s.batch, &queue);
    if (status != clblast::StatusCode::kSuccess)
      return failure(s.batch == 1 ? "clblast::Gemm" : "clblast::GemmStridedBatched", int(status));
    cl_int finished = queue_.finish();
    return finished == CL_SUCCESS ? std::string() : failure("clFinish", finished);
  });
  if (result.ran) {
    std::vector<T> computed(problem.elementsC());
    queue_.enqueueReadBuffer(c, CL_TRUE, 0, computed.size() * sizeof(T), computed.data());
    result.maxRelError = maxRelativeError(computed, problem.reference);
    result.agrees = result.maxRelError <= errorTolerance<T>(s);
  }
  return result;
}

template Measurement ClblastRunner::run<float>(const GemmProblem<float> &, const RepeatPolicy &);
template Measurement ClblastRunner::run<double>(const GemmProblem<double> &, const RepeatPolicy &);

std::string ClblastRunner::overrideSingleXgemm(const ClblastParamSet &set) {
  std::unordered_map<std::string, std::size_t> values(set.values.begin(), set.values.end());
  clblast::StatusCode status =
      clblast::OverrideParameters(device_(), "Xgemm", clblast::Precision::kSingle, values);
  if (status != clblast::StatusCode::kSuccess)
    return failure("clblast::OverrideParameters", int(status));
  // CLBlast keys compiled programs by device, precision and routine, not by
  // parameters: without this the next call would reuse the previous set.
  status = clblast::ClearCache();
  return status == clblast::StatusCode::kSuccess ? std::string()
                                                 : failure("clblast::ClearCache", int(status));
}

} // namespace bench
