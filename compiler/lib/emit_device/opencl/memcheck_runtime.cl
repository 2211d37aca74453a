/* cucl's memcheck runtime: what kernels translated with `cuclcc -memcheck`
 * call before each __global or __shared__ access (docs/design.md, "Memcheck").
 * cucl-translate prepends it, after the CUCL_* constants and the failure
 * helpers, to modules whose kernels check their accesses.
 *
 * A kernel knows the memory it may touch: the allocation behind each pointer
 * argument (buffer start and size, which the runtime passes), the module's
 * symbol segments, its __shared__ variables and its dynamic shared memory.
 * An access is checked against the allocation it came from where the
 * translator knows it (a kernel's pointer parameter, a named array), else
 * against all of them. The first access that falls outside is recorded in the
 * launch's status record (the runtime raises cudaErrorIllegalAddress and
 * prints where), and is redirected to a sink in the record, so the kernel
 * neither corrupts memory nor faults. */

#ifndef CUCL_MC_GLOBALS
#define CUCL_MC_GLOBALS 1
#endif
#ifndef CUCL_MC_LOCALS
#define CUCL_MC_LOCALS 1
#endif

/* One launch's view of its memory, built by the kernel's prologue. */
typedef struct cucl_mc {
  __global const uchar *gbase[CUCL_MC_GLOBALS];
  ulong gbytes[CUCL_MC_GLOBALS];
  uint gid[CUCL_MC_GLOBALS]; /* what the range is, for the report (CUCL_MC_RANGE_*) */
  uint globals;
  __local const uchar *lbase[CUCL_MC_LOCALS];
  uint lbytes[CUCL_MC_LOCALS];
  uint lid[CUCL_MC_LOCALS];
  uint locals;
} cucl_mc;

/* Adds a range to a kernel's view (the kernel's prologue). */
#define CUCL_MC_GLOBAL(mc, base, bytes, id)                                                        \
  ((mc).gbase[(mc).globals] = (__global const uchar *)(base), (mc).gbytes[(mc).globals] = (bytes), \
   (mc).gid[(mc).globals++] = (id))
#define CUCL_MC_LOCAL(mc, base, bytes, id)                                                         \
  ((mc).lbase[(mc).locals] = (__local const uchar *)(base), (mc).lbytes[(mc).locals] = (bytes),    \
   (mc).lid[(mc).locals++] = (id))

/* The access [address, address + size) inside [base, base + bytes)? */
int cucl_mc_inside(ulong address, uint size, ulong base, ulong bytes) {
  return bytes >= size && address - base <= bytes - size;
}

/* What the report says about a failed access: the range it belongs to (or,
 * checked against all, the nearest one below it), and where in that range. */
typedef struct {
  uint id;
  long offset; /* from the range's start; the raw address when no range is below */
  ulong bytes;
} cucl_mc_place;

cucl_mc_place cucl_mc_nearest(ulong address, const ulong *bases, const ulong *sizes,
                              const uint *ids, uint count) {
  cucl_mc_place place = {CUCL_MC_RANGE_NONE, (long)address, 0ul};
  ulong best = 0ul, above = ~0ul;
  for (uint i = 0u; i < count; ++i)
    if (bases[i] != 0ul && bases[i] <= address && bases[i] >= best) {
      best = bases[i];
      place.id = ids[i];
      place.offset = (long)(address - bases[i]);
      place.bytes = sizes[i];
    }
  /* Below every range: the nearest one above, as "N bytes before its start". */
  for (uint i = 0u; place.id == CUCL_MC_RANGE_NONE && i < count; ++i)
    if (bases[i] > address && bases[i] < above) {
      above = bases[i];
      place.id = ids[i];
      place.offset = -(long)(bases[i] - address);
      place.bytes = sizes[i];
    }
  return place;
}

void cucl_mc_record(__global uint *status, cucl_mc_place place, uint size, uint where) {
  status[CUCL_STATUS_DETAIL] = where;
  status[CUCL_STATUS_MC_RANGE] = place.id;
  status[CUCL_STATUS_MC_OFFSET] = (uint)((ulong)place.offset);
  status[CUCL_STATUS_MC_OFFSET + 1u] = (uint)((ulong)place.offset >> 32);
  status[CUCL_STATUS_MC_BYTES] = (uint)place.bytes;
  status[CUCL_STATUS_MC_BYTES + 1u] = (uint)(place.bytes >> 32);
  status[CUCL_STATUS_MC_SIZE] = size;
}

