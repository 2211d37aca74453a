/*
 * cuRAND's device API: generator states and distributions that kernels call.
 * The generators are cucl's shared ones (include/cucl/rand/), so a kernel's
 * curand_init(seed, i, 0, &s) stream is the one libcurand's host API uses
 * for its stream i, on every device and on the host (docs/curand.md).
 */
#ifndef CURAND_KERNEL_H_
#define CURAND_KERNEL_H_

#include "curand.h"
#include "vector_functions.h"

#define CUCL_RAND_XORWOW_STATE curandStateXORWOW
#define CUCL_RAND_PHILOX_STATE curandStatePhilox4_32_10
#define CUCL_RAND_MRG32K3A_STATE curandStateMRG32k3a
#include "cucl/rand/distributions.h"
#include "cucl/rand/mrg32k3a.h"
#include "cucl/rand/philox.h"
#include "cucl/rand/xorwow.h"

typedef struct curandStateXORWOW curandStateXORWOW_t;
typedef curandStateXORWOW_t curandState_t;
typedef curandState_t curandState;
typedef struct curandStatePhilox4_32_10 curandStatePhilox4_32_10_t;
typedef struct curandStateMRG32k3a curandStateMRG32k3a_t;

#define CUCL_CURAND_FN static __device__ __forceinline__

/* --- initialisation and skip-ahead ------------------------------------ */

CUCL_CURAND_FN void curand_init(unsigned long long seed, unsigned long long subsequence,
                                unsigned long long offset, curandStateXORWOW_t *state) {
  cucl_xorwow_init(seed, subsequence, offset, state);
}
CUCL_CURAND_FN void curand_init(unsigned long long seed, unsigned long long subsequence,
                                unsigned long long offset, curandStatePhilox4_32_10_t *state) {
  cucl_philox_init(seed, subsequence, offset, state);
}
CUCL_CURAND_FN void curand_init(unsigned long long seed, unsigned long long subsequence,
                                unsigned long long offset, curandStateMRG32k3a_t *state) {
  cucl_mrg32k3a_init(seed, subsequence, offset, state);
}

CUCL_CURAND_FN void skipahead(unsigned long long n, curandStateXORWOW_t *state) {
  cucl_xorwow_skipahead(state, n);
}
CUCL_CURAND_FN void skipahead(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  cucl_philox_skipahead(state, n);
}
CUCL_CURAND_FN void skipahead(unsigned long long n, curandStateMRG32k3a_t *state) {
  cucl_mrg32k3a_skipahead(state, n);
}
CUCL_CURAND_FN void skipahead_sequence(unsigned long long n, curandStateXORWOW_t *state) {
  cucl_xorwow_skipahead_sequence(state, n);
}
CUCL_CURAND_FN void skipahead_sequence(unsigned long long n, curandStatePhilox4_32_10_t *state) {
  cucl_philox_skipahead_sequence(state, n);
}
CUCL_CURAND_FN void skipahead_subsequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  cucl_mrg32k3a_skipahead_sequence(state, n);
}
/* MRG32k3a's sequences are 2^127 numbers apart: 2^51 subsequences. */
CUCL_CURAND_FN void skipahead_sequence(unsigned long long n, curandStateMRG32k3a_t *state) {
  cucl_mrg32k3a_skipahead_sequence127(state, n);
}

/* --- numbers, uniforms in (0, 1] and Box-Muller pairs, per engine ------- */

#define CUCL_CURAND_ENGINE_CALLS(State, prefix)                                                    \
  CUCL_CURAND_FN unsigned int curand(State *state) {                                               \
    return prefix##_next(state);                                                                   \
  }                                                                                                \
  CUCL_CURAND_FN float curand_uniform(State *state) {                                              \
    return prefix##_uniform(state);                                                                \
  }                                                                                                \
  CUCL_CURAND_FN double curand_uniform_double(State *state) {                                      \
    return prefix##_uniform_double(state);                                                         \
  }                                                                                                \
  CUCL_CURAND_FN float2 cucl_curand_normal_pair(State *state) {                                    \
    float2 pair;                                                                                   \
    prefix##_normal_pair(state, &pair.x, &pair.y);                                                 \
    return pair;                                                                                   \
  }                                                                                                \
  CUCL_CURAND_FN double2 cucl_curand_normal_pair_double(State *state) {                            \
    double2 pair;                                                                                  \
    prefix##_normal_pair_double(state, &pair.x, &pair.y);                                          \
    return pair;                                                                                   \
  }
