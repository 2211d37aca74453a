#include "backend/program_builder.h"

namespace cucl::backend {

BuiltProgram buildProgram(const cl::Context &context, const cl::Device &device,
                          const std::string &source, const std::string &options) {
  BuiltProgram result;
  cl::Program program(context, source, false, &result.status);
  if (result.status != CL_SUCCESS)
    return result;
  result.status = program.build(std::vector<cl::Device>{device}, options.c_str());
  cl_int logStatus = CL_SUCCESS;
  std::string log = program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(device, &logStatus);
  if (logStatus == CL_SUCCESS)
    result.log = log;
  if (result.status == CL_SUCCESS)
    result.program = program;
  return result;
}

} // namespace cucl::backend
