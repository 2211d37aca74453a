// Per-thread last error and the error-code tables behind cudaGetErrorName/String.
#ifndef CUCL_CORE_ERROR_STATE_H
#define CUCL_CORE_ERROR_STATE_H

#include "core/public_headers.h"

namespace cucl {

void setLastError(cudaError_t error);
cudaError_t peekLastError();
cudaError_t takeLastError(); // returns the last error and resets it to cudaSuccess

// Records a failing result as this thread's last error; returns it unchanged.
inline cudaError_t report(cudaError_t error) {
  if (error != cudaSuccess)
    setLastError(error);
  return error;
}

// nullptr for a value that is no cudaError_t.
const char *errorName(cudaError_t error);
const char *errorDescription(cudaError_t error);

// Errors that corrupt the device context in CUDA: once raised they are
// returned by every call that uses the device until cudaDeviceReset.
bool isStickyError(cudaError_t error);

} // namespace cucl

#endif // CUCL_CORE_ERROR_STATE_H