CUCL_CURAND_ENGINE_CALLS(curandStateXORWOW_t, cucl_xorwow)
CUCL_CURAND_ENGINE_CALLS(curandStatePhilox4_32_10_t, cucl_philox)
CUCL_CURAND_ENGINE_CALLS(curandStateMRG32k3a_t, cucl_mrg32k3a)
#undef CUCL_CURAND_ENGINE_CALLS

/* Philox's four-at-a-time calls: the rest of the current block, then the
 * next. */
CUCL_CURAND_FN uint4 curand4(curandStatePhilox4_32_10_t *state) {
  unsigned int a = cucl_philox_next(state);
  unsigned int b = cucl_philox_next(state);
  unsigned int c = cucl_philox_next(state);
  unsigned int d = cucl_philox_next(state);
  return make_uint4(a, b, c, d);
}
CUCL_CURAND_FN float4 curand_uniform4(curandStatePhilox4_32_10_t *state) {
  uint4 v = curand4(state);
  return make_float4(cucl_uniform_float(v.x), cucl_uniform_float(v.y), cucl_uniform_float(v.z),
                     cucl_uniform_float(v.w));
}
CUCL_CURAND_FN double2 curand_uniform2_double(curandStatePhilox4_32_10_t *state) {
  uint4 v = curand4(state);
  return make_double2(cucl_uniform_double(v.x, v.y), cucl_uniform_double(v.z, v.w));
}
CUCL_CURAND_FN double4 curand_uniform4_double(curandStatePhilox4_32_10_t *state) {
  double2 a = curand_uniform2_double(state);
  double2 b = curand_uniform2_double(state);
  return make_double4(a.x, a.y, b.x, b.y);
}

/* --- normal: Box-Muller pairs, the second kept in the state ------------ */

template <class State> __device__ __forceinline__ float cucl_curand_normal(State *state) {
  if (state->boxmuller_flag != 0) {
    state->boxmuller_flag = 0;
    return state->boxmuller_extra;
  }
  float2 pair = cucl_curand_normal_pair(state);
  state->boxmuller_extra = pair.y;
  state->boxmuller_flag = 1;
  return pair.x;
}
template <class State> __device__ __forceinline__ double cucl_curand_normal_double(State *state) {
  if (state->boxmuller_flag_double != 0) {
    state->boxmuller_flag_double = 0;
    return state->boxmuller_extra_double;
  }
  double2 pair = cucl_curand_normal_pair_double(state);
  state->boxmuller_extra_double = pair.y;
  state->boxmuller_flag_double = 1;
  return pair.x;
}

#define CUCL_CURAND_FOR_EACH_STATE(X)                                                              \
  X(curandStateXORWOW_t)                                                                           \
  X(curandStatePhilox4_32_10_t)                                                                    \
  X(curandStateMRG32k3a_t)

#define CUCL_CURAND_NORMAL_CALLS(State)                                                            \
  CUCL_CURAND_FN float curand_normal(State *state) {                                               \
    return cucl_curand_normal(state);                                                              \
  }                                                                                                \
  CUCL_CURAND_FN double curand_normal_double(State *state) {                                       \
    return cucl_curand_normal_double(state);                                                       \
  }                                                                                                \
  CUCL_CURAND_FN float2 curand_normal2(State *state) {                                             \
    return cucl_curand_normal_pair(state);                                                         \
  }                                                                                                \
  CUCL_CURAND_FN double2 curand_normal2_double(State *state) {                                     \
    return cucl_curand_normal_pair_double(state);                                                  \
  }                                                                                                \
  CUCL_CURAND_FN float curand_log_normal(State *state, float mean, float stddev) {                 \
    return expf(mean + stddev * cucl_curand_normal(state));                                        \
  }                                                                                                \
  CUCL_CURAND_FN double curand_log_normal_double(State *state, double mean, double stddev) {       \
    return exp(mean + stddev * cucl_curand_normal_double(state));                                  \
  }                                                                                                \
  CUCL_CURAND_FN float2 curand_log_normal2(State *state, float mean, float stddev) {               \
    float2 pair = cucl_curand_normal_pair(state);                                                  \
    return make_float2(expf(mean + stddev * pair.x), expf(mean + stddev * pair.y));                \
  }                                                                                                \
  CUCL_CURAND_FN double2 curand_log_normal2_double(State *state, double mean, double stddev) {     \
    double2 pair = cucl_curand_normal_pair_double(state);                                          \
    return make_double2(exp(mean + stddev * pair.x), exp(mean + stddev * pair.y));                 \
  }
