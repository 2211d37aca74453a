// Cache files and their defences (runtime/core/cache_file.h) and the cache
// directory (runtime/core/cache_directory.h), without OpenCL: the layout,
// every truncation and every flipped byte refused, links never followed,
// FIFOs never blocked on, other users' files and directories others may
// write ignored, private modes, atomic replacement.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "core/cache_directory.h"
#include "core/cache_file.h"

namespace fs = std::filesystem;
using cucl::CacheFile;
using Status = CacheFile::Status;

namespace {

std::string readBytes(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path &file, const std::string &bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

mode_t modeOf(const fs::path &path) {
  struct stat info {};
  EXPECT_EQ(0, ::lstat(path.c_str(), &info)) << path;
  return info.st_mode & 07777;
}

std::size_t entriesIn(const fs::path &directory) {
  return static_cast<std::size_t>(
      std::distance(fs::directory_iterator(directory), fs::directory_iterator()));
}

// A fresh directory per test, and XDG_CACHE_HOME inside it.
class CacheFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    char pattern[] = "/tmp/cucl-cache-file-XXXXXX";
    ASSERT_NE(nullptr, ::mkdtemp(pattern));
    root = pattern;
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    hadXdg = xdg != nullptr;
    if (hadXdg)
      savedXdg = xdg;
    ::setenv("XDG_CACHE_HOME", (root / "xdg").c_str(), 1);
  }
  void TearDown() override {
    if (hadXdg)
      ::setenv("XDG_CACHE_HOME", savedXdg.c_str(), 1);
    else
      ::unsetenv("XDG_CACHE_HOME");
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }

  // Reads `file` for `key`: the status, and the body when found.
  Status readStatus(const fs::path &file, const std::string &key, std::string *body = nullptr) {
    Status status = Status::Found;
    std::optional<std::string> found = CacheFile(file).read(key, &status);
    EXPECT_EQ(status == Status::Found, found.has_value());
    if (found && body != nullptr)
      *body = *found;
    return status;
  }

  fs::path root;
  bool hadXdg = false;
  std::string savedXdg;
};

const std::string kKey = "GEMM tuning | some platform | some device | vendor | 1.0";
const std::string kBody = "device = some device\nf32 NN large = MR=4\n";

} // namespace

TEST_F(CacheFileTest, WritesAReadableLayoutAndReadsItBack) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  const std::string bytes = readBytes(file);
  EXPECT_EQ(0u, bytes.rfind("cucl-cache 1 " + std::to_string(kKey.size()) + " " +
                                std::to_string(kBody.size()) + " ",
                            0))
      << bytes;
  EXPECT_NE(std::string::npos, bytes.find("\n" + kKey + "\n" + kBody)) << bytes;
  std::string body;
  EXPECT_EQ(Status::Found, readStatus(file, kKey, &body));
  EXPECT_EQ(kBody, body);
  // Binary bodies and empty bodies too.
  const std::string binary("\0\n\xff cucl-cache 1 \n", 18);
  ASSERT_EQ(0, CacheFile(file).write(kKey, binary));
  EXPECT_EQ(Status::Found, readStatus(file, kKey, &body));
  EXPECT_EQ(binary, body);
  ASSERT_EQ(0, CacheFile(file).write(kKey, ""));
  EXPECT_EQ(Status::Found, readStatus(file, kKey, &body));
  EXPECT_EQ("", body);
}

TEST_F(CacheFileTest, MissingAndOtherKeyAreToldApart) {
  const fs::path file = root / "entry";
  EXPECT_EQ(Status::Missing, readStatus(file, kKey));
  EXPECT_EQ(Status::Missing, readStatus(root / "no" / "such" / "dir", kKey));
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  EXPECT_EQ(Status::OtherKey, readStatus(file, kKey + " (a newer driver)"));
  EXPECT_EQ(Status::OtherKey, readStatus(file, kKey.substr(1)));
}

TEST_F(CacheFileTest, EveryTruncationAndAnyExtraByteIsRefused) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  const std::string bytes = readBytes(file);
  for (std::size_t length = 0; length < bytes.size(); ++length) {
    writeBytes(file, bytes.substr(0, length));
    EXPECT_EQ(Status::Unusable, readStatus(file, kKey)) << length;
  }
  writeBytes(file, bytes + "x");
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  writeBytes(file, bytes);
  EXPECT_EQ(Status::Found, readStatus(file, kKey));
}

