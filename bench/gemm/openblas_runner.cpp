#include "openblas_runner.h"

#include <cblas.h>

namespace bench {
namespace {

void gemm(int m, int n, int k, float alpha, const float *a, const float *b, float beta, float *c) {
  cblas_sgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, alpha, a, m, b, k, beta, c, m);
}

void gemm(int m, int n, int k, double alpha, const double *a, const double *b, double beta,
          double *c) {
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, m, n, k, alpha, a, m, b, k, beta, c, m);
}

} // namespace

template <class T> Measurement runOpenBlas(GemmProblem<T> &problem, const RepeatPolicy &policy) {
  const GemmShape &s = problem.shape;
  std::vector<T> c(problem.elementsC());
  Measurement result = timeBestOf(policy, [&] {
    for (long i = 0; i < s.batch; ++i)
      gemm(int(s.m), int(s.n), int(s.k), problem.alpha, problem.a.data() + i * problem.strideA(),
           problem.b.data() + i * problem.strideB(), problem.beta,
           c.data() + i * problem.strideC());
    return std::string();
  });
  problem.reference = std::move(c);
  return result;
}

template Measurement runOpenBlas<float>(GemmProblem<float> &, const RepeatPolicy &);
template Measurement runOpenBlas<double>(GemmProblem<double> &, const RepeatPolicy &);

std::string openBlasDescription() {
  const char *config = openblas_get_config();
  return std::string(config ? config : "OpenBLAS") + ", " +
         std::to_string(openblas_get_num_threads()) + " threads";
}

} // namespace bench
