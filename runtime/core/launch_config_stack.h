// nvcc's launch-configuration stack: `k<<<g, b, s, st>>>(...)` pushes, the
// kernel's host stub pops. Per host thread, so concurrent launches on
// different threads do not mix.
#ifndef CUCL_CORE_LAUNCH_CONFIG_STACK_H
#define CUCL_CORE_LAUNCH_CONFIG_STACK_H

#include <cstddef>

#include "core/public_headers.h"

namespace cucl {

struct LaunchConfig {
  dim3 grid;
  dim3 block;
  std::size_t sharedMem = 0;
  cudaStream_t stream = nullptr;
};

void pushLaunchConfig(const LaunchConfig &config);
// false when the stack is empty (a stub called without <<<>>>).
bool popLaunchConfig(LaunchConfig *out);

} // namespace cucl

#endif // CUCL_CORE_LAUNCH_CONFIG_STACK_H
