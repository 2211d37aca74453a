// Parse layer: turns one .cu file into a Clang AST, the way nvcc's front end
// sees it (cuda_runtime.h pre-included, __CUDACC__ defined), using cucl's own
// headers and never NVIDIA's.
#pragma once

#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTUnit;
}

namespace cucl::translate {

struct TranslateOptions {
  std::string inputPath;                 // the .cu file
  std::vector<std::string> includeDirs;  // -I
  std::vector<std::string> defines;      // -D (NAME or NAME=VALUE)
  std::vector<std::string> undefines;    // -U
  std::string cxxStandard = "c++17";     // -std=
  std::string cuclIncludeDir;            // cucl's include/ (cuda_runtime.h, cucl/...)
  std::string clangResourceDir;          // Clang 15 resource dir (builtin headers)
};

// Parses `options.inputPath` as CUDA with Clang 15 (host-side view). Returns
// null when the source has errors; Clang's diagnostics (file:line:col) have
// then been printed to stderr.
std::unique_ptr<clang::ASTUnit> parseCudaSource(const TranslateOptions &options);

// Like parseCudaSource, but also returns a unit whose source had errors
// (null only when Clang could not run at all), so a caller can still inspect
// which files were loaded. Check getDiagnostics().hasErrorOccurred().
std::unique_ptr<clang::ASTUnit> parseCudaSourceKeepingErrors(const TranslateOptions &options);

// The compiler arguments parseCudaSource hands to Clang (exposed for tests and
// for `cucl-translate --print-clang-args`).
std::vector<std::string> clangArgumentsFor(const TranslateOptions &options);

} // namespace cucl::translate
