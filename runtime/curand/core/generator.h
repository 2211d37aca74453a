// A cuRAND generator: its kind, seed, offset and stream, and the states of
// its streams, on the device (libcurand's kernels) or on the host.
//
// Every pseudo-random generator runs kStreams streams; stream t is the
// device API's curand_init(seed, t, 0). Item j of a call (one number, or
// one pair of normals) comes from stream (rotation + j) % kStreams, so the
// numbers depend on the seed, offset and earlier calls only: the same on
// every device, with any number of compute units, and on the host.
#ifndef CUCL_CURAND_CORE_GENERATOR_H
#define CUCL_CURAND_CORE_GENERATOR_H

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "backend/cl.h"
#include "core/discrete_table.h"
#include "curand.h"

namespace cucl::rand {

inline constexpr std::uint32_t kStreams = 16384;

enum class Engine { Xorwow, Philox, Mrg32k3a, Sobol32, Sobol64 };

inline bool isQuasi(Engine engine) {
  return engine == Engine::Sobol32 || engine == Engine::Sobol64;
}

// What one generate call asks for.
enum class Output { U32, U64, Uniform, UniformDouble, Normal, NormalDouble, Discrete };
struct Request {
  Output output = Output::U32;
  void *destination = nullptr;
  std::size_t count = 0; // values written
  double mean = 0, stddev = 1;
  bool logNormal = false;
  const DiscreteTable *table = nullptr; // Output::Discrete
  // Items of a pseudo-random call: values, or pairs of normals.
  std::size_t items() const {
    return output == Output::Normal || output == Output::NormalDouble ? count / 2 : count;
  }
  std::size_t valueBytes() const;
};

class DeviceGeneration;

} // namespace cucl::rand

struct curandGenerator_st {
  curandRngType_t type = CURAND_RNG_PSEUDO_DEFAULT;
  cucl::rand::Engine engine = cucl::rand::Engine::Xorwow;
  bool host = false; // curandCreateGeneratorHost: fills host memory on the CPU
  int device = 0;    // the CUDA device current at creation
  cudaStream_t stream = nullptr;
  unsigned long long seed = 0;
  unsigned long long offset = 0;
  curandOrdering_t ordering = CURAND_ORDERING_PSEUDO_DEFAULT;
  bool scrambled = false;      // scrambled Sobol
  unsigned int dimensions = 1; // quasi-random generators

  // The streams' states are made on the next call after a seed or offset.
  bool statesValid = false;
  std::uint32_t rotation = 0;  // pseudo: the stream of the next item
  std::uint64_t nextPoint = 0; // quasi: the index of the next point

  std::vector<unsigned char> hostStates; // host generators
  std::unique_ptr<cucl::rand::DeviceGeneration> deviceGeneration;
  std::map<double, cucl::rand::DiscreteTable> poissonTables; // by lambda (few in practice)

  std::mutex mutex; // one call at a time per generator
};

namespace cucl::rand {

// Creation, with the checks of curandCreateGenerator(Host).
curandStatus_t createGenerator(curandRngType_t type, bool host, curandGenerator_t *out);
curandStatus_t destroyGenerator(curandGenerator_t generator);
// CURAND_STATUS_NOT_INITIALIZED for a handle that is not a live generator.
curandStatus_t checkGenerator(curandGenerator_t generator);

// Fills request.destination; the caller holds the generator's mutex.
curandStatus_t generate(curandGenerator_st &generator, const Request &request);
// Makes the streams' states now (curandGenerateSeeds).
curandStatus_t prepareStates(curandGenerator_st &generator);

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_GENERATOR_H
