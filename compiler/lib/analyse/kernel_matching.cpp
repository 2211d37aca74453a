#include "analyse/kernel_matching.h"

#include <map>
#include <memory>
#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/GlobalDecl.h>
#include <clang/AST/Mangle.h>
#include <clang/Basic/Diagnostic.h>
#include <llvm/Support/raw_ostream.h>

namespace cucl::translate {
namespace {

// The kernel's symbol name: the same in both views, since both mangle with
// the Itanium ABI and the device target keeps the host's integer types.
class KernelNamer {
public:
  explicit KernelNamer(clang::ASTContext &context)
      : mangler_(clang::ItaniumMangleContext::create(context, context.getDiagnostics())) {}

  std::string operator()(const clang::FunctionDecl *kernel) {
    if (!mangler_->shouldMangleDeclName(kernel))
      return kernel->getName().str(); // extern "C"
    std::string name;
    llvm::raw_string_ostream out(name);
    // The kernel itself, not the host view's default: its launch stub.
    mangler_->mangleName(clang::GlobalDecl(kernel, clang::KernelReferenceKind::Kernel), out);
    return out.str();
  }

private:
  std::unique_ptr<clang::MangleContext> mangler_;
};

std::string displayName(const clang::FunctionDecl *kernel) {
  std::string name;
  llvm::raw_string_ostream out(name);
  kernel->getNameForDiagnostic(out, kernel->getASTContext().getPrintingPolicy(),
                               /*Qualified=*/true);
  return out.str();
}

void report(clang::ASTContext &context, const clang::FunctionDecl *at, const std::string &message) {
  clang::DiagnosticsEngine &engine = context.getDiagnostics();
  engine.Report(at->getLocation(), engine.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0"))
      << message;
}

// By-value arguments are copied byte for byte from the host's argument to the
// OpenCL kernel's: both views must agree on every parameter's size.
bool sameParameterSizes(clang::ASTContext &device, const clang::FunctionDecl *deviceKernel,
                        clang::ASTContext &host, const clang::FunctionDecl *hostKernel) {
  if (deviceKernel->getNumParams() != hostKernel->getNumParams()) {
    report(device, deviceKernel,
           "kernel '" + displayName(deviceKernel) +
               "' has a different parameter list when __CUDA_ARCH__ is defined");
    return false;
  }
  for (unsigned i = 0; i < deviceKernel->getNumParams(); ++i) {
    clang::QualType deviceType = deviceKernel->getParamDecl(i)->getType();
    clang::QualType hostType = hostKernel->getParamDecl(i)->getType();
    if (deviceType->isIncompleteType() || hostType->isIncompleteType() ||
        deviceType->isDependentType())
      continue; // reported by the emitter
    int64_t deviceSize = device.getTypeSizeInChars(deviceType).getQuantity();
    int64_t hostSize = host.getTypeSizeInChars(hostType).getQuantity();
    if (deviceSize != hostSize) {
      report(device, deviceKernel,
             "parameter " + std::to_string(i + 1) + " of kernel '" + displayName(deviceKernel) +
                 "' is " + std::to_string(deviceSize) +
                 " bytes in device code (__CUDA_ARCH__ defined) but " + std::to_string(hostSize) +
                 " bytes in host code; a by-value kernel argument must have one layout");
      return false;
    }
  }
  return true;
}

} // namespace

std::optional<std::vector<const clang::FunctionDecl *>> matchHostKernels(
    clang::ASTContext &device, const std::vector<const clang::FunctionDecl *> &deviceKernels,
    clang::ASTContext &host, const std::vector<const clang::FunctionDecl *> &hostKernels) {
  KernelNamer hostName(host), deviceName(device);
  std::map<std::string, const clang::FunctionDecl *> hostByName;
  for (const clang::FunctionDecl *kernel : hostKernels)
    hostByName.emplace(hostName(kernel), kernel);

  bool ok = true;
  std::vector<const clang::FunctionDecl *> matched;
  for (const clang::FunctionDecl *kernel : deviceKernels) {
    auto found = hostByName.find(deviceName(kernel));
    if (found == hostByName.end()) {
      report(device, kernel,
             "kernel '" + displayName(kernel) +
                 "' exists only in device code (where __CUDA_ARCH__ is defined); CUDA requires "
                 "every kernel and "
                 "kernel template instantiation to exist whether or not __CUDA_ARCH__ is defined");
      ok = false;
      continue;
    }
    ok = sameParameterSizes(device, kernel, host, found->second) && ok;
    matched.push_back(found->second);
    hostByName.erase(found);
  }
  for (const clang::FunctionDecl *kernel : hostKernels) {
    auto left = hostByName.find(hostName(kernel));
    if (left == hostByName.end() || left->second != kernel)
      continue;
    report(host, kernel,
           "kernel '" + displayName(kernel) +
               "' exists only in host code (where __CUDA_ARCH__ is undefined); CUDA requires every "
               "kernel and "
               "kernel template instantiation to exist whether or not __CUDA_ARCH__ is defined");
    ok = false;
  }
  if (!ok)
    return std::nullopt;
  return matched;
}

} // namespace cucl::translate
