#include "parse/cuda_parser.h"

#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>

namespace cucl::translate {

std::vector<std::string> clangArgumentsFor(const TranslateOptions &options) {
  std::vector<std::string> args = {
      "-x", "cuda",
      // The host-side view: every __device__ body is still parsed and
      // type-checked, and kernel template instantiations named by launches
      // are in the AST with their arguments.
      "--cuda-host-only",
      // Never NVIDIA's headers or libdevice; point --cuda-path at nothing so
      // an installed toolkit is not picked up either.
      "-nocudainc", "-nocudalib", "--cuda-path=/nonexistent-cuda", "-Wno-unknown-cuda-version",
      // Selects nvcc's launch ABI (__cudaPushCallConfiguration) instead of the
      // pre-9.2 cudaConfigureCall one; Clang 15 knows CUDA SDKs up to 11.5.
      "-Xclang", "-target-sdk-version=11.5",
      "-std=" + options.cxxStandard,
      // nvcc defines these for every .cu file.
      "-D__CUDACC__", "-D__NVCC__", "-D__CUCL__",
  };
  if (!options.clangResourceDir.empty())
    args.push_back("-resource-dir=" + options.clangResourceDir);
  // cucl's headers come first so a user's -I to a CUDA toolkit cannot shadow them.
  if (!options.cuclIncludeDir.empty())
    args.push_back("-I" + options.cuclIncludeDir);
  for (const std::string &dir : options.includeDirs)
    args.push_back("-I" + dir);
  for (const std::string &define : options.defines)
    args.push_back("-D" + define);
  for (const std::string &undefine : options.undefines)
    args.push_back("-U" + undefine);
  // nvcc pre-includes cuda_runtime.h; many programs never include it.
  args.push_back("-include");
  args.push_back("cuda_runtime.h");
  // Declares __cudaPushCallConfiguration, which Clang looks up for every
  // `<<<>>>`; the rewritten host code includes it too.
  args.push_back("-include");
  args.push_back("cucl/module_abi.h");
  return args;
}

std::unique_ptr<clang::ASTUnit> parseCudaSourceKeepingErrors(const TranslateOptions &options) {
  clang::tooling::FixedCompilationDatabase database(".", clangArgumentsFor(options));
  clang::tooling::ClangTool tool(database, {options.inputPath});
  std::vector<std::unique_ptr<clang::ASTUnit>> units;
  tool.buildASTs(units);
  if (units.size() != 1 || !units.front())
    return nullptr;
  return std::move(units.front());
}

std::unique_ptr<clang::ASTUnit> parseCudaSource(const TranslateOptions &options) {
  std::unique_ptr<clang::ASTUnit> unit = parseCudaSourceKeepingErrors(options);
  if (!unit || unit->getDiagnostics().hasErrorOccurred())
    return nullptr;
  return unit;
}

} // namespace cucl::translate
