// Errors about device code, reported through Clang's DiagnosticsEngine so
// they print as `file:line:col: error: ...` with the source line. Each
// (location, message) pair is reported once: the emitter may look at one
// construct several times (inference iterations, then printing).
#pragma once

#include <set>
#include <string>
#include <utility>

#include <clang/Basic/SourceLocation.h>

namespace clang {
class ASTContext;
}

namespace cucl::translate {

class DeviceDiagnostics {
public:
  explicit DeviceDiagnostics(clang::ASTContext &context) : context_(context) {}

  // "<construct> is not supported in device code"
  void unsupported(clang::SourceLocation location, const std::string &construct);
  // Any other error, worded by the caller.
  void error(clang::SourceLocation location, const std::string &message);

  bool hasErrors() const { return errorCount_ != 0; }

  // A speculative emission (a kernel's optional variant): errors are counted,
  // not reported; the caller drops what it made when there were any.
  void setQuiet(bool quiet) { quiet_ = quiet; }
  unsigned errorCount() const { return errorCount_; }
  void forgetErrorsAfter(unsigned count) { errorCount_ = count; }

private:
  bool quiet_ = false;
  clang::ASTContext &context_;
  std::set<std::pair<unsigned, std::string>> reported_;
  unsigned errorCount_ = 0;
};

} // namespace cucl::translate
