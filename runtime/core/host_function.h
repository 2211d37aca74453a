// Host work ordered on a stream (cudaLaunchHostFunc, cudaStreamAddCallback).
#ifndef CUCL_CORE_HOST_FUNCTION_H
#define CUCL_CORE_HOST_FUNCTION_H

#include <functional>

#include "core/stream.h"

namespace cucl {

// Runs `function` on the runtime's host-function thread once all earlier work of `stream` is
// done; later work of the stream waits until it returns. It receives
// cudaSuccess, or cudaErrorLaunchFailure when earlier work failed.
cudaError_t enqueueHostFunction(CUstream_st &stream, std::function<void(cudaError_t)> function);

} // namespace cucl

#endif // CUCL_CORE_HOST_FUNCTION_H
