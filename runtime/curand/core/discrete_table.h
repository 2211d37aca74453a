// A discrete distribution as an inverse-CDF table over 32-bit numbers: value
// shift + i for the numbers x with cdf[i-1] <= x < cdf[i]. One number per
// value and integer comparisons only, so every device and the host agree.
#ifndef CUCL_CURAND_CORE_DISCRETE_TABLE_H
#define CUCL_CURAND_CORE_DISCRETE_TABLE_H

#include <cstdint>
#include <vector>

#include "cucl/rand/distributions.h"

namespace cucl::rand {

inline constexpr double kMaxPoissonLambda = 400000.0; // cuRAND's limit

struct DiscreteTable {
  std::vector<std::uint32_t> cdf; // the last entry is never compared
  std::uint32_t shift = 0;
  double lambda = 0; // the mean it was made for
};

// The Poisson distribution of mean `lambda` (> 0), over the values within
// ten standard deviations (plus ten) of the mean: the mass outside is far
// below 2^-32. False when lambda is not in (0, 400000], cuRAND's documented
// range (the table itself would be exact far beyond it).
bool makePoissonTable(double lambda, DiscreteTable *table);

// The value the table gives for the number x (the kernels' search).
inline std::uint32_t discreteValue(const DiscreteTable &table, std::uint32_t x) {
  return table.shift +
         cucl_discrete_index(table.cdf.data(), static_cast<std::uint32_t>(table.cdf.size()), x);
}

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_DISCRETE_TABLE_H
