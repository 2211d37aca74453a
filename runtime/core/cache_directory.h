// Where cucl keeps files between processes, and whether it may:
// $XDG_CACHE_HOME/cucl (an absolute XDG_CACHE_HOME; the XDG spec ignores
// relative ones), else $HOME/.cache/cucl.
//
// Missing directories are created 0700. An existing directory that is not a
// directory, belongs to another user, or that group or others may write is
// not trusted: the disk cache is then off (CUCL_VERBOSE=1 says why, once),
// since whoever can write there could plant files cucl would load.
#ifndef CUCL_CORE_CACHE_DIRECTORY_H
#define CUCL_CORE_CACHE_DIRECTORY_H

#include <filesystem>
#include <string>

namespace cucl {

// The cache directory, or its `subdirectory` (one name) when given, created
// if missing; empty when there is none to use (no usable variable, it cannot
// be created, or it is not trusted).
std::filesystem::path cacheDirectory(const std::string &subdirectory = {});

// Creates `directory` and its missing parents with mode 0700. 0 or an errno
// value (ENOTDIR when something other than a directory is in the way).
int makePrivateDirectories(const std::filesystem::path &directory);

} // namespace cucl

#endif // CUCL_CORE_CACHE_DIRECTORY_H