CUCL_CURAND_FOR_EACH_STATE(CUCL_CURAND_NORMAL_CALLS)
#undef CUCL_CURAND_NORMAL_CALLS

CUCL_CURAND_FN float4 curand_normal4(curandStatePhilox4_32_10_t *state) {
  float2 a = cucl_curand_normal_pair(state);
  float2 b = cucl_curand_normal_pair(state);
  return make_float4(a.x, a.y, b.x, b.y);
}
CUCL_CURAND_FN double4 curand_normal4_double(curandStatePhilox4_32_10_t *state) {
  double2 a = cucl_curand_normal_pair_double(state);
  double2 b = cucl_curand_normal_pair_double(state);
  return make_double4(a.x, a.y, b.x, b.y);
}
CUCL_CURAND_FN float4 curand_log_normal4(curandStatePhilox4_32_10_t *state, float mean,
                                         float stddev) {
  float4 z = curand_normal4(state);
  return make_float4(expf(mean + stddev * z.x), expf(mean + stddev * z.y),
                     expf(mean + stddev * z.z), expf(mean + stddev * z.w));
}
CUCL_CURAND_FN double4 curand_log_normal4_double(curandStatePhilox4_32_10_t *state, double mean,
                                                 double stddev) {
  double4 z = curand_normal4_double(state);
  return make_double4(exp(mean + stddev * z.x), exp(mean + stddev * z.y), exp(mean + stddev * z.z),
                      exp(mean + stddev * z.w));
}

/* --- Sobol (quasi-random): the state holds its dimension's direction
 * vectors; point i is the XOR of the vectors its Gray code picks, and the
 * scrambled states XOR every point with a constant. --------------------- */

#define CUCL_CURAND_SOBOL_STATE(Name, Word, Bits)                                                  \
  struct Name {                                                                                    \
    Word i, x, c;                                                                                  \
    Word direction_vectors[Bits];                                                                  \
  };                                                                                               \
  typedef struct Name Name##_t;
CUCL_CURAND_SOBOL_STATE(curandStateSobol32, unsigned int, 32)
CUCL_CURAND_SOBOL_STATE(curandStateScrambledSobol32, unsigned int, 32)
CUCL_CURAND_SOBOL_STATE(curandStateSobol64, unsigned long long, 64)
CUCL_CURAND_SOBOL_STATE(curandStateScrambledSobol64, unsigned long long, 64)
#undef CUCL_CURAND_SOBOL_STATE

template <class State, class Word>
__device__ __forceinline__ void cucl_curand_sobol_init(const Word *vectors, Word scramble,
                                                       Word offset, State *state) {
  const int bits = (int)sizeof(Word) * 8;
  for (int k = 0; k < bits; ++k)
    state->direction_vectors[k] = vectors[k];
  state->c = scramble;
  state->i = offset;
  Word gray = offset ^ (offset >> 1);
  Word x = scramble;
  for (int k = 0; gray != 0; ++k, gray >>= 1)
    if (gray & 1)
      x ^= vectors[k];
  state->x = x;
}

template <class State>
__device__ __forceinline__ void cucl_curand_sobol_skip(State *state, unsigned long long n) {
  const int bits = (int)sizeof(state->x) * 8;
  state->i += n;
  unsigned long long gray = (unsigned long long)state->i ^ ((unsigned long long)state->i >> 1);
  state->x = state->c;
  for (int k = 0; k < bits && gray != 0; ++k, gray >>= 1)
    if (gray & 1)
      state->x ^= state->direction_vectors[k];
}

