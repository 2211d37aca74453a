#include "core/background_builds.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>
#include <utility>

namespace cucl {
namespace {

class BuildThread {
public:
  static BuildThread &instance() {
    static BuildThread thread; // destroyed at exit, after the program's own statics
    return thread;
  }

  ~BuildThread() { stop(); }

  void post(BackgroundJob job) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_)
      return;
    jobs_.push_back(std::move(job));
    if (!thread_.joinable())
      thread_ = std::thread([this] { run(); });
    wake_.notify_all();
  }

  void stop() {
    std::thread finishing;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopping_ = true;
      stop_.store(true);
      jobs_.clear();
      finishing = std::move(thread_);
    }
    wake_.notify_all();
    idle_.notify_all();
    if (finishing.joinable())
      finishing.join();
  }

  void wait() {
    std::unique_lock<std::mutex> lock(mutex_);
    idle_.wait(lock, [this] { return jobs_.empty() && !busy_; });
  }

private:
  void run() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
      if (stopping_)
        return;
      BackgroundJob job = std::move(jobs_.front());
      jobs_.pop_front();
      busy_ = true;
      lock.unlock();
      job(stop_);
      job = nullptr; // what it holds is released here, while the driver is up
      lock.lock();
      busy_ = false;
      idle_.notify_all();
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<BackgroundJob> jobs_;
  bool busy_ = false;
  bool stopping_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

} // namespace

void runInBackground(BackgroundJob job) {
  BuildThread::instance().post(std::move(job));
}

void stopBackgroundBuilds() {
  BuildThread::instance().stop();
}

void waitForBackgroundBuilds() {
  BuildThread::instance().wait();
}

} // namespace cucl
