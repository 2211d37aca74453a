#include "gemm/gemm.h"

#include "core/handle.h"
#include "gemm/gemm_engine.h"
#include "gemm/gemm_shape.h"

namespace cucl::blas {

cublasStatus_t enqueueGemm(cublasContext &handle, const GemmCall &call) {
  if (cublasStatus_t aligned = checkAlignment(call); aligned != CUBLAS_STATUS_SUCCESS)
    return aligned;
  GemmEngine &engine = GemmEngine::forDevice(*handle.programs);
  GemmParams params = engine.select(keyOf(call));
  if (call.cType == DataType::F16)
    params.sa = params.sb = 0; // fp16 C sums all of K at once (see xgemm.cl)
  std::shared_ptr<GemmKernel> kernel;
  if (engine.kernelFor(params, call, &kernel) != CL_SUCCESS &&
      engine.kernelFor(GemmEngine::minimalParams(), call, &kernel) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR; // even the minimal kernel did not build (log on stderr)
  return enqueueOnStream(handle, [&](const cl::CommandQueue &queue,
                                     const std::vector<cl::Event> *waits, cl::Event *done) {
    return enqueueGemmKernel(queue, *kernel, call, waits, done);
  });
}

} // namespace cucl::blas