/* The current point, then the next one: one XOR, chosen by the index's
 * trailing ones. */
template <class Word, class State>
__device__ __forceinline__ Word cucl_curand_sobol_next(State *state) {
  Word value = state->x;
  int k = 0;
  while ((state->i >> k) & 1)
    ++k;
  state->x ^= state->direction_vectors[k];
  state->i += 1;
  return value;
}

CUCL_CURAND_FN void curand_init(curandDirectionVectors32_t direction_vectors, unsigned int offset,
                                curandStateSobol32_t *state) {
  cucl_curand_sobol_init(direction_vectors, 0u, offset, state);
}
CUCL_CURAND_FN void curand_init(curandDirectionVectors32_t direction_vectors,
                                unsigned int scramble_c, unsigned int offset,
                                curandStateScrambledSobol32_t *state) {
  cucl_curand_sobol_init(direction_vectors, scramble_c, offset, state);
}
CUCL_CURAND_FN void curand_init(curandDirectionVectors64_t direction_vectors,
                                unsigned long long offset, curandStateSobol64_t *state) {
  cucl_curand_sobol_init(direction_vectors, 0ull, offset, state);
}
CUCL_CURAND_FN void curand_init(curandDirectionVectors64_t direction_vectors,
                                unsigned long long scramble_c, unsigned long long offset,
                                curandStateScrambledSobol64_t *state) {
  cucl_curand_sobol_init(direction_vectors, scramble_c, offset, state);
}

#define CUCL_CURAND_SOBOL_CALLS(State, Word, High32, Wide64, Scale)                                \
  CUCL_CURAND_FN Word curand(State *state) {                                                       \
    return cucl_curand_sobol_next<Word>(state);                                                    \
  }                                                                                                \
  CUCL_CURAND_FN void skipahead(unsigned long long n, State *state) {                              \
    cucl_curand_sobol_skip(state, n);                                                              \
  }                                                                                                \
  CUCL_CURAND_FN float curand_uniform(State *state) {                                              \
    return cucl_uniform_float(High32(cucl_curand_sobol_next<Word>(state)));                        \
  }                                                                                                \
  CUCL_CURAND_FN double curand_uniform_double(State *state) {                                      \
    return (double)cucl_curand_sobol_next<Word>(state) * Scale + Scale / 2;                        \
  }                                                                                                \
  CUCL_CURAND_FN float curand_normal(State *state) {                                               \
    return cucl_normal_from_quantile(High32(cucl_curand_sobol_next<Word>(state)));                 \
  }                                                                                                \
  CUCL_CURAND_FN double curand_normal_double(State *state) {                                       \
    return cucl_normal_from_quantile_double(Wide64(cucl_curand_sobol_next<Word>(state)));          \
  }                                                                                                \
  CUCL_CURAND_FN float curand_log_normal(State *state, float mean, float stddev) {                 \
    return expf(mean + stddev * curand_normal(state));                                             \
  }                                                                                                \
  CUCL_CURAND_FN double curand_log_normal_double(State *state, double mean, double stddev) {       \
    return exp(mean + stddev * curand_normal_double(state));                                       \
  }
#define CUCL_SOBOL_HIGH32_OF32(x) (x)
#define CUCL_SOBOL_HIGH32_OF64(x) ((unsigned int)((x) >> 32))
#define CUCL_SOBOL_WIDE_OF32(x) (((unsigned long long)(x) << 32) | 0x80000000ull)
#define CUCL_SOBOL_WIDE_OF64(x) (x)
CUCL_CURAND_SOBOL_CALLS(curandStateSobol32_t, unsigned int, CUCL_SOBOL_HIGH32_OF32,
                        CUCL_SOBOL_WIDE_OF32, 2.3283064365386963e-10)
CUCL_CURAND_SOBOL_CALLS(curandStateScrambledSobol32_t, unsigned int, CUCL_SOBOL_HIGH32_OF32,
                        CUCL_SOBOL_WIDE_OF32, 2.3283064365386963e-10)
CUCL_CURAND_SOBOL_CALLS(curandStateSobol64_t, unsigned long long, CUCL_SOBOL_HIGH32_OF64,
                        CUCL_SOBOL_WIDE_OF64, 5.421010862427522170e-20)
