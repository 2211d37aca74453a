// One benchmark problem on the host: C = alpha * A * B + beta * C, column-major,
// no transposes, tightly packed (lda = m, ldb = k, ldc = m) and, when batched,
// one matrix after the other (strides m*k, k*n, m*n). Every implementation gets
// the same inputs; its result is compared with OpenBLAS's.
#ifndef CUCL_BENCH_GEMM_PROBLEM_H
#define CUCL_BENCH_GEMM_PROBLEM_H

#include <cmath>
#include <cstddef>
#include <limits>
#include <random>
#include <vector>

#include "gemm_shape.h"

namespace bench {

template <class T> struct GemmProblem {
  GemmShape shape;
  // beta = 0: C is pure output, so repeated timed calls all compute the same
  // result and the one left behind can be checked.
  T alpha = T(1), beta = T(0);
  std::vector<T> a, b;
  std::vector<T> reference; // OpenBLAS's C, filled by the OpenBLAS runner

  std::size_t strideA() const { return std::size_t(shape.m) * std::size_t(shape.k); }
  std::size_t strideB() const { return std::size_t(shape.k) * std::size_t(shape.n); }
  std::size_t strideC() const { return std::size_t(shape.m) * std::size_t(shape.n); }
  std::size_t elementsC() const { return strideC() * std::size_t(shape.batch); }
};

// Inputs uniform in [-1, 1), the same for a shape on every run.
template <class T> GemmProblem<T> makeProblem(const GemmShape &shape) {
  GemmProblem<T> problem;
  problem.shape = shape;
  std::mt19937_64 random(
      std::uint64_t(shape.m * 1000003 + shape.n * 10007 + shape.k * 101 + shape.batch));
  std::uniform_real_distribution<T> uniform(T(-1), T(1));
  problem.a.resize(problem.strideA() * std::size_t(shape.batch));
  problem.b.resize(problem.strideB() * std::size_t(shape.batch));
  for (T &x : problem.a)
    x = uniform(random);
  for (T &x : problem.b)
    x = uniform(random);
  return problem;
}

// max |result - reference| / max |reference| over all of C: a wrong kernel
// gives errors of order 1, rounding differences of order k * epsilon or less.
// NaN or a size mismatch is infinite.
template <class T>
double maxRelativeError(const std::vector<T> &result, const std::vector<T> &reference) {
  if (result.size() != reference.size())
    return std::numeric_limits<double>::infinity();
  double scale = 0, worst = 0;
  for (std::size_t i = 0; i < result.size(); ++i) {
    const double difference = std::fabs(double(result[i]) - double(reference[i]));
    if (!(difference <= std::numeric_limits<double>::max()))
      return std::numeric_limits<double>::infinity();
    worst = std::max(worst, difference);
    scale = std::max(scale, std::fabs(double(reference[i])));
  }
  return scale > 0 ? worst / scale : worst;
}

// What two correct implementations may differ by (different summation orders).
template <class T> double errorTolerance(const GemmShape &shape) {
  return 4.0 * double(std::numeric_limits<T>::epsilon()) * double(std::max(shape.k, 16L));
}

} // namespace bench

#endif // CUCL_BENCH_GEMM_PROBLEM_H
