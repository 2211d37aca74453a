// A unit of stream work prepared once and enqueued any number of times: what
// a graph's executable form holds for each node (core/graph_exec.h). Making
// one does the checks and resolution; enqueueing does neither again.
#ifndef CUCL_CORE_COMMAND_H
#define CUCL_CORE_COMMAND_H

#include "core/public_headers.h"
#include "core/stream.h"

namespace cucl {

class Command {
public:
  virtual ~Command() = default;
  // Enqueues the work on `stream`, after everything enqueued there before.
  virtual cudaError_t enqueue(CUstream_st &stream) = 0;
};

} // namespace cucl

#endif // CUCL_CORE_COMMAND_H
