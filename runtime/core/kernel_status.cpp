#include "core/kernel_status.h"

#include <cstdint>
#include <cstdio>

#include "backend/cl_error_names.h"
#include "core/diagnostics.h"
#include "core/error_state.h"
#include "core/kernel_faults.h"
#include "core/memcheck_report.h"
#include "core/stream.h"

namespace cucl {
namespace {

const char *operationName(cl_uint op) {
  switch (op) {
  case CUCL_OP_SHFL:
    return "__shfl_sync";
  case CUCL_OP_SHFL_UP:
    return "__shfl_up_sync";
  case CUCL_OP_SHFL_DOWN:
    return "__shfl_down_sync";
  case CUCL_OP_SHFL_XOR:
    return "__shfl_xor_sync";
  case CUCL_OP_BALLOT:
    return "__ballot_sync";
  case CUCL_OP_ANY:
    return "__any_sync";
  case CUCL_OP_ALL:
    return "__all_sync";
  case CUCL_OP_MATCH_ANY:
    return "__match_any_sync";
  case CUCL_OP_MATCH_ALL:
    return "__match_all_sync";
  case CUCL_OP_REDUCE:
    return "__reduce_*_sync";
  case CUCL_OP_SYNCWARP:
    return "__syncwarp";
  case CUCL_OP_SYNCTHREADS:
    return "__syncthreads";
  case CUCL_OP_GRID_SYNC:
    return "grid_group::sync";
  default:
    return "a warp-level operation";
  }
}

std::string explain(const std::array<cl_uint, CUCL_STATUS_WORDS> &words) {
  cl_uint check = words[CUCL_STATUS_CHECK] & 0xffu;
  const char *op = operationName((words[CUCL_STATUS_CHECK] >> 8) & 0xffu);
  cl_uint thread = words[CUCL_STATUS_THREAD];
  cl_uint detail = words[CUCL_STATUS_DETAIL];
  char text[256];
  switch (check) {
  case CUCL_CHECK_OWN_LANE:
    std::snprintf(text, sizeof text, "%s: the calling lane %u is not in the mask 0x%08x", op,
                  thread % 32u, detail);
    break;
  case CUCL_CHECK_ABSENT_LANE:
    std::snprintf(text, sizeof text,
                  "%s: the mask 0x%08x names lanes that do not take part in the call (lanes "
                  "that have not exited must all call it)",
                  op, detail);
    break;
  case CUCL_CHECK_PARTIAL_BLOCK:
    std::snprintf(text, sizeof text,
                  "%s reached by part of the block only (lanes active in this warp: 0x%08x)", op,
                  detail);
    break;
  case CUCL_CHECK_NOT_COOPERATIVE:
    std::snprintf(text, sizeof text,
                  "%s in a launch that is not cooperative (use cudaLaunchCooperativeKernel)", op);
    break;
  case CUCL_CHECK_GRID_TIMEOUT:
    std::snprintf(text, sizeof text,
                  "%s: the %u blocks of the grid never all arrived (were they running at once?)",
                  op, detail);
    break;
  case CUCL_CHECK_TILE_SIZE:
    std::snprintf(text, sizeof text,
                  "tiled_partition: a tile of %u threads (CUDA allows 1, 2, 4, 8, 16 and 32)",
                  detail);
    break;
  case CUCL_CHECK_ASSERT:
    std::snprintf(text, sizeof text, "assert() failed (the kernel printed the assertion)");
    break;
  case CUCL_CHECK_TRAP:
    std::snprintf(text, sizeof text, "__trap()");
    break;
  default:
    std::snprintf(text, sizeof text, "check %u failed (detail 0x%08x)", check, detail);
    break;
  }
  return text;
}

} // namespace

cl_int KernelStatus::prepare(CUstream_st &stream, LaunchNote note, cl::Buffer *record,
                             cl_uint *launch) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (record_() == nullptr) {
    cl_int status = CL_SUCCESS;
    std::array<cl_uint, CUCL_STATUS_WORDS> zero{};
    record_ = cl::Buffer(stream.device.context(), CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR,
                         sizeof zero, zero.data(), &status);
    if (status != CL_SUCCESS) {
      record_ = cl::Buffer();
      return status;
    }
  }
  *launch = nextLaunch_++;
  notes_[*launch % kNames] = std::move(note);
  pending_ = true;
  *record = record_;
  return CL_SUCCESS;
}

cudaError_t KernelStatus::check(CUstream_st &stream) {
  if (cudaError_t fault = collectKernelFaults(stream.device); fault != cudaSuccess)
    return fault;
  std::lock_guard<std::mutex> lock(mutex_);
  if (!pending_)
    return cudaSuccess;
  pending_ = false;
  std::array<cl_uint, CUCL_STATUS_WORDS> words{};
  cl_int status = stream.queue.enqueueReadBuffer(record_, CL_TRUE, 0, sizeof words, words.data());
  if (status != CL_SUCCESS) {
    verboseLog("reading a kernel status record failed: %s", backend::clErrorName(status));
    stream.device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
  if (words[CUCL_STATUS_ERROR] == 0)
    return cudaSuccess;
  auto error = static_cast<cudaError_t>(words[CUCL_STATUS_ERROR]);
  if (errorName(error) == nullptr)
    error = cudaErrorLaunchFailure;
  cl_uint launch = words[CUCL_STATUS_LAUNCH];
  const LaunchNote &note = notes_[launch % kNames];
  if ((words[CUCL_STATUS_CHECK] & 0xffu) == CUCL_CHECK_MEMORY) // asked for: always said
    std::fprintf(stderr, "cucl memcheck: %s -> %s\n", describeMemcheckFailure(words, note).c_str(),
                 errorName(error));
  else
    verboseLog("kernel %s, block (%u, %u, %u), thread %u: %s -> %s", note.kernel.c_str(),
               words[CUCL_STATUS_BLOCK_X], words[CUCL_STATUS_BLOCK_Y], words[CUCL_STATUS_BLOCK_Z],
               words[CUCL_STATUS_THREAD], explain(words).c_str(), errorName(error));
  // The error is sticky; a cudaDeviceReset clears it, and later launches must
  // start from a clean record.
  std::array<cl_uint, CUCL_STATUS_WORDS> zero{};
  stream.queue.enqueueWriteBuffer(record_, CL_TRUE, 0, sizeof zero, zero.data());
  stream.device.raiseStickyError(error);
  return error;
}

} // namespace cucl
