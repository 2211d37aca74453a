#include "depfile.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;

namespace cucl::cc {
namespace {

// Splits a Make rule into words: blanks separate, `\ ` is a blank inside a
// word, `$$` is `$`, `\#` is `#`, backslash-newline is a blank.
std::vector<std::string> makeWords(const std::string &text, size_t &end) {
  std::vector<std::string> words;
  std::string word;
  bool inWord = false;
  size_t i = 0;
  auto finishWord = [&] {
    if (inWord)
      words.push_back(word);
    word.clear();
    inWord = false;
  };
  for (; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    if (c == '\\' && next == '\n') {
      finishWord();
      ++i;
    } else if (c == '\\' && next == '\r' && i + 2 < text.size() && text[i + 2] == '\n') {
      finishWord();
      i += 2;
    } else if (c == '\n') {
      break; // end of the rule
    } else if (c == ' ' || c == '\t' || c == '\r') {
      finishWord();
    } else if (c == '\\' && (next == ' ' || next == '#' || next == '\\')) {
      word += next;
      inWord = true;
      ++i;
    } else if (c == '$' && next == '$') {
      word += '$';
      inWord = true;
      ++i;
    } else {
      word += c;
      inWord = true;
    }
  }
  finishWord();
  end = i;
  return words;
}

std::string escaped(const std::string &path) {
  std::string text;
  for (char c : path) {
    if (c == ' ' || c == '#')
      text += '\\';
    if (c == '$')
      text += '$';
    text += c;
  }
  return text;
}

bool isUnder(const std::string &path, const std::string &folder) {
  std::string dir = folder;
  if (!dir.empty() && dir.back() != '/')
    dir += '/';
  return path.compare(0, dir.size(), dir) == 0;
}

std::string normalised(const std::string &path) {
  std::error_code error;
  fs::path absolute = fs::absolute(path, error);
  return (error ? fs::path(path) : absolute).lexically_normal().string();
}

} // namespace

std::optional<DependencyRule> parseDepfile(const std::string &text) {
  size_t end = 0;
  std::vector<std::string> words = makeWords(text, end);
  DependencyRule rule;
  bool seenColon = false;
  for (std::string &word : words) {
    if (seenColon) {
      rule.prerequisites.push_back(word);
      continue;
    }
    // `target:` or `target: dep` glued together; a lone `:` also ends targets.
    size_t colon = word.find(':');
    if (colon == std::string::npos) {
      rule.targets.push_back(word);
      continue;
    }
    seenColon = true;
    if (colon > 0)
      rule.targets.push_back(word.substr(0, colon));
    if (colon + 1 < word.size())
      rule.prerequisites.push_back(word.substr(colon + 1));
  }
  if (!seenColon || rule.targets.empty())
    return std::nullopt;
  return rule;
}

std::string formatDepfile(const DependencyRule &rule, bool phonyTargets) {
  std::string text;
  for (size_t i = 0; i < rule.targets.size(); ++i)
    text += (i ? " " : "") + escaped(rule.targets[i]);
  text += ":";
  // GCC's layout: the first prerequisite (the source) on the target's line.
  for (size_t i = 0; i < rule.prerequisites.size(); ++i)
    text += (i ? " \\\n  " : " ") + escaped(rule.prerequisites[i]);
  text += "\n";
  if (phonyTargets)
    for (size_t i = 1; i < rule.prerequisites.size(); ++i)
      text += "\n" + escaped(rule.prerequisites[i]) + ":\n";
  return text;
}

std::optional<std::string> originalOfHeaderCopy(const std::string &copy) {
  std::ifstream in(copy);
  std::string line;
  if (!in || !std::getline(in, line))
    return std::nullopt;
  const std::string prefix = "#line 1 \"";
  if (line.compare(0, prefix.size(), prefix) != 0 || line.size() < prefix.size() + 1 ||
      line.back() != '"')
    return std::nullopt;
  std::string original;
  for (size_t i = prefix.size(); i + 1 < line.size(); ++i) {
    if (line[i] == '\\' && i + 2 < line.size())
      ++i; // cucl-translate escapes `"` and `\` in the path
    original += line[i];
  }
  return original;
}

DependencyRule mapToUserFiles(const DependencyRule &generated, const std::string &generatedHostFile,
                              const std::string &source, const std::string &workFolder,
                              const std::vector<std::string> &targets) {
  DependencyRule rule;
  rule.targets = targets;
  std::string host = normalised(generatedHostFile);
  std::string folder = normalised(workFolder);
  rule.prerequisites.push_back(source);
  for (const std::string &prerequisite : generated.prerequisites) {
    std::string path = normalised(prerequisite);
    std::string mapped = prerequisite;
    if (path == host)
      continue; // already listed first, as the .cu file
    if (isUnder(path, folder)) {
      std::optional<std::string> original = originalOfHeaderCopy(path);
      if (!original)
        continue; // a generated file that is not a header copy: nothing to track
      mapped = *original;
    }
    if (std::find(rule.prerequisites.begin(), rule.prerequisites.end(), mapped) ==
        rule.prerequisites.end())
      rule.prerequisites.push_back(mapped);
  }
  return rule;
}

} // namespace cucl::cc
