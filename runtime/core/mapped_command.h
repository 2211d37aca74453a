// One command on memory that may include mapped host memory a driver caches
// (core/mapped_host_memory.h): the command runs between an unmap of each such
// block (the driver takes the host's writes) and a map (the host bytes get
// the device's writes), all in the command's stream. Whatever waits for the
// command therefore finds the host bytes current: a stream, event or device
// synchronization, a blocking copy, a later command, a host function.
// Commands on a cached block from different streams run one after another.
#ifndef CUCL_CORE_MAPPED_COMMAND_H
#define CUCL_CORE_MAPPED_COMMAND_H

#include <memory>
#include <mutex>
#include <vector>

#include "backend/cl.h"
#include "core/mapped_host_memory.h"
#include "core/memory_map.h"

namespace cucl {

class MappedCommand {
public:
  // Notes the block `at` lies in when the command must be bracketed for it.
  void use(const ResolvedAddress &at);

  // Inside a stream's submit, with its `waits` and `done`: enqueues the
  // unmaps, `command(waits, done)` and the maps on `queue`; `*done` is the
  // last. With `blocking` it returns once the host bytes are current.
  template <class Command>
  cl_int enqueue(cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done,
                 bool blocking, Command &&command) {
    if (blocks_.empty())
      return command(waits, done);
    std::vector<std::unique_lock<std::mutex>> locks = lockBlocks();
    bool unmappedAny = false;
    cl_int status = unmap(queue, waits, &unmappedAny);
    if (status == CL_SUCCESS) // the queue is in order: it runs after the unmaps
      status = command(unmappedAny ? nullptr : waits, done);
    cl_int mapped = map(queue, done, blocking && status == CL_SUCCESS);
    return status != CL_SUCCESS ? status : mapped;
  }

private:
  std::vector<std::unique_lock<std::mutex>> lockBlocks();
  cl_int unmap(cl::CommandQueue &queue, const std::vector<cl::Event> *waits, bool *unmappedAny);
  cl_int map(cl::CommandQueue &queue, cl::Event *done, bool wait);

  std::vector<std::shared_ptr<MappedBlock>> blocks_;
};

} // namespace cucl

#endif // CUCL_CORE_MAPPED_COMMAND_H
