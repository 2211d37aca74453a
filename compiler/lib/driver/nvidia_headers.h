// cucl never uses NVIDIA's CUDA headers. On machines where a toolkit's
// headers are reachable (symlinked into /usr/local/include, or a user -I),
// `#include <cuda_fp16.h>` would silently pick them up; this check turns that
// into an error at the #include.
#pragma once

#include <memory>
#include <string>

namespace clang {
class PPCallbacks;
class Preprocessor;
} // namespace clang

namespace cucl::translate {

// Preprocessor callbacks that report `file:line:col: error: '<header>' is
// NVIDIA's CUDA header (<path>); cucl does not use NVIDIA headers` at the
// first #include of a toolkit header from the user's code, then silence every
// later diagnostic: the errors Clang would find inside NVIDIA's header (and
// their consequences) only hide the one that matters.
std::unique_ptr<clang::PPCallbacks> nvidiaIncludeGuard(clang::Preprocessor &preprocessor,
                                                       const std::string &cuclIncludeDir);

// True when `path` (any file) lives in a CUDA toolkit's include tree.
bool isNvidiaHeader(const std::string &path, const std::string &cuclIncludeDir);

} // namespace cucl::translate
