/*
 * MRG32k3a (L'Ecuyer, "Good parameters and implementations for combined
 * multiple recursive random number generators", 1999) in exact integer
 * arithmetic, seeded and spaced as cuRAND's: subsequences 2^76 numbers apart.
 * The state struct is curandStateMRG32k3a's layout.
 */
#ifndef CUCL_RAND_MRG32K3A_H
#define CUCL_RAND_MRG32K3A_H

#include "distributions.h"
#include "jump_tables.h"
#include "rand_common.h"

#ifndef CUCL_RAND_MRG32K3A_STATE
#define CUCL_RAND_MRG32K3A_STATE cucl_mrg32k3a_state
#endif

#define CUCL_MRG_M1 4294967087u
#define CUCL_MRG_M2 4294944443u

struct CUCL_RAND_MRG32K3A_STATE {
  cucl_u32 s1[3];
  cucl_u32 s2[3];
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  CUCL_RAND_DOUBLE boxmuller_extra_double;
};

/* The next combined value, an integer in [1, m1]. */
CUCL_RAND_FN cucl_u32 cucl_mrg32k3a_next_raw(struct CUCL_RAND_MRG32K3A_STATE *s) {
  cucl_u64 p1 =
      ((cucl_u64)1403580u * s->s1[1] + (cucl_u64)810728u * (CUCL_MRG_M1 - s->s1[0])) % CUCL_MRG_M1;
  s->s1[0] = s->s1[1];
  s->s1[1] = s->s1[2];
  s->s1[2] = (cucl_u32)p1;
  cucl_u64 p2 =
      ((cucl_u64)527612u * s->s2[2] + (cucl_u64)1370589u * (CUCL_MRG_M2 - s->s2[0])) % CUCL_MRG_M2;
  s->s2[0] = s->s2[1];
  s->s2[1] = s->s2[2];
  s->s2[2] = (cucl_u32)p2;
  return p1 > p2 ? (cucl_u32)(p1 - p2) : (cucl_u32)(p1 + CUCL_MRG_M1 - p2);
}

/* cuRAND's conversions of a value in [1, m1]: 32-bit numbers scale it by
 * (2^32 - 1) / m1, rounded as cuRAND's double constant rounds; uniforms are
 * value / (m1 + 1) in double (so 32 random bits at most, as L'Ecuyer has
 * it). Devices without doubles get the nearest float forms. */
#ifdef CUCL_RAND_HAS_DOUBLE
#define CUCL_MRG_NORM 2.3283065498378288e-10
CUCL_RAND_FN cucl_u32 cucl_mrg32k3a_next(struct CUCL_RAND_MRG32K3A_STATE *s) {
  return (cucl_u32)((double)cucl_mrg32k3a_next_raw(s) * 1.000000048662);
}
CUCL_RAND_FN float cucl_mrg32k3a_uniform(struct CUCL_RAND_MRG32K3A_STATE *s) {
  return (float)(cucl_mrg32k3a_next_raw(s) * CUCL_MRG_NORM);
}
CUCL_RAND_FN double cucl_mrg32k3a_uniform_double(struct CUCL_RAND_MRG32K3A_STATE *s) {
  return cucl_mrg32k3a_next_raw(s) * CUCL_MRG_NORM;
}
/* Box-Muller on two uniforms, the second as the angle. */
CUCL_RAND_FN void cucl_mrg32k3a_normal_pair_double(struct CUCL_RAND_MRG32K3A_STATE *s,
                                                   double *first, double *second) {
  double u = cucl_mrg32k3a_uniform_double(s);
  double w = cucl_mrg32k3a_uniform_double(s) * 2.0;
  cucl_box_muller_double_uw(u, w, first, second);
}
#else
CUCL_RAND_FN cucl_u32 cucl_mrg32k3a_next(struct CUCL_RAND_MRG32K3A_STATE *s) {
  return (cucl_u32)(((cucl_u64)cucl_mrg32k3a_next_raw(s) * 4294967295u) / CUCL_MRG_M1);
}
CUCL_RAND_FN float cucl_mrg32k3a_uniform(struct CUCL_RAND_MRG32K3A_STATE *s) {
  return (float)cucl_mrg32k3a_next_raw(s) * 2.3283064e-10f;
}
#endif

CUCL_RAND_FN void cucl_mrg32k3a_normal_pair(struct CUCL_RAND_MRG32K3A_STATE *s, float *first,
                                            float *second) {
  float u = cucl_mrg32k3a_uniform(s);
  float v = cucl_mrg32k3a_uniform(s) * CUCL_2PI_FLOAT;
  cucl_box_muller_uv(u, v, first, second);
}

CUCL_RAND_FN cucl_u32 cucl_mrg_mulmod(cucl_u32 a, cucl_u32 b, cucl_u32 m) {
  return (cucl_u32)(((cucl_u64)a * b) % m);
}

