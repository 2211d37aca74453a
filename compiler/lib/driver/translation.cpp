#include "driver/translation.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <clang/Frontend/ASTUnit.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>
#include <llvm/Support/raw_ostream.h>

#include "analyse/kernel_catalog.h"
#include "analyse/kernel_matching.h"
#include "driver/nvidia_headers.h"
#include "emit_device/device_module.h"
#include "parse/stack_guard.h"
#include "rewrite_host/host_rewriter.h"

namespace cucl::translate {
namespace {

bool writeFile(const std::string &path, const std::string &text) {
  if (path == "-") {
    llvm::outs() << text;
    llvm::outs().flush();
    return true;
  }
  llvm::StringRef dir = llvm::sys::path::parent_path(path);
  if (!dir.empty())
    llvm::sys::fs::create_directories(dir);
  std::error_code error;
  llvm::raw_fd_ostream out(path, error, llvm::sys::fs::OF_Text);
  if (error) {
    llvm::errs() << "cucl-translate: error: cannot write '" << path << "': " << error.message()
                 << "\n";
    return false;
  }
  out << text;
  return true;
}

// Keeps Clang's diagnostic printer attached to the unit's source files after
// parsing, so the later layers can report file:line:col errors through it.
class DiagnosticsSession {
public:
  explicit DiagnosticsSession(clang::ASTUnit &unit) : client_(unit.getDiagnostics().getClient()) {
    if (client_)
      client_->BeginSourceFile(unit.getLangOpts(), &unit.getPreprocessor());
  }
  ~DiagnosticsSession() {
    if (client_)
      client_->EndSourceFile();
  }
  DiagnosticsSession(const DiagnosticsSession &) = delete;
  DiagnosticsSession &operator=(const DiagnosticsSession &) = delete;

private:
  clang::DiagnosticConsumer *client_;
};

bool writeHost(const std::string &hostPath, const std::string &inputPath, const HostOutput &host) {
  llvm::SmallString<256> dir(llvm::sys::path::parent_path(hostPath));
  if (dir.empty())
    dir = ".";
  llvm::SmallString<256> inputDir(llvm::sys::path::parent_path(inputPath));
  if (inputDir.empty())
    inputDir = ".";
  // The copies mirror the headers' paths relative to the .cu file: written
  // into the .cu file's own directory they would replace the originals.
  if (!host.headers.empty() && hostPath != "-" && llvm::sys::fs::equivalent(dir, inputDir)) {
    llvm::errs() << "cucl-translate: error: '" << inputPath
                 << "' has device code in its headers; their rewritten "
                 << "copies go beside the host output and would overwrite the originals: write -o "
                    "into another "
                 << "directory\n";
    return false;
  }
  if (!writeFile(hostPath, host.mainFile))
    return false;
  if (host.headers.empty())
    return true;
  if (hostPath == "-") {
    llvm::errs() << "cucl-translate: warning: " << host.headers.size()
                 << " rewritten header(s) not written: they need -o FILE (they go beside it)\n";
    return true;
  }
  for (const auto &[relative, text] : host.headers) {
    llvm::SmallString<256> path(dir);
    llvm::sys::path::append(path, relative);
    if (!writeFile(std::string(path), text))
      return false;
  }
  return true;
}

// Parses one view of the file, with NVIDIA's headers refused at their #include.
std::unique_ptr<clang::ASTUnit> parseView(const TranslateOptions &options, CudaView view) {
  return parseCudaSourceKeepingErrors(options, view, [&options](clang::Preprocessor &preprocessor) {
    return nvidiaIncludeGuard(preprocessor, options.cuclIncludeDir);
  });
}

int translateOnThisThread(const TranslateOptions &options, const TranslationOutputs &outputs) {
  std::unique_ptr<clang::ASTUnit> unit = parseView(options, CudaView::Host);
  if (!unit)
    return 1;
  DiagnosticsSession session(*unit);
  if (unit->getDiagnostics().hasErrorOccurred())
    return 1;

  // Plan the host side first: what it cannot express is reported at its
  // declaration, before device code generation adds errors at the uses.
  HostRewriteOptions hostOptions;
  if (!options.cuclIncludeDir.empty())
    hostOptions.libraryIncludeDirs.push_back(options.cuclIncludeDir);
  HostRewriter hostRewriter(*unit, hostOptions);
  bool wantHost = !outputs.hostCppPath.empty();
  if (wantHost && !hostRewriter.plan())
    return 1;

  // Device code comes from the device-side parse (__CUDA_ARCH__ defined), as
  // in nvcc. When no file read mentions __CUDA_ARCH__ that parse would see
  // the same tokens, so the host AST serves and the second parse is skipped.
  std::unique_ptr<clang::ASTUnit> deviceUnit;
  std::optional<DiagnosticsSession> deviceSession;
  clang::ASTUnit *deviceView = unit.get();
  if (mentionsCudaArch(*unit)) {
    deviceUnit = parseView(options, CudaView::Device);
    if (!deviceUnit)
      return 1;
    deviceSession.emplace(*deviceUnit);
    if (deviceUnit->getDiagnostics().hasErrorOccurred())
      return 1;
    deviceView = deviceUnit.get();
  }
  std::vector<const clang::FunctionDecl *> kernels = collectKernels(deviceView->getASTContext());
  std::optional<std::vector<const clang::FunctionDecl *>> hostKernels = kernels;
  if (deviceUnit) {
    hostKernels = matchHostKernels(deviceView->getASTContext(), kernels, unit->getASTContext(),
                                   collectKernels(unit->getASTContext()));
    if (!hostKernels)
      return 1;
  }

  DeviceModule device = emitDeviceModule(deviceView->getASTContext(), kernels, options.memcheck,
                                         options.floatModel);
  if (!device.ok || deviceView->getDiagnostics().hasErrorOccurred()) {
    if (!deviceView->getDiagnostics().hasErrorOccurred())
      llvm::errs() << options.inputPath << ": error: OpenCL code generation failed\n";
    return 1;
  }
  // The host side registers and launches kernels through its own declarations.
  for (EmittedKernel &kernel : device.kernels) {
    auto position = std::find(kernels.begin(), kernels.end(), kernel.decl);
    if (position != kernels.end())
      kernel.decl = (*hostKernels)[position - kernels.begin()];
  }
  if (!outputs.deviceClPath.empty() && !writeFile(outputs.deviceClPath, device.openclSource))
    return 1;
  if (!wantHost)
    return 0;
  std::optional<HostOutput> host = hostRewriter.finish(device);
  if (!host)
    return 1;
  return writeHost(outputs.hostCppPath, options.inputPath, *host) ? 0 : 1;
}

} // namespace

int translateFile(const TranslateOptions &options, const TranslationOutputs &outputs) {
  // Clang and the emitter recurse as deep as the source nests.
  return runWithLargeStack([&] { return translateOnThisThread(options, outputs); },
                           options.inputPath);
}

} // namespace cucl::translate
