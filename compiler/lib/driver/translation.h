// Driver layer: the whole translation of one .cu file, used by cucl-translate
// and cuclcc.
#pragma once

#include <string>

#include "parse/cuda_parser.h"

namespace cucl::translate {

struct TranslationOutputs {
  std::string hostCppPath;  // rewritten host C++ (required)
  std::string deviceClPath; // OpenCL C source, for inspection (optional)
};

// Parse -> collect kernels -> emit device -> rewrite host -> write files.
// Returns 0 on success, 1 after diagnostics were printed.
int translateFile(const TranslateOptions &options, const TranslationOutputs &outputs);

} // namespace cucl::translate
