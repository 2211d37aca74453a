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

// Clang 15 drops `managed` outside HIP (a warning, no attribute), so a
// __managed__ variable looks like a host global: look for the keyword in the
// declaration's text, from the start of its line to its name.
bool spelledManaged(const clang::VarDecl &variable, const clang::SourceManager &sources) {
  clang::SourceLocation name = sources.getExpansionLoc(variable.getLocation());
  clang::SourceLocation start = sources.getExpansionLoc(variable.getOuterLocStart());
  if (name.isInvalid() || start.isInvalid() || sources.getFileID(name) != sources.getFileID(start))
    return false;
  llvm::StringRef buffer = sources.getBufferData(sources.getFileID(name));
  unsigned end = sources.getFileOffset(name);
  unsigned begin = sources.getFileOffset(start);
  if (begin > end)
    return false;
  size_t lineStart = buffer.rfind('\n', begin);
  lineStart = lineStart == llvm::StringRef::npos ? 0 : lineStart + 1;
  return buffer.slice(lineStart, end).contains("__managed__");
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

bool checkDeviceVariable(const clang::VarDecl &variable, clang::ASTContext &context) {
  if (!variable.hasGlobalStorage() || variable.isLocalVarDeclOrParm())
    return true;
  // constexpr values are folded into device code and are plain constants on the host.
  if (variable.isConstexpr())
    return true;
  // __device__ and __constant__ variables are device symbols (registered
  // with the module); __shared__ ones live in each block's local memory.
  if (!hasExplicit<clang::HIPManagedAttr>(variable) &&
      !spelledManaged(variable, context.getSourceManager()))
    return true;
  reportError(context.getDiagnostics(), variable.getLocation(),
              "file-scope __managed__ variable '" + variable.getNameAsString() +
                  "' is not supported yet (managed memory); use a __device__ variable with "
                  "cudaMemcpyToSymbol/cudaMemcpyFromSymbol, or cudaMalloc");
  return false;
}

} // namespace cucl::translate
