#include "core/host_generation.h"

#include <cmath>

#include "core/engines.h"
#include "core/sobol.h"

namespace cucl::rand {

namespace {

// The values of item j from its stream; the loops below give each item its
// stream in turn, so the output is written in order.
template <class Ops, class Item>
void forEachItem(curandGenerator_st &generator, std::size_t items, Item &&item) {
  auto *states = reinterpret_cast<typename Ops::State *>(generator.hostStates.data());
  std::uint32_t t = generator.rotation;
  for (std::size_t j = 0; j < items; ++j) {
    item(j, &states[t]);
    t = t + 1 == kStreams ? 0 : t + 1;
  }
}

template <class Ops> void generateWith(curandGenerator_st &generator, const Request &r) {
  using State = typename Ops::State;
  const std::size_t items = r.items();
  switch (r.output) {
  case Output::U32: {
    auto *out = static_cast<std::uint32_t *>(r.destination);
    forEachItem<Ops>(generator, items, [&](std::size_t j, State *s) { out[j] = Ops::next(s); });
    break;
  }
  case Output::Uniform: {
    auto *out = static_cast<float *>(r.destination);
    forEachItem<Ops>(generator, items, [&](std::size_t j, State *s) { out[j] = Ops::uniform(s); });
    break;
  }
  case Output::UniformDouble: {
    auto *out = static_cast<double *>(r.destination);
    forEachItem<Ops>(generator, items,
                     [&](std::size_t j, State *s) { out[j] = Ops::uniformDouble(s); });
    break;
  }
  case Output::Normal: {
    auto *out = static_cast<float *>(r.destination);
    const auto mean = static_cast<float>(r.mean), stddev = static_cast<float>(r.stddev);
    forEachItem<Ops>(generator, items, [&](std::size_t j, State *s) {
      float a, b;
      Ops::normalPair(s, &a, &b);
      a = mean + stddev * a;
      b = mean + stddev * b;
      out[2 * j] = r.logNormal ? std::exp(a) : a;
      out[2 * j + 1] = r.logNormal ? std::exp(b) : b;
    });
    break;
  }
  case Output::NormalDouble: {
    auto *out = static_cast<double *>(r.destination);
    forEachItem<Ops>(generator, items, [&](std::size_t j, State *s) {
      double a, b;
      Ops::normalPairDouble(s, &a, &b);
      a = r.mean + r.stddev * a;
      b = r.mean + r.stddev * b;
      out[2 * j] = r.logNormal ? std::exp(a) : a;
      out[2 * j + 1] = r.logNormal ? std::exp(b) : b;
    });
    break;
  }
  case Output::Discrete: {
    auto *out = static_cast<std::uint32_t *>(r.destination);
    forEachItem<Ops>(generator, items, [&](std::size_t j, State *s) {
      out[j] = discreteValue(*r.table, Ops::next(s));
    });
    break;
  }
  case Output::U64: // 64-bit numbers are Sobol64's only (refused before)
    break;
  }
}

// Dimension d's `points` values from index `first`, as kernels/sobol.cl
// makes them: the first point from its Gray code, then one XOR each.
template <class Word, class Write>
void sobolDimension(const Word *v, Word shift, std::uint64_t first, std::uint64_t points,
                    Write &&write) {
  std::uint64_t gray = first ^ (first >> 1);
  Word x = 0;
  for (int k = 0; gray != 0; ++k, gray >>= 1)
    if (gray & 1)
      x ^= v[k];
  for (std::uint64_t p = 0;;) {
    write(p, static_cast<Word>(x ^ shift));
    if (++p == points)
      break;
    x ^= v[__builtin_ctzll(first + p)];
  }
}

template <class Word>
void sobolOnHost(const curandGenerator_st &generator, const Word *directions, const Word *scramble,
                 std::uint64_t points, const Request &r) {
  constexpr int bits = sizeof(Word) * 8;
  auto high32 = [](Word y) { return static_cast<std::uint32_t>(y >> (bits - 32)); };
  // A 32-bit number's midpoint as a 64-bit one, for the double quantile.
  auto wide64 = [](Word y) {
    return bits == 64 ? static_cast<std::uint64_t>(y)
                      : (static_cast<std::uint64_t>(y) << 32 | 0x80000000u);
  };
  const double scale = bits == 64 ? 5.421010862427522170e-20 : 2.3283064365386963e-10;
  for (unsigned d = 0; d < generator.dimensions; ++d) {
    const Word *v = directions + static_cast<std::size_t>(d) * bits;
    const Word shift = generator.scrambled ? scramble[d] : 0;
    auto run = [&](auto *out, auto value) {
      out += static_cast<std::size_t>(d) * points;
      sobolDimension(v, shift, generator.nextPoint, points,
                     [&](std::uint64_t p, Word y) { out[p] = value(y); });
    };
    const auto mean = static_cast<float>(r.mean), stddev = static_cast<float>(r.stddev);
    switch (r.output) {
    case Output::U32:
    case Output::U64:
      run(static_cast<Word *>(r.destination), [](Word y) { return y; });
      break;
    case Output::Uniform:
      run(static_cast<float *>(r.destination),
          [&](Word y) { return cucl_uniform_float(high32(y)); });
      break;
    case Output::UniformDouble:
      run(static_cast<double *>(r.destination),
          [&](Word y) { return static_cast<double>(y) * scale + scale / 2; });
      break;
    case Output::Normal:
      run(static_cast<float *>(r.destination), [&](Word y) {
        float z = mean + stddev * cucl_normal_from_quantile(high32(y));
        return r.logNormal ? std::exp(z) : z;
      });
      break;
    case Output::NormalDouble:
      run(static_cast<double *>(r.destination), [&](Word y) {
        double z = r.mean + r.stddev * cucl_normal_from_quantile_double(wide64(y));
        return r.logNormal ? std::exp(z) : z;
      });
      break;
    case Output::Discrete:
      run(static_cast<std::uint32_t *>(r.destination),
          [&](Word y) { return discreteValue(*r.table, high32(y)); });
      break;
    }
  }
}

} // namespace

void initHostStates(curandGenerator_st &generator, std::uint64_t consumed) {
  withEngine(generator.engine, [&](auto ops) {
    using Ops = decltype(ops);
    using State = typename Ops::State;
    generator.hostStates.assign(kStreams * sizeof(State), 0);
    auto *states = reinterpret_cast<State *>(generator.hostStates.data());
    // Stream t + 1 is stream t one subsequence on: one jump each.
    Ops::init(generator.seed, 0, &states[0]);
    for (std::uint32_t t = 1; t < kStreams; ++t) {
      states[t] = states[t - 1];
      Ops::nextSubsequence(&states[t]);
    }
    for (std::uint32_t t = 0; t < kStreams; ++t) {
      std::uint64_t taken = consumed / kStreams + (t < consumed % kStreams ? 1 : 0);
      if (taken != 0)
        Ops::skip(&states[t], taken);
    }
  });
}

void generateSobolOnHost(const curandGenerator_st &generator, std::uint64_t points,
                         const Request &request) {
  if (generator.engine == Engine::Sobol64)
    sobolOnHost(generator, sobolDirections64(), sobolScramble64(), points, request);
  else
    sobolOnHost(generator, sobolDirections32(), sobolScramble32(), points, request);
}

void generateOnHost(curandGenerator_st &generator, const Request &request) {
  withEngine(generator.engine, [&](auto ops) { generateWith<decltype(ops)>(generator, request); });
}

std::size_t stateBytes(Engine engine) {
  return withEngine(engine, [](auto ops) { return sizeof(typename decltype(ops)::State); });
}

} // namespace cucl::rand
