#include "core/discrete_table.h"

#include <algorithm>
#include <cmath>

namespace cucl::rand {

bool makePoissonTable(double lambda, DiscreteTable *table) {
  if (!(lambda > 0.0) || !(lambda <= kMaxPoissonLambda))
    return false;
  const double spread = 10.0 * std::sqrt(lambda) + 10.0;
  const double first = std::max(0.0, std::floor(lambda - spread));
  const double last = std::ceil(lambda + spread);
  const auto length = static_cast<std::size_t>(last - first) + 1;
  table->shift = static_cast<std::uint32_t>(first);
  table->lambda = lambda;
  table->cdf.assign(length, 0);
  // P(k) = exp(k log(lambda) - lambda - log(k!)), summed in long double from
  // the first value on (the mass below it is negligible).
  long double cumulative = 0;
  const long double logLambda = std::log(static_cast<long double>(lambda));
  for (std::size_t i = 0; i < length; ++i) {
    long double k = first + static_cast<long double>(i);
    cumulative += std::exp(k * logLambda - lambda - std::lgamma(k + 1.0L));
    long double scaled = std::floor(cumulative * 4294967296.0L);
    table->cdf[i] = scaled >= 4294967295.0L ? 0xFFFFFFFFu : static_cast<std::uint32_t>(scaled);
  }
  return true;
}

} // namespace cucl::rand
