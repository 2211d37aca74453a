#include "parse/cuda_parser.h"

#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/CompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Support/MemoryBuffer.h>

#include "parse/launch_spelling.h"
#include "parse/stack_guard.h"

namespace cucl::translate {
namespace {

// A syntax-only action that lets the caller watch the preprocessor; handed to
// ASTUnit so the AST it builds is kept.
class WatchedParseAction : public clang::SyntaxOnlyAction {
public:
  explicit WatchedParseAction(const PPCallbacksFactory &callbacks) : callbacks_(callbacks) {}

protected:
  std::unique_ptr<clang::ASTConsumer> CreateASTConsumer(clang::CompilerInstance &compiler,
                                                        llvm::StringRef file) override {
    // Where the parser is, for the message if deep nesting exhausts the stack.
    clang::Preprocessor &preprocessor = compiler.getPreprocessor();
    preprocessor.setTokenWatcher([&preprocessor](const clang::Token &token) {
      noteLocation(preprocessor.getSourceManager(), token.getLocation());
    });
    if (callbacks_) {
      if (std::unique_ptr<clang::PPCallbacks> watcher = callbacks_(compiler.getPreprocessor()))
        compiler.getPreprocessor().addPPCallbacks(std::move(watcher));
    }
    return clang::SyntaxOnlyAction::CreateASTConsumer(compiler, file);
  }

private:
  const PPCallbacksFactory &callbacks_;
};

// ClangTool runs the driver (CUDA argument handling); this builds the ASTUnit
// from the resulting invocation, with the watching action.
class UnitBuilder : public clang::tooling::ToolAction {
public:
  // `mainText`: the input file's text to parse instead of the file's, or "".
  UnitBuilder(const PPCallbacksFactory &callbacks, std::string mainText)
      : callbacks_(callbacks), mainText_(std::move(mainText)) {}

  bool runInvocation(std::shared_ptr<clang::CompilerInvocation> invocation, clang::FileManager *,
                     std::shared_ptr<clang::PCHContainerOperations> pchOperations,
                     clang::DiagnosticConsumer *consumer) override {
    const auto &inputs = invocation->getFrontendOpts().Inputs;
    if (!mainText_.empty() && !inputs.empty() && inputs[0].isFile())
      invocation->getPreprocessorOpts().addRemappedFile(
          inputs[0].getFile(),
          llvm::MemoryBuffer::getMemBufferCopy(mainText_, inputs[0].getFile()).release());
    WatchedParseAction action(callbacks_);
    llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> diagnostics =
        clang::CompilerInstance::createDiagnostics(&invocation->getDiagnosticOpts(), consumer,
                                                   /*ShouldOwnClient=*/false);
    unit_.reset(clang::ASTUnit::LoadFromCompilerInvocationAction(
        std::move(invocation), std::move(pchOperations), diagnostics, &action));
    return unit_ != nullptr;
  }

  std::unique_ptr<clang::ASTUnit> take() { return std::move(unit_); }

private:
  const PPCallbacksFactory &callbacks_;
  std::string mainText_;
  std::unique_ptr<clang::ASTUnit> unit_;
};

// Nesting the parse accepts: a nesting level takes Clang up to about 3 KiB of
// stack, and the parse gets a quarter of the translator's stack at most
// (stack_guard.h).
constexpr std::size_t kBracketDepth = kTranslationStackBytes / 4 / 3072;

} // namespace

std::vector<std::string> clangArgumentsFor(const TranslateOptions &options, CudaView view) {
  std::vector<std::string> args = {"-x", "cuda"};
  if (view == CudaView::Host) {
    // The host-side view: every __device__ body is still parsed and
    // type-checked, and kernel template instantiations named by launches
    // are in the AST with their arguments.
    args.push_back("--cuda-host-only");
  } else {
    // The device-side view, as nvcc's device pass sees it: __CUDA_ARCH__ is
    // defined and a __host__ __device__ function may call __device__ ones.
    // Clang gives the NVPTX target the host's sizes for long, pointers and
    // size_t, so records keep the host layout (checked per kernel parameter).
    args.push_back("--cuda-device-only");
    args.push_back("--cuda-gpu-arch=sm_" + std::to_string(kNominalCudaArch / 10));
  }
  const std::vector<std::string> common = {
      // Never NVIDIA's headers or libdevice; point --cuda-path at nothing so
      // an installed toolkit is not picked up either.
      "-nocudainc",
      "-nocudalib",
      "--cuda-path=/nonexistent-cuda",
      "-Wno-unknown-cuda-version",
      // Selects nvcc's launch ABI (__cudaPushCallConfiguration) instead of the
      // pre-9.2 cudaConfigureCall one; Clang 15 knows CUDA SDKs up to 11.5.
      "-Xclang",
      "-target-sdk-version=11.5",
      "-std=" + options.cxxStandard,
      // nvcc defines these for every .cu file.
      "-D__CUDACC__",
      "-D__NVCC__",
      "-D__CUCL__",
      // Clang's default of 256 nested brackets is its own limit, not CUDA's:
      // deeper source is parsed (on the translator's large stack) and deep
      // expressions are split for the OpenCL compiler (function_emitter_expr.cpp).
      "-fbracket-depth=" + std::to_string(kBracketDepth),
  };
  args.insert(args.end(), common.begin(), common.end());
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

std::unique_ptr<clang::ASTUnit> parseCudaSourceKeepingErrors(const TranslateOptions &options,
                                                             CudaView view,
                                                             const PPCallbacksFactory &callbacks) {
  clang::tooling::FixedCompilationDatabase database(".", clangArgumentsFor(options, view));
  clang::tooling::ClangTool tool(database, {options.inputPath});
  // nvcc's split launch brackets, joined where the input has them.
  std::string joined;
  if (llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> input =
          llvm::MemoryBuffer::getFile(options.inputPath)) {
    joined = joinSplitLaunchBrackets((*input)->getBuffer());
    if (joined == (*input)->getBuffer())
      joined.clear();
  }
  UnitBuilder builder(callbacks, std::move(joined));
  tool.run(&builder);
  return builder.take();
}

std::unique_ptr<clang::ASTUnit> parseCudaSource(const TranslateOptions &options, CudaView view) {
  std::unique_ptr<clang::ASTUnit> unit = parseCudaSourceKeepingErrors(options, view);
  if (!unit || unit->getDiagnostics().hasErrorOccurred())
    return nullptr;
  return unit;
}

bool mentionsCudaArch(const clang::ASTUnit &unit) {
  const clang::SourceManager &sources = unit.getSourceManager();
  for (unsigned i = 0; i < sources.local_sloc_entry_size(); ++i) {
    const clang::SrcMgr::SLocEntry &entry = sources.getLocalSLocEntry(i);
    if (!entry.isFile())
      continue;
    // A file entered twice has one content cache: searching it twice is cheap.
    llvm::Optional<llvm::MemoryBufferRef> buffer =
        entry.getFile().getContentCache().getBufferIfLoaded();
    // Unloaded buffers (none after a parse) are treated as mentioning it.
    if (!buffer || buffer->getBuffer().contains("__CUDA_ARCH__"))
      return true;
  }
  return false;
}

} // namespace cucl::translate
