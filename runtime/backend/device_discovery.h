// Enumerates the OpenCL devices cucl can run on.
#ifndef CUCL_BACKEND_DEVICE_DISCOVERY_H
#define CUCL_BACKEND_DEVICE_DISCOVERY_H

#include <vector>

#include "backend/cl.h"

namespace cucl::backend {

// Every device of every platform, GPUs and accelerators first, then the
// rest, each group in platform order. Empty when there is no ICD/platform.
std::vector<cl::Device> discoverDevices();

} // namespace cucl::backend

#endif // CUCL_BACKEND_DEVICE_DISCOVERY_H
