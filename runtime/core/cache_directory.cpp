#include "core/cache_directory.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <set>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

#include "core/diagnostics.h"

namespace cucl {
namespace {

namespace fs = std::filesystem;

// Why `directory` must not be used, or nullptr. stat follows a symbolic link
// to a directory: what is checked is the directory files will land in.
const char *distrust(const fs::path &directory, struct stat *info) {
  if (::stat(directory.c_str(), info) != 0)
    return "it cannot be examined";
  if (!S_ISDIR(info->st_mode))
    return "it is not a directory";
  if (info->st_uid != ::geteuid())
    return "another user owns it";
  if ((info->st_mode & (S_IWGRP | S_IWOTH)) != 0)
    return "its group or other users may write to it";
  return nullptr;
}

// Says once per directory and reason why the disk cache is off.
void reportOnce(const fs::path &directory, const std::string &reason) {
  static std::mutex mutex;
  static std::set<std::string> *reported = new std::set<std::string>; // leaked: used at exit
  std::lock_guard<std::mutex> lock(mutex);
  if (reported->insert(directory.string() + '\n' + reason).second)
    verboseLog("cache: not using %s: %s; the disk cache is off", directory.c_str(), reason.c_str());
}

bool trusted(const fs::path &directory) {
  struct stat info {};
  const char *reason = distrust(directory, &info);
  if (reason == nullptr)
    return true;
  std::string text = reason;
  if (info.st_uid != ::geteuid() && S_ISDIR(info.st_mode))
    text += " (uid " + std::to_string(info.st_uid) + ")";
  reportOnce(directory, text);
  return false;
}

} // namespace

int makePrivateDirectories(const fs::path &directory) {
  fs::path prefix;
  for (const fs::path &part : directory) {
    prefix /= part;
    if (part == "/" || part.empty())
      continue;
    if (::mkdir(prefix.c_str(), 0700) == 0 || errno == EEXIST)
      continue;
    return errno;
  }
  struct stat info {};
  if (::stat(directory.c_str(), &info) != 0)
    return errno;
  return S_ISDIR(info.st_mode) ? 0 : ENOTDIR;
}

fs::path cacheDirectory(const std::string &subdirectory) {
  fs::path base;
  const char *xdg = std::getenv("XDG_CACHE_HOME");
  const char *home = std::getenv("HOME");
  if (xdg != nullptr && xdg[0] == '/')
    base = fs::path(xdg) / "cucl";
  else if (home != nullptr && home[0] == '/')
    base = fs::path(home) / ".cache" / "cucl";
  else
    return {};
  fs::path directory = subdirectory.empty() ? base : base / subdirectory;
  if (int error = makePrivateDirectories(directory); error != 0) {
    reportOnce(directory, std::string("it cannot be created: ") + std::strerror(error));
    return {};
  }
  // The subdirectory holds the files, but whoever controls its parent can
  // replace it: both must be ours alone.
  if (!trusted(base) || (!subdirectory.empty() && !trusted(directory)))
    return {};
  return directory;
}

} // namespace cucl
