// Rewrite-host layer: the .cu file's host side as plain C++, keeping the
// user's text and line numbers: kernel bodies become launch stubs (nvcc's
// pop-configuration + cudaLaunchKernel ABI), `<<<>>>` becomes
// __cudaPushCallConfiguration, device-only code is blanked, and a registrar
// that embeds the OpenCL module is appended.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace clang {
class ASTUnit;
}

namespace cucl::translate {

struct DeviceModule;

struct HostOutput {
  std::string mainFile; // rewritten main .cu as C++ (starts with #line 1)
  // Rewritten copies of user headers that define device code, as
  // (path relative to the main file's directory, text). Empty when none.
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HostRewriteOptions {
  // Headers under these directories (cucl's own include dir) are library
  // code: never rewritten, even though they are not system headers.
  std::vector<std::string> libraryIncludeDirs;
};

// The rewrite in two steps, so the driver can report what the host side
// cannot express (file-scope device variables, member kernels, launches split
// across macros) at its declaration before emitting device code.
class HostRewriter {
public:
  HostRewriter(clang::ASTUnit &unit, const HostRewriteOptions &options);
  ~HostRewriter();
  HostRewriter(const HostRewriter &) = delete;
  HostRewriter &operator=(const HostRewriter &) = delete;

  // Walks the AST and plans every edit. Returns false after printing
  // file:line:col errors.
  bool plan();
  // Applies the planned edits and appends the registrar for `device`.
  // Returns nullopt after printing errors.
  std::optional<HostOutput> finish(const DeviceModule &device);

private:
  struct State;
  std::unique_ptr<State> state_;
};

// plan() + finish() in one call.
std::optional<HostOutput> rewriteHost(clang::ASTUnit &unit, const DeviceModule &device,
                                      const HostRewriteOptions &options = {});

} // namespace cucl::translate
