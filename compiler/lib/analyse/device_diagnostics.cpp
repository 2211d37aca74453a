#include "analyse/device_diagnostics.h"

#include <clang/AST/ASTContext.h>
#include <clang/Basic/Diagnostic.h>

namespace cucl::translate {

void DeviceDiagnostics::unsupported(clang::SourceLocation location, const std::string &construct) {
  error(location, construct + " is not supported in device code");
}

void DeviceDiagnostics::error(clang::SourceLocation location, const std::string &message) {
  ++errorCount_;
  if (quiet_)
    return;
  if (!reported_.insert({location.getRawEncoding(), message}).second)
    return;
  clang::DiagnosticsEngine &engine = context_.getDiagnostics();
  // The message goes in as an argument, so a '%' in it is not a format.
  unsigned id = engine.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0");
  engine.Report(location, id) << message;
}

} // namespace cucl::translate
