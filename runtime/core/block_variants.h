// Block-size variants of kernels: CUDA's __launch_bounds__ and fixed block
// sizes made exact by the launch. A kernel launched again with a block size it
// ran with before gets, on the background build thread, a variant of its
// program for exactly that size (reqd_work_group_size through
// CUCL_REQD_WG_SIZE, include/cucl/module_abi.h); later launches with that
// size use it once it is ready. Where the driver gains from knowing the exact
// work-group (GPUs: registers, barriers) this is on by default; on CPU
// devices it is off, since PoCL already compiles a kernel per local size and
// a background compile would take a core from the kernels.
// CUCL_BLOCK_VARIANTS=1 turns it on everywhere, =0 off everywhere, =sync on
// with the variant built by the launch that asks for it (tests).
#ifndef CUCL_CORE_BLOCK_VARIANTS_H
#define CUCL_CORE_BLOCK_VARIANTS_H

#include "core/public_headers.h"

namespace cucl {

class Device;
struct Kernel;
struct KernelInstance;

// Whether this device builds block-size variants.
bool blockVariantsEnabled(const Device &device);

// The ready variant of `kernel` for `block` on `device`, or nullptr (not
// worth one, not built yet: this launch may start its build). The caller
// holds kernel.launchMutex.
KernelInstance *blockVariant(Kernel &kernel, Device &device, dim3 block);

} // namespace cucl

#endif // CUCL_CORE_BLOCK_VARIANTS_H
