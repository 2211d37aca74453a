#include "rewrite_host/header_copies.h"

#include <map>
#include <set>

#include <clang/Basic/SourceManager.h>
#include <clang/Rewrite/Core/Rewriter.h>
#include <llvm/Support/Path.h>

#include "rewrite_host/source_edits.h"

namespace cucl::translate {
namespace {

// `to` relative to directory `fromDir`; both relative to the same root.
std::string relativePath(llvm::StringRef fromDir, llvm::StringRef to) {
  std::vector<llvm::StringRef> from(llvm::sys::path::begin(fromDir), llvm::sys::path::end(fromDir));
  std::vector<llvm::StringRef> target(llvm::sys::path::begin(to), llvm::sys::path::end(to));
  if (fromDir.empty())
    from.clear();
  size_t common = 0;
  while (common < from.size() && common + 1 < target.size() && from[common] == target[common])
    ++common;
  llvm::SmallString<256> result;
  for (size_t i = common; i < from.size(); ++i)
    llvm::sys::path::append(result, llvm::sys::path::Style::posix, "..");
  for (size_t i = common; i < target.size(); ++i)
    llvm::sys::path::append(result, llvm::sys::path::Style::posix, target[i]);
  return std::string(result);
}

} // namespace

HeaderCopies::HeaderCopies(const clang::SourceManager &sources,
                           const std::vector<clang::FileID> &editedFiles)
    : sources_(sources), mainFile_(sources.getMainFileID()) {
  std::string mainDir = std::string(llvm::sys::path::parent_path(fileName(sources, mainFile_)));
  std::map<std::string, std::string> pathOfFile; // one copy per header, even if included twice
  unsigned external = 0;
  for (clang::FileID edited : editedFiles) {
    for (clang::FileID file = edited; file.isValid() && file != mainFile_;
         file = sources.getFileID(sources.getIncludeLoc(file))) {
      if (paths_.count(file))
        break; // this chain is already known from here up
      std::string original = fileName(sources, file);
      auto known = pathOfFile.find(original);
      std::string copy;
      if (known != pathOfFile.end())
        copy = known->second;
      else if (pathIsUnder(original, mainDir))
        copy =
            llvm::sys::path::convert_to_slash(llvm::StringRef(original).substr(mainDir.size() + 1));
      else
        copy = "cucl_external/" + std::to_string(external++) + "_" +
               llvm::sys::path::filename(original).str();
      pathOfFile[original] = copy;
      paths_[file] = copy;
      copied_.push_back(file);
    }
  }
}

std::string HeaderCopies::copyPath(clang::FileID file) const {
  auto found = paths_.find(file);
  return found == paths_.end() ? std::string() : found->second;
}

void HeaderCopies::redirectIncludes(EditList &edits) const {
  for (unsigned i = 0; i < sources_.local_sloc_entry_size(); ++i) {
    const clang::SrcMgr::SLocEntry &entry = sources_.getLocalSLocEntry(i);
    if (!entry.isFile())
      continue;
    clang::SourceLocation includedAt = entry.getFile().getIncludeLoc();
    if (includedAt.isInvalid() || includedAt.isMacroID())
      continue; // the main file, -include files, or `#include MACRO`
    clang::FileID includer = sources_.getFileID(includedAt);
    bool includerCopied = paths_.count(includer) != 0;
    if (includer != mainFile_ && !includerCopied)
      continue;
    clang::FileID included =
        sources_.getFileID(clang::SourceLocation::getFromRawEncoding(entry.getOffset()));
    llvm::StringRef buffer = sources_.getBufferData(includer);
    unsigned begin = sources_.getFileOffset(includedAt);
    if (begin >= buffer.size() || (buffer[begin] != '"' && buffer[begin] != '<'))
      continue;
    size_t end = buffer.find_first_of(buffer[begin] == '"' ? "\"\n" : ">\n", begin + 1);
    if (end == llvm::StringRef::npos || buffer[end] == '\n')
      continue;
    std::string spelled;
    if (paths_.count(included)) {
      std::string fromDir = std::string(
          llvm::sys::path::parent_path(copyPath(includer), llvm::sys::path::Style::posix));
      spelled = "\"" + relativePath(fromDir, copyPath(included)) + "\"";
    } else if (includerCopied && buffer[begin] == '"' && sources_.getFileEntryForID(included)) {
      spelled = "\"" + fileName(sources_, included) + "\"";
    } else {
      continue;
    }
    if (buffer.substr(begin, end + 1 - begin) == spelled)
      continue;
    clang::SourceLocation at = sources_.getComposedLoc(includer, begin);
    edits.replace(sources_,
                  clang::CharSourceRange::getCharRange(at, at.getLocWithOffset(end + 1 - begin)),
                  spelled);
  }
}

std::vector<std::pair<std::string, std::string>>
HeaderCopies::texts(clang::Rewriter &rewriter) const {
  std::vector<std::pair<std::string, std::string>> result;
  std::set<std::string> written;
  for (clang::FileID file : copied_) {
    std::string copy = copyPath(file);
    if (written.insert(copy).second)
      result.emplace_back(copy, lineDirective(fileName(sources_, file)) + fileText(rewriter, file));
  }
  return result;
}

} // namespace cucl::translate
