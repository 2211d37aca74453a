#include "parse/launch_spelling.h"

#include <algorithm>
#include <cctype>

namespace cucl::translate {
namespace {

bool isIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

bool isBlank(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

// Within a bracket only spaces and tabs: moving a bracket never moves a line.
bool isSpace(char c) {
  return c == ' ' || c == '\t';
}

// Where code continues after a comment, string or character literal starting
// at `at` (or `at` itself when none starts there).
size_t skipNonCode(llvm::StringRef text, size_t at) {
  if (text.substr(at).startswith("//")) {
    size_t end = text.find('\n', at);
    return end == llvm::StringRef::npos ? text.size() : end;
  }
  if (text.substr(at).startswith("/*")) {
    size_t end = text.find("*/", at + 2);
    return end == llvm::StringRef::npos ? text.size() : end + 2;
  }
  if (text[at] == '"' || text[at] == '\'') {
    char quote = text[at];
    size_t i = at + 1;
    while (i < text.size() && text[i] != quote && text[i] != '\n')
      i += text[i] == '\\' ? 2 : 1;
    return std::min(i + 1, text.size());
  }
  return at;
}

// At `at`: `<<` or `>>` (per `c`), blanks, then one more `c` that does not
// start another operator. Sets `last` to that character's index.
bool splitBracket(llvm::StringRef text, size_t at, char c, size_t *last) {
  if (at + 2 >= text.size() || text[at] != c || text[at + 1] != c || !isSpace(text[at + 2]))
    return false;
  size_t j = at + 2;
  while (j < text.size() && isSpace(text[j]))
    ++j;
  if (j >= text.size() || text[j] != c)
    return false;
  if (j + 1 < text.size() && (text[j + 1] == c || text[j + 1] == '='))
    return false;
  *last = j;
  return true;
}

// Whether the code before `at` ends a name, template arguments or a call, so
// that `<<` there can open a launch (`operator<< <T>` cannot).
bool launchCanFollow(llvm::StringRef text, size_t at) {
  size_t i = at;
  while (i > 0 && isBlank(text[i - 1]))
    --i;
  if (i == 0)
    return false;
  char before = text[i - 1];
  if (before == '>' || before == ')')
    return true;
  if (!isIdentifierChar(before))
    return false;
  size_t start = i;
  while (start > 0 && isIdentifierChar(text[start - 1]))
    --start;
  return text.slice(start, i) != "operator";
}

// The closing `>>` of the launch opened before `from`: its index, and in
// `last` that of its third `>` (split) or npos (already `>>>`).
size_t findClose(llvm::StringRef text, size_t from, size_t *last) {
  int depth = 0;
  for (size_t i = from; i < text.size();) {
    size_t code = skipNonCode(text, i);
    if (code != i) {
      i = code;
      continue;
    }
    char c = text[i];
    if (c == '(' || c == '[' || c == '{')
      ++depth;
    else if (c == ')' || c == ']' || c == '}')
      --depth;
    if (depth < 0 || (depth == 0 && c == ';'))
      return llvm::StringRef::npos;
    if (depth == 0 && text.substr(i).startswith(">>>")) {
      *last = llvm::StringRef::npos;
      return i;
    }
    if (depth == 0 && splitBracket(text, i, '>', last))
      return i;
    ++i;
  }
  return llvm::StringRef::npos;
}

} // namespace

std::string joinSplitLaunchBrackets(llvm::StringRef source) {
  std::string joined = source.str();
  for (size_t i = 0; i < source.size();) {
    size_t code = skipNonCode(source, i);
    if (code != i) {
      i = code;
      continue;
    }
    // An opening `<< <`, or a joined `<<<` whose closing bracket may be split.
    size_t openLast = 0, closeLast = 0;
    bool split = splitBracket(source, i, '<', &openLast);
    if (!split && source.substr(i).startswith("<<<") && !source.substr(i).startswith("<<<<"))
      openLast = i + 2;
    else if (!split) {
      ++i;
      continue;
    }
    if (!launchCanFollow(source, i)) {
      i = openLast + 1;
      continue;
    }
    size_t close = findClose(source, openLast + 1, &closeLast);
    size_t after = close == llvm::StringRef::npos
                       ? close
                       : (closeLast == llvm::StringRef::npos ? close + 3 : closeLast + 1);
    while (after != llvm::StringRef::npos && after < source.size() && isBlank(source[after]))
      ++after;
    if (after == llvm::StringRef::npos || after >= source.size() || source[after] != '(') {
      i = openLast + 1;
      continue;
    }
    // Move each third bracket next to the first two; its place becomes a blank.
    if (split) {
      joined[i + 2] = '<';
      joined[openLast] = ' ';
    }
    if (closeLast != llvm::StringRef::npos) {
      joined[close + 2] = '>';
      joined[closeLast] = ' ';
    }
    i = after;
  }
  return joined;
}

} // namespace cucl::translate
