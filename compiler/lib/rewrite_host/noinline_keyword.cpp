#include "rewrite_host/noinline_keyword.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Attr.h>
#include <clang/Basic/SourceManager.h>

#include "rewrite_host/source_edits.h"

namespace cucl::translate {

bool replaceNoinlineKeywords(const clang::Decl &decl, clang::ASTContext &context, EditList &edits) {
  const clang::SourceManager &sources = context.getSourceManager();
  bool ok = true;
  for (const clang::NoInlineAttr *attr : decl.specific_attrs<clang::NoInlineAttr>()) {
    // Only the keyword spelling; __attribute__((noinline)) is valid C++ as is.
    if (attr->isInherited() || attr->getSyntax() != clang::AttributeCommonInfo::AS_Keyword)
      continue;
    clang::SourceLocation at = attr->getLocation();
    if (sources.isInSystemHeader(sources.getSpellingLoc(at)))
      continue;
    clang::SourceRange token(at, at);
    clang::CharSourceRange range = editableRange(sources, context.getLangOpts(), token);
    if (range.isInvalid())
      range = macroBodyRange(sources, context.getLangOpts(), token);
    if (range.isInvalid()) {
      reportError(context.getDiagnostics(), at,
                  "cucl cannot rewrite this `__noinline__` for the host compiler (write it in the "
                  "source or in "
                  "one macro's definition)");
      ok = false;
      continue;
    }
    edits.replace(sources, range, "__attribute__((noinline))");
  }
  return ok;
}

} // namespace cucl::translate
