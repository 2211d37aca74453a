// cucl never uses NVIDIA's CUDA headers. On machines where a toolkit's
// headers are reachable (symlinked into /usr/local/include, or a user -I),
// `#include <cuda_fp16.h>` would silently pick them up; this check turns that
// into an error at the #include.
#pragma once

#include <string>

namespace clang {
class SourceManager;
}

namespace cucl::translate {

// Reports `file:line:col: error: '<header>' is NVIDIA's CUDA header (<path>);
// cucl does not use NVIDIA headers` for every toolkit header the user's code
// included directly. Returns false if there was one.
bool rejectNvidiaHeaders(clang::SourceManager &sources, const std::string &cuclIncludeDir);

// True when `path` (any file) lives in a CUDA toolkit's include tree.
bool isNvidiaHeader(const std::string &path, const std::string &cuclIncludeDir);

} // namespace cucl::translate
