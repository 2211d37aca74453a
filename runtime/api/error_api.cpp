// cudaGetLastError, cudaPeekAtLastError, cudaGetErrorName, cudaGetErrorString.
#include "api/api_support.h"
#include "api/enum_argument.h"

namespace {
constexpr const char *kUnrecognized = "unrecognized error code";

// A sticky error of the current device outranks the thread's last error.
cudaError_t stickyOfCurrentDevice() {
  cucl::Device *device = cucl::DeviceRegistry::instance().currentIfInitialized();
  return device != nullptr ? device->stickyError() : cudaSuccess;
}
// Codes outside the enumerators' range never reach the enum-typed tables.
bool inEnumRange(const cudaError_t &error) {
  int raw = cucl::enumArgument(error);
  return raw >= 0 && raw <= cudaErrorApiFailureBase;
}
} // namespace

CUCL_API cudaError_t cudaGetLastError(void) {
  cudaError_t last = cucl::takeLastError();
  cudaError_t sticky = stickyOfCurrentDevice();
  return sticky != cudaSuccess ? sticky : last;
}

CUCL_API cudaError_t cudaPeekAtLastError(void) {
  cudaError_t sticky = stickyOfCurrentDevice();
  return sticky != cudaSuccess ? sticky : cucl::peekLastError();
}

CUCL_API const char *cudaGetErrorName(cudaError_t error) {
  const char *name = inEnumRange(error) ? cucl::errorName(error) : nullptr;
  return name != nullptr ? name : kUnrecognized;
}

CUCL_API const char *cudaGetErrorString(cudaError_t error) {
  const char *description = inEnumRange(error) ? cucl::errorDescription(error) : nullptr;
  return description != nullptr ? description : kUnrecognized;
}
