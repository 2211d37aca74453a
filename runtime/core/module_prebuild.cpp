#include "core/module_prebuild.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <thread>

#include "core/device.h"
#include "core/diagnostics.h"
#include "core/module_registry.h"

namespace cucl {
namespace {

class Prebuild {
public:
  ~Prebuild() { stop(); } // at exit: never leave a driver build running

  void start(Device &device) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_)
      return;
    started_ = true;
    const char *setting = std::getenv("CUCL_PREBUILD");
    if (setting != nullptr && std::strcmp(setting, "0") == 0)
      return;
    if (!ModuleRegistry::instance().hasModulesToBuild(device))
      return; // no thread at all for programs without translated modules
    thread_ = std::thread([this, &device] {
      auto begin = std::chrono::steady_clock::now();
      unsigned built = ModuleRegistry::instance().buildAll(device, stopping_);
      verboseLog("prebuilt %u module(s) in the background in %.0f ms", built,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                     .count());
    });
  }

  void stop() {
    std::lock_guard<std::mutex> lock(mutex_);
    stopping_.store(true);
    if (thread_.joinable())
      thread_.join();
  }

private:
  std::mutex mutex_;
  bool started_ = false;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

Prebuild &prebuild() {
  static Prebuild instance; // destroyed at exit, after the program's own statics
  return instance;
}

} // namespace

void startModulePrebuild(Device &device) {
  prebuild().start(device);
}

void stopModulePrebuild() {
  prebuild().stop();
}

} // namespace cucl
