// The status record of kernels that check what CUDA leaves undefined
// (CUCL_KERNEL_STATUS in include/cucl/module_abi.h): one small buffer per
// stream, written by a kernel whose check fails, read back when the stream's
// work is known to be done (stream and device synchronization, blocking
// copies), and turned into the device's sticky error, as CUDA reports a kernel
// fault at the next synchronizing call.
#ifndef CUCL_CORE_KERNEL_STATUS_H
#define CUCL_CORE_KERNEL_STATUS_H

#include <array>
#include <cstdint>
#include <mutex>
#include <string>
#include <vector>

#include "backend/cl.h"
#include "core/public_headers.h"

struct CUstream_st;

namespace cucl {

struct Module;

// What a report of a launch's failure names.
struct LaunchNote {
  std::string kernel;
  const Module *module = nullptr; // memcheck: the source files its checks index
  dim3 block;
  // memcheck: where each parameter's allocation starts (0 for other
  // parameters and null pointers).
  std::vector<std::uintptr_t> allocations;
};

class KernelStatus {
public:
  // Before a launch on `stream`: the record (created zeroed on first use) and
  // a launch id the kernel copies into it, remembered with `note`.
  cl_int prepare(CUstream_st &stream, LaunchNote note, cl::Buffer *record, cl_uint *launch);

  // Once the stream's earlier work is done: reads the record if a launch used
  // it since the last check; a failure raises the device's sticky error, is
  // explained under CUCL_VERBOSE=1 and is returned. cudaSuccess otherwise.
  cudaError_t check(CUstream_st &stream);

private:
  static constexpr std::size_t kNames = 64; // launch ids remembered for messages

  std::mutex mutex_;
  cl::Buffer record_;
  bool pending_ = false;
  cl_uint nextLaunch_ = 1;
  std::array<LaunchNote, kNames> notes_;
};

} // namespace cucl

#endif // CUCL_CORE_KERNEL_STATUS_H
