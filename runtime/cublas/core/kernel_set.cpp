#include "core/kernel_set.h"

#include <algorithm>

#include "core/diagnostics.h"
#include "kernels/batched_lu.cl.h"
#include "kernels/blas_common.cl.h"
#include "kernels/extensions.cl.h"
#include "kernels/gemv.cl.h"
#include "kernels/level1.cl.h"
#include "kernels/level2.cl.h"
#include "kernels/level3.cl.h"
#include "library_support/program_cache.h"

namespace cucl::blas {

namespace {

const char *bodyOf(KernelFamily family) {
  switch (family) {
  case KernelFamily::Level1:
    return kernels::level1;
  case KernelFamily::Gemv:
    return kernels::gemv;
  case KernelFamily::Extensions:
    return kernels::extensions;
  case KernelFamily::Level2:
    return kernels::level2;
  case KernelFamily::Level3:
    return kernels::level3;
  case KernelFamily::BatchedLu:
    break;
  }
  return kernels::batched_lu;
}

std::string sourceOf(KernelFamily family) {
  return std::string(kernels::blas_common) + "\n" + bodyOf(family);
}

std::string optionsFor(Precision precision) {
  return precision == Precision::F64 ? "-cl-std=CL1.2 -DREAL=double -DCUCL_FP64=1"
                                     : "-cl-std=CL1.2 -DREAL=float";
}

} // namespace

cublasStatus_t KernelSet::get(cublasContext &handle, KernelFamily family, Precision precision,
                              const char *name, cl::Kernel **out) {
  std::string key = std::to_string(static_cast<int>(family)) + "/" +
                    std::to_string(static_cast<int>(precision)) + "/" + name;
  auto found = kernels_.find(key);
  if (found != kernels_.end()) {
    *out = &found->second;
    return CUBLAS_STATUS_SUCCESS;
  }
  cl::Program program;
  if (handle.programs->get(sourceOf(family), optionsFor(precision), &program) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR;
  cl_int status = CL_SUCCESS;
  cl::Kernel kernel(program, name, &status);
  if (status != CL_SUCCESS) {
    cucl::verboseLog("cuBLAS: kernel %s missing from its program (status %d)", name, status);
    return CUBLAS_STATUS_INTERNAL_ERROR;
  }
  *out = &kernels_.emplace(std::move(key), std::move(kernel)).first->second;
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t launchKernel(const cublasContext &handle, const cl::Kernel &kernel,
                            std::size_t global, std::size_t local, cl::Event *done) {
  return enqueueOnStream(
      handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *event) {
        cl_int status = queue.enqueueNDRangeKernel(kernel, cl::NullRange, cl::NDRange(global),
                                                   cl::NDRange(local), waits, event);
        if (status == CL_SUCCESS && done != nullptr)
          *done = *event;
        return status;
      });
}

std::size_t workGroupSize(const cublasContext &handle, const cl::Kernel &kernel,
                          std::size_t limit) {
  std::size_t allowed = limit;
  std::size_t kernelLimit = 0;
  if (kernel.getWorkGroupInfo(handle.clDevice, CL_KERNEL_WORK_GROUP_SIZE, &kernelLimit) ==
          CL_SUCCESS &&
      kernelLimit > 0)
    allowed = std::min(allowed, kernelLimit);
  std::size_t size = 1;
  while (size * 2 <= allowed)
    size *= 2;
  return size;
}

} // namespace cucl::blas
