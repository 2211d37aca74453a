#include "backend/worker_stacks.h"

#include <atomic>

#include <pthread.h>
#include <sys/resource.h>

namespace cucl::backend {
namespace {

std::atomic<std::size_t> raisedStack{0};

} // namespace

std::size_t workerStackBytes() {
  if (std::size_t raised = raisedStack.load())
    return raised;
  pthread_attr_t attr;
  std::size_t current = std::size_t(8) << 20;
  if (pthread_getattr_default_np(&attr) == 0) {
    pthread_attr_getstacksize(&attr, &current);
    pthread_attr_destroy(&attr);
  }
  return current;
}

WorkerStackScope::WorkerStackScope() {
  rlimit limit{};
  if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur != RLIM_INFINITY)
    return;
  pthread_attr_t attr;
  if (pthread_getattr_default_np(&attr) != 0)
    return;
  std::size_t current = 0;
  if (pthread_attr_getstacksize(&attr, &current) == 0 && current < kWorkerStackBytes &&
      pthread_attr_setstacksize(&attr, kWorkerStackBytes) == 0 &&
      pthread_setattr_default_np(&attr) == 0) {
    previous_ = current;
    raisedStack.store(kWorkerStackBytes);
  }
  pthread_attr_destroy(&attr);
}

WorkerStackScope::~WorkerStackScope() {
  if (previous_ == 0)
    return;
  pthread_attr_t attr;
  if (pthread_getattr_default_np(&attr) != 0)
    return;
  if (pthread_attr_setstacksize(&attr, previous_) == 0)
    pthread_setattr_default_np(&attr);
  pthread_attr_destroy(&attr);
}

} // namespace cucl::backend
