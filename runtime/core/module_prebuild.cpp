#include "core/module_prebuild.h"

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <mutex>

#include "core/background_builds.h"
#include "core/device.h"
#include "core/diagnostics.h"
#include "core/module_registry.h"

namespace cucl {

void startModulePrebuild(Device &device) {
  static std::once_flag once;
  std::call_once(once, [&device] {
    const char *setting = std::getenv("CUCL_PREBUILD");
    if (setting != nullptr && std::strcmp(setting, "0") == 0)
      return;
    if (!ModuleRegistry::instance().hasModulesToBuild(device))
      return; // no thread at all for programs without translated modules
    runInBackground([&device](const std::atomic<bool> &stop) {
      auto begin = std::chrono::steady_clock::now();
      unsigned built = ModuleRegistry::instance().buildAll(device, stop);
      verboseLog("prebuilt %u module(s) in the background in %.0f ms", built,
                 std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - begin)
                     .count());
    });
  });
}

} // namespace cucl
