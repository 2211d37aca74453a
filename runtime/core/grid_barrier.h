// The global-memory barrier of kernels that synchronize their grid
// (CUCL_KERNEL_GRID_SYNC in include/cucl/module_abi.h): two words per
// stream, zeroed on the stream before each launch that uses them.
#ifndef CUCL_CORE_GRID_BARRIER_H
#define CUCL_CORE_GRID_BARRIER_H

#include <mutex>

#include "backend/cl.h"

struct CUstream_st;

namespace cucl {

class GridBarrier {
public:
  // Creates the words on first use and enqueues their reset on `stream`.
  cl_int prepare(CUstream_st &stream, cl::Buffer *words);

private:
  std::mutex mutex_;
  cl::Buffer words_;
};

} // namespace cucl

#endif // CUCL_CORE_GRID_BARRIER_H