// Header, key or body: no single damaged byte gives a body back.
TEST_F(CacheFileTest, EveryFlippedByteIsRefused) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  const std::string bytes = readBytes(file);
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] ^= 0x01;
    writeBytes(file, damaged);
    EXPECT_NE(Status::Found, readStatus(file, kKey)) << "byte " << at;
  }
}

TEST_F(CacheFileTest, ForeignBodyUnderAValidHeaderIsRefused) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  std::string bytes = readBytes(file);
  std::string foreign = kBody;
  foreign[foreign.size() - 2] = '8'; // same size, other contents
  bytes.replace(bytes.size() - kBody.size(), kBody.size(), foreign);
  writeBytes(file, bytes);
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
}

TEST_F(CacheFileTest, FifoIsNeitherOpenedNorBlockedOn) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, ::mkfifo(file.c_str(), 0600));
  ::alarm(60); // a blocked open or read ends the process: the test fails
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody)); // replaces it
  ::alarm(0);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(file)));
  EXPECT_EQ(Status::Found, readStatus(file, kKey));
}

TEST_F(CacheFileTest, SocketAndDeviceAreRefused) {
  const fs::path socketPath = root / "socket";
  int listener = ::socket(AF_UNIX, SOCK_STREAM, 0);
  ASSERT_GE(listener, 0);
  sockaddr_un address{};
  address.sun_family = AF_UNIX;
  std::snprintf(address.sun_path, sizeof(address.sun_path), "%s", socketPath.c_str());
  ASSERT_EQ(0, ::bind(listener, reinterpret_cast<sockaddr *>(&address), sizeof(address)));
  EXPECT_EQ(Status::Unusable, readStatus(socketPath, kKey));
  ::close(listener);
  const fs::path link = root / "null";
  fs::create_symlink("/dev/null", link);
  EXPECT_EQ(Status::Unusable, readStatus(link, kKey));
  EXPECT_EQ(Status::Unusable, readStatus("/dev/null", kKey));
  EXPECT_EQ(Status::Unusable, readStatus("/dev/zero", kKey)); // would never end
}

TEST_F(CacheFileTest, SymlinkIsNeitherReadNorWrittenThrough) {
  const fs::path target = root / "target", file = root / "entry";
  ASSERT_EQ(0, CacheFile(target).write(kKey, kBody)); // intact, right key
  const std::string targetBytes = readBytes(target);
  fs::create_symlink(target, file);
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  ASSERT_EQ(0, CacheFile(file).write(kKey, "new body"));
  EXPECT_FALSE(fs::is_symlink(file)); // the link itself was replaced
  EXPECT_EQ(targetBytes, readBytes(target));
  std::string body;
  EXPECT_EQ(Status::Found, readStatus(file, kKey, &body));
  EXPECT_EQ("new body", body);
}

TEST_F(CacheFileTest, DirectoryInTheWayIsRefusedAndLeftAlone) {
  const fs::path file = root / "entry";
  fs::create_directories(file / "inside");
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  EXPECT_NE(0, CacheFile(file).write(kKey, kBody));
  EXPECT_TRUE(fs::is_directory(file / "inside"));
  EXPECT_EQ(1u, entriesIn(root)); // no temporary left behind
}

TEST_F(CacheFileTest, FileOfAnotherUserIsRefusedAndReplaced) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root to give a file away";
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  ASSERT_EQ(0, ::chown(file.c_str(), 65534, 65534));
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  EXPECT_EQ(Status::Found, readStatus(file, kKey));
}

TEST_F(CacheFileTest, FileOthersMayWriteIsRefused) {
  const fs::path file = root / "entry";
  ASSERT_EQ(0, CacheFile(file).write(kKey, kBody));
  ASSERT_EQ(0, ::chmod(file.c_str(), 0620));
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  ASSERT_EQ(0, ::chmod(file.c_str(), 0602));
  EXPECT_EQ(Status::Unusable, readStatus(file, kKey));
  ASSERT_EQ(0, ::chmod(file.c_str(), 0644)); // others may read: not a risk
  EXPECT_EQ(Status::Found, readStatus(file, kKey));
}

