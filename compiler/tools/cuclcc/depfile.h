// Make-style dependency files (nvcc's -M/-MD/-MMD/-MF/-MT). The host compiler
// writes one for the generated .cucl.cpp; cuclcc rewrites it to name the .cu
// file and the user's original headers instead of the temporary copies.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cucl::cc {

struct DependencyRule {
  std::vector<std::string> targets;
  std::vector<std::string> prerequisites;
};

// Parses the first rule of a Make depfile as GCC/Clang write it (`\ ` and
// `$$` escapes, backslash-newline continuations). nullopt when it has none.
std::optional<DependencyRule> parseDepfile(const std::string &text);

// Writes `rule` in Make syntax; with `phonyTargets`, an empty rule for each
// prerequisite but the first (GCC's -MP), so deleted headers do not break make.
std::string formatDepfile(const DependencyRule &rule, bool phonyTargets);

// If `copy` is a header copy written by cucl-translate (it starts with
// `#line 1 "ORIGINAL"`), ORIGINAL; else nullopt.
std::optional<std::string> originalOfHeaderCopy(const std::string &copy);

// The rewrite cuclcc applies: the generated host file becomes `source`, files
// under `workFolder` become the originals they copy, the rest is kept.
DependencyRule mapToUserFiles(const DependencyRule &generated, const std::string &generatedHostFile,
                              const std::string &source, const std::string &workFolder,
                              const std::vector<std::string> &targets);

} // namespace cucl::cc
