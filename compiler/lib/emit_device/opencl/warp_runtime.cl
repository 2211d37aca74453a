/* cucl's warp runtime: what lane-mode kernels call (docs/design.md, "Warp-level
 * code"). In lane mode one OpenCL work-item runs one CUDA warp: its 32 lanes are
 * loops over `cucl_l`, masked by the lanes that execute, and warp-level
 * functions read the other lanes' values directly. cucl-translate prepends this
 * file (after the CUCL_* constants of include/cucl/module_abi.h) to every
 * module with a lane-mode kernel. */

/* Warp functions of the program stay out of line: every call site of an inlined
 * one multiplies the code the OpenCL compiler optimises as one function. */
#ifndef CUCL_WARP_FUNCTION
#define CUCL_WARP_FUNCTION __attribute__((noinline))
#endif

/* The lanes of `mask`, one at a time, as `cucl_l`. */
#define CUCL_LANES(mask)                                                                           \
  for (uint cucl_l = 0u; cucl_l < 32u; ++cucl_l)                                                   \
    if ((((mask) >> cucl_l) & 1u) != 0u)

/* What a warp knows about itself; one per work-item, passed by pointer. */
typedef struct {
  uint warp;          /* warp index in the block (the work-item's local id) */
  uint live;          /* lanes that exist: the last warp of a block may be partial */
  uint exited;        /* lanes that have returned from the kernel */
  uint bdx, bdy, bdz; /* blockDim */
  uint bx, by, bz;    /* blockIdx, kept here so that warp functions that fail a
                       * check need no work-group state: PoCL would inline them */
  uint tx[32], ty[32], tz[32]; /* threadIdx of each lane */
  __local int *votes;          /* three block-wide vote slots, used in turn */
  uint vote;                   /* votes taken so far: the same in every work-item */
  __global uint *status;       /* the launch's status record */
  uint launch;                 /* its launch id */
  __global uint *grid;         /* grid barrier: arrivals, generation */
  uint grid_blocks;            /* blocks of a cooperative launch; 0: not cooperative */
  const __private struct cucl_mc *mc; /* memcheck's view of the launch's memory, or 0 */
  __global uchar *scratch;            /* the work-item's scratch frame (local arrays), or 0 */
} cucl_warp;

void cucl_warp_init(__private cucl_warp *w, uint bdx, uint bdy, uint bdz, __local int *votes,
                    __global uint *status, uint launch, __global uint *grid, uint grid_blocks) {
  w->warp = (uint)get_local_id(0);
  uint base = w->warp * 32u;
  uint count = bdx * bdy * bdz - base;
  w->live = count >= 32u ? 0xffffffffu : ((1u << count) - 1u);
  w->exited = 0u;
  w->bdx = bdx;
  w->bdy = bdy;
  w->bdz = bdz;
  w->bx = (uint)get_group_id(0);
  w->by = (uint)get_group_id(1);
  w->bz = (uint)get_group_id(2);
  if (bdy == 1u && bdz == 1u) { /* 1-D blocks, the common case */
    for (uint l = 0u; l < 32u; ++l) {
      w->tx[l] = base + l;
      w->ty[l] = 0u;
      w->tz[l] = 0u;
    }
  } else { /* count x, then y, then z, from the warp's first thread */
    uint x = base % bdx, y = (base / bdx) % bdy, z = base / (bdx * bdy);
    for (uint l = 0u; l < 32u; ++l) {
      w->tx[l] = x;
      w->ty[l] = y;
      w->tz[l] = z;
      if (++x == bdx) {
        x = 0u;
        if (++y == bdy) {
          y = 0u;
          ++z;
        }
      }
    }
  }
  w->votes = votes;
  w->vote = 0u;
  w->status = status;
  w->launch = launch;
  w->grid = grid;
  w->grid_blocks = grid_blocks;
  w->mc = 0;
  w->scratch = 0;
  if (w->warp == 0u) {
    votes[0] = 0;
    votes[1] = 0;
    votes[2] = 0;
  }
  barrier(CLK_LOCAL_MEM_FENCE);
}

/* Records the first failed check of the launch (true when this one is it);
 * the runtime raises `error`. */
int cucl_warp_fail(__private cucl_warp *w, uint error, uint check, uint lane, uint detail) {
  if (atomic_cmpxchg(&w->status[CUCL_STATUS_ERROR], 0u, error) != 0u)
    return 0;
  w->status[CUCL_STATUS_LAUNCH] = w->launch;
  w->status[CUCL_STATUS_CHECK] = check;
  w->status[CUCL_STATUS_BLOCK_X] = w->bx;
  w->status[CUCL_STATUS_BLOCK_Y] = w->by;
  w->status[CUCL_STATUS_BLOCK_Z] = w->bz;
  w->status[CUCL_STATUS_THREAD] = w->warp * 32u + lane;
  w->status[CUCL_STATUS_DETAIL] = detail;
  return 1;
}

/* CUDA's rules for the mask of a *_sync function, whose result is undefined
 * when they are broken: the calling lane is in the mask, and every lane the
 * mask names that has not exited takes part (is in `exec`). */
void cucl_check_mask(__private cucl_warp *w, uint op, uint lane, uint mask, uint exec) {
  if (((mask >> lane) & 1u) == 0u)
    cucl_warp_fail(w, CUCL_ERROR_WARP_RULE, CUCL_CHECK_OWN_LANE | (op << 8), lane, mask);
  else if ((mask & w->live & ~w->exited & ~exec) != 0u)
    cucl_warp_fail(w, CUCL_ERROR_WARP_RULE, CUCL_CHECK_ABSENT_LANE | (op << 8), lane, mask);
}

