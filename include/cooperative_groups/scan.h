/*
 * cucl's cooperative_groups/scan.h: cg::inclusive_scan and cg::exclusive_scan
 * over a thread_block_tile or a coalesced_group (plus by default, or any
 * function object). As in CUDA, rank 0 of an exclusive scan gets T() unless
 * the operation is plus on an integer type, where it gets 0 as well.
 */
#ifndef _CG_SCAN_H
#define _CG_SCAN_H

#include "../cooperative_groups.h"
#include "reduce.h"

#if defined(__clang__) && defined(__CUDA__)

namespace cooperative_groups {

namespace details {
/* Hillis-Steele over the ranks. */
template <typename Group, typename T, typename Op>
__device__ T inclusive_ranks(const Group &group, T value, Op op) {
  unsigned int count = group.num_threads(), rank = group.thread_rank();
  for (unsigned int distance = 1u; distance < count; distance <<= 1) {
    T other = group.shfl_up(value, distance);
    if (rank >= distance)
      value = op(other, value);
  }
  return value;
}
} // namespace details

template <typename Group, typename T, typename Op>
__device__ T inclusive_scan(const Group &group, T value, Op op) {
  return details::inclusive_ranks(group, value, op);
}
template <typename Group, typename T> __device__ T inclusive_scan(const Group &group, T value) {
  return details::inclusive_ranks(group, value, plus<T>());
}

template <typename Group, typename T, typename Op>
__device__ T exclusive_scan(const Group &group, T value, Op op) {
  T inclusive = details::inclusive_ranks(group, value, op);
  T previous = group.shfl_up(inclusive, 1u);
  return group.thread_rank() == 0u ? T() : previous;
}
template <typename Group, typename T> __device__ T exclusive_scan(const Group &group, T value) {
  return exclusive_scan(group, value, plus<T>());
}

} // namespace cooperative_groups

#endif
#endif /* _CG_SCAN_H */
