#include "backend/program_builder.h"

namespace cucl::backend {
namespace {

// CUDA rounds float division and sqrtf correctly unless fast math is asked
// for; OpenCL allows 2.5-3 ulp unless told otherwise, where the device can.
std::string withCudaRounding(const cl::Device &device, const std::string &options) {
  cl_device_fp_config config = 0;
  if (device.getInfo(CL_DEVICE_SINGLE_FP_CONFIG, &config) == CL_SUCCESS &&
      (config & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0)
    return options + " -cl-fp32-correctly-rounded-divide-sqrt";
  return options;
}

} // namespace

BuiltProgram buildProgram(const cl::Context &context, const cl::Device &device,
                          const std::string &source, const std::string &options) {
  BuiltProgram result;
  cl::Program program(context, source, false, &result.status);
  if (result.status != CL_SUCCESS)
    return result;
  result.status =
      program.build(std::vector<cl::Device>{device}, withCudaRounding(device, options).c_str());
  cl_int logStatus = CL_SUCCESS;
  std::string log = program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(device, &logStatus);
  if (logStatus == CL_SUCCESS)
    result.log = log;
  if (result.status == CL_SUCCESS)
    result.program = program;
  return result;
}

} // namespace cucl::backend
