#include "driver/nvidia_headers.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
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
  return path.startswith(prefix) && (path.size() == prefix.size() || llvm::sys::path::is_separator(path[prefix.size()]));
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

bool rejectNvidiaHeaders(clang::SourceManager &sources, const std::string &cuclIncludeDir) {
  clang::DiagnosticsEngine &diagnostics = sources.getDiagnostics();
  unsigned id = diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error,
                                            "'%0' is NVIDIA's CUDA header (%1); cucl does not use NVIDIA headers");
  bool ok = true;
  for (unsigned i = 0; i < sources.local_sloc_entry_size(); ++i) {
    const clang::SrcMgr::SLocEntry &entry = sources.getLocalSLocEntry(i);
    if (!entry.isFile())
      continue;
    const clang::SrcMgr::FileInfo &info = entry.getFile();
    const clang::FileEntry *file = info.getContentCache().OrigEntry;
    clang::SourceLocation includedAt = info.getIncludeLoc();
    if (!file || includedAt.isInvalid())
      continue;
    std::string path = file->getName().str();
    if (!isNvidiaHeader(path, cuclIncludeDir))
      continue;
    // Report only where the user's code reached the toolkit, not its own nesting.
    const clang::FileEntry *includer = sources.getFileEntryForID(sources.getFileID(sources.getExpansionLoc(includedAt)));
    if (includer && isNvidiaHeader(includer->getName().str(), cuclIncludeDir))
      continue;
    diagnostics.Report(includedAt, id) << llvm::sys::path::filename(path) << resolved(path);
    ok = false;
  }
  return ok;
}

} // namespace cucl::translate
