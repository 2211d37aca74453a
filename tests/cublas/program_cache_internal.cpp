// White-box tests of the program cache (linked statically, with its own
// OpenCL context): memory hits, binaries found on disk after the memory cache
// is cleared (as a new process would), rebuilds of corrupt or stale files,
// the cache directory's location, and build failures.
#include "core/program_cache.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using cucl::blas::ProgramCache;

namespace {

const char *kSource = R"CL(
__kernel void fill(__global int *out, int value) { out[get_global_id(0)] = value + (int)get_global_id(0); }
)CL";

// One temporary root per process, removed after the last test: the OpenCL
// driver may put its own cache under the first test's XDG_CACHE_HOME and keep
// using it, so no directory is removed while tests still run.
class TemporaryRoot : public ::testing::Environment {
public:
  static std::string &path() {
    static std::string root;
    return root;
  }
  void SetUp() override {
    char pattern[] = "/tmp/cucl-program-cache-XXXXXX";
    ASSERT_NE(nullptr, mkdtemp(pattern));
    path() = pattern;
  }
  void TearDown() override {
    std::error_code ignored;
    fs::remove_all(path(), ignored);
  }
};
const auto *const kRoot = ::testing::AddGlobalTestEnvironment(new TemporaryRoot);

// Sets an environment variable for one test and restores it afterwards.
class ScopedEnvironment {
public:
  explicit ScopedEnvironment(const char *name) : name_(name) {
    const char *value = std::getenv(name);
    had_ = value != nullptr;
    if (had_)
      saved_ = value;
  }
  ~ScopedEnvironment() {
    if (had_)
      setenv(name_, saved_.c_str(), 1);
    else
      unsetenv(name_);
  }

private:
  const char *name_;
  bool had_ = false;
  std::string saved_;
};

class ProgramCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    const char *disabled = std::getenv("CUCL_PROGRAM_CACHE");
    if (disabled != nullptr && std::string(disabled) == "0")
      GTEST_SKIP() << "disk cache disabled in this run";
    // A fresh cache directory per test.
    root = TemporaryRoot::path() + "/" +
           ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::create_directories(root);
    setenv("XDG_CACHE_HOME", root.c_str(), 1);
    openDevice();
  }

  void openDevice() {
    std::vector<cl::Platform> platforms;
    ASSERT_EQ(CL_SUCCESS, cl::Platform::get(&platforms));
    ASSERT_FALSE(platforms.empty());
    std::vector<cl::Device> devices;
    ASSERT_EQ(CL_SUCCESS, platforms[0].getDevices(CL_DEVICE_TYPE_ALL, &devices));
    ASSERT_FALSE(devices.empty());
    device = devices[0];
    cl_int status = CL_SUCCESS;
    // A context of its own: a fresh ProgramCache with an empty memory cache.
    context = cl::Context(device, nullptr, nullptr, nullptr, &status);
    ASSERT_EQ(CL_SUCCESS, status);
  }

  // Runs fill() from `program` and checks what it wrote.
  void expectRuns(const cl::Program &program) {
    cl_int status = CL_SUCCESS;
    cl::Kernel kernel(program, "fill", &status);
    ASSERT_EQ(CL_SUCCESS, status);
    cl::Buffer out(context, CL_MEM_READ_WRITE, 4 * sizeof(int));
    kernel.setArg(0, out);
    kernel.setArg(1, 10);
    cl::CommandQueue queue(context, device);
    ASSERT_EQ(CL_SUCCESS, queue.enqueueNDRangeKernel(kernel, cl::NullRange, cl::NDRange(4)));
    std::vector<int> values(4);
    ASSERT_EQ(CL_SUCCESS, queue.enqueueReadBuffer(out, CL_TRUE, 0, 4 * sizeof(int), values.data()));
    EXPECT_EQ((std::vector<int>{10, 11, 12, 13}), values);
  }

  ScopedEnvironment xdg{"XDG_CACHE_HOME"}, home{"HOME"};
  std::string root;
  cl::Context context;
  cl::Device device;
};

} // namespace

TEST_F(ProgramCacheTest, CacheDirectoryFollowsXdgThenHome) {
  EXPECT_EQ(fs::path(root) / "cucl", cucl::blas::cacheDirectory());
  EXPECT_TRUE(fs::is_directory(fs::path(root) / "cucl"));
  setenv("XDG_CACHE_HOME", "relative/is/ignored", 1);
  std::string home = root + "/home";
  setenv("HOME", home.c_str(), 1);
  EXPECT_EQ(fs::path(home) / ".cache" / "cucl", cucl::blas::cacheDirectory());
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(fs::path(home) / ".cache" / "cucl", cucl::blas::cacheDirectory());
}