/* v <- A v (mod m) for a row-major 3x3 matrix given as its nine entries. */
CUCL_RAND_FN void cucl_mrg_apply(cucl_u32 *v, cucl_u32 a0, cucl_u32 a1, cucl_u32 a2, cucl_u32 a3,
                                 cucl_u32 a4, cucl_u32 a5, cucl_u32 a6, cucl_u32 a7, cucl_u32 a8,
                                 cucl_u32 m) {
  cucl_u64 r0 = ((cucl_u64)cucl_mrg_mulmod(a0, v[0], m) + cucl_mrg_mulmod(a1, v[1], m) +
                 cucl_mrg_mulmod(a2, v[2], m)) %
                m;
  cucl_u64 r1 = ((cucl_u64)cucl_mrg_mulmod(a3, v[0], m) + cucl_mrg_mulmod(a4, v[1], m) +
                 cucl_mrg_mulmod(a5, v[2], m)) %
                m;
  cucl_u64 r2 = ((cucl_u64)cucl_mrg_mulmod(a6, v[0], m) + cucl_mrg_mulmod(a7, v[1], m) +
                 cucl_mrg_mulmod(a8, v[2], m)) %
                m;
  v[0] = (cucl_u32)r0;
  v[1] = (cucl_u32)r1;
  v[2] = (cucl_u32)r2;
}

#define CUCL_MRG_APPLY_ROW(v, table, k, m)                                                         \
  cucl_mrg_apply(v, table[k][0], table[k][1], table[k][2], table[k][3], table[k][4], table[k][5],  \
                 table[k][6], table[k][7], table[k][8], m)

CUCL_RAND_FN void cucl_mrg32k3a_skipahead(struct CUCL_RAND_MRG32K3A_STATE *s, cucl_u64 n) {
  for (int k = 0; n != 0; ++k, n >>= 1) {
    if (n & 1u) {
      CUCL_MRG_APPLY_ROW(s->s1, cucl_mrg1_jump_offset, k, CUCL_MRG_M1);
      CUCL_MRG_APPLY_ROW(s->s2, cucl_mrg2_jump_offset, k, CUCL_MRG_M2);
    }
  }
}

CUCL_RAND_FN void cucl_mrg32k3a_skipahead_sequence(struct CUCL_RAND_MRG32K3A_STATE *s, cucl_u64 n) {
  for (int k = 0; n != 0; ++k, n >>= 1) {
    if (n & 1u) {
      CUCL_MRG_APPLY_ROW(s->s1, cucl_mrg1_jump_sequence, k, CUCL_MRG_M1);
      CUCL_MRG_APPLY_ROW(s->s2, cucl_mrg2_jump_sequence, k, CUCL_MRG_M2);
    }
  }
}

/* Skips n sequences of 2^127 numbers: 2^51 subsequences each. */
CUCL_RAND_FN void cucl_mrg32k3a_skipahead_sequence127(struct CUCL_RAND_MRG32K3A_STATE *s,
                                                      cucl_u64 n) {
  for (int k = 0; n != 0; ++k, n >>= 1) {
    if (n & 1u) {
      CUCL_MRG_APPLY_ROW(s->s1, cucl_mrg1_jump_sequence, 51 + k, CUCL_MRG_M1);
      CUCL_MRG_APPLY_ROW(s->s2, cucl_mrg2_jump_sequence, 51 + k, CUCL_MRG_M2);
    }
  }
}

/* cuRAND's seeding: the seed's halves scramble L'Ecuyer's default seed 12345. */
CUCL_RAND_FN void cucl_mrg32k3a_init(cucl_u64 seed, cucl_u64 subsequence, cucl_u64 offset,
                                     struct CUCL_RAND_MRG32K3A_STATE *s) {
  for (int i = 0; i < 3; ++i) {
    s->s1[i] = 12345u;
    s->s2[i] = 12345u;
  }
  if (seed != 0) {
    cucl_u32 x1 = ((cucl_u32)seed) ^ 0x55555555u;
    cucl_u32 x2 = ((cucl_u32)(seed >> 32)) ^ 0xaaaaaaaau;
    s->s1[0] = cucl_mrg_mulmod(x1, s->s1[0], CUCL_MRG_M1);
    s->s1[1] = cucl_mrg_mulmod(x2, s->s1[1], CUCL_MRG_M1);
    s->s1[2] = cucl_mrg_mulmod(x1, s->s1[2], CUCL_MRG_M1);
    s->s2[0] = cucl_mrg_mulmod(x2, s->s2[0], CUCL_MRG_M2);
    s->s2[1] = cucl_mrg_mulmod(x1, s->s2[1], CUCL_MRG_M2);
    s->s2[2] = cucl_mrg_mulmod(x2, s->s2[2], CUCL_MRG_M2);
  }
  /* A zero component would stay zero forever. */
  if (s->s1[0] == 0u && s->s1[1] == 0u && s->s1[2] == 0u)
    s->s1[0] = 12345u;
  if (s->s2[0] == 0u && s->s2[1] == 0u && s->s2[2] == 0u)
    s->s2[0] = 12345u;
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0;
  cucl_mrg32k3a_skipahead_sequence(s, subsequence);
  cucl_mrg32k3a_skipahead(s, offset);
}

#endif /* CUCL_RAND_MRG32K3A_H */
