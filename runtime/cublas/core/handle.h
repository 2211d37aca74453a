// A cuBLAS handle: the device it was created on, its stream and pointer mode,
// and the OpenCL objects of that device.
#ifndef CUCL_CUBLAS_CORE_HANDLE_H
#define CUCL_CUBLAS_CORE_HANDLE_H

#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "backend/cl.h"
#include "cublas_v2.h"
#include "library_support/stream_submit.h"

namespace cucl::library {
class ProgramCache;
} // namespace cucl::library
namespace cucl::blas {
class KernelSet;
} // namespace cucl::blas

struct cublasContext {
  int device = 0;      // the CUDA device current at cublasCreate
  cl::Context context; // that device's OpenCL context and device
  cl::Device clDevice;
  cudaStream_t stream = nullptr; // cublasSetStream; 0 = the legacy default stream
  cublasPointerMode_t pointerMode = CUBLAS_POINTER_MODE_HOST;
  cublasMath_t mathMode = CUBLAS_DEFAULT_MATH;
  cucl::library::ProgramCache *programs = nullptr; // shared by every handle of the device

  cublasAtomicsMode_t atomicsMode = CUBLAS_ATOMICS_NOT_ALLOWED; // stored only
  bool fp64 = false;        // the device has cl_khr_fp64 (double routines need it)
  cl_uint computeUnits = 1; // sizes the first stage of reductions

  // cuBLAS lets several threads call with one handle: this serializes the
  // routines that share the handle's kernel objects (arguments are set on
  // them) and its scratch buffer, from setting arguments to enqueueing.
  std::mutex mutex;
  std::unique_ptr<cucl::blas::KernelSet> kernels; // this handle's cl::Kernel objects
  // Partial results of two-stage reductions and host-mode scalar results;
  // allocated on first use, grown when needed, dropped on a stream change
  // (commands already queued keep the old one alive).
  cl::Buffer scratch;
  std::size_t scratchBytes = 0;
};

namespace cucl::blas {

// Enqueues one OpenCL command on the handle's stream with CUDA's stream
// ordering (library::enqueueOnStream has the contract of `submit`).
// Failures map to CUBLAS_STATUS_EXECUTION_FAILED.
cublasStatus_t fromEnqueueStatus(cudaError_t status);
template <class Submit>
cublasStatus_t enqueueOnStream(const cublasContext &handle, Submit &&submit) {
  return fromEnqueueStatus(
      library::enqueueOnStream(handle.device, handle.stream, std::forward<Submit>(submit)));
}

// Waits until everything queued so far on the handle's stream has finished.
cublasStatus_t synchronizeStream(const cublasContext &handle);
// Waits for one command; a failed command -> CUBLAS_STATUS_EXECUTION_FAILED.
cublasStatus_t waitForCommand(const cl::Event &command);

// Makes handle.scratch at least `bytes` long (call with the handle's mutex
// held). A failed allocation -> CUBLAS_STATUS_ALLOC_FAILED.
cublasStatus_t ensureScratch(cublasContext &handle, std::size_t bytes);

// cublasCreate/cublasDestroy: a handle bound to the current CUDA device.
cublasStatus_t createHandle(cublasContext **out);
cublasStatus_t destroyHandle(cublasContext *handle);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_HANDLE_H
