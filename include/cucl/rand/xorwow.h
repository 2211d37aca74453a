/*
 * XORWOW (Marsaglia's xorshift with a Weyl sequence), seeded and spaced as
 * cuRAND's default generator: subsequences 2^67 numbers apart. The state
 * struct is curandStateXORWOW's layout (curand_kernel.h names it so).
 */
#ifndef CUCL_RAND_XORWOW_H
#define CUCL_RAND_XORWOW_H

#include "distributions.h"
#include "jump_tables.h"
#include "rand_common.h"

#ifndef CUCL_RAND_XORWOW_STATE
#define CUCL_RAND_XORWOW_STATE cucl_xorwow_state
#endif

struct CUCL_RAND_XORWOW_STATE {
  cucl_u32 d, v[5];
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  CUCL_RAND_DOUBLE boxmuller_extra_double;
};

CUCL_RAND_FN cucl_u32 cucl_xorwow_next(struct CUCL_RAND_XORWOW_STATE *s) {
  cucl_u32 t = s->v[0] ^ (s->v[0] >> 2);
  s->v[0] = s->v[1];
  s->v[1] = s->v[2];
  s->v[2] = s->v[3];
  s->v[3] = s->v[4];
  s->v[4] = (s->v[4] ^ (s->v[4] << 4)) ^ (t ^ (t << 1));
  s->d += 362437u;
  return s->v[4] + s->d;
}

CUCL_RAND_WORD_DISTRIBUTIONS(cucl_xorwow, struct CUCL_RAND_XORWOW_STATE)

/* v <- p(M) v for the jump polynomial p (five words, low word first), by
 * Horner's rule: 160 steps of the linear part. */
CUCL_RAND_FN void cucl_xorwow_apply_polynomial(struct CUCL_RAND_XORWOW_STATE *s, const cucl_u32 p0,
                                               const cucl_u32 p1, const cucl_u32 p2,
                                               const cucl_u32 p3, const cucl_u32 p4) {
  cucl_u32 acc[5] = {0u, 0u, 0u, 0u, 0u};
  for (int i = 159; i >= 0; --i) {
    cucl_u32 t = acc[0] ^ (acc[0] >> 2);
    acc[0] = acc[1];
    acc[1] = acc[2];
    acc[2] = acc[3];
    acc[3] = acc[4];
    acc[4] = (acc[4] ^ (acc[4] << 4)) ^ (t ^ (t << 1));
    cucl_u32 word = i < 32 ? p0 : i < 64 ? p1 : i < 96 ? p2 : i < 128 ? p3 : p4;
    if ((word >> (i & 31)) & 1u) {
      acc[0] ^= s->v[0];
      acc[1] ^= s->v[1];
      acc[2] ^= s->v[2];
      acc[3] ^= s->v[3];
      acc[4] ^= s->v[4];
    }
  }
  for (int w = 0; w < 5; ++w)
    s->v[w] = acc[w];
}

/* Skips n numbers: the Weyl counter by arithmetic, the xorshift part by one
 * polynomial per set bit; small remainders by plain steps. */
CUCL_RAND_FN void cucl_xorwow_skipahead(struct CUCL_RAND_XORWOW_STATE *s, cucl_u64 n) {
  s->d += (cucl_u32)n * 362437u;
  cucl_u32 saved = s->d;
  for (int k = 0; n != 0; ++k, n >>= 1) {
    if (!(n & 1u))
      continue;
    if (k < 5) { /* 2^k <= 16 steps: cheaper than a 160-step pass */
      for (int i = 0; i < (1 << k); ++i)
        cucl_xorwow_next(s);
    } else {
      cucl_xorwow_apply_polynomial(s, cucl_xorwow_jump_offset[k][0], cucl_xorwow_jump_offset[k][1],
                                   cucl_xorwow_jump_offset[k][2], cucl_xorwow_jump_offset[k][3],
                                   cucl_xorwow_jump_offset[k][4]);
    }
  }
  s->d = saved;
}

/* Skips n subsequences of 2^67 numbers (the Weyl counter moves by a
 * multiple of 2^32: not at all). */
CUCL_RAND_FN void cucl_xorwow_skipahead_sequence(struct CUCL_RAND_XORWOW_STATE *s, cucl_u64 n) {
  for (int k = 0; n != 0; ++k, n >>= 1) {
    if (n & 1u)
      cucl_xorwow_apply_polynomial(s, cucl_xorwow_jump_sequence[k][0],
                                   cucl_xorwow_jump_sequence[k][1], cucl_xorwow_jump_sequence[k][2],
                                   cucl_xorwow_jump_sequence[k][3],
                                   cucl_xorwow_jump_sequence[k][4]);
  }
}

/* cuRAND's seeding of XORWOW, then the subsequence and offset jumps. */
CUCL_RAND_FN void cucl_xorwow_init(cucl_u64 seed, cucl_u64 subsequence, cucl_u64 offset,
                                   struct CUCL_RAND_XORWOW_STATE *s) {
  cucl_u32 s0 = ((cucl_u32)seed) ^ 0xaad26b49u;
  cucl_u32 s1 = ((cucl_u32)(seed >> 32)) ^ 0xf7dcefddu;
  cucl_u32 t0 = 1099087573u * s0;
  cucl_u32 t1 = 2591861531u * s1;
  s->d = 6615241u + t1 + t0;
  s->v[0] = 123456789u + t0;
  s->v[1] = 362436069u ^ t0;
  s->v[2] = 521288629u + t1;
  s->v[3] = 88675123u ^ t1;
  s->v[4] = 5783321u + t0;
  cucl_xorwow_skipahead_sequence(s, subsequence);
  cucl_xorwow_skipahead(s, offset);
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0;
}

#endif /* CUCL_RAND_XORWOW_H */
