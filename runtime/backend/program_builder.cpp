#include "backend/program_builder.h"

#include <vector>

namespace cucl::backend {
namespace {

// Builds `program` for `device` and collects the status and log.
BuiltProgram build(cl::Program program, const cl::Device &device, const std::string &options) {
  BuiltProgram result;
  result.status = program.build(std::vector<cl::Device>{device}, options.c_str());
  cl_int logStatus = CL_SUCCESS;
  std::string log = program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(device, &logStatus);
  if (logStatus == CL_SUCCESS)
    result.log = log;
  if (result.status == CL_SUCCESS)
    result.program = program;
  return result;
}

} // namespace

// CUDA rounds float division and sqrtf correctly unless fast math is asked
// for; OpenCL allows 2.5-3 ulp unless told otherwise, where the device can.
std::string withCudaRounding(const cl::Device &device, const std::string &options) {
  cl_device_fp_config config = 0;
  if (device.getInfo(CL_DEVICE_SINGLE_FP_CONFIG, &config) == CL_SUCCESS &&
      (config & CL_FP_CORRECTLY_ROUNDED_DIVIDE_SQRT) != 0)
    return options + " -cl-fp32-correctly-rounded-divide-sqrt";
  return options;
}

BuiltProgram buildProgram(const cl::Context &context, const cl::Device &device,
                          const std::string &source, const std::string &options) {
  BuiltProgram result;
  cl::Program program(context, source, false, &result.status);
  if (result.status != CL_SUCCESS)
    return result;
  return build(program, device, options);
}

BuiltProgram buildProgramFromBinary(const cl::Context &context, const cl::Device &device,
                                    const std::string &binary, const std::string &options) {
  BuiltProgram result;
  const auto *bytes = reinterpret_cast<const unsigned char *>(binary.data());
  std::size_t length = binary.size();
  cl_device_id id = device();
  cl_int binaryStatus = CL_SUCCESS;
  cl_program raw =
      clCreateProgramWithBinary(context(), 1, &id, &length, &bytes, &binaryStatus, &result.status);
  if (result.status == CL_SUCCESS && binaryStatus != CL_SUCCESS)
    result.status = binaryStatus;
  if (result.status != CL_SUCCESS) {
    if (raw != nullptr)
      clReleaseProgram(raw);
    return result;
  }
  return build(cl::Program(raw), device, options); // takes over the reference
}

std::string programBinary(const cl::Program &program, const cl::Device &device) {
  // One binary per device of the program, in CL_PROGRAM_DEVICES order.
  cl_uint count = 0;
  if (clGetProgramInfo(program(), CL_PROGRAM_NUM_DEVICES, sizeof(count), &count, nullptr) !=
          CL_SUCCESS ||
      count == 0)
    return {};
  std::vector<cl_device_id> devices(count);
  if (clGetProgramInfo(program(), CL_PROGRAM_DEVICES, count * sizeof(cl_device_id), devices.data(),
                       nullptr) != CL_SUCCESS)
    return {};
  std::size_t slot = 0;
  while (slot < devices.size() && devices[slot] != device())
    ++slot;
  if (slot == devices.size())
    return {};
  std::vector<std::size_t> sizes(devices.size());
  if (clGetProgramInfo(program(), CL_PROGRAM_BINARY_SIZES, sizes.size() * sizeof(std::size_t),
                       sizes.data(), nullptr) != CL_SUCCESS ||
      sizes[slot] == 0)
    return {};
  std::vector<std::string> binaries(devices.size());
  std::vector<unsigned char *> pointers(devices.size(), nullptr);
  for (std::size_t i = 0; i < devices.size(); ++i) {
    binaries[i].resize(sizes[i]);
    pointers[i] = reinterpret_cast<unsigned char *>(binaries[i].data());
  }
  if (clGetProgramInfo(program(), CL_PROGRAM_BINARIES, pointers.size() * sizeof(unsigned char *),
                       pointers.data(), nullptr) != CL_SUCCESS)
    return {};
  return std::move(binaries[slot]);
}

} // namespace cucl::backend
