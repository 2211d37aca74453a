#include "core/handle.h"

#include <algorithm>
#include <new>
#include <string>

#include "core/diagnostics.h"
#include "core/kernel_set.h"
#include "core/program_cache.h"
#include "cucl/opencl_interop.h"
#include "cuda_runtime_api.h"

namespace cucl::blas {

namespace {

struct Thunk {
  detail::SubmitThunk submit;
  void *callable;
};

// The runtime's C callback, in the C++ bindings' terms: borrowed handles are
// wrapped (retained) for the callable, and the command's event reference is
// handed back to the runtime.
cl_int submitThroughBindings(void *user, cl_command_queue rawQueue, cl_uint numWaits,
                             const cl_event *rawWaits, cl_event *rawDone) {
  const Thunk &thunk = *static_cast<const Thunk *>(user);
  cl::CommandQueue queue(rawQueue, /*retainObject=*/true);
  std::vector<cl::Event> waits;
  waits.reserve(numWaits);
  for (cl_uint i = 0; i < numWaits; ++i)
    waits.emplace_back(rawWaits[i], /*retainObject=*/true);
  cl::Event done;
  cl_int status = thunk.submit(thunk.callable, queue, waits.empty() ? nullptr : &waits, &done);
  if (status != CL_SUCCESS)
    return status;
  if (done() == nullptr)
    return CL_INVALID_EVENT;
  // One reference for the runtime; `done` releases its own on return.
  cl_int retained = clRetainEvent(done());
  if (retained != CL_SUCCESS)
    return retained;
  *rawDone = done();
  return CL_SUCCESS;
}

bool hasFp64(const cl::Device &device) {
  cl_device_fp_config config = 0;
  if (device.getInfo(CL_DEVICE_DOUBLE_FP_CONFIG, &config) == CL_SUCCESS && config != 0)
    return true;
  std::string extensions;
  device.getInfo(CL_DEVICE_EXTENSIONS, &extensions);
  return extensions.find("cl_khr_fp64") != std::string::npos;
}

} // namespace

namespace detail {
cublasStatus_t enqueueOnStream(const cublasContext &handle, SubmitThunk submit, void *callable) {
  Thunk thunk{submit, callable};
  cudaError_t status =
      __cuclEnqueueOnStream(handle.device, handle.stream, submitThroughBindings, &thunk);
  if (status == cudaSuccess)
    return CUBLAS_STATUS_SUCCESS;
  cucl::verboseLog("cuBLAS: enqueue on the handle's stream failed: %s", cudaGetErrorName(status));
  return CUBLAS_STATUS_EXECUTION_FAILED;
}
} // namespace detail

cublasStatus_t synchronizeStream(const cublasContext &handle) {
  cl::Event reached;
  cublasStatus_t status = enqueueOnStream(
      handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
        cl_int result = queue.enqueueMarkerWithWaitList(waits, done);
        if (result == CL_SUCCESS)
          reached = *done;
        return result;
      });
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return waitForCommand(reached);
}

cublasStatus_t waitForCommand(const cl::Event &command) {
  cl_int execution = CL_COMPLETE;
  if (command.wait() != CL_SUCCESS ||
      command.getInfo(CL_EVENT_COMMAND_EXECUTION_STATUS, &execution) != CL_SUCCESS ||
      execution < 0) {
    cucl::verboseLog("cuBLAS: a command failed while executing");
    return CUBLAS_STATUS_EXECUTION_FAILED;
  }
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t ensureScratch(cublasContext &handle, std::size_t bytes) {
  if (handle.scratchBytes >= bytes && handle.scratch() != nullptr)
    return CUBLAS_STATUS_SUCCESS;
  // Rounded up so that small growth does not reallocate every time.
  std::size_t size = std::max<std::size_t>(bytes, 8192);
  cl_int status = CL_SUCCESS;
  cl::Buffer buffer(handle.context, CL_MEM_READ_WRITE, size, nullptr, &status);
  if (status != CL_SUCCESS) {
    cucl::verboseLog("cuBLAS: cannot allocate %zu bytes of scratch memory (status %d)", size,
                     status);
    return CUBLAS_STATUS_ALLOC_FAILED;
  }
  handle.scratch = buffer; // commands queued on the old one keep it alive
  handle.scratchBytes = size;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t createHandle(cublasContext **out) {
  int device = 0;
  if (cudaGetDevice(&device) != cudaSuccess)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  cuclOpenCLDevice opencl{};
  cudaError_t status = __cuclGetOpenCLDevice(device, &opencl);
  if (status != cudaSuccess) {
    cucl::verboseLog("cuBLAS: no OpenCL device behind CUDA device %d: %s", device,
                     cudaGetErrorName(status));
    return CUBLAS_STATUS_NOT_INITIALIZED;
  }
  std::unique_ptr<cublasContext> handle(new (std::nothrow) cublasContext);
  if (handle == nullptr)
    return CUBLAS_STATUS_ALLOC_FAILED;
  handle->device = device;
  handle->context = cl::Context(opencl.context, /*retainObject=*/true);
  handle->clDevice = cl::Device(opencl.device, /*retainObject=*/true);
  handle->fp64 = hasFp64(handle->clDevice);
  cl_uint units = 1;
  if (handle->clDevice.getInfo(CL_DEVICE_MAX_COMPUTE_UNITS, &units) == CL_SUCCESS && units > 0)
    handle->computeUnits = units;
  handle->programs = &ProgramCache::forDevice(device);
  handle->kernels.reset(new (std::nothrow) KernelSet);
  if (handle->kernels == nullptr)
    return CUBLAS_STATUS_ALLOC_FAILED;
  *out = handle.release();
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t destroyHandle(cublasContext *handle) {
  // cuBLAS synchronizes here; the buffers would outlive queued commands
  // anyway (OpenCL keeps a released buffer until its commands finish), but a
  // program may count on the work being done.
  // A stream destroyed before the handle, or a sticky error, does not make
  // the destruction fail.
  if (synchronizeStream(*handle) != CUBLAS_STATUS_SUCCESS)
    cucl::verboseLog("cuBLAS: cublasDestroy could not wait for the handle's stream");
  delete handle;
  return CUBLAS_STATUS_SUCCESS;
}

} // namespace cucl::blas
