// Block-size variants of kernels: CUDA's __launch_bounds__ and fixed block
// sizes made exact by the launch. The second launch of a kernel with a block
// size builds a variant of that kernel for exactly that size
// (reqd_work_group_size through CUCL_REQD_WG_SIZE, include/cucl/module_abi.h)
// and it and later launches with that size run it. Built in the launching
// thread, as CUDA's own JIT builds at a launch: a build on a thread of ours
// could still be inside the driver's compiler when the process exits and the
// driver's statics are torn down. On by default where the driver gains from
// the exact work-group (devices with their own memory: GPUs size registers
// and barriers by it); off on CPU devices, where PoCL already compiles a
// kernel per local size. CUCL_BLOCK_VARIANTS=1 turns it on everywhere, =0
// off everywhere.
#ifndef CUCL_CORE_BLOCK_VARIANTS_H
#define CUCL_CORE_BLOCK_VARIANTS_H

#include "core/public_headers.h"

namespace cucl {

class Device;
struct Kernel;
struct KernelInstance;

// Whether this device builds block-size variants.
bool blockVariantsEnabled(const Device &device);

// The variant of `kernel` for `block` on `device`, built now if this launch is
// the one that asks for it; nullptr when there is none (not worth one, or the
// driver did not take the size: the general kernel runs). The caller holds
// kernel.launchMutex.
KernelInstance *blockVariant(Kernel &kernel, Device &device, dim3 block);

} // namespace cucl

#endif // CUCL_CORE_BLOCK_VARIANTS_H
