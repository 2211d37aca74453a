// Builds OpenCL C source for one device and keeps the driver's log.
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

BuiltProgram buildProgram(const cl::Context &context, const cl::Device &device,
                          const std::string &source, const std::string &options);

} // namespace cucl::backend

#endif // CUCL_BACKEND_PROGRAM_BUILDER_H
