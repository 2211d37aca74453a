#include "rewrite_host/source_edits.h"

#include <algorithm>
#include <tuple>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Lex/Lexer.h>
#include <clang/Rewrite/Core/Rewriter.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/Path.h>

namespace cucl::translate {

void EditList::replace(const clang::SourceManager &sources, clang::CharSourceRange range,
                       std::string text) {
  auto [file, begin] = sources.getDecomposedLoc(range.getBegin());
  unsigned end = sources.getFileOffset(range.getEnd());
  edits_.push_back({file, begin, end, std::move(text)});
}

void EditList::insert(const clang::SourceManager &sources, clang::SourceLocation fileLoc,
                      std::string text) {
  auto [file, offset] = sources.getDecomposedLoc(fileLoc);
  edits_.push_back({file, offset, offset, std::move(text)});
}

namespace {

bool nestedIn(const SourceEdit &inner, const SourceEdit &outer) {
  if (inner.file != outer.file || outer.begin == outer.end)
    return false;
  if (inner.begin == inner.end) // an insertion survives at the outer region's edges
    return outer.begin < inner.begin && inner.begin < outer.end;
  return outer.begin <= inner.begin && inner.end <= outer.end &&
         (outer.begin != inner.begin || outer.end != inner.end);
}

bool sameEdit(const SourceEdit &a, const SourceEdit &b) {
  return a.file == b.file && a.begin == b.begin && a.end == b.end && a.text == b.text;
}

} // namespace

void EditList::applyTo(clang::Rewriter &rewriter) const {
  const clang::SourceManager &sources = rewriter.getSourceMgr();
  std::vector<const SourceEdit *> applied;
  for (const SourceEdit &edit : edits_) {
    bool skip = std::any_of(edits_.begin(), edits_.end(),
                            [&](const SourceEdit &other) { return nestedIn(edit, other); }) ||
                std::any_of(applied.begin(), applied.end(),
                            [&](const SourceEdit *done) { return sameEdit(edit, *done); });
    if (skip)
      continue;
    clang::SourceLocation at = sources.getComposedLoc(edit.file, edit.begin);
    if (edit.begin == edit.end)
      rewriter.InsertTextAfter(at, edit.text);
    else
      rewriter.ReplaceText(at, edit.end - edit.begin, edit.text);
    applied.push_back(&edit);
  }
}

std::vector<clang::FileID> EditList::editedFiles() const {
  std::vector<clang::FileID> files;
  for (const SourceEdit &edit : edits_)
    if (std::find(files.begin(), files.end(), edit.file) == files.end())
      files.push_back(edit.file);
  return files;
}

std::string padToSameLines(std::string text, llvm::StringRef original) {
  size_t wanted = original.count('\n');
  size_t have = std::count(text.begin(), text.end(), '\n');
  // Inside a multi-line #define a bare newline would end the macro: pad with
  // line continuations there.
  bool continued = original.contains("\\\n");
  for (; have < wanted; ++have)
    text += continued ? "\\\n" : "\n";
  return text;
}

clang::CharSourceRange editableRange(const clang::SourceManager &sources,
                                     const clang::LangOptions &lang, clang::SourceRange tokens) {
  clang::CharSourceRange range =
      clang::Lexer::makeFileCharRange(clang::CharSourceRange::getTokenRange(tokens), sources, lang);
  if (range.isInvalid())
    return range;
  if (sources.getFileID(range.getBegin()) != sources.getFileID(range.getEnd()))
    return {};
  return range;
}

clang::CharSourceRange macroBodyRange(const clang::SourceManager &sources,
                                      const clang::LangOptions &lang, clang::SourceRange tokens) {
  clang::SourceLocation begin = tokens.getBegin();
  clang::SourceLocation end = tokens.getEnd();
  if (!begin.isMacroID() || !end.isMacroID() || !sources.isMacroBodyExpansion(begin) ||
      !sources.isMacroBodyExpansion(end))
    return {};
  // Both ends must come from the same expansion of the same macro.
  if (sources.getImmediateExpansionRange(begin).getAsRange() !=
      sources.getImmediateExpansionRange(end).getAsRange())
    return {};
  clang::SourceLocation spelledBegin = sources.getSpellingLoc(begin);
  clang::SourceLocation spelledEnd = sources.getSpellingLoc(end);
  if (sources.getFileID(spelledBegin) != sources.getFileID(spelledEnd) ||
      sources.getFileOffset(spelledEnd) < sources.getFileOffset(spelledBegin))
    return {};
  clang::SourceLocation after = clang::Lexer::getLocForEndOfToken(spelledEnd, 0, sources, lang);
  if (after.isInvalid())
    return {};
  return clang::CharSourceRange::getCharRange(spelledBegin, after);
}

clang::SourceLocation parameterUse(const clang::SourceManager &sources, clang::SourceLocation loc) {
  while (loc.isMacroID() && sources.isMacroArgExpansion(loc))
    loc = sources.getImmediateExpansionRange(loc).getBegin();
  return loc;
}

std::string absolutePath(llvm::StringRef path) {
  llvm::SmallString<256> absolute(path);
  llvm::sys::fs::make_absolute(absolute);
  llvm::sys::path::remove_dots(absolute, true);
  return std::string(absolute);
}

bool pathIsUnder(llvm::StringRef path, llvm::StringRef dir) {
  return !dir.empty() && path.size() > dir.size() && path.startswith(dir) &&
         llvm::sys::path::is_separator(path[dir.size()]);
}

std::string fileName(const clang::SourceManager &sources, clang::FileID file) {
  const clang::FileEntry *entry = sources.getFileEntryForID(file);
  return entry ? absolutePath(entry->getName()) : std::string();
}

std::string lineDirective(llvm::StringRef path) {
  std::string text = "#line 1 \"";
  for (char c : path) {
    if (c == '"' || c == '\\')
      text += '\\';
    text += c;
  }
  return text + "\"\n";
}

std::string fileText(clang::Rewriter &rewriter, clang::FileID file) {
  if (const clang::RewriteBuffer *buffer = rewriter.getRewriteBufferFor(file))
    return std::string(buffer->begin(), buffer->end());
  return rewriter.getSourceMgr().getBufferData(file).str();
}

void reportError(clang::DiagnosticsEngine &diagnostics, clang::SourceLocation at,
                 llvm::StringRef message) {
  unsigned id = diagnostics.getCustomDiagID(clang::DiagnosticsEngine::Error, "%0");
  diagnostics.Report(at, id) << message;
}

} // namespace cucl::translate
