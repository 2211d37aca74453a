// libcurand's quasi-random kernels: Sobol sequences of 32-bit (default) or
// 64-bit numbers (-DCUCL_SOBOL64), plain or scrambled (a digital shift:
// every point XORed with its dimension's constant). The generator headers
// of include/cucl/rand/ come before this text.
//
// Layout (cuRAND's): a call of `points` points in `dims` dimensions writes
// dimension d's points at out[d * points + p], point p being index
// first + p of the sequence. Work-item (d, c) writes chunk c of dimension d:
// the first point from its Gray code, the rest one XOR each.

#ifdef CUCL_SOBOL64
typedef ulong word;
#define BITS 64
#else
typedef uint word;
#define BITS 32
#endif
#define CHUNK 256

// The index's Gray code picks the direction numbers to XOR.
static inline word sobol_point(__global const word *v, ulong index) {
  ulong gray = index ^ (index >> 1);
  word x = 0;
  for (int k = 0; gray != 0; ++k, gray >>= 1)
    if (gray & 1)
      x ^= v[k];
  return x;
}

// ctz(i) for i > 0, from OpenCL 1.2's popcount.
static inline int trailing_zeros(ulong i) {
  return (int)popcount((i & (0 - i)) - 1);
}

// A kernel writing convert(y) for each point y; its parameters after
// `chunks` are the variadic part.
#define SOBOL_KERNEL(name, type, convert, ...)                                                   \
  __kernel void name(__global const word *directions, __global const word *scramble,          \
                     __global void *base, ulong offset, ulong points, ulong first,             \
                     uint chunks, __VA_ARGS__) {                                               \
    uint d = get_global_id(0) / chunks, c = get_global_id(0) % chunks;                         \
    __global type *out = (__global type *)((__global uchar *)base + offset) + d * points;       \
    __global const word *v = directions + d * BITS;                                            \
    ulong p = (ulong)c * CHUNK, end = min(points, p + CHUNK);                                  \
    if (p >= end)                                                                              \
      return;                                                                                  \
    word shift = scramble ? scramble[d] : 0;                                                   \
    ulong index = first + p;                                                                   \
    word x = sobol_point(v, index);                                                            \
    for (;;) {                                                                                 \
      word y = x ^ shift;                                                                      \
      out[p] = convert;                                                                        \
      if (++p == end)                                                                          \
        break;                                                                                 \
      ++index;                                                                                 \
      x ^= v[trailing_zeros(index)];                                                           \
    }                                                                                          \
  }

#ifdef CUCL_RAND_HAS_DOUBLE
#define SCALAR_PARAMS float meanf, float stddevf, double mean, double stddev
#else
#define SCALAR_PARAMS float meanf, float stddevf, float unused_mean, float unused_stddev
#endif

// The top 32 bits of a number, for float outputs.
#ifdef CUCL_SOBOL64
#define HIGH32(y) ((uint)((y) >> 32))
#define WIDE64(y) (y)
#else
#define HIGH32(y) (y)
#define WIDE64(y) (((ulong)(y) << 32) | 0x80000000ul)
#endif

SOBOL_KERNEL(sobol_raw, word, y, SCALAR_PARAMS)
SOBOL_KERNEL(sobol_uniform, float, cucl_uniform_float(HIGH32(y)), SCALAR_PARAMS)
SOBOL_KERNEL(sobol_normal, float, meanf + stddevf * cucl_normal_from_quantile(HIGH32(y)),
             SCALAR_PARAMS)
SOBOL_KERNEL(sobol_log_normal, float,
             exp(meanf + stddevf * cucl_normal_from_quantile(HIGH32(y))), SCALAR_PARAMS)

#ifdef CUCL_RAND_HAS_DOUBLE
// (y + 1/2) / 2^BITS: never 0 or 1.
#ifdef CUCL_SOBOL64
#define UNIFORM_DOUBLE(y) ((double)(y) * 5.421010862427522170e-20 + 2.710505431213761085e-20)
#else
#define UNIFORM_DOUBLE(y) ((double)(y) * 2.3283064365386963e-10 + 1.1641532182693481e-10)
#endif
SOBOL_KERNEL(sobol_uniform_double, double, UNIFORM_DOUBLE(y), SCALAR_PARAMS)
SOBOL_KERNEL(sobol_normal_double, double,
             mean + stddev * cucl_normal_from_quantile_double(WIDE64(y)), SCALAR_PARAMS)
SOBOL_KERNEL(sobol_log_normal_double, double,
             exp(mean + stddev * cucl_normal_from_quantile_double(WIDE64(y))), SCALAR_PARAMS)
#endif

// Poisson by the same inverse-CDF table as the pseudo generators.
SOBOL_KERNEL(sobol_discrete, uint, shiftValue + cucl_discrete_index(cdf, length, HIGH32(y)),
             __global const uint *cdf, uint length, uint shiftValue)
