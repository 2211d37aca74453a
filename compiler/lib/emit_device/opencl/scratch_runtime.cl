/* cucl's scratch memory: where kernels keep local arrays too large for private
 * memory (docs/design.md, "Local memory"). cucl-translate adds this file to
 * modules with a CUCL_KERNEL_SCRATCH kernel (include/cucl/module_abi.h).
 *
 * The runtime passes a pool of `slots` slots, each the frames of one
 * work-group, and in front of them one word per slot: the work-items still
 * running in it, 0 when it is free. A work-group takes slot (group % slots):
 * CUDA sizes local memory by the blocks that run at once, not by the grid, so
 * the pool has fewer slots than large grids have blocks, and a block whose
 * slot is busy waits for its holder, which is running and does not wait. */

/* The first work-item takes the work-group's slot; the kernel then waits at a
 * barrier, after which every work-item reads it. */
void cucl_scratch_enter(__global uint *pool, uint slots, __local uint *slot) {
  if (get_local_id(0) != 0u || get_local_id(1) != 0u || get_local_id(2) != 0u)
    return;
  uint group = (uint)(get_group_id(0) +
                      get_num_groups(0) * (get_group_id(1) + get_num_groups(1) * get_group_id(2)));
  uint taken = group % slots;
  uint items = (uint)(get_local_size(0) * get_local_size(1) * get_local_size(2));
  while (atomic_cmpxchg(&pool[taken], 0u, items) != 0u) {
  }
  *slot = taken;
}

/* This work-item's frame of `frame` bytes in the slot. */
__global uchar *cucl_scratch_frame(__global uint *pool, uint slots, uint slot, ulong frame) {
  ulong item = get_local_id(0) + get_local_size(0) * (get_local_id(1) +
                                                      get_local_size(1) * get_local_id(2));
  ulong items = get_local_size(0) * get_local_size(1) * get_local_size(2);
  ulong header = ((ulong)slots * 4ul + 127ul) & ~127ul;
  return (__global uchar *)pool + header + ((ulong)slot * items + item) * frame;
}

/* A work-item returns: the last one frees the slot. */
void cucl_scratch_leave(__global uint *pool, uint slot) {
  atomic_dec(&pool[slot]);
}

/* `T a[N] = {0}` for an array in scratch memory (frames are 128-byte aligned). */
void cucl_scratch_zero(__global uchar *at, ulong bytes) {
  __global uint *words = (__global uint *)at;
  for (ulong i = 0ul; i < bytes / 4ul; ++i)
    words[i] = 0u;
  for (ulong i = bytes & ~3ul; i < bytes; ++i)
    at[i] = (uchar)0;
}
