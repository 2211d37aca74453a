#include "backend/buffer_address.h"

namespace cucl::backend {

bool bufferDeviceAddress(const cl::Context &context, const cl::Device &device,
                         cl::CommandQueue &queue, const cl::Buffer &buffer,
                         std::uint64_t *address) {
  static const char kSource[] =
      "__kernel void cucl_buffer_address(__global uchar *buffer, __global ulong *out) {\n"
      "  out[0] = (ulong)buffer;\n"
      "}\n";
  cl_int status = CL_SUCCESS;
  cl::Program program(context, kSource, /*build=*/false, &status);
  if (status == CL_SUCCESS)
    status = program.build(std::vector<cl::Device>{device});
  cl::Kernel kernel;
  if (status == CL_SUCCESS)
    kernel = cl::Kernel(program, "cucl_buffer_address", &status);
  cl::Buffer out;
  if (status == CL_SUCCESS)
    out = cl::Buffer(context, CL_MEM_WRITE_ONLY, sizeof(cl_ulong), nullptr, &status);
  if (status == CL_SUCCESS)
    status = kernel.setArg(0, buffer);
  if (status == CL_SUCCESS)
    status = kernel.setArg(1, out);
  if (status == CL_SUCCESS)
    status = queue.enqueueNDRangeKernel(kernel, cl::NullRange, cl::NDRange(1), cl::NDRange(1));
  cl_ulong value = 0;
  if (status == CL_SUCCESS)
    status = queue.enqueueReadBuffer(out, CL_TRUE, 0, sizeof value, &value);
  if (status != CL_SUCCESS || value == 0)
    return false;
  *address = value;
  return true;
}

} // namespace cucl::backend
