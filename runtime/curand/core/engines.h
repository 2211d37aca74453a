// The generator headers of include/cucl/rand/ compiled for the host, behind
// one interface per engine, so that host generation and the device states'
// layout come from the same code as the device API.
#ifndef CUCL_CURAND_CORE_ENGINES_H
#define CUCL_CURAND_CORE_ENGINES_H

#include <cstdint>

#include "core/generator.h"
#include "cucl/rand/distributions.h"
#include "cucl/rand/mrg32k3a.h"
#include "cucl/rand/philox.h"
#include "cucl/rand/xorwow.h"

namespace cucl::rand {

template <Engine E> struct EngineOps;

template <> struct EngineOps<Engine::Xorwow> {
  using State = cucl_xorwow_state;
  static void init(std::uint64_t seed, std::uint64_t subsequence, State *s) {
    cucl_xorwow_init(seed, subsequence, 0, s);
  }
  static void skip(State *s, std::uint64_t n) { cucl_xorwow_skipahead(s, n); }
  static void nextSubsequence(State *s) { cucl_xorwow_skipahead_sequence(s, 1); }
  static std::uint32_t next(State *s) { return cucl_xorwow_next(s); }
  static float uniform(State *s) { return cucl_xorwow_uniform(s); }
  static double uniformDouble(State *s) { return cucl_xorwow_uniform_double(s); }
  static void normalPair(State *s, float *a, float *b) { cucl_xorwow_normal_pair(s, a, b); }
  static void normalPairDouble(State *s, double *a, double *b) {
    cucl_xorwow_normal_pair_double(s, a, b);
  }
};

template <> struct EngineOps<Engine::Philox> {
  using State = cucl_philox_state;
  static void init(std::uint64_t seed, std::uint64_t subsequence, State *s) {
    cucl_philox_init(seed, subsequence, 0, s);
  }
  static void skip(State *s, std::uint64_t n) { cucl_philox_skipahead(s, n); }
  static void nextSubsequence(State *s) { cucl_philox_skipahead_sequence(s, 1); }
  static std::uint32_t next(State *s) { return cucl_philox_next(s); }
  static float uniform(State *s) { return cucl_philox_uniform(s); }
  static double uniformDouble(State *s) { return cucl_philox_uniform_double(s); }
  static void normalPair(State *s, float *a, float *b) { cucl_philox_normal_pair(s, a, b); }
  static void normalPairDouble(State *s, double *a, double *b) {
    cucl_philox_normal_pair_double(s, a, b);
  }
};

template <> struct EngineOps<Engine::Mrg32k3a> {
  using State = cucl_mrg32k3a_state;
  static void init(std::uint64_t seed, std::uint64_t subsequence, State *s) {
    cucl_mrg32k3a_init(seed, subsequence, 0, s);
  }
  static void skip(State *s, std::uint64_t n) { cucl_mrg32k3a_skipahead(s, n); }
  static void nextSubsequence(State *s) { cucl_mrg32k3a_skipahead_sequence(s, 1); }
  static std::uint32_t next(State *s) { return cucl_mrg32k3a_next(s); }
  static float uniform(State *s) { return cucl_mrg32k3a_uniform(s); }
  static double uniformDouble(State *s) { return cucl_mrg32k3a_uniform_double(s); }
  static void normalPair(State *s, float *a, float *b) { cucl_mrg32k3a_normal_pair(s, a, b); }
  static void normalPairDouble(State *s, double *a, double *b) {
    cucl_mrg32k3a_normal_pair_double(s, a, b);
  }
};

// The layouts the device API documents (curandState* are 48, 64, 48 bytes).
static_assert(sizeof(EngineOps<Engine::Xorwow>::State) == 48);
static_assert(sizeof(EngineOps<Engine::Philox>::State) == 64);
static_assert(sizeof(EngineOps<Engine::Mrg32k3a>::State) == 48);

std::size_t stateBytes(Engine engine);

// Calls f(EngineOps<E>{}) for the generator's engine.
template <class F> decltype(auto) withEngine(Engine engine, F &&f) {
  switch (engine) {
  case Engine::Philox:
    return f(EngineOps<Engine::Philox>{});
  case Engine::Mrg32k3a:
    return f(EngineOps<Engine::Mrg32k3a>{});
  default: // Xorwow; the Sobol engines have no streams
    break;
  }
  return f(EngineOps<Engine::Xorwow>{});
}

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_ENGINES_H
