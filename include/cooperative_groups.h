/*
 * cucl's cooperative groups: CUDA's cooperative_groups.h API for device code,
 * written in CUDA C++ over the warp functions (cucl/device/device_runtime.h),
 * which lane-mode kernels run exactly (docs/design.md, "Warp-level code").
 *
 * Groups: thread_block, thread_block_tile<N> (N = 1, 2, 4, 8, 16, 32),
 * coalesced_group, the type-erased thread_group, grid_group; partitions
 * tiled_partition, coalesced_threads, labeled_partition, binary_partition;
 * collectives cg::sync, reduce and inclusive/exclusive_scan (in
 * <cooperative_groups/reduce.h> and <cooperative_groups/scan.h>, included
 * here too). Return types follow CUDA 12.
 *
 * Only cucl-translate (Clang in CUDA mode) sees the definitions; the host
 * side of a translated program, compiled by a plain C++ compiler, sees the
 * names only, which is all host code needs (device code is not compiled
 * there).
 */
#ifndef _COOPERATIVE_GROUPS_H_
#define _COOPERATIVE_GROUPS_H_

#include "cuda_runtime.h"

#if defined(__clang__) && defined(__CUDA__)

namespace cooperative_groups {
namespace details {

__device__ inline unsigned int block_rank() {
  return threadIdx.x + blockDim.x * (threadIdx.y + blockDim.y * threadIdx.z);
}
__device__ inline unsigned int block_threads() { return blockDim.x * blockDim.y * blockDim.z; }
__device__ inline unsigned int lane_id() { return block_rank() & 31u; }
/* The lanes of this thread's warp that exist: the last warp of a block whose
 * size is not a multiple of 32 is partial. */
__device__ inline unsigned int live_lanes() {
  unsigned int count = block_threads() - (block_rank() & ~31u);
  return count >= 32u ? 0xffffffffu : (1u << count) - 1u;
}
/* The lane of the rank-th set bit of mask. */
__device__ inline unsigned int lane_of_rank(unsigned int mask, unsigned int rank) {
  for (unsigned int lane = 0; lane < 32u; ++lane) {
    if ((mask >> lane) & 1u) {
      if (rank == 0u)
        return lane;
      --rank;
    }
  }
  return 32u;
}
/* The lanes of `mask` whose ranks in it fall in this thread's tile of `size`
 * ranks (size a power of two). */
__device__ inline unsigned int rank_tile(unsigned int mask, unsigned int size) {
  unsigned int first = __popc(mask & __lanemask_lt()) & ~(size - 1u);
  unsigned int tile = 0u, rank = 0u;
  for (unsigned int lane = 0; lane < 32u; ++lane) {
    if ((mask >> lane) & 1u) {
      if (rank >= first && rank < first + size)
        tile |= 1u << lane;
      ++rank;
    }
  }
  return tile;
}
/* The lanes of this thread's aligned tile of `size` lanes (a power of two). */
__device__ inline unsigned int tile_lanes(unsigned int size) {
  return (0xffffffffu >> (32u - size)) << (lane_id() & ~(size - 1u));
}
/* The bits of `lanes` that are in `mask`, packed to rank positions. */
__device__ inline unsigned int pack_lanes(unsigned int mask, unsigned int lanes) {
  unsigned int packed = 0u, rank = 0u;
  for (unsigned int lane = 0; lane < 32u; ++lane) {
    if ((mask >> lane) & 1u) {
      packed |= ((lanes >> lane) & 1u) << rank;
      ++rank;
    }
  }
  return packed;
}

enum group_kind : unsigned int { kind_block = 0u, kind_lanes = 1u, kind_grid = 2u };

} // namespace details

/* Any group, as a value: CUDA's base class, here a converted copy. */
class thread_group {
public:
  __device__ thread_group(unsigned int kind, unsigned int mask) : kind_(kind), mask_(mask) {}

