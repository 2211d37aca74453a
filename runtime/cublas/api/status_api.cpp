// cublasGetStatusName / cublasGetStatusString.
#include "api/cublas_export.h"

namespace {

struct StatusText {
  cublasStatus_t status;
  const char *name;
  const char *description;
};

// cucl's own descriptions.
constexpr StatusText kStatusTexts[] = {
    {CUBLAS_STATUS_SUCCESS, "CUBLAS_STATUS_SUCCESS", "the operation completed successfully"},
    {CUBLAS_STATUS_NOT_INITIALIZED, "CUBLAS_STATUS_NOT_INITIALIZED",
     "the handle is null or the library could not be initialized"},
    {CUBLAS_STATUS_ALLOC_FAILED, "CUBLAS_STATUS_ALLOC_FAILED",
     "a resource allocation inside the library failed"},
    {CUBLAS_STATUS_INVALID_VALUE, "CUBLAS_STATUS_INVALID_VALUE",
     "an unsupported value or parameter was passed to the function"},
    {CUBLAS_STATUS_ARCH_MISMATCH, "CUBLAS_STATUS_ARCH_MISMATCH",
     "the device lacks a feature the function needs (e.g. double precision)"},
    {CUBLAS_STATUS_MAPPING_ERROR, "CUBLAS_STATUS_MAPPING_ERROR", "access to device memory failed"},
    {CUBLAS_STATUS_EXECUTION_FAILED, "CUBLAS_STATUS_EXECUTION_FAILED",
     "the device program failed to launch or execute"},
    {CUBLAS_STATUS_INTERNAL_ERROR, "CUBLAS_STATUS_INTERNAL_ERROR",
     "an internal operation of the library failed"},
    {CUBLAS_STATUS_NOT_SUPPORTED, "CUBLAS_STATUS_NOT_SUPPORTED",
     "the requested functionality is not supported"},
    {CUBLAS_STATUS_LICENSE_ERROR, "CUBLAS_STATUS_LICENSE_ERROR",
     "the requested functionality requires a license"},
};

const StatusText *find(cublasStatus_t status) {
  for (const StatusText &text : kStatusTexts)
    if (text.status == status)
      return &text;
  return nullptr;
}

} // namespace

CUBLAS_EXPORT const char *cublasGetStatusName(cublasStatus_t status) {
  const StatusText *text = find(status);
  return text != nullptr ? text->name : "CUBLAS_STATUS_UNKNOWN";
}

CUBLAS_EXPORT const char *cublasGetStatusString(cublasStatus_t status) {
  const StatusText *text = find(status);
  return text != nullptr ? text->description : "unknown cuBLAS status";
}
