// Enqueues one member of the GEMM kernel family for one call: the grid
// (groups over the C tiles, batches on z) and the kernel arguments.
#ifndef CUCL_CUBLAS_GEMM_GEMM_LAUNCH_H
#define CUCL_CUBLAS_GEMM_GEMM_LAUNCH_H

#include <mutex>
#include <vector>

#include "backend/cl.h"
#include "gemm/gemm.h"
#include "gemm/gemm_params.h"

namespace cucl::blas {

// A built kernel; its arguments are set under `mutex` right before each
// enqueue, so handles on several threads can share it.
struct GemmKernel {
  cl::Kernel kernel;
  GemmParams params;
  std::mutex mutex;
};

// The kernel's source options for a call's types and transposes.
std::string buildOptionsFor(const GemmParams &params, const GemmCall &call);

// CUBLAS_STATUS_INVALID_VALUE when an offset is not a whole number of
// elements (the kernel addresses elements); else CL's status of the enqueue.
cublasStatus_t checkAlignment(const GemmCall &call);
cl_int enqueueGemmKernel(const cl::CommandQueue &queue, GemmKernel &kernel, const GemmCall &call,
                         const std::vector<cl::Event> *waits, cl::Event *done);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_LAUNCH_H
