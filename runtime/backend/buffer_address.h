// The address a device gives a buffer's first byte in kernels, read by a
// one-work-item kernel. OpenCL 1.2 has no query for it; drivers keep a
// buffer where they first place it (a CPU device's buffer is host memory),
// so the arena (core/device_memory.h) takes that address as its device
// address, and the pointers kernels make are then the program's addresses.
#ifndef CUCL_BACKEND_BUFFER_ADDRESS_H
#define CUCL_BACKEND_BUFFER_ADDRESS_H

#include <cstdint>

#include "backend/cl.h"

namespace cucl::backend {

// False when the probe kernel cannot be built or run.
bool bufferDeviceAddress(const cl::Context &context, const cl::Device &device,
                         cl::CommandQueue &queue, const cl::Buffer &buffer, std::uint64_t *address);

} // namespace cucl::backend

#endif // CUCL_BACKEND_BUFFER_ADDRESS_H
