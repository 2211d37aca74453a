#include "core/enqueue_status.h"

#include "backend/cl_error_names.h"
#include "core/diagnostics.h"

namespace cucl {

cudaError_t fromEnqueueStatus(cl_int status, Device &device) {
  switch (status) {
  case CL_SUCCESS:
    return cudaSuccess;
  case kRefusedWhileCapturing:
    return cudaErrorStreamCaptureUnsupported;
  case kRefusedImplicitCaptureJoin:
    return cudaErrorStreamCaptureImplicit;
  case CL_MEM_OBJECT_ALLOCATION_FAILURE:
  case CL_OUT_OF_HOST_MEMORY:
    return cudaErrorMemoryAllocation;
  case CL_OUT_OF_RESOURCES:
    return cudaErrorLaunchOutOfResources;
  case CL_INVALID_WORK_GROUP_SIZE:
  case CL_INVALID_WORK_ITEM_SIZE:
  case CL_INVALID_GLOBAL_WORK_SIZE:
    return cudaErrorInvalidConfiguration;
  case CL_MEM_COPY_OVERLAP:
  case CL_INVALID_VALUE:
    return cudaErrorInvalidValue;
  case CL_INVALID_KERNEL_ARGS:
  case CL_INVALID_ARG_SIZE:
  case CL_INVALID_ARG_VALUE:
    return cudaErrorInvalidKernelImage;
  default:
    verboseLog("OpenCL command failed: %s", backend::clErrorName(status));
    device.raiseStickyError(cudaErrorLaunchFailure);
    return cudaErrorLaunchFailure;
  }
}

} // namespace cucl
