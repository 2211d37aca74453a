// Driver layer: the whole translation of one .cu file, used by cucl-translate
// (and, through it, cuclcc).
#pragma once

#include <string>

#include "parse/cuda_parser.h"

namespace cucl::translate {

struct TranslationOutputs {
  // Rewritten host C++; "-" is stdout, empty skips the host side. Rewritten
  // user headers are written beside it, at their path relative to the .cu.
  std::string hostCppPath;
  std::string deviceClPath; // OpenCL C source; "-" is stdout, empty skips it
};

// Parse the host view (NVIDIA headers refused at their #include) -> plan the
// host rewrite -> parse the device view (__CUDA_ARCH__ defined; skipped when
// no file mentions it) -> collect kernels there and pair them with the host
// view's -> emit device -> rewrite host -> write files. Returns 0 on success, 1 after diagnostics
// were printed.
int translateFile(const TranslateOptions &options, const TranslationOutputs &outputs);

} // namespace cucl::translate
