#include "rewrite_host/launch_rewrite.h"

#include <string>

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/Basic/CharInfo.h>
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

using RangeFinder = clang::CharSourceRange (*)(const clang::SourceManager &,
                                               const clang::LangOptions &, clang::SourceRange);

// Maps every piece with `finder`; false (and `ranges` invalid) unless all map.
bool findRanges(const clang::SourceRange (&pieces)[5], clang::CharSourceRange (&ranges)[5],
                const clang::SourceManager &sources, const clang::LangOptions &lang,
                RangeFinder finder) {
  for (int i = 0; i < 5; ++i) {
    ranges[i] = finder(sources, lang, pieces[i]);
    if (ranges[i].isInvalid()) {
      ranges[0] = {};
      return false;
    }
  }
  return true;
}

// The pieces must lie in one file, nested as in `callee<<<config>>>(args)`:
// anything else means they were not spelled together.
bool inOrder(const clang::SourceManager &sources, clang::CharSourceRange whole,
             clang::CharSourceRange head, clang::CharSourceRange callee,
             clang::CharSourceRange open, clang::CharSourceRange close) {
  clang::FileID file = sources.getFileID(whole.getBegin());
  for (clang::CharSourceRange range : {whole, head, callee, open, close})
    if (sources.getFileID(range.getBegin()) != file || sources.getFileID(range.getEnd()) != file)
      return false;
  auto at = [&](clang::SourceLocation loc) { return sources.getFileOffset(loc); };
  return at(whole.getBegin()) == at(head.getBegin()) &&
         at(head.getBegin()) <= at(callee.getBegin()) &&
         at(callee.getEnd()) <= at(open.getBegin()) && at(open.getEnd()) <= at(close.getBegin()) &&
         at(close.getEnd()) == at(head.getEnd()) && at(head.getEnd()) <= at(whole.getEnd());
}

} // namespace

bool rewriteLaunch(const clang::CUDAKernelCallExpr &launch, clang::ASTContext &context,
                   EditList &edits) {
  clang::SourceManager &sources = context.getSourceManager();
  const clang::LangOptions &lang = context.getLangOpts();
  const clang::CallExpr *config = launch.getConfig();
  // The configuration call spans `<<<` (its callee) to `>>>` (its rparen).
  clang::SourceLocation open = config->getCallee()->getBeginLoc();
  clang::SourceLocation close = config->getRParenLoc();

  // Spelled in the file or in one macro argument; else inside one #define,
  // where the kernel name and the arguments may be the macro's parameters
  // (`#define LAUNCH(k, ...) k<<<1, 1>>>(__VA_ARGS__)`): then the #define
  // itself is rewritten, once for all its uses.
  clang::SourceRange pieces[] = {launch.getSourceRange(),
                                 {launch.getBeginLoc(), close},
                                 launch.getCallee()->getSourceRange(),
                                 {open, open},
                                 {close, close}};
  clang::CharSourceRange ranges[5];
  bool inDefinition = false;
  if (!findRanges(pieces, ranges, sources, lang, editableRange)) {
    for (int i = 0; i < 3; ++i) // `<<<` and `>>>` themselves must be the body's
      pieces[i] = {parameterUse(sources, pieces[i].getBegin()),
                   parameterUse(sources, pieces[i].getEnd())};
    auto expansionOf = [&](clang::SourceLocation loc) {
      return sources.getImmediateExpansionRange(loc).getAsRange();
    };
    clang::SourceLocation first = pieces[0].getBegin();
    inDefinition = first.isMacroID() && open.isMacroID() && close.isMacroID() &&
                   expansionOf(open) == expansionOf(first) &&
                   expansionOf(close) == expansionOf(first) &&
                   findRanges(pieces, ranges, sources, lang, macroBodyRange);
  }
  auto [whole, head, callee, openRange, closeRange] = ranges;
  if (!ranges[0].isValid() || !inOrder(sources, whole, head, callee, openRange, closeRange) ||
      sources.isInSystemHeader(whole.getBegin())) {
    reportError(
        context.getDiagnostics(), launch.getBeginLoc(),
        "cucl cannot rewrite this kernel launch: its tokens come from different macro expansions "
        "(write the whole `k<<<...>>>(...)` in the source, in one macro argument or in one macro's "
        "definition, where the kernel and arguments may be the macro's parameters)");
    return false;
  }

  // Text pieces, taken from the user's file so macros in them still expand.
  unsigned configBegin = sources.getFileOffset(openRange.getEnd());
  unsigned configEnd = sources.getFileOffset(closeRange.getBegin());
  clang::FileID file = sources.getFileID(whole.getBegin());
  llvm::StringRef buffer = sources.getBufferData(file);
  std::string configText = buffer.substr(configBegin, configEnd - configBegin).str();
  // nvcc's ABI spells all four; in a #define the count can differ between
  // uses, so the declaration's defaults fill in there.
  unsigned written = inDefinition ? 4 : writtenConfigArgs(*config);
  if (written == 2)
    configText += ", 0, 0";
  else if (written == 3)
    configText += ", 0";
  std::string calleeText = clang::Lexer::getSourceText(callee, sources, lang).str();
  std::string headOriginal = clang::Lexer::getSourceText(head, sources, lang).str();

  // `k<<<1, 1>>>ARGS`: the callee must not fuse with a name that follows.
  unsigned headEnd = sources.getFileOffset(head.getEnd());
  if (headEnd < buffer.size() && (clang::isAsciiIdentifierContinue(buffer[headEnd])))
    calleeText += ' ';

  std::string replacement =
      "(__cudaPushCallConfiguration(" + configText + ") ? (void)0 : " + calleeText;
  edits.replace(sources, head, padToSameLines(std::move(replacement), headOriginal));
  edits.insert(sources, whole.getEnd(), ")");
  return true;
}

} // namespace cucl::translate