CUCL_CURAND_SOBOL_CALLS(curandStateScrambledSobol64_t, unsigned long long, CUCL_SOBOL_HIGH32_OF64,
                        CUCL_SOBOL_WIDE_OF64, 5.421010862427522170e-20)
#undef CUCL_CURAND_SOBOL_CALLS

/* --- Poisson ------------------------------------------------------------ */

/* Small means: Knuth's product of uniforms. Large ones: Hormann's
 * transformed rejection with squeeze (PTRS, 1993), exact and O(1). */
template <class State>
__device__ __forceinline__ unsigned int cucl_curand_poisson(State *state, double lambda) {
  if (!(lambda > 0.0))
    return 0u;
  if (lambda < 64.0) {
    float limit = expf(-(float)lambda);
    float product = curand_uniform(state);
    unsigned int k = 0;
    while (product > limit) {
      ++k;
      product *= curand_uniform(state);
    }
    return k;
  }
  float mean = (float)lambda;
  float root = sqrtf(mean);
  float logMean = logf(mean);
  float b = 0.931f + 2.53f * root;
  float a = -0.059f + 0.02483f * b;
  float inverseAlpha = 1.1239f + 1.1328f / (b - 3.4f);
  float vr = 0.9277f - 3.6224f / (b - 2.0f);
  for (;;) {
    float u = curand_uniform(state) - 0.5f;
    float v = curand_uniform(state);
    float us = 0.5f - fabsf(u);
    float k = floorf((2.0f * a / us + b) * u + mean + 0.43f);
    if (us >= 0.07f && v <= vr)
      return (unsigned int)k;
    if (k < 0.0f || (us < 0.013f && v > us))
      continue;
    if (logf(v) + logf(inverseAlpha) - logf(a / (us * us) + b) <=
        -mean + k * logMean - lgammaf(k + 1.0f))
      return (unsigned int)k;
  }
}

#define CUCL_CURAND_POISSON_CALL(State)                                                            \
  CUCL_CURAND_FN unsigned int curand_poisson(State *state, double lambda) {                        \
    return cucl_curand_poisson(state, lambda);                                                     \
  }
CUCL_CURAND_FOR_EACH_STATE(CUCL_CURAND_POISSON_CALL)
#undef CUCL_CURAND_POISSON_CALL

/* A number from a distribution curandCreatePoissonDistribution prepared:
 * the inverse of its CDF table at one 32-bit number. */
template <class State>
__device__ __forceinline__ unsigned int cucl_curand_discrete(State *state,
                                                             curandDiscreteDistribution_t d) {
  return d->shift + cucl_discrete_index(d->cdf, d->length, curand(state));
}
#define CUCL_CURAND_DISCRETE_CALL(State)                                                           \
  CUCL_CURAND_FN unsigned int curand_discrete(State *state,                                        \
                                              curandDiscreteDistribution_t distribution) {         \
    return cucl_curand_discrete(state, distribution);                                              \
  }
CUCL_CURAND_FOR_EACH_STATE(CUCL_CURAND_DISCRETE_CALL)
#undef CUCL_CURAND_DISCRETE_CALL

/* Philox's four-at-a-time Poisson and discrete calls: four single draws. */
CUCL_CURAND_FN uint4 curand_poisson4(curandStatePhilox4_32_10_t *state, double lambda) {
  unsigned int a = cucl_curand_poisson(state, lambda);
  unsigned int b = cucl_curand_poisson(state, lambda);
  unsigned int c = cucl_curand_poisson(state, lambda);
  unsigned int d = cucl_curand_poisson(state, lambda);
  return make_uint4(a, b, c, d);
}
CUCL_CURAND_FN uint4 curand_discrete4(curandStatePhilox4_32_10_t *state,
                                      curandDiscreteDistribution_t distribution) {
  unsigned int a = cucl_curand_discrete(state, distribution);
  unsigned int b = cucl_curand_discrete(state, distribution);
  unsigned int c = cucl_curand_discrete(state, distribution);
  unsigned int d = cucl_curand_discrete(state, distribution);
  return make_uint4(a, b, c, d);
}

#endif /* CURAND_KERNEL_H_ */
