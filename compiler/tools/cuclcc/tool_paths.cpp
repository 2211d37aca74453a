#include "tool_paths.h"

#include <climits>
#include <filesystem>
#include <unistd.h>

namespace cucl::cc {
namespace {

std::filesystem::path executableDir() {
  char buffer[PATH_MAX];
  ssize_t length = readlink("/proc/self/exe", buffer, sizeof buffer - 1);
  if (length <= 0)
    return std::filesystem::current_path();
  return std::filesystem::path(std::string(buffer, static_cast<size_t>(length))).parent_path();
}

} // namespace

ToolPaths locateTools() {
  std::filesystem::path bin = executableDir();
  std::filesystem::path prefix = bin.parent_path();
  ToolPaths paths;
  paths.translator = (bin / "cucl-translate").string();
  std::filesystem::path installedInclude = prefix / "include";
  paths.includeDir = std::filesystem::exists(installedInclude / "cuda_runtime.h")
                         ? installedInclude.string()
                         : std::string(CUCL_SOURCE_INCLUDE_DIR);
  // Installed: libcudart lives in CMAKE_INSTALL_LIBDIR (lib, lib64 or
  // lib/<multiarch>); the build tree always uses lib/.
  std::filesystem::path installedLib = prefix / CUCL_INSTALL_LIBDIR;
  paths.libDir = std::filesystem::exists(installedLib / "libcudart.so") ? installedLib.string()
                                                                        : (prefix / "lib").string();
  return paths;
}

} // namespace cucl::cc
