// Builds OpenCL programs for one device, from OpenCL C source or from a
// binary the driver produced earlier, and keeps the driver's log.
#ifndef CUCL_BACKEND_PROGRAM_BUILDER_H
#define CUCL_BACKEND_PROGRAM_BUILDER_H

#include <string>

#include "backend/cl.h"

namespace cucl::backend {

struct BuiltProgram {
  cl::Program program; // valid only when status == CL_SUCCESS
  cl_int status = CL_SUCCESS;
  std::string log; // the driver's build log, possibly empty
};

// `options` plus what makes float division and sqrt round as CUDA's do
// (-cl-fp32-correctly-rounded-divide-sqrt), where the device can.
std::string withCudaRounding(const cl::Device &device, const std::string &options);

BuiltProgram buildProgram(const cl::Context &context, const cl::Device &device,
                          const std::string &source, const std::string &options);

// A binary from programBinary(); a driver that rejects it (CL_INVALID_BINARY,
// a failed build) gives the failure status.
BuiltProgram buildProgramFromBinary(const cl::Context &context, const cl::Device &device,
                                    const std::string &binary, const std::string &options);

// The device's binary of a built program; empty when the driver gives none.
std::string programBinary(const cl::Program &program, const cl::Device &device);

} // namespace cucl::backend

#endif // CUCL_BACKEND_PROGRAM_BUILDER_H