/* `where`: the source line, the file's index in the module (bits 20-30) and
 * a store (bit 31). */
#define CUCL_MC_CHECK(where, space) (CUCL_CHECK_MEMORY | (((where) >> 31) << 8) | ((space) << 9))

cucl_mc_place cucl_mc_place_g(const __private cucl_mc *mc, ulong address) {
  ulong bases[CUCL_MC_GLOBALS], sizes[CUCL_MC_GLOBALS];
  for (uint i = 0u; i < mc->globals; ++i) {
    bases[i] = (ulong)(uintptr_t)mc->gbase[i];
    sizes[i] = mc->gbytes[i];
  }
  return cucl_mc_nearest(address, bases, sizes, mc->gid, mc->globals);
}

cucl_mc_place cucl_mc_place_l(const __private cucl_mc *mc, ulong address) {
  ulong bases[CUCL_MC_LOCALS], sizes[CUCL_MC_LOCALS];
  for (uint i = 0u; i < mc->locals; ++i) {
    bases[i] = (ulong)(uintptr_t)mc->lbase[i];
    sizes[i] = mc->lbytes[i];
  }
  return cucl_mc_nearest(address, bases, sizes, mc->lid, mc->locals);
}

int cucl_mc_any_g(const __private cucl_mc *mc, ulong address, uint size) {
  for (uint i = 0u; i < mc->globals; ++i)
    if (cucl_mc_inside(address, size, (ulong)(uintptr_t)mc->gbase[i], mc->gbytes[i]))
      return 1;
  return 0;
}

int cucl_mc_any_l(const __private cucl_mc *mc, ulong address, uint size) {
  for (uint i = 0u; i < mc->locals; ++i)
    if (cucl_mc_inside(address, size, (ulong)(uintptr_t)mc->lbase[i], mc->lbytes[i]))
      return 1;
  return 0;
}

/* A failed __global access goes to the sink; a failed __shared__ one goes
 * ahead (a block's shared memory is its own), as do accesses bigger than the
 * sink. */
#define CUCL_MC_GLOBAL_RESULT(p, size, status)                                                     \
  ((size) <= CUCL_MC_SINK_BYTES ? (__global uchar *)((status) + CUCL_STATUS_SINK) : (p))

/* Each check is a test kept inline and a report kept out of line: a kernel
 * with thousands of accesses stays quick to compile. */
#define CUCL_MC_SLOW __attribute__((noinline))

/* Thread mode: the launch's status record and launch id report the failure. */
#ifdef CUCL_MC_THREAD
CUCL_MC_SLOW __global uchar *cucl_mc_g_fail(__global uchar *p, uint size, uint where,
                                            const __private cucl_mc *mc, cucl_mc_place place,
                                            int known, __global uint *status, uint launch) {
  if (cucl_fail(status, launch, CUCL_ERROR_ILLEGAL_ADDRESS, CUCL_MC_CHECK(where, 0u)))
    cucl_mc_record(status, known ? place : cucl_mc_place_g(mc, (ulong)(uintptr_t)p), size, where);
  return CUCL_MC_GLOBAL_RESULT(p, size, status);
}

CUCL_MC_SLOW void cucl_mc_l_fail(__local uchar *p, uint size, uint where,
                                 const __private cucl_mc *mc, cucl_mc_place place, int known,
                                 __global uint *status, uint launch) {
  if (cucl_fail(status, launch, CUCL_ERROR_ILLEGAL_ADDRESS, CUCL_MC_CHECK(where, 1u)))
    cucl_mc_record(status, known ? place : cucl_mc_place_l(mc, (ulong)(uintptr_t)p), size, where);
}

__global uchar *cucl_mc_g(__global uchar *p, uint size, uint where,
                                 const __private cucl_mc *mc, __global uint *status, uint launch) {
  if (cucl_mc_any_g(mc, (ulong)(uintptr_t)p, size))
    return p;
  cucl_mc_place none = {0u, 0l, 0ul};
  return cucl_mc_g_fail(p, size, where, mc, none, 0, status, launch);
}

