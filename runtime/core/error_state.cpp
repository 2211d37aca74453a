#include "core/error_state.h"

namespace cucl {

namespace {
thread_local cudaError_t lastError = cudaSuccess;
} // namespace

void setLastError(cudaError_t error) {
  lastError = error;
}
cudaError_t peekLastError() {
  return lastError;
}
cudaError_t takeLastError() {
  cudaError_t error = lastError;
  lastError = cudaSuccess;
  return error;
}

// The switches below also check the table: a misspelt enumerator does not
// compile and a repeated value is a duplicate case.
const char *errorName(cudaError_t error) {
  switch (error) {
#define CUCL_ERROR(code, description)                                                              \
  case code:                                                                                       \
    return #code;
#include "core/error_table.def"
#undef CUCL_ERROR
  default:
    return nullptr;
  }
}

const char *errorDescription(cudaError_t error) {
  switch (error) {
#define CUCL_ERROR(code, description)                                                              \
  case code:                                                                                       \
    return description;
#include "core/error_table.def"
#undef CUCL_ERROR
  default:
    return nullptr;
  }
}

bool isStickyError(cudaError_t error) {
  switch (error) {
  case cudaErrorIllegalAddress:
  case cudaErrorLaunchFailure:
  case cudaErrorLaunchTimeout:
  case cudaErrorIllegalInstruction:
  case cudaErrorMisalignedAddress:
  case cudaErrorInvalidAddressSpace:
  case cudaErrorInvalidPc:
  case cudaErrorHardwareStackError:
  case cudaErrorAssert:
    return true;
  default:
    return false;
  }
}

} // namespace cucl
