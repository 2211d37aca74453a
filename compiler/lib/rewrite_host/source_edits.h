// Text edits on the user's files, collected while walking the AST and applied
// at the end, so that an edit nested inside a replaced region (a launch in a
// kernel body that becomes a stub) is dropped instead of corrupting the text.
#pragma once

#include <string>
#include <vector>

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/StringRef.h>

namespace clang {
class DiagnosticsEngine;
class Rewriter;
class SourceManager;
class LangOptions;
} // namespace clang

namespace cucl::translate {

struct SourceEdit {
  clang::FileID file;
  unsigned begin = 0; // byte offsets in the file; begin == end inserts
  unsigned end = 0;
  std::string text;
};

class EditList {
public:
  // `range` must be a file (not macro) character range.
  void replace(const clang::SourceManager &sources, clang::CharSourceRange range, std::string text);
  void insert(const clang::SourceManager &sources, clang::SourceLocation fileLoc, std::string text);

  // Applies every edit not nested in another one; identical edits (a macro
  // body expanded twice) are applied once.
  void applyTo(clang::Rewriter &rewriter) const;

  // Files that receive at least one edit.
  std::vector<clang::FileID> editedFiles() const;

private:
  std::vector<SourceEdit> edits_;
};

// `text` followed by enough newlines to span as many lines as `original`,
// so the lines after a replaced region keep their numbers.
std::string padToSameLines(std::string text, llvm::StringRef original);

// The file character range of a token range, or an invalid range when it
// cannot be edited as one piece of a file (parts spelled in different macros).
clang::CharSourceRange editableRange(const clang::SourceManager &sources,
                                     const clang::LangOptions &lang, clang::SourceRange tokens);

// For a token range written entirely inside one macro's definition (an
// object- or function-like macro whose body holds the tokens), the range of
// that text in the #define; invalid otherwise. Editing it changes every
// expansion of the macro, which is right for code that means the same thing
// wherever the macro is used (a launch), not for code that names things.
clang::CharSourceRange macroBodyRange(const clang::SourceManager &sources,
                                      const clang::LangOptions &lang, clang::SourceRange tokens);

// The location inside a function-like macro's body where a token passed as a
// macro argument was substituted (the parameter's spelling in the #define);
// other locations are returned unchanged. With it, a range that starts or ends
// in an argument (`#define L(k) k<<<1, 1>>>()`) maps onto the body's text.
clang::SourceLocation parameterUse(const clang::SourceManager &sources, clang::SourceLocation loc);

// Absolute, dot-free form of `path` (symlinks kept: the user's spelling).
std::string absolutePath(llvm::StringRef path);
// True when `path` lies inside directory `dir` (both absolute).
bool pathIsUnder(llvm::StringRef path, llvm::StringRef dir);
// Absolute path of a loaded file, "" for buffers without a file.
std::string fileName(const clang::SourceManager &sources, clang::FileID file);
// `#line 1 "path"` and a newline: diagnostics in a copy name the original.
std::string lineDirective(llvm::StringRef path);
// The file's text with the edits applied to `rewriter`.
std::string fileText(clang::Rewriter &rewriter, clang::FileID file);

// Reports `file:line:col: error: message` through Clang's diagnostics.
void reportError(clang::DiagnosticsEngine &diagnostics, clang::SourceLocation at,
                 llvm::StringRef message);

} // namespace cucl::translate
