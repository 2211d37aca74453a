#include "analyse/kernel_catalog.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Basic/SourceManager.h>

namespace cucl::translate {
namespace {

class KernelCollector : public clang::RecursiveASTVisitor<KernelCollector> {
public:
  explicit KernelCollector(clang::ASTContext &context) : context_(context) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  bool VisitFunctionDecl(clang::FunctionDecl *function) {
    if (!function->hasAttr<clang::CUDAGlobalAttr>() || !function->doesThisDeclarationHaveABody())
      return true;
    if (function->isDependentContext())
      return true; // the template itself; its instantiations are visited separately
    if (context_.getSourceManager().isInSystemHeader(function->getLocation()))
      return true;
    kernels_.push_back(function);
    return true;
  }

  std::vector<const clang::FunctionDecl *> take() { return std::move(kernels_); }

private:
  clang::ASTContext &context_;
  std::vector<const clang::FunctionDecl *> kernels_;
};

} // namespace

std::vector<const clang::FunctionDecl *> collectKernels(clang::ASTContext &context) {
  KernelCollector collector(context);
  collector.TraverseDecl(context.getTranslationUnitDecl());
  return collector.take();
}

} // namespace cucl::translate
