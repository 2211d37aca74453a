#include "driver/translation.h"

#include <clang/Frontend/ASTUnit.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>

#include "analyse/kernel_catalog.h"
#include "emit_device/device_module.h"
#include "rewrite_host/host_rewriter.h"

namespace cucl::translate {
namespace {

bool writeFile(const std::string &path, const std::string &text) {
  if (path == "-") {
    llvm::outs() << text;
    return true;
  }
  std::error_code error;
  llvm::raw_fd_ostream out(path, error, llvm::sys::fs::OF_Text);
  if (error) {
    llvm::errs() << "cucl-translate: error: cannot write '" << path << "': " << error.message() << "\n";
    return false;
  }
  out << text;
  return true;
}

} // namespace

int translateFile(const TranslateOptions &options, const TranslationOutputs &outputs) {
  std::unique_ptr<clang::ASTUnit> unit = parseCudaSource(options);
  if (!unit)
    return 1;
  DeviceModule device = emitDeviceModule(unit->getASTContext(), collectKernels(unit->getASTContext()));
  if (!device.ok)
    return 1;
  if (!outputs.deviceClPath.empty() && !writeFile(outputs.deviceClPath, device.openclSource))
    return 1;
  if (outputs.hostCppPath.empty())
    return 0;
  std::optional<HostOutput> host = rewriteHost(*unit, device);
  if (!host)
    return 1;
  return writeFile(outputs.hostCppPath, host->mainFile) ? 0 : 1;
}

} // namespace cucl::translate
