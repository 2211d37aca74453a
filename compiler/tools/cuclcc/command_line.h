// cuclcc's command line: nvcc's spellings mapped onto the translate / host
// compile / link steps. Device-architecture flags are accepted and ignored
// (OpenCL compiles for the device at run time).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace cucl::cc {

enum class InputKind { Cuda, Cxx, C, Object };

// nvcc's dependency-file modes: -M / -MM write only the rule (no object),
// -MD / -MMD write it beside compiling; the MM forms leave out system headers.
enum class DependencyMode { None, Only, OnlyNonSystem, WithCompile, WithCompileNonSystem };

struct Input {
  std::string path;
  InputKind kind;
};

struct Options {
  std::vector<Input> inputs;
  std::string output;                                 // -o
  bool compileOnly = false;                           // -c
  bool keep = false;                                  // --keep
  std::string keepDir;                                // --keep-dir (default: beside the output)
  std::string objectDir;                              // -odir: where -c puts objects
  bool dryRun = false;                                // --dryrun
  bool verbose = false;                               // -v
  bool memcheck = false;                              // -memcheck (or CUCL_MEMCHECK=1)
  std::vector<std::string> floatFlags;                // --use_fast_math, --ftz=..: translator only
  std::string cxxStandard = "c++17";                  // -std=
  std::string hostCompiler;                           // -ccbin (else $CXX, else c++)
  std::vector<std::string> translateFlags;            // -I/-D/-U, also given to the host compiler
  std::vector<std::string> hostFlags;                 // -O, -g, -w, -Xcompiler ..., -iquote ...
  std::vector<std::string> linkFlags;                 // -L, -l, -Xlinker, -shared
  std::vector<std::string> warnings;                  // notes about ignored flags
  DependencyMode dependencies = DependencyMode::None; // -M, -MM, -MD, -MMD
  std::string dependencyFile;                         // -MF (default: the object's name with .d)
  std::vector<std::string> dependencyTargets;         // -MT (default: the object)
  bool phonyDependencyTargets = false;                // -MP
};

// Parses argv. On a bad command line, prints `cuclcc: error: ...` and
// returns nullopt.
std::optional<Options> parseCommandLine(const std::vector<std::string> &args);

extern const char *const usageText;

} // namespace cucl::cc
