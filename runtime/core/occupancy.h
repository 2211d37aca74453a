// How many blocks of a kernel one "multiprocessor" (an OpenCL compute unit)
// runs at once, from cucl's nominal per-unit limits (docs/runtime-api.md):
// the thread limit, the local-memory size and 32 blocks. A kernel that
// synchronizes its grid counts one block per unit: a CPU device runs one
// work-group per compute unit at a time (PoCL: one worker thread each), and
// one block per compute unit always fits a GPU, so every block of a
// cooperative launch of that size runs at once.
#ifndef CUCL_CORE_OCCUPANCY_H
#define CUCL_CORE_OCCUPANCY_H

#include <cstddef>

#include "core/device.h"
#include "core/module_registry.h"

namespace cucl {

std::size_t maxActiveBlocksPerUnit(const Device &device, const Kernel &kernel,
                                   const KernelInstance &instance, std::size_t blockThreads,
                                   std::size_t dynamicSharedMem);

} // namespace cucl

#endif // CUCL_CORE_OCCUPANCY_H
