// Generation on the CPU for curandCreateGeneratorHost: the same streams and
// item layout as the device kernels (kernels/generate.cl).
#ifndef CUCL_CURAND_CORE_HOST_GENERATION_H
#define CUCL_CURAND_CORE_HOST_GENERATION_H

#include "core/generator.h"

namespace cucl::rand {

// The streams' states after the first `consumed` items of the sequence.
void initHostStates(curandGenerator_st &generator, std::uint64_t consumed);
// Writes the request's values to host memory from the generator's streams.
void generateOnHost(curandGenerator_st &generator, const Request &request);
// Writes `points` Sobol points from generator.nextPoint in every dimension.
void generateSobolOnHost(const curandGenerator_st &generator, std::uint64_t points,
                         const Request &request);

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_HOST_GENERATION_H
