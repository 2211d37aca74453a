// The level-1 and gemv kernels of one handle, and how they are launched.
// OpenCL kernel objects carry their arguments, so each handle has its own,
// used under the handle's mutex; programs come from the device's cache.
#ifndef CUCL_CUBLAS_CORE_KERNEL_SET_H
#define CUCL_CUBLAS_CORE_KERNEL_SET_H

#include <cstddef>
#include <map>
#include <mutex>
#include <string>

#include "backend/cl.h"
#include "core/handle.h"

namespace cucl::blas {

enum class Precision { F32, F64 };
// kernels/level1.cl, gemv.cl, extensions.cl (geam, dgmm, ger, ...),
// batched_lu.cl (getrf/getrs/getri batched), level2.cl (symv, trmv, trsv),
// level3.cl (the small kernels of the blocked trsm, trmm, syrk, symm);
// each after blas_common.cl.
enum class KernelFamily { Level1, Gemv, Extensions, BatchedLu, Level2, Level3 };

template <class T> constexpr Precision precisionOf();
template <> constexpr Precision precisionOf<float>() {
  return Precision::F32;
}
template <> constexpr Precision precisionOf<double>() {
  return Precision::F64;
}

class KernelSet {
public:
  // The kernel `name` of `family` in `precision`, built on first use.
  // A build failure -> CUBLAS_STATUS_INTERNAL_ERROR (the log is printed
  // with CUCL_VERBOSE=1). Call with the handle's mutex held.
  cublasStatus_t get(cublasContext &handle, KernelFamily family, Precision precision,
                     const char *name, cl::Kernel **out);

private:
  std::map<std::string, cl::Kernel> kernels_;
};

// Runs use(kernel) on kernel `name` of `family` in T's precision under the
// handle's mutex (kernel objects carry their arguments): `use` sets them and
// enqueues. Returns use's status, or the kernel's build failure.
template <class T, class Use>
cublasStatus_t withKernel(cublasContext &handle, KernelFamily family, const char *name, Use &&use) {
  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *kernel = nullptr;
  cublasStatus_t status = handle.kernels->get(handle, family, precisionOf<T>(), name, &kernel);
  return status == CUBLAS_STATUS_SUCCESS ? use(*kernel) : status;
}

// A device pointer as a kernel sees it: two arguments, buffer and byte offset.
// An empty buffer passes NULL (OpenCL 1.2 allows it for unused pointers).
struct BufferArg {
  cl::Buffer buffer;
  cl_ulong offset = 0;
};

// alpha/beta as a kernel sees them: four arguments, the value (host
// pointer mode), the device location (buffer, offset) and an int flag that
// says which one to use.
template <class T> struct ScalarKernelArg {
  T value = 0;
  BufferArg location;
  cl_int onDevice = 0;
};

namespace detail {
inline cl_int setKernelArg(cl::Kernel &kernel, cl_uint &index, const BufferArg &arg) {
  cl_int status = kernel.setArg(index++, arg.buffer);
  return status != CL_SUCCESS ? status : kernel.setArg(index++, arg.offset);
}
template <class T>
cl_int setKernelArg(cl::Kernel &kernel, cl_uint &index, const ScalarKernelArg<T> &arg) {
  cl_int status = kernel.setArg(index++, arg.value);
  if (status == CL_SUCCESS)
    status = setKernelArg(kernel, index, arg.location);
  return status != CL_SUCCESS ? status : kernel.setArg(index++, arg.onDevice);
}
template <class T> cl_int setKernelArg(cl::Kernel &kernel, cl_uint &index, const T &value) {
  return kernel.setArg(index++, value);
}
} // namespace detail

// Sets the kernel's arguments in order (a BufferArg counts for two, a
// ScalarKernelArg for four).
template <class... Args> cl_int setKernelArgs(cl::Kernel &kernel, const Args &...args) {
  cl_uint index = 0;
  cl_int status = CL_SUCCESS;
  ((status = status == CL_SUCCESS ? detail::setKernelArg(kernel, index, args) : status), ...);
  return status;
}

// Enqueues a 1-D NDRange (global a multiple of local) on the handle's stream;
// `done` (optional) receives the command's event.
cublasStatus_t launchKernel(const cublasContext &handle, const cl::Kernel &kernel,
                            std::size_t global, std::size_t local, cl::Event *done = nullptr);

// The largest power of two <= min(limit, what the device allows for this kernel).
std::size_t workGroupSize(const cublasContext &handle, const cl::Kernel &kernel, std::size_t limit);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_KERNEL_SET_H
