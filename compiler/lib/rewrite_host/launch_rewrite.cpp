#include "rewrite_host/launch_rewrite.h"

#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>

#include "rewrite_host/source_edits.h"

namespace cucl::translate {
namespace {

// Arguments of the configuration the user wrote (Clang fills the rest with
// the default arguments of __cudaPushCallConfiguration).
unsigned writtenConfigArgs(const clang::CallExpr &config) {
  unsigned count = 0;
  for (const clang::Expr *arg : config.arguments())
    if (!llvm::isa<clang::CXXDefaultArgExpr>(arg))
      ++count;
  return count;
}

} // namespace

bool rewriteLaunch(const clang::CUDAKernelCallExpr &launch, clang::ASTContext &context, EditList &edits) {
  clang::SourceManager &sources = context.getSourceManager();
  const clang::LangOptions &lang = context.getLangOpts();
  const clang::CallExpr *config = launch.getConfig();
  // The configuration call spans `<<<` (its callee) to `>>>` (its rparen).
  clang::SourceLocation open = config->getCallee()->getBeginLoc();
  clang::SourceLocation close = config->getRParenLoc();

  // Spelled in the file or in one macro argument; else inside one #define.
  clang::SourceRange pieces[] = {launch.getSourceRange(), {launch.getBeginLoc(), close},
                                 launch.getCallee()->getSourceRange(), {open, open}, {close, close}};
  clang::CharSourceRange ranges[5];
  for (auto finder : {&editableRange, &macroBodyRange}) {
    bool all = true;
    for (int i = 0; i < 5; ++i) {
      ranges[i] = finder(sources, lang, pieces[i]);
      all &= ranges[i].isValid();
    }
    if (all)
      break;
  }
  auto [whole, head, callee, openRange, closeRange] = ranges;
  bool sameFile = whole.isValid() && head.isValid() && callee.isValid() && openRange.isValid() &&
                  closeRange.isValid() &&
                  sources.getFileID(whole.getBegin()) == sources.getFileID(openRange.getBegin()) &&
                  sources.getFileID(whole.getBegin()) == sources.getFileID(closeRange.getBegin());
  if (!sameFile || sources.isInSystemHeader(whole.getBegin())) {
    reportError(context.getDiagnostics(), launch.getBeginLoc(),
                "cucl cannot rewrite this kernel launch: its tokens come from different macro expansions "
                "(write the whole `k<<<...>>>(...)` in the source, in one macro argument or in one macro's "
                "definition)");
    return false;
  }

  // Text pieces, taken from the user's file so macros in them still expand.
  unsigned configBegin = sources.getFileOffset(openRange.getEnd());
  unsigned configEnd = sources.getFileOffset(closeRange.getBegin());
  clang::FileID file = sources.getFileID(whole.getBegin());
  llvm::StringRef buffer = sources.getBufferData(file);
  std::string configText = buffer.substr(configBegin, configEnd - configBegin).str();
  unsigned written = writtenConfigArgs(*config);
  if (written == 2)
    configText += ", 0, 0";
  else if (written == 3)
    configText += ", 0";
  std::string calleeText = clang::Lexer::getSourceText(callee, sources, lang).str();
  std::string headOriginal = clang::Lexer::getSourceText(head, sources, lang).str();

  std::string replacement =
      "(__cudaPushCallConfiguration(" + configText + ") ? (void)0 : " + calleeText;
  edits.replace(sources, head, padToSameLines(std::move(replacement), headOriginal));
  edits.insert(sources, whole.getEnd(), ")");
  return true;
}

} // namespace cucl::translate
