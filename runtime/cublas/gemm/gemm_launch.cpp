#include "gemm/gemm_launch.h"

namespace cucl::blas {
namespace {

std::size_t groupsFor(std::int64_t extent, int tile) {
  return static_cast<std::size_t>((extent + tile - 1) / tile);
}

cl_ulong toUlong(std::int64_t value) {
  return static_cast<cl_ulong>(value);
}

// Sets alpha/beta as the compute type: a value, plus the device location
// the kernel reads instead in device pointer mode (a dummy otherwise).
template <class Real>
cl_int setScalarArguments(cl::Kernel &kernel, cl_uint first, const GemmCall &call) {
  const cl::Buffer &alphaBuffer = call.alpha.onDevice ? call.alpha.buffer : call.c.buffer;
  const cl::Buffer &betaBuffer = call.beta.onDevice ? call.beta.buffer : call.c.buffer;
  cl_int status = CL_SUCCESS;
  auto set = [&](cl_uint index, const auto &value) {
    if (status == CL_SUCCESS)
      status = kernel.setArg(index, value);
  };
  set(first + 0, static_cast<Real>(call.alpha.host));
  set(first + 1, static_cast<Real>(call.beta.host));
  set(first + 2, alphaBuffer);
  set(first + 3, static_cast<cl_ulong>(call.alpha.offsetBytes / sizeof(Real)));
  set(first + 4, betaBuffer);
  set(first + 5, static_cast<cl_ulong>(call.beta.offsetBytes / sizeof(Real)));
  set(first + 6, static_cast<cl_int>(call.alpha.onDevice || call.beta.onDevice ? 1 : 0));
  return status;
}

} // namespace

std::string buildOptionsFor(const GemmParams &params, const GemmCall &call) {
  return buildOptions(params, call.abType, call.cType, call.transA, call.transB);
}

cublasStatus_t checkAlignment(const GemmCall &call) {
  const std::size_t ab = elementBytes(call.abType), c = elementBytes(call.cType);
  const std::size_t scalar = elementBytes(computeType(call.abType));
  const bool aligned = call.a.offsetBytes % ab == 0 && call.b.offsetBytes % ab == 0 &&
                       call.c.offsetBytes % c == 0 &&
                       (!call.alpha.onDevice || call.alpha.offsetBytes % scalar == 0) &&
                       (!call.beta.onDevice || call.beta.offsetBytes % scalar == 0);
  // Device pointer mode covers both scalars (cuBLAS has one mode per handle).
  return aligned && call.alpha.onDevice == call.beta.onDevice ? CUBLAS_STATUS_SUCCESS
                                                              : CUBLAS_STATUS_INVALID_VALUE;
}

cl_int enqueueGemmKernel(const cl::CommandQueue &queue, GemmKernel &gemm, const GemmCall &call,
                         const std::vector<cl::Event> *waits, cl::Event *done) {
  const GemmParams &p = gemm.params;
  const std::size_t ab = elementBytes(call.abType), c = elementBytes(call.cType);
  std::lock_guard<std::mutex> lock(gemm.mutex);
  cl::Kernel &kernel = gemm.kernel;
  cl_int status = CL_SUCCESS;
  cl_uint index = 0;
  auto set = [&](const auto &value) {
    if (status == CL_SUCCESS)
      status = kernel.setArg(index, value);
    ++index;
  };
  set(static_cast<cl_int>(call.m));
  set(static_cast<cl_int>(call.n));
  set(static_cast<cl_int>(call.k));
  for (const auto &[matrix, bytes] :
       {std::pair<const MatrixArg *, std::size_t>{&call.a, ab}, {&call.b, ab}, {&call.c, c}}) {
    set(matrix->buffer);
    set(static_cast<cl_ulong>(matrix->offsetBytes / bytes));
    set(toUlong(matrix->ld));
    set(static_cast<cl_long>(matrix->stride));
  }
  if (status != CL_SUCCESS)
    return status;
  status = call.abType == DataType::F64 ? setScalarArguments<cl_double>(kernel, index, call)
                                        : setScalarArguments<cl_float>(kernel, index, call);
  if (status != CL_SUCCESS)
    return status;
  const cl::NDRange global(groupsFor(call.m, p.mwg) * static_cast<std::size_t>(p.mdimc),
                           groupsFor(call.n, p.nwg) * static_cast<std::size_t>(p.ndimc),
                           static_cast<std::size_t>(call.batchCount));
  const cl::NDRange local(static_cast<std::size_t>(p.mdimc), static_cast<std::size_t>(p.ndimc), 1);
  return queue.enqueueNDRangeKernel(kernel, cl::NullRange, global, local, waits, done);
}

} // namespace cucl::blas
