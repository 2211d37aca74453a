// CUDA's code for what an OpenCL enqueue (or a stream refusing one) returned.
#ifndef CUCL_CORE_ENQUEUE_STATUS_H
#define CUCL_CORE_ENQUEUE_STATUS_H

#include "backend/cl.h"
#include "core/device.h"
#include "core/public_headers.h"

namespace cucl {

// Returned by CUstream_st::enqueue instead of an OpenCL status when the
// stream is capturing a graph (core/stream_capture.h): work reaching the
// queue directly would run now instead of being recorded. The "implicit"
// form: a legacy-stream command would order itself after a capturing stream.
constexpr cl_int kRefusedWhileCapturing = -20001;
constexpr cl_int kRefusedImplicitCaptureJoin = -20002;

// Maps a failed OpenCL enqueue/wait to CUDA's code; failures that mean an
// earlier command died raise the device's sticky error.
cudaError_t fromEnqueueStatus(cl_int status, Device &device);

} // namespace cucl

#endif // CUCL_CORE_ENQUEUE_STATUS_H
