// Rewrite-host layer: the .cu file's host side as plain C++, keeping the
// user's text and line numbers: kernel bodies become launch stubs (nvcc's
// pop-configuration + cudaLaunchKernel ABI), `<<<>>>` becomes
// __cudaPushCallConfiguration, device-only code is blanked, and a registrar
// that embeds the OpenCL module is appended.
#pragma once

#include <optional>
#include <utility>
#include <vector>
#include <string>

namespace clang {
class ASTUnit;
}

namespace cucl::translate {

struct DeviceModule;

struct HostOutput {
  std::string mainFile;  // rewritten main .cu as C++ (starts with #line 1)
  // Rewritten copies of user headers that define device code, as
  // (path relative to the main file's directory, text). Empty when none.
  std::vector<std::pair<std::string, std::string>> headers;
};

// Returns nullopt after printing file:line:col errors for what it cannot rewrite.
std::optional<HostOutput> rewriteHost(clang::ASTUnit &unit, const DeviceModule &device);

} // namespace cucl::translate
