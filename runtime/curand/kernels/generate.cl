// libcurand's kernels for one pseudo-random generator, chosen at build time
// (-DCUCL_GEN_XORWOW, -DCUCL_GEN_PHILOX or -DCUCL_GEN_MRG32K3A). The
// generator headers of include/cucl/rand/ come before this text.
//
// Layout (docs/curand.md): the generator has STREAMS streams; stream t is
// curand_init(seed, t, 0) of the device API. Item j of a call (a number, or
// a pair of normals) comes from stream (rotation + j) % STREAMS, which takes
// its items in order. Work-item t runs stream t, so any number of compute
// units gives the same numbers.

#if defined(CUCL_GEN_XORWOW)
typedef struct cucl_xorwow_state gen_state;
#define GEN_INIT cucl_xorwow_init
#define GEN_SKIP cucl_xorwow_skipahead
#define GEN_NEXT cucl_xorwow_next
#define GEN_PREFIX cucl_xorwow
#elif defined(CUCL_GEN_PHILOX)
typedef struct cucl_philox_state gen_state;
#define GEN_INIT cucl_philox_init
#define GEN_SKIP cucl_philox_skipahead
#define GEN_NEXT cucl_philox_next
#define GEN_PREFIX cucl_philox
#elif defined(CUCL_GEN_MRG32K3A)
typedef struct cucl_mrg32k3a_state gen_state;
#define GEN_INIT cucl_mrg32k3a_init
#define GEN_SKIP cucl_mrg32k3a_skipahead
#define GEN_NEXT cucl_mrg32k3a_next
#define GEN_PREFIX cucl_mrg32k3a
#endif

// cuRAND's conversions of each engine (include/cucl/rand/).
#define GEN_CALL(prefix, name) GEN_CALL_(prefix, name)
#define GEN_CALL_(prefix, name) prefix##_##name
#define GEN_UNIFORM GEN_CALL(GEN_PREFIX, uniform)
#define GEN_UNIFORM_DOUBLE GEN_CALL(GEN_PREFIX, uniform_double)
#define GEN_NORMAL_PAIR GEN_CALL(GEN_PREFIX, normal_pair)
#define GEN_NORMAL_PAIR_DOUBLE GEN_CALL(GEN_PREFIX, normal_pair_double)

// Stream t after the first `consumed` items of the whole sequence, of which
// it took consumed / STREAMS, plus one when t < consumed % STREAMS.
__kernel void init_streams(__global gen_state *states, ulong seed, ulong consumed) {
  uint t = get_global_id(0);
  gen_state s;
  GEN_INIT(seed, t, 0, &s);
  ulong taken = consumed / STREAMS + (t < consumed % STREAMS ? 1 : 0);
  // Each item of a skipped call may have used several numbers; offsets
  // count 32-bit numbers, so one item = one number here.
  GEN_SKIP(&s, taken);
  states[t] = s;
}

// The items of stream t in a call of `items` starting at `rotation`.
#define FOR_EACH_ITEM(j)                                                                       \
  uint t = get_global_id(0);                                                                   \
  gen_state s = states[t];                                                                     \
  for (ulong j = (t + STREAMS - rotation) % STREAMS; j < items; j += STREAMS)

#define OUTPUT(type) __global type *out = (__global type *)((__global uchar *)base + offset)

__kernel void generate_u32(__global gen_state *states, __global void *base, ulong offset,
                           ulong items, uint rotation) {
  OUTPUT(uint);
  FOR_EACH_ITEM(j) { out[j] = GEN_NEXT(&s); }
  states[t] = s;
}

__kernel void generate_uniform(__global gen_state *states, __global void *base, ulong offset,
                               ulong items, uint rotation) {
  OUTPUT(float);
  FOR_EACH_ITEM(j) { out[j] = GEN_UNIFORM(&s); }
  states[t] = s;
}

// Pairs: item j writes 2j and 2j + 1 (lognormal: exp of both).
__kernel void generate_normal(__global gen_state *states, __global void *base, ulong offset,
                              ulong items, uint rotation, float mean, float stddev, int logNormal) {
  OUTPUT(float);
  FOR_EACH_ITEM(j) {
    float a, b;
    GEN_NORMAL_PAIR(&s, &a, &b);
    a = mean + stddev * a;
    b = mean + stddev * b;
    if (logNormal) {
      a = exp(a);
      b = exp(b);
    }
    out[2 * j] = a;
    out[2 * j + 1] = b;
  }
  states[t] = s;
}

// Inverse CDF: the first entry of `cdf` above the number, plus `shift`.
__kernel void generate_discrete(__global gen_state *states, __global void *base, ulong offset,
                                ulong items, uint rotation, __global const uint *cdf,
                                uint length, uint shift) {
  OUTPUT(uint);
  FOR_EACH_ITEM(j) {
    out[j] = shift + cucl_discrete_index(cdf, length, GEN_NEXT(&s));
  }
  states[t] = s;
}

#ifdef CUCL_RAND_HAS_DOUBLE
__kernel void generate_uniform_double(__global gen_state *states, __global void *base,
                                      ulong offset, ulong items, uint rotation) {
  OUTPUT(double);
  FOR_EACH_ITEM(j) { out[j] = GEN_UNIFORM_DOUBLE(&s); }
  states[t] = s;
}

__kernel void generate_normal_double(__global gen_state *states, __global void *base,
                                     ulong offset, ulong items, uint rotation, double mean,
                                     double stddev, int logNormal) {
  OUTPUT(double);
  FOR_EACH_ITEM(j) {
    double a, b;
    GEN_NORMAL_PAIR_DOUBLE(&s, &a, &b);
    a = mean + stddev * a;
    b = mean + stddev * b;
    if (logNormal) {
      a = exp(a);
      b = exp(b);
    }
    out[2 * j] = a;
    out[2 * j + 1] = b;
  }
  states[t] = s;
}
#endif
