#include "core/handle.h"

#include <algorithm>
#include <new>
#include <string>

#include "core/diagnostics.h"
#include "core/kernel_set.h"
#include "cucl/opencl_interop.h"
#include "cuda_runtime_api.h"
#include "library_support/program_cache.h"

namespace cucl::blas {

namespace {

bool hasFp64(const cl::Device &device) {
  cl_device_fp_config config = 0;
  if (device.getInfo(CL_DEVICE_DOUBLE_FP_CONFIG, &config) == CL_SUCCESS && config != 0)
    return true;
  std::string extensions;
  device.getInfo(CL_DEVICE_EXTENSIONS, &extensions);
  return extensions.find("cl_khr_fp64") != std::string::npos;
}

} // namespace

cublasStatus_t fromEnqueueStatus(cudaError_t status) {
  if (status == cudaSuccess)
    return CUBLAS_STATUS_SUCCESS;
  cucl::verboseLog("cuBLAS: enqueue on the handle's stream failed: %s", cudaGetErrorName(status));
  return CUBLAS_STATUS_EXECUTION_FAILED;
}

cublasStatus_t synchronizeStream(const cublasContext &handle) {
  return fromEnqueueStatus(library::synchronizeStream(handle.device, handle.stream));
}

cublasStatus_t waitForCommand(const cl::Event &command) {
  if (!library::waitForCommand(command)) {
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
  handle->programs = &library::ProgramCache::forDevice(device);
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
