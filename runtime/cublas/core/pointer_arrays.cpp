#include "core/pointer_arrays.h"

#include <cstdint>

#include "core/diagnostics.h"

namespace cucl::blas {

cublasStatus_t readPointerBatch(cublasContext &handle, const void *const *array, int count,
                                const ByteSpan &span, std::size_t alignment, PointerBatch *out) {
  BufferArg arrayArg;
  cublasStatus_t status =
      resolveDevice(handle, array, ByteSpan{0, std::int64_t(count) * std::int64_t(sizeof(void *))},
                    sizeof(void *), &arrayArg);
  if (status != CUBLAS_STATUS_SUCCESS) {
    cucl::verboseLog("cuBLAS: the pointer array %p of %d matrices is no device memory",
                     static_cast<const void *>(array), count);
    return status;
  }
  std::vector<std::uintptr_t> pointers(static_cast<std::size_t>(count));
  cl::Event read;
  status = enqueueOnStream(
      handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
        cl_int enqueued =
            queue.enqueueReadBuffer(arrayArg.buffer, CL_FALSE, arrayArg.offset,
                                    pointers.size() * sizeof(void *), pointers.data(), waits, done);
        if (enqueued == CL_SUCCESS)
          read = *done;
        return enqueued;
      });
  if (status == CUBLAS_STATUS_SUCCESS)
    status = waitForCommand(read);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  out->matrices.assign(pointers.size(), BufferArg{});
  out->shared = true;
  for (std::size_t i = 0; i < pointers.size(); ++i) {
    status = resolveDevice(handle, reinterpret_cast<const void *>(pointers[i]), span, alignment,
                           &out->matrices[i]);
    if (status != CUBLAS_STATUS_SUCCESS) {
      cucl::verboseLog("cuBLAS: matrix %zu of the batch (%p) is no device memory that holds it", i,
                       reinterpret_cast<const void *>(pointers[i]));
      return status;
    }
    out->shared = out->shared && out->matrices[i].buffer() == out->matrices[0].buffer();
  }
  return CUBLAS_STATUS_SUCCESS;
}

cublasStatus_t offsetTable(const cublasContext &handle, const PointerBatch &batch,
                           cl::Buffer *out) {
  std::vector<cl_ulong> offsets(batch.matrices.size());
  for (std::size_t i = 0; i < offsets.size(); ++i)
    offsets[i] = batch.matrices[i].offset;
  cl_int status = CL_SUCCESS;
  *out = cl::Buffer(handle.context, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                    offsets.size() * sizeof(cl_ulong), offsets.data(), &status);
  return status == CL_SUCCESS ? CUBLAS_STATUS_SUCCESS : CUBLAS_STATUS_ALLOC_FAILED;
}

} // namespace cucl::blas