/* The same rules, once for a warp whose lanes all pass the same mask. */
void cucl_check_warp_mask(__private cucl_warp *w, uint op, uint mask, uint exec) {
  uint outside = exec & ~mask;
  if (exec == 0u) /* no lane of this warp calls it */
    return;
  if (outside != 0u)
    cucl_warp_fail(w, CUCL_ERROR_WARP_RULE, CUCL_CHECK_OWN_LANE | (op << 8),
                   31u - clz(outside & (0u - outside)), mask);
  else if ((mask & w->live & ~w->exited & ~exec) != 0u)
    cucl_warp_fail(w, CUCL_ERROR_WARP_RULE, CUCL_CHECK_ABSENT_LANE | (op << 8),
                   31u - clz(exec & (0u - exec)), mask);
}

/* The lane a shuffle of lane `lane` reads, by the rules of PTX shfl.sync
 * (modes idx, up, down, bfly; `width` as CUDA's __shfl*_sync pass it): the
 * lane itself when the source is outside its segment. */
uint cucl_shfl_lane(uint op, uint lane, uint b, int width) {
  uint segmask = (32u - (uint)width) & 31u;
  uint clamp = op == CUCL_OP_SHFL_UP ? 0u : 31u;
  long max_lane = (long)((lane & segmask) | (clamp & ~segmask));
  long source;
  bool inside;
  if (op == CUCL_OP_SHFL_UP) {
    source = (long)lane - (long)b;
    inside = source >= max_lane;
  } else if (op == CUCL_OP_SHFL_DOWN) {
    source = (long)lane + (long)b;
    inside = source <= max_lane;
  } else if (op == CUCL_OP_SHFL_XOR) {
    source = (long)(lane ^ b);
    inside = source <= max_lane;
  } else {
    source = (long)((lane & segmask) | (b & 31u & ~segmask));
    inside = source <= max_lane;
  }
  return inside ? (uint)source : lane;
}

/* The sum of every work-item's `mine` (one block-wide vote): one barrier. A
 * slot is cleared two votes after it was read, so no reader races a reset. */
int cucl_block_sum(__private cucl_warp *w, int mine) {
  __local volatile int *slot = w->votes + (w->vote % 3u);
  if (mine != 0)
    atomic_add(slot, mine);
  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  int total = *slot;
  if (w->warp == 0u)
    w->votes[(w->vote + 2u) % 3u] = 0;
  w->vote += 1u;
  return total;
}

/* True when any work-item of the block has a lane still running: the exit
 * test of a loop that contains a block-wide barrier. */
bool cucl_block_any(__private cucl_warp *w, uint mask) {
  return cucl_block_sum(w, mask != 0u ? 1 : 0) != 0;
}

/* __syncthreads as a vote: every lane that has not exited must reach it (in
 * CUDA a barrier that part of the block misses hangs or worse); one that no
 * lane of the block reaches (a branch no thread took) is none. */
void cucl_block_barrier(__private cucl_warp *w, uint exec) {
  uint alive = w->live & ~w->exited;
  int both = cucl_block_sum(w, (int)(popcount(exec) | (popcount(alive) << 16)));
  int reached = both & 0xffff, expected = both >> 16;
  if (reached != 0 && reached != expected && exec != alive)
    cucl_warp_fail(w, CUCL_ERROR_WARP_RULE,
                   CUCL_CHECK_PARTIAL_BLOCK | (CUCL_OP_SYNCTHREADS << 8),
                   exec != 0u ? 31u - clz(exec & (0u - exec)) : 0u, exec);
}

/* __syncthreads_count over the block: `lanes` is this warp's count. */
int cucl_block_count(__private cucl_warp *w, uint exec, int lanes) {
  cucl_block_barrier(w, exec);
  return cucl_block_sum(w, lanes);
}

/* grid_group::sync: a block barrier, then one work-item per block meets the
 * other blocks at a barrier in global memory (arrivals counted, the last one
 * resets the count and starts the next generation), then a block barrier.
 * All blocks of a cooperative launch run at once (the runtime limits its
 * size), so the wait ends; a wait that does not (2^31 polls) is reported
 * instead of hanging. */
void cucl_grid_sync(__private cucl_warp *w, uint exec) {
  cucl_block_barrier(w, exec);
  if (w->warp == 0u) {
    if (w->grid_blocks == 0u) {
      cucl_warp_fail(w, CUCL_ERROR_GRID_RULE,
                     CUCL_CHECK_NOT_COOPERATIVE | (CUCL_OP_GRID_SYNC << 8), 0u, 0u);
    } else {
      volatile __global uint *arrived = w->grid;
      volatile __global uint *generation = w->grid + 1;
      mem_fence(CLK_GLOBAL_MEM_FENCE);
      uint current = atomic_add(generation, 0u);
      if (atomic_inc(arrived) == w->grid_blocks - 1u) {
        atomic_xchg(arrived, 0u);
        mem_fence(CLK_GLOBAL_MEM_FENCE);
        atomic_inc(generation);
      } else {
        ulong polls = 0;
        while (atomic_add(generation, 0u) == current) {
          if (++polls > (1ul << 31)) {
            cucl_warp_fail(w, CUCL_ERROR_GRID_TIMEOUT,
                           CUCL_CHECK_GRID_TIMEOUT | (CUCL_OP_GRID_SYNC << 8), 0u,
                           w->grid_blocks);
            break;
          }
        }
      }
      mem_fence(CLK_GLOBAL_MEM_FENCE);
    }
  }
  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
}
