#include "driver/nvidia_headers.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/PPCallbacks.h>
#include <clang/Lex/Preprocessor.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace cucl::translate {
namespace {

std::string resolved(llvm::StringRef path) {
  llvm::SmallString<256> real;
  if (llvm::sys::fs::real_path(path, real))
    return std::string(path);
  return std::string(real);
}

bool under(llvm::StringRef path, llvm::StringRef prefix) {
  return path.startswith(prefix) &&
         (path.size() == prefix.size() || llvm::sys::path::is_separator(path[prefix.size()]));
}

} // namespace

bool isNvidiaHeader(const std::string &path, const std::string &cuclIncludeDir) {
  std::string real = resolved(path);
  llvm::StringRef name = real;
  if (name.startswith("/usr/local/cuda"))
    return true;
  std::string cucl = cuclIncludeDir.empty() ? std::string() : resolved(cuclIncludeDir);
  if (!cucl.empty() && under(real, cucl))
    return false;
  // A toolkit's include dir (or a subdir such as crt/) holds cuda_runtime_api.h.
  for (llvm::StringRef dir = llvm::sys::path::parent_path(name); !dir.empty() && dir != "/";
       dir = llvm::sys::path::parent_path(dir)) {
    llvm::SmallString<256> marker(dir);
    llvm::sys::path::append(marker, "cuda_runtime_api.h");
    // The marker must really live there: /usr/local/include holds symlinks
    // to a toolkit's headers beside unrelated libraries' own headers.
    if (llvm::sys::fs::exists(marker) && llvm::sys::path::parent_path(resolved(marker)) == dir &&
        !(!cucl.empty() && dir == cucl))
      return true;
    if (llvm::sys::path::filename(dir) == "include")
      break; // do not wander above an include dir
  }
  return false;
}

namespace {

class NvidiaIncludeGuard : public clang::PPCallbacks {
public:
  NvidiaIncludeGuard(clang::Preprocessor &preprocessor, std::string cuclIncludeDir)
      : preprocessor_(preprocessor), cuclIncludeDir_(std::move(cuclIncludeDir)) {}

  void InclusionDirective(clang::SourceLocation hashLoc, const clang::Token &, llvm::StringRef,
                          bool, clang::CharSourceRange filenameRange,
                          llvm::Optional<clang::FileEntryRef> file, llvm::StringRef,
                          llvm::StringRef, const clang::Module *,
                          clang::SrcMgr::CharacteristicKind) override {
    if (reported_ || !file)
      return;
    std::string path = file->getName().str();
    if (!isNvidiaHeader(path, cuclIncludeDir_))
      return;
    // Report only where the user's code reaches the toolkit, not its own nesting.
    clang::SourceManager &sources = preprocessor_.getSourceManager();
    const clang::FileEntry *includer =
        sources.getFileEntryForID(sources.getFileID(sources.getExpansionLoc(hashLoc)));
    if (includer && isNvidiaHeader(includer->getName().str(), cuclIncludeDir_))
      return;
    clang::DiagnosticsEngine &diagnostics = preprocessor_.getDiagnostics();
    unsigned id = diagnostics.getCustomDiagID(
        clang::DiagnosticsEngine::Error,
        "'%0' is NVIDIA's CUDA header (%1); cucl does not use NVIDIA headers");
    diagnostics.Report(filenameRange.getBegin(), id)
        << llvm::sys::path::filename(file->getName()) << resolved(path);
    reported_ = true;
    diagnostics.setSuppressAllDiagnostics(true);
  }

private:
  clang::Preprocessor &preprocessor_;
  std::string cuclIncludeDir_;
  bool reported_ = false;
};

} // namespace

std::unique_ptr<clang::PPCallbacks> nvidiaIncludeGuard(clang::Preprocessor &preprocessor,
                                                       const std::string &cuclIncludeDir) {
  return std::make_unique<NvidiaIncludeGuard>(preprocessor, cuclIncludeDir);
}

} // namespace cucl::translate
