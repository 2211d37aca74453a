#include "core/grid_barrier.h"

#include "core/stream.h"

namespace cucl {

cl_int GridBarrier::prepare(CUstream_st &stream, cl::Buffer *words) {
  std::lock_guard<std::mutex> lock(mutex_);
  cl_int status = CL_SUCCESS;
  if (words_() == nullptr) {
    words_ = cl::Buffer(stream.device.context(), CL_MEM_READ_WRITE, 2 * sizeof(cl_uint), nullptr,
                        &status);
    if (status != CL_SUCCESS) {
      words_ = cl::Buffer();
      return status;
    }
  }
  status = stream.enqueue([&](const std::vector<cl::Event> *waits, cl::Event *done) {
    return stream.queue.enqueueFillBuffer(words_, cl_uint(0), 0, 2 * sizeof(cl_uint), waits, done);
  });
  if (status == CL_SUCCESS)
    *words = words_;
  return status;
}

} // namespace cucl
