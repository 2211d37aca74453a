#include "backend/worker_stacks.h"

#include <pthread.h>
#include <sys/resource.h>

namespace cucl::backend {

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
      pthread_setattr_default_np(&attr) == 0)
    previous_ = current;
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