  __device__ void sync() const {
    if (kind_ == details::kind_block)
      __syncthreads();
    else
      __syncwarp(mask_);
  }
  __device__ unsigned long long num_threads() const {
    return kind_ == details::kind_block ? details::block_threads() : __popc(mask_);
  }
  __device__ unsigned long long size() const { return num_threads(); }
  __device__ unsigned long long thread_rank() const {
    return kind_ == details::kind_block ? details::block_rank() : __popc(mask_ & __lanemask_lt());
  }
  __device__ bool is_valid() const { return true; }
  __device__ unsigned int get_type() const { return kind_; }
  /* The lanes of a warp-level group (all ones for a block). */
  __device__ unsigned int lanes() const { return mask_; }

private:
  unsigned int kind_;
  unsigned int mask_;
};

class thread_block {
public:
  __device__ static void sync() { __syncthreads(); }
  __device__ static unsigned int thread_rank() { return details::block_rank(); }
  __device__ static unsigned int num_threads() { return details::block_threads(); }
  __device__ static unsigned int size() { return details::block_threads(); }
  __device__ static dim3 group_index() { return dim3(blockIdx.x, blockIdx.y, blockIdx.z); }
  __device__ static dim3 thread_index() { return dim3(threadIdx.x, threadIdx.y, threadIdx.z); }
  __device__ static dim3 dim_threads() { return dim3(blockDim.x, blockDim.y, blockDim.z); }
  __device__ static dim3 group_dim() { return dim_threads(); }
  __device__ static bool is_valid() { return true; }
  __device__ operator thread_group() const {
    return thread_group(details::kind_block, 0xffffffffu);
  }
};

__device__ inline thread_block this_thread_block() { return thread_block(); }

/* A fixed-size partition of a warp. Its meta group (meta_group_rank/size) is
 * the tiles of its parent: the block, or a larger tile whose size the object
 * keeps, also through a conversion to thread_block_tile<Size> (ParentT void). */
template <unsigned int Size, typename ParentT = void> class thread_block_tile {
  static_assert(Size == 1 || Size == 2 || Size == 4 || Size == 8 || Size == 16 || Size == 32,
                "cucl: thread_block_tile sizes are powers of two up to 32");

public:
  /* parent: the size of the parent tile, 0 for the block. */
  __device__ explicit thread_block_tile(unsigned int parent = 0u) : parent_(parent) {}
  template <typename OtherParent>
  __device__ thread_block_tile(const thread_block_tile<Size, OtherParent> &other)
      : parent_(other.parent_size()) {}

  __device__ static constexpr unsigned int num_threads() { return Size; }
  __device__ static constexpr unsigned int size() { return Size; }
  __device__ unsigned int thread_rank() const { return details::block_rank() & (Size - 1u); }
  __device__ unsigned int meta_group_rank() const {
    unsigned int rank = details::block_rank();
    return (parent_ == 0u ? rank : rank & (parent_ - 1u)) / Size;
  }
  __device__ unsigned int meta_group_size() const {
    return parent_ == 0u ? (details::block_threads() + Size - 1u) / Size : parent_ / Size;
  }
  __device__ unsigned int parent_size() const { return parent_; }
  __device__ bool is_valid() const { return true; }
  /* The lanes of this tile within the warp. */
  __device__ unsigned int lanes() const { return details::tile_lanes(Size); }
  __device__ unsigned int build_mask() const { return lanes(); }
  __device__ void sync() const {
    if constexpr (Size == 32u)
      __syncwarp(0xffffffffu);
    else
      __syncwarp(lanes());
  }

  /* A whole warp's tile names its mask as a constant: lane mode then checks
   * it once per warp instead of once per lane. */
  template <typename T> __device__ T shfl(T var, int srcRank) const {
    if constexpr (Size == 32u)
      return __cucl_shfl_sync(0xffffffffu, var, srcRank, 32);
    else
      return __cucl_shfl_sync(lanes(), var, srcRank, Size);
  }
  template <typename T> __device__ T shfl_up(T var, unsigned int delta) const {
    if constexpr (Size == 32u)
      return __cucl_shfl_up_sync(0xffffffffu, var, delta, 32);
    else
      return __cucl_shfl_up_sync(lanes(), var, delta, Size);
  }
  template <typename T> __device__ T shfl_down(T var, unsigned int delta) const {
    if constexpr (Size == 32u)
      return __cucl_shfl_down_sync(0xffffffffu, var, delta, 32);
    else
      return __cucl_shfl_down_sync(lanes(), var, delta, Size);
  }
  template <typename T> __device__ T shfl_xor(T var, unsigned int laneMask) const {
    if constexpr (Size == 32u)
      return __cucl_shfl_xor_sync(0xffffffffu, var, laneMask, 32);
    else
      return __cucl_shfl_xor_sync(lanes(), var, laneMask, Size);
  }
  __device__ int any(int predicate) const { return votes(predicate) != 0u; }
  __device__ int all(int predicate) const {
    return votes(predicate) == (lanes() & details::live_lanes());
  }
  /* Bit i: the thread of rank i. */
  __device__ unsigned int ballot(int predicate) const {
    return votes(predicate) >> (details::lane_id() & ~(Size - 1u));
  }
  template <typename T> __device__ unsigned int match_any(T value) const {
    return __match_any_sync(lanes(), value) >> (details::lane_id() & ~(Size - 1u));
  }
  template <typename T> __device__ unsigned int match_all(T value, int &pred) const {
    return __match_all_sync(lanes(), value, &pred) >> (details::lane_id() & ~(Size - 1u));
  }
  __device__ operator thread_group() const { return thread_group(details::kind_lanes, lanes()); }

private:
  /* The ballot of the tile's lanes (a whole warp's with a constant mask). */
  __device__ unsigned int votes(int predicate) const {
    if constexpr (Size == 32u)
      return __ballot_sync(0xffffffffu, predicate);
    else
      return __ballot_sync(lanes(), predicate);
  }

  unsigned int parent_;
};

/* The threads of a warp that are active together (or a part of them). */
class coalesced_group {
public:
  __device__ explicit coalesced_group(unsigned int mask, unsigned int metaRank = 0u,
                                      unsigned int metaSize = 1u)
      : mask_(mask), meta_rank_(metaRank), meta_size_(metaSize) {}

