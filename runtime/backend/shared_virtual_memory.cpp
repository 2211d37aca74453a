// This file alone is compiled against the OpenCL 2.0 C API (for clSVMAlloc
// and friends); everything else keeps the 1.2 target of backend/cl.h.
#define CL_TARGET_OPENCL_VERSION 200
#include "backend/shared_virtual_memory.h"

#include <string>

namespace cucl::backend {

bool hasCoarseGrainedSvm(const cl::Device &device) {
  // "OpenCL <major>.<minor> <vendor info>"
  std::string version = device.getInfo<CL_DEVICE_VERSION>();
  if (version.size() < 8 || version.compare(0, 7, "OpenCL ") != 0 || version[7] < '2')
    return false;
  cl_bitfield capabilities = 0;
  if (clGetDeviceInfo(device(), CL_DEVICE_SVM_CAPABILITIES, sizeof capabilities, &capabilities,
                      nullptr) != CL_SUCCESS)
    return false;
  return (capabilities & CL_DEVICE_SVM_COARSE_GRAIN_BUFFER) != 0;
}

void *svmAllocate(const cl::Context &context, std::size_t bytes, unsigned alignment) {
  return clSVMAlloc(context(), CL_MEM_READ_WRITE, bytes, alignment);
}

void svmFree(const cl::Context &context, void *memory) {
  if (memory != nullptr)
    clSVMFree(context(), memory);
}

cl_int setKernelArgSvm(const cl::Kernel &kernel, cl_uint index, const void *pointer) {
  return clSetKernelArgSVMPointer(kernel(), index, pointer);
}

cl_int setKernelSvmReach(const cl::Kernel &kernel, const std::vector<void *> &allocations) {
  return clSetKernelExecInfo(kernel(), CL_KERNEL_EXEC_INFO_SVM_PTRS,
                             allocations.size() * sizeof(void *), allocations.data());
}

} // namespace cucl::backend