TEST_F(ProgramCacheTest, DeviceKeyNamesPlatformDeviceVendorAndDriver) {
  const std::string &key = ProgramCache::forDevice(context, device).deviceKey();
  std::size_t separators = 0;
  for (std::size_t at = key.find(" | "); at != std::string::npos; at = key.find(" | ", at + 1))
    ++separators;
  EXPECT_EQ(3u, separators) << key;
  EXPECT_NE(std::string::npos, key.find(device.getInfo<CL_DEVICE_NAME>())) << key;
}

TEST_F(ProgramCacheTest, SecondBuildComesFromMemoryThenFromDisk) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  EXPECT_EQ(&cache, &ProgramCache::forDevice(context, device));
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "-cl-std=CL1.2", &program));
  EXPECT_EQ(1u, cache.stats().sourceBuilds);
  fs::path file = cache.diskPath(kSource, "-cl-std=CL1.2");
  ASSERT_FALSE(file.empty());
  EXPECT_EQ(fs::path(root) / "cucl" / "programs", file.parent_path());
  EXPECT_TRUE(fs::is_regular_file(file));
  expectRuns(program);

  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "-cl-std=CL1.2", &program));
  EXPECT_EQ(1u, cache.stats().memoryHits);

  cache.clearMemory(); // as a new process starts
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "-cl-std=CL1.2", &program));
  EXPECT_EQ(1u, cache.stats().diskHits);
  EXPECT_EQ(1u, cache.stats().sourceBuilds);
  expectRuns(program);

  // Other options are another program, in another file.
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "-cl-std=CL1.2 -DUNUSED=1", &program));
  EXPECT_EQ(2u, cache.stats().sourceBuilds);
  EXPECT_NE(file, cache.diskPath(kSource, "-cl-std=CL1.2 -DUNUSED=1"));
  // No temporary files are left behind.
  std::size_t entries = 0;
  for (const auto &entry : fs::directory_iterator(file.parent_path())) {
    EXPECT_EQ(".bin", entry.path().extension()) << entry.path();
    ++entries;
  }
  EXPECT_EQ(2u, entries);
}

TEST_F(ProgramCacheTest, CorruptOrStaleFilesAreRebuiltSilently) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  fs::path file = cache.diskPath(kSource, "");
  ASSERT_TRUE(fs::is_regular_file(file));

  // Each damage: the next get() rebuilds from source and rewrites the file,
  // which the get() after that loads from disk again.
  auto damages = std::vector<std::function<void()>>{
      [&] { std::ofstream(file, std::ios::binary | std::ios::trunc) << "garbage"; },
      [&] { // the header of another program
        std::ofstream(file, std::ios::binary | std::ios::trunc)
            << "CUCLPRG1" << std::string(40, '\x01');
      },
      [&] { fs::resize_file(file, fs::file_size(file) / 2); }, // truncated
  };
  std::size_t builds = cache.stats().sourceBuilds, loads = cache.stats().diskHits;
  for (std::size_t i = 0; i < damages.size(); ++i) {
    SCOPED_TRACE(i);
    damages[i]();
    cache.clearMemory();
    ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
    EXPECT_EQ(++builds, cache.stats().sourceBuilds);
    expectRuns(program);
    cache.clearMemory();
    ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
    EXPECT_EQ(++loads, cache.stats().diskHits);
    expectRuns(program);
  }
}

TEST_F(ProgramCacheTest, BuildErrorsReturnTheDriverLog) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program program;
  std::string log;
  const std::string broken = "__kernel void broken(__global int *out) { out[0] = missing; }";
  EXPECT_NE(CL_SUCCESS, cache.get(broken, "", &program, &log));
  EXPECT_NE(std::string::npos, log.find("missing")) << log;
  EXPECT_FALSE(fs::exists(cache.diskPath(broken, "")));
  EXPECT_EQ(0u, cache.stats().sourceBuilds);
}

// Runs only with CUCL_PROGRAM_CACHE=0 (a ctest entry of its own).
TEST(ProgramCacheDisabled, NothingIsWrittenToDisk) {
  const char *disabled = std::getenv("CUCL_PROGRAM_CACHE");
  if (disabled == nullptr || std::string(disabled) != "0")
    GTEST_SKIP() << "run with CUCL_PROGRAM_CACHE=0";
  std::vector<cl::Platform> platforms;
  ASSERT_EQ(CL_SUCCESS, cl::Platform::get(&platforms));
  std::vector<cl::Device> devices;
  ASSERT_EQ(CL_SUCCESS, platforms.at(0).getDevices(CL_DEVICE_TYPE_ALL, &devices));
  cl::Context context(devices.at(0));
  ProgramCache &cache = ProgramCache::forDevice(context, devices[0]);
  EXPECT_TRUE(cache.diskPath(kSource, "").empty());
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  cache.clearMemory();
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  EXPECT_EQ(2u, cache.stats().sourceBuilds);
  EXPECT_EQ(0u, cache.stats().diskHits);
}
