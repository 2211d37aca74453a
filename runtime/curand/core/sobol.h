// Sobol direction numbers (Joe and Kuo's new-joe-kuo-6.21201 set, read at
// build time from Debian's python3-scipy: scripts/gen-sobol-directions.py)
// and cucl's scramble constants, for the quasi-random generators and for
// curandGetDirectionVectors / curandGetScrambleConstants.
#ifndef CUCL_CURAND_CORE_SOBOL_H
#define CUCL_CURAND_CORE_SOBOL_H

#include <cstdint>

namespace cucl::rand {

inline constexpr unsigned kSobolDimensions = 20000; // cuRAND's limit

// kSobolDimensions rows of 32 (64) direction vectors, made on first use and
// alive for the process.
const std::uint32_t *sobolDirections32();
const std::uint64_t *sobolDirections64();
// One constant per dimension for the scrambled generators. cuRAND's own
// constants are not published; cucl's are XORWOW numbers of a fixed seed.
const std::uint32_t *sobolScramble32();
const std::uint64_t *sobolScramble64();

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_SOBOL_H
