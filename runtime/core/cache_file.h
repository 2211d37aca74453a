// One file of cucl's disk caches (compiled programs, GEMM tuning): a body
// stored for a key, that defends itself. The layout:
//
//   cucl-cache 1 <key bytes> <body bytes> <checksum>\n<key>\n<body>
//
// (sizes and checksum in decimal, the checksum a 64-bit FNV-1a of key and
// body), so text bodies stay readable and the header holds no letters.
//
// read() returns the body only for the exact key it was written for, with
// the sizes and checksum intact. It never follows a symbolic link or blocks:
// a link, anything but a regular file (FIFO, socket, device, directory), a
// file of another user or one that others may write, a truncated, corrupt or
// foreign file is ignored (CUCL_VERBOSE=1 says why), and the caller rebuilds
// and writes a new one. write() writes a unique temporary file (0600) beside
// the target and renames it over whatever is there (a link is replaced, not
// followed): readers see either the old file or the complete new one.
#ifndef CUCL_CORE_CACHE_FILE_H
#define CUCL_CORE_CACHE_FILE_H

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace cucl {

class CacheFile {
public:
  enum class Status {
    Found,    // the body written for this key
    Missing,  // no file
    OtherKey, // an intact file written for another key
    Unusable, // not a safe, intact cache file: ignored
  };

  explicit CacheFile(std::filesystem::path path);

  // The body written for `key`, or nothing (*status says why).
  std::optional<std::string> read(std::string_view key, Status *status = nullptr) const;

  // Stores `body` for `key`, creating missing directories (0700). 0 or the
  // errno value of the step that failed.
  int write(std::string_view key, std::string_view body) const;

  const std::filesystem::path &path() const { return path_; }

private:
  std::filesystem::path path_;
};

} // namespace cucl

#endif // CUCL_CORE_CACHE_FILE_H