TEST_F(CacheFileTest, FilesAre0600AndCreatedDirectories0700WhateverTheUmask) {
  const mode_t saved = ::umask(0);
  const fs::path file = root / "a" / "b" / "entry";
  const int written = CacheFile(file).write(kKey, kBody);
  ::umask(saved);
  ASSERT_EQ(0, written);
  EXPECT_EQ(0600u, modeOf(file));
  EXPECT_EQ(0700u, modeOf(root / "a"));
  EXPECT_EQ(0700u, modeOf(root / "a" / "b"));
  EXPECT_EQ(1u, entriesIn(root / "a" / "b")); // no temporary left behind
}

// Readers racing writers see a whole file, old or new, never a mix.
TEST_F(CacheFileTest, ConcurrentWritersReplaceTheFileAtomically) {
  const fs::path file = root / "entry";
  const std::string bodies[2] = {std::string(200000, 'a'), std::string(300000, 'b')};
  ASSERT_EQ(0, CacheFile(file).write(kKey, bodies[0]));
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::vector<std::thread> writers;
  for (int i = 0; i < 2; ++i)
    writers.emplace_back([&, i] {
      while (!stop)
        if (CacheFile(file).write(kKey, bodies[i]) != 0)
          ++failures;
    });
  int found = 0, whole = 0;
  for (int read = 0; read < 300; ++read) {
    std::string body;
    if (readStatus(file, kKey, &body) == Status::Found) {
      ++found;
      whole += body == bodies[0] || body == bodies[1];
    }
  }
  stop = true;
  for (std::thread &writer : writers)
    writer.join();
  EXPECT_EQ(300, found);
  EXPECT_EQ(300, whole);
  EXPECT_EQ(0, failures.load());
  EXPECT_EQ(1u, entriesIn(root));
}

// --- The cache directory.

TEST_F(CacheFileTest, CacheDirectoryIsCreatedPrivate) {
  const mode_t saved = ::umask(0);
  const fs::path programs = cucl::cacheDirectory("programs");
  ::umask(saved);
  EXPECT_EQ(root / "xdg" / "cucl" / "programs", programs);
  for (const fs::path &directory : {root / "xdg", root / "xdg" / "cucl", programs})
    EXPECT_EQ(0700u, modeOf(directory)) << directory;
}

TEST_F(CacheFileTest, CacheDirectoryOthersMayWriteIsNotUsed) {
  const fs::path base = cucl::cacheDirectory();
  ASSERT_EQ(root / "xdg" / "cucl", base);
  ASSERT_EQ(0, ::chmod(base.c_str(), 0777));
  EXPECT_TRUE(cucl::cacheDirectory().empty());
  EXPECT_TRUE(cucl::cacheDirectory("programs").empty());
  ASSERT_EQ(0, ::chmod(base.c_str(), 0750));
  EXPECT_EQ(base, cucl::cacheDirectory());
  const fs::path programs = cucl::cacheDirectory("programs");
  ASSERT_EQ(0, ::chmod(programs.c_str(), 0730));
  EXPECT_TRUE(cucl::cacheDirectory("programs").empty());
  EXPECT_EQ(base, cucl::cacheDirectory()); // the rest of the cache stays usable
}

TEST_F(CacheFileTest, CacheDirectoryOfAnotherUserIsNotUsed) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root to give a directory away";
  const fs::path base = cucl::cacheDirectory();
  ASSERT_FALSE(base.empty());
  ASSERT_EQ(0, ::chown(base.c_str(), 65534, 65534));
  EXPECT_TRUE(cucl::cacheDirectory().empty());
}

TEST_F(CacheFileTest, CacheDirectoryThatIsAFileIsNotUsed) {
  fs::create_directories(root / "xdg");
  writeBytes(root / "xdg" / "cucl", "not a directory");
  EXPECT_TRUE(cucl::cacheDirectory().empty());
  EXPECT_TRUE(cucl::cacheDirectory("programs").empty());
}
