// Parse layer: turns one .cu file into a Clang AST, the way nvcc's front end
// sees it (cuda_runtime.h pre-included, __CUDACC__ defined), using cucl's own
// headers and never NVIDIA's. Like nvcc, a file is read twice: once as host
// code and once as device code (__CUDA_ARCH__ defined).
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "parse/float_model.h"

namespace clang {
class ASTUnit;
class Preprocessor;
class PPCallbacks;
} // namespace clang

namespace cucl::translate {

struct TranslateOptions {
  std::string inputPath;                // the .cu file
  std::vector<std::string> includeDirs; // -I
  std::vector<std::string> defines;     // -D (NAME or NAME=VALUE)
  std::vector<std::string> undefines;   // -U
  std::string cxxStandard = "c++17";    // -std=
  std::string cuclIncludeDir;           // cucl's include/ (cuda_runtime.h, cucl/...)
  std::string clangResourceDir;         // Clang 15 resource dir (builtin headers)
  bool memcheck = false;                // kernels check their memory accesses
  FloatModel floatModel;                // -use_fast_math, -ftz, -prec-div, ...
};

// Which side of the file a parse sees: Clang's --cuda-host-only, or its
// --cuda-device-only for sm_70 (__CUDA_ARCH__ == 700, device-side overload
// and call rules). Host code is rewritten from the first, device code is
// emitted from the second.
enum class CudaView { Host, Device };

// cucl's nominal compute capability (7.0): __CUDA_ARCH__ in the device view.
inline constexpr int kNominalCudaArch = 700;

// Called once the preprocessor exists, before the file is read (for example
// to watch #include directives). May return null.
using PPCallbacksFactory =
    std::function<std::unique_ptr<clang::PPCallbacks>(clang::Preprocessor &)>;

// Parses `options.inputPath` as CUDA with Clang 15. Returns null when the
// source has errors; Clang's diagnostics (file:line:col) have then been
// printed to stderr.
std::unique_ptr<clang::ASTUnit> parseCudaSource(const TranslateOptions &options,
                                                CudaView view = CudaView::Host);

// Like parseCudaSource, but also returns a unit whose source had errors
// (null only when Clang could not run at all), so a caller can still inspect
// which files were loaded. Check getDiagnostics().hasErrorOccurred().
std::unique_ptr<clang::ASTUnit>
parseCudaSourceKeepingErrors(const TranslateOptions &options, CudaView view = CudaView::Host,
                             const PPCallbacksFactory &callbacks = {});

// The compiler arguments parseCudaSource hands to Clang (exposed for tests and
// for `cucl-translate --print-clang-args`).
std::vector<std::string> clangArgumentsFor(const TranslateOptions &options,
                                           CudaView view = CudaView::Host);

// True when some file the unit read mentions __CUDA_ARCH__ (a raw text
// search, comments included). When none does, the device view would read
// exactly the same tokens, so the host AST can serve as the device AST.
bool mentionsCudaArch(const clang::ASTUnit &unit);

} // namespace cucl::translate
