/*
 * cucl's cooperative_groups/memcpy_async.h: cg::memcpy_async, cg::wait and
 * cg::wait_prior. OpenCL 1.2 has no asynchronous copy engine that threads
 * can wait on by group, so the threads of the group copy the bytes together
 * when memcpy_async is called, and wait is the group's barrier that makes
 * the copy visible to all of them: CUDA's results, without the overlap.
 */
#ifndef _CG_MEMCPY_ASYNC_H
#define _CG_MEMCPY_ASYNC_H

#include "../cooperative_groups.h"

#if defined(__clang__) && defined(__CUDA__)

namespace cooperative_groups {

namespace details {
/* Rank r of the group copies units r, r + size, ...: 4-byte words when both
 * addresses and the count allow, else bytes. */
template <typename Group>
__device__ void copy_by_group(const Group &group, char *dst, const char *src, size_t bytes) {
  size_t rank = group.thread_rank(), size = group.num_threads();
  if (((size_t)dst & 3u) == 0u && ((size_t)src & 3u) == 0u && (bytes & 3u) == 0u) {
    unsigned int *to = (unsigned int *)dst;
    const unsigned int *from = (const unsigned int *)src;
    for (size_t i = rank; i < bytes / 4u; i += size)
      to[i] = from[i];
    return;
  }
  for (size_t i = rank; i < bytes; i += size)
    dst[i] = src[i];
}
} // namespace details

/* Copies `bytes` bytes from src to dst; call wait(group) before reading dst. */
template <typename Group, typename Dst, typename Src>
__device__ void memcpy_async(const Group &group, Dst *dst, const Src *src, size_t bytes) {
  details::copy_by_group(group, (char *)dst, (const char *)src, bytes);
}
/* The element-count form: copies min(dstCount, srcCount) elements. */
template <typename Group, typename T>
__device__ void memcpy_async(const Group &group, T *dst, size_t dstCount, const T *src,
                             size_t srcCount) {
  size_t count = dstCount < srcCount ? dstCount : srcCount;
  details::copy_by_group(group, (char *)dst, (const char *)src, count * sizeof(T));
}

/* Every copy the group started is complete and visible to the group. */
template <typename Group> __device__ void wait(const Group &group) { group.sync(); }
/* All but the last N copies are complete: here every copy is. */
template <unsigned int N, typename Group> __device__ void wait_prior(const Group &group) {
  group.sync();
}

} // namespace cooperative_groups

#endif

#endif /* _CG_MEMCPY_ASYNC_H */