__global uchar *cucl_mc_g_in(__global uchar *p, uint size, uint where,
                                    __global const uchar *base, ulong bytes, uint id,
                                    __global uint *status, uint launch) {
  ulong address = (ulong)(uintptr_t)p, start = (ulong)(uintptr_t)base;
  if (cucl_mc_inside(address, size, start, bytes))
    return p;
  cucl_mc_place place = {id, (long)(address - start), bytes};
  return cucl_mc_g_fail(p, size, where, 0, place, 1, status, launch);
}

__local uchar *cucl_mc_l(__local uchar *p, uint size, uint where,
                                const __private cucl_mc *mc, __global uint *status, uint launch) {
  if (!cucl_mc_any_l(mc, (ulong)(uintptr_t)p, size)) {
    cucl_mc_place none = {0u, 0l, 0ul};
    cucl_mc_l_fail(p, size, where, mc, none, 0, status, launch);
  }
  return p;
}

__local uchar *cucl_mc_l_in(__local uchar *p, uint size, uint where,
                                   __local const uchar *base, ulong bytes, uint id,
                                   __global uint *status, uint launch) {
  ulong address = (ulong)(uintptr_t)p, start = (ulong)(uintptr_t)base;
  if (!cucl_mc_inside(address, size, start, bytes)) {
    cucl_mc_place place = {id, (long)(address - start), bytes};
    cucl_mc_l_fail(p, size, where, 0, place, 1, status, launch);
  }
  return p;
}
#endif

/* Lane mode: the warp state holds the record, the view and the lanes. */
#ifdef CUCL_MC_LANES
CUCL_MC_SLOW __global uchar *cucl_mc_g_fail_lane(__global uchar *p, uint size, uint where,
                                                 cucl_mc_place place, int known,
                                                 __private cucl_warp *w, uint lane) {
  if (cucl_warp_fail(w, CUCL_ERROR_ILLEGAL_ADDRESS, CUCL_MC_CHECK(where, 0u), lane, where))
    cucl_mc_record(w->status, known ? place : cucl_mc_place_g(w->mc, (ulong)(uintptr_t)p), size,
                   where);
  return CUCL_MC_GLOBAL_RESULT(p, size, w->status);
}

CUCL_MC_SLOW void cucl_mc_l_fail_lane(__local uchar *p, uint size, uint where,
                                      cucl_mc_place place, int known, __private cucl_warp *w,
                                      uint lane) {
  if (cucl_warp_fail(w, CUCL_ERROR_ILLEGAL_ADDRESS, CUCL_MC_CHECK(where, 1u), lane, where))
    cucl_mc_record(w->status, known ? place : cucl_mc_place_l(w->mc, (ulong)(uintptr_t)p), size,
                   where);
}

__global uchar *cucl_mc_g_lane(__global uchar *p, uint size, uint where,
                                      __private cucl_warp *w, uint lane) {
  if (cucl_mc_any_g(w->mc, (ulong)(uintptr_t)p, size))
    return p;
  cucl_mc_place none = {0u, 0l, 0ul};
  return cucl_mc_g_fail_lane(p, size, where, none, 0, w, lane);
}

__global uchar *cucl_mc_g_in_lane(__global uchar *p, uint size, uint where,
                                         __global const uchar *base, ulong bytes, uint id,
                                         __private cucl_warp *w, uint lane) {
  ulong address = (ulong)(uintptr_t)p, start = (ulong)(uintptr_t)base;
  if (cucl_mc_inside(address, size, start, bytes))
    return p;
  cucl_mc_place place = {id, (long)(address - start), bytes};
  return cucl_mc_g_fail_lane(p, size, where, place, 1, w, lane);
}

__local uchar *cucl_mc_l_lane(__local uchar *p, uint size, uint where,
                                     __private cucl_warp *w, uint lane) {
  if (!cucl_mc_any_l(w->mc, (ulong)(uintptr_t)p, size)) {
    cucl_mc_place none = {0u, 0l, 0ul};
    cucl_mc_l_fail_lane(p, size, where, none, 0, w, lane);
  }
  return p;
}

__local uchar *cucl_mc_l_in_lane(__local uchar *p, uint size, uint where,
                                        __local const uchar *base, ulong bytes, uint id,
                                        __private cucl_warp *w, uint lane) {
  ulong address = (ulong)(uintptr_t)p, start = (ulong)(uintptr_t)base;
  if (!cucl_mc_inside(address, size, start, bytes)) {
    cucl_mc_place place = {id, (long)(address - start), bytes};
    cucl_mc_l_fail_lane(p, size, where, place, 1, w, lane);
  }
  return p;
}
#endif
