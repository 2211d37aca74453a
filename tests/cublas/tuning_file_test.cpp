// GEMM tuning files are cache files (runtime/core/cache_file.h, through the
// interop API): private, checksummed, written for one device key; a
// truncated, damaged, foreign or unsafe file (link, FIFO, another user's,
// writable by others) is ignored and replaced by the next save, and without
// a trusted cache directory there is no tuning file at all.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "library_support/program_cache.h"
#include "gemm/gemm_tuning.h"

namespace cucl::blas {
namespace {

namespace fs = std::filesystem;

const std::string kDevice = "Some Platform | some-device | Vendor | 1.2.3";
const GemmKey kKey{DataType::F32, false, true, ShapeClass::Large};

std::string readBytes(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path &file, const std::string &bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

GemmTuning tuningWith(int mr) {
  GemmParams params;
  params.mr = mr;
  GemmTuning tuning;
  tuning.set(kKey, params, 100);
  return tuning;
}

class TuningFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    char pattern[] = "/tmp/cucl-tuning-file-XXXXXX";
    ASSERT_NE(nullptr, ::mkdtemp(pattern));
    root = pattern;
    const char *xdg = std::getenv("XDG_CACHE_HOME");
    hadXdg = xdg != nullptr;
    if (hadXdg)
      savedXdg = xdg;
    ::setenv("XDG_CACHE_HOME", root.c_str(), 1);
  }
  void TearDown() override {
    if (hadXdg)
      ::setenv("XDG_CACHE_HOME", savedXdg.c_str(), 1);
    else
      ::unsetenv("XDG_CACHE_HOME");
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }

  fs::path root;
  bool hadXdg = false;
  std::string savedXdg;
};

TEST_F(TuningFileTest, SavedTuningIsAPrivateChecksummedCacheFile) {
  const fs::path path = tuningFilePath(kDevice);
  ASSERT_EQ(root / "cucl", path.parent_path());
  std::string error;
  ASSERT_TRUE(saveTuningFile(path, kDevice, tuningWith(4), &error)) << error;
  struct stat info {};
  ASSERT_EQ(0, ::stat(path.c_str(), &info));
  EXPECT_EQ(0600u, info.st_mode & 07777);
  const std::string bytes = readBytes(path);
  EXPECT_EQ(0u, bytes.rfind("cucl-cache 1 ", 0)) << bytes;
  EXPECT_NE(std::string::npos, bytes.find("\n" + tuningFileKey(kDevice) + "\n")) << bytes;
  EXPECT_NE(std::string::npos, bytes.find("device = " + kDevice + "\n")) << bytes;
  std::optional<GemmTuning> loaded = loadTuningFile(path, kDevice, &error);
  ASSERT_TRUE(loaded) << error;
  ASSERT_NE(nullptr, loaded->find(kKey));
  EXPECT_EQ(4, loaded->find(kKey)->params.mr);
}

TEST_F(TuningFileTest, DamagedForeignOrUnsafeFilesAreIgnoredAndReplaced) {
  const fs::path path = tuningFilePath(kDevice);
  const fs::path elsewhere = root / "elsewhere.tuning";
  std::string error;
  ASSERT_TRUE(saveTuningFile(elsewhere, kDevice, tuningWith(2), &error)) << error;
  const std::string otherDevice = kDevice + " (newer driver)";
  const fs::path otherPath = root / "other.tuning";
  ASSERT_TRUE(saveTuningFile(otherPath, otherDevice, tuningWith(8), &error)) << error;

  struct Damage {
    const char *name;
    std::function<void()> apply;
    bool needsRoot = false;
  };
  const std::vector<Damage> damages = {
      {"truncated", [&] { fs::resize_file(path, fs::file_size(path) - 3); }},
      {"flipped body byte",
       [&] {
         std::string bytes = readBytes(path);
         bytes[bytes.size() - 4] ^= 0x01;
         writeBytes(path, bytes);
       }},
      {"another device's file", [&] { writeBytes(path, readBytes(otherPath)); }},
      {"plain text without a header",
       [&] { writeBytes(path, "device = " + kDevice + "\nf32 NT large = MR=4\n"); }},
      {"symbolic link to an intact file",
       [&] {
         fs::remove(path);
         fs::create_symlink(elsewhere, path);
       }},
      {"FIFO",
       [&] {
         fs::remove(path);
         ASSERT_EQ(0, ::mkfifo(path.c_str(), 0600));
       }},
      {"writable by others", [&] { ASSERT_EQ(0, ::chmod(path.c_str(), 0666)); }},
      {"another user's", [&] { ASSERT_EQ(0, ::chown(path.c_str(), 65534, 65534)); }, true},
  };
  const std::string elsewhereBytes = readBytes(elsewhere);
  for (const Damage &damage : damages) {
    SCOPED_TRACE(damage.name);
    if (damage.needsRoot && ::geteuid() != 0)
      continue;
    ASSERT_TRUE(saveTuningFile(path, kDevice, tuningWith(4), &error)) << error;
    ASSERT_TRUE(loadTuningFile(path, kDevice, &error));
    damage.apply();
    ::alarm(60); // a blocked read ends the process: the test fails
    error.clear();
    EXPECT_FALSE(loadTuningFile(path, kDevice, &error));
    ::alarm(0);
    EXPECT_FALSE(error.empty());
    // The next save replaces whatever is there.
    ASSERT_TRUE(saveTuningFile(path, kDevice, tuningWith(4), &error)) << error;
    EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(path)));
    std::optional<GemmTuning> loaded = loadTuningFile(path, kDevice, &error);
    ASSERT_TRUE(loaded) << error;
    EXPECT_EQ(4, loaded->find(kKey)->params.mr);
  }
  EXPECT_EQ(elsewhereBytes, readBytes(elsewhere)); // the link's target was never written
}

TEST_F(TuningFileTest, NoTuningFileWithoutATrustedCacheDirectory) {
  ASSERT_EQ(root / "cucl", library::cacheDirectory());
  ASSERT_EQ(0, ::chmod((root / "cucl").c_str(), 0777));
  EXPECT_TRUE(library::cacheDirectory().empty());
  const fs::path path = tuningFilePath(kDevice);
  EXPECT_TRUE(path.empty()) << path;
  std::string error;
  EXPECT_FALSE(saveTuningFile(path, kDevice, tuningWith(4), &error));
  EXPECT_NE(std::string::npos, error.find("no cache directory")) << error;
  EXPECT_FALSE(loadTuningFile(path, kDevice, &error));
}

} // namespace
} // namespace cucl::blas
