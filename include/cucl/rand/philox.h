/*
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2,
 * 3", SC'11), used as cuRAND uses it: the key is the seed, the counter's high
 * half the subsequence, and each counter value gives four numbers. The state
 * struct is curandStatePhilox4_32_10's layout (vectors as arrays).
 */
#ifndef CUCL_RAND_PHILOX_H
#define CUCL_RAND_PHILOX_H

#include "distributions.h"
#include "rand_common.h"

#ifndef CUCL_RAND_PHILOX_STATE
#define CUCL_RAND_PHILOX_STATE cucl_philox_state
#endif

struct CUCL_RAND_PHILOX_STATE {
  cucl_u32 ctr[4];
  cucl_u32 output[4];
  cucl_u32 key[2];
  cucl_u32 STATE; /* the next of output[] to hand out */
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  CUCL_RAND_DOUBLE boxmuller_extra_double;
};

/* The block function: ten rounds on `ctr` (in place) under `key`. */
CUCL_RAND_FN void cucl_philox4x32_10(cucl_u32 *ctr, cucl_u32 key0, cucl_u32 key1) {
  for (int round = 0; round < 10; ++round) {
    cucl_u64 product0 = (cucl_u64)0xD2511F53u * ctr[0];
    cucl_u64 product1 = (cucl_u64)0xCD9E8D57u * ctr[2];
    cucl_u32 hi0 = (cucl_u32)(product0 >> 32), lo0 = (cucl_u32)product0;
    cucl_u32 hi1 = (cucl_u32)(product1 >> 32), lo1 = (cucl_u32)product1;
    cucl_u32 next0 = hi1 ^ ctr[1] ^ key0;
    cucl_u32 next2 = hi0 ^ ctr[3] ^ key1;
    ctr[0] = next0;
    ctr[1] = lo1;
    ctr[2] = next2;
    ctr[3] = lo0;
    key0 += 0x9E3779B9u;
    key1 += 0xBB67AE85u;
  }
}

/* The output block of the state's counter. */
CUCL_RAND_FN void cucl_philox_refill(struct CUCL_RAND_PHILOX_STATE *s) {
  cucl_u32 block[4] = {s->ctr[0], s->ctr[1], s->ctr[2], s->ctr[3]};
  cucl_philox4x32_10(block, s->key[0], s->key[1]);
  for (int i = 0; i < 4; ++i)
    s->output[i] = block[i];
}

/* counter += n (the low 64 bits, carrying into the high half). */
CUCL_RAND_FN void cucl_philox_add_low(struct CUCL_RAND_PHILOX_STATE *s, cucl_u64 n) {
  cucl_u64 low = ((cucl_u64)s->ctr[1] << 32 | s->ctr[0]);
  cucl_u64 sum = low + n;
  s->ctr[0] = (cucl_u32)sum;
  s->ctr[1] = (cucl_u32)(sum >> 32);
  if (sum < low && ++s->ctr[2] == 0u)
    ++s->ctr[3];
}

/* counter's high half += n: the subsequence. */
CUCL_RAND_FN void cucl_philox_add_high(struct CUCL_RAND_PHILOX_STATE *s, cucl_u64 n) {
  cucl_u64 high = ((cucl_u64)s->ctr[3] << 32 | s->ctr[2]) + n;
  s->ctr[2] = (cucl_u32)high;
  s->ctr[3] = (cucl_u32)(high >> 32);
}

CUCL_RAND_FN cucl_u32 cucl_philox_next(struct CUCL_RAND_PHILOX_STATE *s) {
  cucl_u32 value = s->output[s->STATE & 3u];
  if (++s->STATE == 4u) {
    cucl_philox_add_low(s, 1);
    cucl_philox_refill(s);
    s->STATE = 0u;
  }
  return value;
}

CUCL_RAND_WORD_DISTRIBUTIONS(cucl_philox, struct CUCL_RAND_PHILOX_STATE)

CUCL_RAND_FN void cucl_philox_skipahead(struct CUCL_RAND_PHILOX_STATE *s, cucl_u64 n) {
  cucl_u32 state = s->STATE + (cucl_u32)(n & 3u);
  n >>= 2;
  if (state > 3u) {
    n += 1;
    state -= 4u;
  }
  cucl_philox_add_low(s, n);
  s->STATE = state;
  cucl_philox_refill(s);
}

CUCL_RAND_FN void cucl_philox_skipahead_sequence(struct CUCL_RAND_PHILOX_STATE *s, cucl_u64 n) {
  cucl_philox_add_high(s, n);
  cucl_philox_refill(s);
}

CUCL_RAND_FN void cucl_philox_init(cucl_u64 seed, cucl_u64 subsequence, cucl_u64 offset,
                                   struct CUCL_RAND_PHILOX_STATE *s) {
  for (int i = 0; i < 4; ++i)
    s->ctr[i] = 0u;
  s->key[0] = (cucl_u32)seed;
  s->key[1] = (cucl_u32)(seed >> 32);
  s->STATE = 0u;
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0;
  cucl_philox_add_high(s, subsequence);
  cucl_philox_skipahead(s, offset);
}

#endif /* CUCL_RAND_PHILOX_H */
