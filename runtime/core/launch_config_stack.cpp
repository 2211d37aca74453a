#include "core/launch_config_stack.h"

#include <vector>

namespace cucl {

namespace {
thread_local std::vector<LaunchConfig> stack;
}

void pushLaunchConfig(const LaunchConfig &config) {
  stack.push_back(config);
}

bool popLaunchConfig(LaunchConfig *out) {
  if (stack.empty())
    return false;
  *out = stack.back();
  stack.pop_back();
  return true;
}

} // namespace cucl
