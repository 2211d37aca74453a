// PoCL keeps a work-group's private arrays on the stack of the worker thread
// that runs it (block size x private bytes per thread: `int buf[4096]` in a
// 1,024-thread block is 16 MiB), and its workers get the default thread stack
// (8 MiB), far below what CUDA allows (512 KiB of local memory per thread).
// While a WorkerStackScope lives, threads the process creates get large
// stacks: the runtime holds one while the driver starts its workers.
#ifndef CUCL_BACKEND_WORKER_STACKS_H
#define CUCL_BACKEND_WORKER_STACKS_H

#include <cstddef>

namespace cucl::backend {

// Reserved, not committed: pages are only used as deep as a kernel needs.
constexpr std::size_t kWorkerStackBytes = std::size_t(640) << 20;

// The stack the driver's worker threads got: kWorkerStackBytes where a scope
// raised it, else the default thread stack (8 MiB on Linux).
std::size_t workerStackBytes();

class WorkerStackScope {
public:
  // Leaves the default alone where the address space is limited
  // (RLIMIT_AS): there every reserved byte counts.
  WorkerStackScope();
  ~WorkerStackScope();
  WorkerStackScope(const WorkerStackScope &) = delete;
  WorkerStackScope &operator=(const WorkerStackScope &) = delete;

private:
  std::size_t previous_ = 0; // 0: nothing to restore
};

} // namespace cucl::backend

#endif // CUCL_BACKEND_WORKER_STACKS_H
