/*
 * cucl's cooperative_groups/reduce.h: cg::reduce over a thread_block_tile or
 * a coalesced_group, with the function objects CUDA provides (plus, less,
 * greater, bit_and, bit_or, bit_xor: in cooperative_groups.h) or any
 * callable object of the program.
 * Every thread of the group gets the result.
 */
#ifndef _CG_REDUCE_H
#define _CG_REDUCE_H

#include "../cooperative_groups.h"

#if defined(__clang__) && defined(__CUDA__)

namespace cooperative_groups {

namespace details {
/* Any group, any size: a tree over the ranks into rank 0, then a broadcast. */
template <typename Group, typename T, typename Op>
__device__ T reduce_ranks(const Group &group, T value, Op op) {
  unsigned int count = group.num_threads(), rank = group.thread_rank();
  for (unsigned int distance = 1u; distance < count; distance <<= 1) {
    T other = group.shfl_down(value, distance);
    if (rank + distance < count)
      value = op(value, other);
  }
  return group.shfl(value, 0);
}
} // namespace details

template <typename T, typename Op>
__device__ T reduce(const coalesced_group &group, T value, Op op) {
  return details::reduce_ranks(group, value, op);
}

/* A whole tile: a butterfly, every lane ends with the result. A tile that
 * runs past the end of the block (its last warp partial) takes the rank path. */
template <unsigned int Size, typename ParentT, typename T, typename Op>
__device__ T reduce(const thread_block_tile<Size, ParentT> &tile, T value, Op op) {
  if ((tile.lanes() & ~details::live_lanes()) != 0u)
    return details::reduce_ranks(coalesced_group(tile.lanes() & details::live_lanes()), value, op);
  for (unsigned int distance = Size / 2u; distance > 0u; distance >>= 1)
    value = op(value, tile.shfl_xor(value, distance));
  return value;
}

} // namespace cooperative_groups

#endif
#endif /* _CG_REDUCE_H */
