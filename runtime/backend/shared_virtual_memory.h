// Coarse-grained buffer SVM (OpenCL 2.0), the only OpenCL 2 feature cucl
// uses: where a device offers it, device allocations can live at addresses
// that kernels and the host agree on, so pointers stored in device memory
// work (docs/design.md, "Pointers in device memory"). The rest of the
// backend stays on OpenCL 1.2 calls; these are called only for a device
// that reports the capability.
#ifndef CUCL_BACKEND_SHARED_VIRTUAL_MEMORY_H
#define CUCL_BACKEND_SHARED_VIRTUAL_MEMORY_H

#include <cstddef>
#include <vector>

#include "backend/cl.h"

namespace cucl::backend {

// True when `device` (OpenCL 2.0 or later) offers coarse-grained buffer SVM.
bool hasCoarseGrainedSvm(const cl::Device &device);

// clSVMAlloc (read-write); null when the driver refuses.
void *svmAllocate(const cl::Context &context, std::size_t bytes, unsigned alignment);
// clSVMFree: no queued command may still use the memory.
void svmFree(const cl::Context &context, void *memory);

// clSetKernelArgSVMPointer.
cl_int setKernelArgSvm(const cl::Kernel &kernel, cl_uint index, const void *pointer);
// CL_KERNEL_EXEC_INFO_SVM_PTRS: the allocations the kernel may reach through
// pointers it loads from memory.
cl_int setKernelSvmReach(const cl::Kernel &kernel, const std::vector<void *> &allocations);

} // namespace cucl::backend

#endif // CUCL_BACKEND_SHARED_VIRTUAL_MEMORY_H
