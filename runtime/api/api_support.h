// Shared plumbing of the API files (see core/public_headers.h for how the
// API is exported).
#ifndef CUCL_API_API_SUPPORT_H
#define CUCL_API_API_SUPPORT_H

#include "core/public_headers.h"

#include "core/device_registry.h"
#include "core/enqueue_status.h"
#include "core/error_state.h"

// Marks an API definition exported (explicitly, in addition to the pragma).
#define CUCL_API extern "C" __attribute__((visibility("default")))

namespace cucl {

// The frame of every call that works on the current device: initializes the
// runtime on demand, returns the device's sticky error if one was raised,
// and records a failing result as the thread's last error.
template <class Body> cudaError_t onCurrentDevice(Body &&body) {
  Device *device = nullptr;
  cudaError_t status = currentDevice(&device);
  if (status != cudaSuccess)
    return report(status);
  cudaError_t sticky = device->stickyError();
  if (sticky != cudaSuccess)
    return report(sticky);
  return report(body(*device));
}

} // namespace cucl

#endif // CUCL_API_API_SUPPORT_H
