#include "rewrite_host/device_code.h"

#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include "rewrite_host/source_edits.h"

namespace cucl::translate {
namespace {

template <typename AttrT> bool hasExplicit(const clang::Decl &decl) {
  const auto *attr = decl.getAttr<AttrT>();
  return attr && !attr->isImplicit();
}

} // namespace

bool isDeviceOnly(const clang::FunctionDecl &function) {
  return hasExplicit<clang::CUDADeviceAttr>(function) && !function.hasAttr<clang::CUDAHostAttr>() &&
         !function.hasAttr<clang::CUDAGlobalAttr>();
}

bool blankDeviceFunction(const clang::FunctionDecl &function, clang::ASTContext &context,
                         EditList &edits) {
  clang::SourceManager &sources = context.getSourceManager();
  // The whole definition, from its `template <...>` header (if any) to `}`.
  clang::SourceLocation begin = function.getOuterLocStart();
  if (const clang::FunctionTemplateDecl *templ = function.getDescribedFunctionTemplate())
    begin = templ->getBeginLoc();
  clang::CharSourceRange range =
      editableRange(sources, context.getLangOpts(), {begin, function.getSourceRange().getEnd()});
  if (range.isInvalid()) {
    reportError(
        context.getDiagnostics(), function.getLocation(),
        "__device__ function '" + function.getNameAsString() +
            "' is defined inside a macro expansion; cucl cannot remove it from the host code "
            "(define it outside macros)");
    return false;
  }
  llvm::StringRef original = clang::Lexer::getSourceText(range, sources, context.getLangOpts());
  edits.replace(sources, range, padToSameLines("", original));
  return true;
}

} // namespace cucl::translate
