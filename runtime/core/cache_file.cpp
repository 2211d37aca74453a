#include "core/cache_file.h"

#include <cerrno>
#include <charconv>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_directory.h"
#include "core/diagnostics.h"
#include "core/stable_hash.h"

namespace cucl {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kMagic = "cucl-cache 1 ";
constexpr std::size_t kMaxHeaderBytes = 80;
constexpr off_t kMaxFileBytes = off_t(1) << 30;

// Closes a file descriptor when the scope ends.
class Descriptor {
public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() {
    if (fd_ >= 0)
      ::close(fd_);
  }
  Descriptor(const Descriptor &) = delete;
  Descriptor &operator=(const Descriptor &) = delete;
  int get() const { return fd_; }
  // Closes now; 0 or errno.
  int close() {
    int fd = std::exchange(fd_, -1);
    return ::close(fd) == 0 ? 0 : errno;
  }

private:
  int fd_;
};

// Why a file with these attributes must not be read, or nullptr.
const char *unsafe(const struct stat &info) {
  if (S_ISLNK(info.st_mode))
    return "it is a symbolic link";
  if (!S_ISREG(info.st_mode))
    return "it is not a regular file";
  if (info.st_uid != ::geteuid())
    return "another user owns it";
  if ((info.st_mode & (S_IWGRP | S_IWOTH)) != 0)
    return "its group or other users may write to it";
  return nullptr;
}

std::uint64_t checksum(std::string_view key, std::string_view body) {
  return stableHash({key, body});
}

std::string header(std::string_view key, std::string_view body) {
  char text[kMaxHeaderBytes];
  std::snprintf(text, sizeof(text), "%.*s%zu %zu %" PRIu64 "\n", static_cast<int>(kMagic.size()),
                kMagic.data(), key.size(), body.size(), checksum(key, body));
  return text;
}

// Parses one field of the header and the separator after it.
template <class T> bool field(const char *&at, const char *end, char separator, T *value) {
  auto [next, error] = std::from_chars(at, end, *value);
  if (error != std::errc() || next == at || next == end || *next != separator)
    return false;
  at = next + 1;
  return true;
}

// The body of `bytes` (a whole file) stored for `key`, or the reason it is
// unusable in *why (nullptr with *otherKey set: intact, for another key).
std::optional<std::string> parse(std::string bytes, std::string_view key, const char **why,
                                 bool *otherKey) {
  *otherKey = false;
  if (bytes.compare(0, kMagic.size(), kMagic) != 0) {
    *why = "it is not a cucl cache file";
    return std::nullopt;
  }
  const char *at = bytes.data() + kMagic.size();
  const char *end = bytes.data() + std::min(bytes.size(), kMaxHeaderBytes);
  std::size_t keyBytes = 0, bodyBytes = 0;
  std::uint64_t stored = 0;
  if (!field(at, end, ' ', &keyBytes) || !field(at, end, ' ', &bodyBytes) ||
      !field(at, end, '\n', &stored)) {
    *why = "its header is damaged";
    return std::nullopt;
  }
  const std::size_t keyAt = static_cast<std::size_t>(at - bytes.data());
  const std::size_t available = bytes.size() - keyAt;
  if (keyBytes >= available || bodyBytes > available - keyBytes - 1 ||
      bytes[keyAt + keyBytes] != '\n') {
    *why = "it is truncated";
    return std::nullopt;
  }
  if (bodyBytes != available - keyBytes - 1) {
    *why = "it is longer than its header says";
    return std::nullopt;
  }
  std::string_view storedKey(bytes.data() + keyAt, keyBytes);
  std::string_view body(bytes.data() + keyAt + keyBytes + 1, bodyBytes);
  if (checksum(storedKey, body) != stored) {
    *why = "its checksum does not match its contents";
    return std::nullopt;
  }
  if (storedKey != key) {
    *why = nullptr;
    *otherKey = true;
    return std::nullopt;
  }
  bytes.erase(0, keyAt + keyBytes + 1);
  return bytes;
}

int writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR)
      continue;
    if (written <= 0)
      return written < 0 ? errno : EIO;
    bytes.remove_prefix(static_cast<std::size_t>(written));
  }
  return 0;
}

} // namespace

CacheFile::CacheFile(fs::path path) : path_(std::move(path)) {}

std::optional<std::string> CacheFile::read(std::string_view key, Status *status) const {
  Status ignored;
  Status &result = status != nullptr ? *status : ignored;
  auto reject = [&](const char *why) -> std::optional<std::string> {
    verboseLog("cache: ignoring %s: %s", path_.c_str(), why);
    result = Status::Unusable;
    return std::nullopt;
  };

  // Examined before it is opened: a FIFO or a device is never opened, a
  // link never followed.
  struct stat before {};
  if (::lstat(path_.c_str(), &before) != 0) {
    if (errno != ENOENT && errno != ENOTDIR)
      return reject("it cannot be examined");
    result = Status::Missing;
    return std::nullopt;
  }
  if (const char *why = unsafe(before))
    return reject(why);
  // O_NOFOLLOW and O_NONBLOCK in case another file took its place since,
  // and what was opened is checked again. (A writer renaming a new version
  // into place meanwhile is fine: that file passes the same checks.)
  Descriptor file(::open(path_.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC));
  if (file.get() < 0) {
    if (errno != ENOENT)
      return reject("it cannot be opened");
    result = Status::Missing;
    return std::nullopt;
  }
  struct stat opened {};
  if (::fstat(file.get(), &opened) != 0)
    return reject("it cannot be examined");
  if (const char *why = unsafe(opened))
    return reject(why);
  if (opened.st_size > kMaxFileBytes)
    return reject("it is too large");

  std::string bytes(static_cast<std::size_t>(opened.st_size), '\0');
  std::size_t done = 0;
  while (done < bytes.size()) {
    ssize_t got = ::read(file.get(), bytes.data() + done, bytes.size() - done);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return reject("it is truncated");
    done += static_cast<std::size_t>(got);
  }

  const char *why = nullptr;
  bool otherKey = false;
  std::optional<std::string> body = parse(std::move(bytes), key, &why, &otherKey);
  if (body) {
    result = Status::Found;
    return body;
  }
  if (!otherKey)
    return reject(why);
  verboseLog("cache: ignoring %s: it was written for another key", path_.c_str());
  result = Status::OtherKey;
  return std::nullopt;
}

int CacheFile::write(std::string_view key, std::string_view body) const {
  const fs::path directory = path_.parent_path();
  if (!directory.empty())
    if (int error = makePrivateDirectories(directory); error != 0)
      return error;
  // mkstemp: a new name (O_EXCL) in the same directory, mode 0600.
  std::string temporary = path_.string() + ".tmp.XXXXXX";
  Descriptor file(::mkostemp(temporary.data(), O_CLOEXEC));
  if (file.get() < 0)
    return errno;
  int error = writeAll(file.get(), header(key, body));
  if (error == 0)
    error = writeAll(file.get(), key);
  if (error == 0)
    error = writeAll(file.get(), "\n");
  if (error == 0)
    error = writeAll(file.get(), body);
  int closed = file.close();
  if (error == 0)
    error = closed;
  // rename replaces the name, whatever it is (a link is not followed); a
  // directory in the way makes it fail.
  if (error == 0 && ::rename(temporary.c_str(), path_.c_str()) != 0)
    error = errno;
  if (error != 0)
    ::unlink(temporary.c_str());
  return error;
}

} // namespace cucl