  __device__ unsigned int num_threads() const { return __popc(mask_); }
  __device__ unsigned int size() const { return __popc(mask_); }
  __device__ unsigned int thread_rank() const { return __popc(mask_ & __lanemask_lt()); }
  __device__ unsigned int meta_group_rank() const { return meta_rank_; }
  __device__ unsigned int meta_group_size() const { return meta_size_; }
  __device__ bool is_valid() const { return mask_ != 0u; }
  __device__ unsigned int lanes() const { return mask_; }
  __device__ void sync() const { __syncwarp(mask_); }

  template <typename T> __device__ T shfl(T var, unsigned int srcRank) const {
    return __cucl_shfl_sync(mask_, var, (int)details::lane_of_rank(mask_, srcRank % size()), 32);
  }
  template <typename T> __device__ T shfl_up(T var, unsigned int delta) const {
    unsigned int rank = thread_rank();
    unsigned int from = rank >= delta ? details::lane_of_rank(mask_, rank - delta)
                                      : details::lane_id();
    return __cucl_shfl_sync(mask_, var, (int)from, 32);
  }
  template <typename T> __device__ T shfl_down(T var, unsigned int delta) const {
    unsigned int rank = thread_rank();
    unsigned int from = rank + delta < size() ? details::lane_of_rank(mask_, rank + delta)
                                              : details::lane_id();
    return __cucl_shfl_sync(mask_, var, (int)from, 32);
  }
  __device__ int any(int predicate) const { return __ballot_sync(mask_, predicate) != 0u; }
  __device__ int all(int predicate) const { return __ballot_sync(mask_, predicate) == mask_; }
  /* Bit i: the thread of rank i. */
  __device__ unsigned int ballot(int predicate) const {
    return details::pack_lanes(mask_, __ballot_sync(mask_, predicate));
  }
  template <typename T> __device__ unsigned int match_any(T value) const {
    return details::pack_lanes(mask_, __match_any_sync(mask_, value));
  }
  template <typename T> __device__ unsigned int match_all(T value, int &pred) const {
    return details::pack_lanes(mask_, __match_all_sync(mask_, value, &pred));
  }
  __device__ operator thread_group() const { return thread_group(details::kind_lanes, mask_); }

private:
  unsigned int mask_;
  unsigned int meta_rank_; /* of a tiled_partition of a coalesced group */
  unsigned int meta_size_;
};

__device__ inline coalesced_group coalesced_threads() { return coalesced_group(__activemask()); }

/* The whole grid. sync() needs cudaLaunchCooperativeKernel. */
class grid_group {
public:
  __device__ static unsigned long long num_threads() {
    return (unsigned long long)gridDim.x * gridDim.y * gridDim.z * details::block_threads();
  }
  __device__ static unsigned long long size() { return num_threads(); }
  __device__ static unsigned long long thread_rank() {
    unsigned long long block =
        blockIdx.x + (unsigned long long)gridDim.x * (blockIdx.y + (unsigned long long)gridDim.y *
                                                                       blockIdx.z);
    return block * details::block_threads() + details::block_rank();
  }
  __device__ static unsigned long long num_blocks() {
    return (unsigned long long)gridDim.x * gridDim.y * gridDim.z;
  }
  __device__ static unsigned long long block_rank() {
    return blockIdx.x +
           (unsigned long long)gridDim.x * (blockIdx.y + (unsigned long long)gridDim.y * blockIdx.z);
  }
  __device__ static dim3 group_dim() { return dim3(gridDim.x, gridDim.y, gridDim.z); }
  __device__ static dim3 dim_blocks() { return group_dim(); }
  __device__ static dim3 block_index() { return dim3(blockIdx.x, blockIdx.y, blockIdx.z); }
  /* True under cudaLaunchCooperativeKernel, where sync() may be called. */
  __device__ static bool is_valid() { return __cucl_grid_is_valid(); }
  __device__ static void sync() { __cucl_grid_sync(); }
};

__device__ inline grid_group this_grid() { return grid_group(); }

/* The group of the calling thread alone. */
__device__ inline thread_block_tile<1, void> this_thread() { return thread_block_tile<1, void>(); }

namespace details {
/* The size of a tile's parent for its meta group: 0 for the block. */
__device__ inline unsigned int parent_extent(const thread_block &) { return 0u; }
template <unsigned int Size, typename ParentT>
__device__ unsigned int parent_extent(const thread_block_tile<Size, ParentT> &) {
  return Size;
}
__device__ inline unsigned int parent_extent(const thread_group &group) {
  return group.get_type() == kind_block ? 0u : (unsigned int)group.size();
}
} // namespace details

/* tiled_partition<N>(parent): the tile of N threads that holds this thread. */
template <unsigned int Size, typename ParentT>
__device__ thread_block_tile<Size, ParentT> tiled_partition(const ParentT &parent) {
  return thread_block_tile<Size, ParentT>(details::parent_extent(parent));
}

/* tiled_partition(parent, n), n a power of two up to 32, as a thread_group:
 * the threads of ranks [n * (rank / n), n * (rank / n) + n) of the parent
 * that exist (the last tile of a block or group may be smaller). */
__device__ inline thread_group tiled_partition(const thread_group &parent, unsigned int size) {
  __cucl_check_tile_size(size); /* other sizes: cudaErrorIllegalInstruction */
  if (parent.get_type() != details::kind_block)
    return thread_group(details::kind_lanes, details::rank_tile(parent.lanes(), size));
  return thread_group(details::kind_lanes, details::tile_lanes(size) & details::live_lanes());
}
__device__ inline thread_group tiled_partition(const thread_block &parent, unsigned int size) {
  return tiled_partition(thread_group(parent), size);
}
/* A coalesced group's tiles are by rank in it. */
__device__ inline coalesced_group tiled_partition(const coalesced_group &parent,
                                                  unsigned int size) {
  __cucl_check_tile_size(size);
  unsigned int tile = details::rank_tile(parent.lanes(), size);
  return coalesced_group(tile, parent.thread_rank() / size,
                         (parent.num_threads() + size - 1u) / size);
}

/* The threads of the group whose label equals this thread's. */
__device__ inline coalesced_group labeled_partition(const coalesced_group &group, int label) {
  return coalesced_group(__match_any_sync(group.lanes(), label));
}
template <unsigned int Size, typename ParentT>
__device__ coalesced_group labeled_partition(const thread_block_tile<Size, ParentT> &tile,
                                             int label) {
  return coalesced_group(__match_any_sync(tile.lanes(), label));
}
/* The threads of the group whose predicate equals this thread's. */
__device__ inline coalesced_group binary_partition(const coalesced_group &group, bool pred) {
  unsigned int taken = __ballot_sync(group.lanes(), pred);
  return coalesced_group(pred ? taken : group.lanes() & ~taken);
}
template <unsigned int Size, typename ParentT>
__device__ coalesced_group binary_partition(const thread_block_tile<Size, ParentT> &tile,
                                            bool pred) {
  unsigned int taken = __ballot_sync(tile.lanes(), pred);
  return coalesced_group(pred ? taken : tile.lanes() & ~taken);
}

/* The function objects of cg::reduce and the scans. */
template <typename T> struct plus {
  __device__ T operator()(T a, T b) const { return a + b; }
};
template <typename T> struct less {
  __device__ T operator()(T a, T b) const { return b < a ? b : a; }
};
template <typename T> struct greater {
  __device__ T operator()(T a, T b) const { return a < b ? b : a; }
};
template <typename T> struct bit_and {
  __device__ T operator()(T a, T b) const { return a & b; }
};
template <typename T> struct bit_or {
  __device__ T operator()(T a, T b) const { return a | b; }
};
template <typename T> struct bit_xor {
  __device__ T operator()(T a, T b) const { return a ^ b; }
};

template <typename Group> __device__ void sync(const Group &group) { group.sync(); }
template <typename Group> __device__ unsigned long long thread_rank(const Group &group) {
  return group.thread_rank();
}
template <typename Group> __device__ unsigned long long group_size(const Group &group) {
  return group.num_threads();
}
/* Rank 0 of the group calls fn(args...). */
template <typename Group, typename Fn, typename... Args>
__device__ void invoke_one(const Group &group, Fn &&fn, Args &&...args) {
  if (group.thread_rank() == 0)
    fn(args...);
}

} // namespace cooperative_groups

#include "cooperative_groups/reduce.h"
#include "cooperative_groups/scan.h"

#else /* the host side of a translated program: the names only */

namespace cooperative_groups {
class thread_group;
class thread_block;
class coalesced_group;
class grid_group;
template <unsigned int Size, typename ParentT = void> class thread_block_tile;
} // namespace cooperative_groups

#endif

#endif /* _COOPERATIVE_GROUPS_H_ */
