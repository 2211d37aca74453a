// User headers that hold device code are rewritten too, and their rewritten
// copies are written beside the host output. This file decides where each
// copy goes and re-points the #include directives of rewritten files, so
// the host compile sees the copies instead of the originals:
//  - a header under the .cu file's directory keeps its relative path there;
//  - a header elsewhere goes to cucl_external/<n>_<name>;
//  - in a copied header, quote includes of files that are not copied name
//    the original by absolute path (the copy lives in another directory).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <clang/Basic/SourceLocation.h>
#include <llvm/ADT/DenseMap.h>

namespace clang {
class Rewriter;
class SourceManager;
} // namespace clang

namespace cucl::translate {

class EditList;

class HeaderCopies {
public:
  // Every header in `editedFiles` plus the headers that include it, up to
  // the main file.
  HeaderCopies(const clang::SourceManager &sources, const std::vector<clang::FileID> &editedFiles);

  // Queues the #include edits described above.
  void redirectIncludes(EditList &edits) const;

  // (path relative to the host output's directory, text) of each copy,
  // after the edits were applied to `rewriter`.
  std::vector<std::pair<std::string, std::string>> texts(clang::Rewriter &rewriter) const;

private:
  std::string copyPath(clang::FileID file) const; // "" for the main file

  const clang::SourceManager &sources_;
  clang::FileID mainFile_;
  std::vector<clang::FileID> copied_;                // in a stable order
  llvm::DenseMap<clang::FileID, std::string> paths_; // copy path of each copied FileID
};

} // namespace cucl::translate
