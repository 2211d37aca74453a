// White-box tests of the program cache (linked statically, with its own
// OpenCL context): memory hits, binaries found on disk after the memory cache
// is cleared (as a new process would), rebuilds of corrupt, stale, foreign or
// unsafe files (never followed, never blocked on), the cache directory's
// location and modes, build failures, and translated modules that a warm
// start loads instead of building.
#include "test_kernels.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <unistd.h>

#include "core/cache_directory.h"
#include "core/cache_file.h"
#include "core/device_registry.h"
#include "core/program_cache.h"

namespace fs = std::filesystem;
using cucl::CacheFile;
using cucl::ProgramCache;

namespace {

const char *kSource = R"CL(
__kernel void fill(__global int *out, int value) { out[get_global_id(0)] = value + (int)get_global_id(0); }
)CL";

// Another program: its binary has no fill().
const char *kOtherSource = R"CL(
__kernel void twice(__global int *out) { out[get_global_id(0)] *= 2; }
)CL";

std::string readBytes(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

void writeBytes(const fs::path &file, const std::string &bytes) {
  std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes;
}

// Where a cache file's body starts: after "cucl-cache 1 <key> <body> <sum>\n",
// the key and a newline.
std::size_t bodyOffset(const std::string &file) {
  std::size_t keyBytes = 0;
  EXPECT_EQ(1, std::sscanf(file.c_str(), "cucl-cache 1 %zu ", &keyBytes)) << file.substr(0, 80);
  return file.find('\n') + 1 + keyBytes + 1;
}

mode_t modeOf(const fs::path &path) {
  struct stat info {};
  EXPECT_EQ(0, ::lstat(path.c_str(), &info)) << path;
  return info.st_mode & 07777;
}

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
public: // also for the helpers below
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
  EXPECT_EQ(fs::path(root) / "cucl", cucl::cacheDirectory());
  EXPECT_TRUE(fs::is_directory(fs::path(root) / "cucl"));
  setenv("XDG_CACHE_HOME", "relative/is/ignored", 1);
  std::string home = root + "/home";
  setenv("HOME", home.c_str(), 1);
  EXPECT_EQ(fs::path(home) / ".cache" / "cucl", cucl::cacheDirectory());
  unsetenv("XDG_CACHE_HOME");
  EXPECT_EQ(fs::path(home) / ".cache" / "cucl", cucl::cacheDirectory());
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

// --- Defences: every damaged, foreign or unsafe file is ignored, rebuilt
// from source and replaced; none is followed or blocks.

namespace {

// Builds kSource into a fresh cache, then damages its file with `damage`;
// the next get() (as a new process) must build from source, run, and leave
// a file the get() after that loads from disk.
void expectRebuiltAfter(ProgramCacheTest &test, ProgramCache &cache,
                        const std::function<void(const fs::path &)> &damage) {
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  const fs::path file = cache.diskPath(kSource, "");
  ASSERT_TRUE(fs::is_regular_file(file));
  damage(file);
  const ProgramCache::Stats before = cache.stats();
  cache.clearMemory();
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  EXPECT_EQ(before.sourceBuilds + 1, cache.stats().sourceBuilds);
  EXPECT_EQ(before.diskHits, cache.stats().diskHits);
  test.expectRuns(program);
  EXPECT_TRUE(fs::is_regular_file(fs::symlink_status(file))) << "not replaced: " << file;
  cache.clearMemory();
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  EXPECT_EQ(before.diskHits + 1, cache.stats().diskHits);
  test.expectRuns(program);
}

} // namespace

// The issue's case: a file with another program's body under this
// program's (valid) header must not be loaded.
TEST_F(ProgramCacheTest, ForeignBodyUnderAValidHeaderIsRebuilt) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program other;
  ASSERT_EQ(CL_SUCCESS, cache.get(kOtherSource, "", &other));
  const std::string otherFile = readBytes(cache.diskPath(kOtherSource, ""));
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    // This file's header and key, its body size set to the other body's: only
    // the checksum can tell.
    const std::string bytes = readBytes(file);
    const std::string body = otherFile.substr(bodyOffset(otherFile));
    std::size_t keyBytes = 0, bodyBytes = 0;
    char checksum[21] = {};
    ASSERT_EQ(3, std::sscanf(bytes.c_str(), "cucl-cache 1 %zu %zu %20s", &keyBytes, &bodyBytes,
                             checksum));
    const std::string key = bytes.substr(bytes.find('\n') + 1, keyBytes);
    writeBytes(file, "cucl-cache 1 " + std::to_string(keyBytes) + " " +
                         std::to_string(body.size()) + " " + checksum + "\n" + key + "\n" + body);
  });
}

// An intact file written for another key (another program's whole file).
TEST_F(ProgramCacheTest, FileOfAnotherProgramIsRebuilt) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program other;
  ASSERT_EQ(CL_SUCCESS, cache.get(kOtherSource, "", &other));
  const fs::path otherPath = cache.diskPath(kOtherSource, "");
  expectRebuiltAfter(*this, cache,
                     [&](const fs::path &file) { writeBytes(file, readBytes(otherPath)); });
}

TEST_F(ProgramCacheTest, ChecksumMismatchIsRebuilt) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    std::string bytes = readBytes(file);
    std::size_t body = bodyOffset(bytes);
    ASSERT_LT(body, bytes.size());
    bytes[body + (bytes.size() - body) / 2] ^= 0x01;
    writeBytes(file, bytes);
  });
}

TEST_F(ProgramCacheTest, TruncatedFileIsRebuilt) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  expectRebuiltAfter(*this, cache,
                     [&](const fs::path &file) { fs::resize_file(file, fs::file_size(file) - 1); });
}

// A FIFO is never opened for reading (it would block until a writer came).
TEST_F(ProgramCacheTest, FifoInPlaceOfAFileDoesNotBlock) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  ::alarm(100); // a blocked read ends the process: the test fails
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    fs::remove(file);
    ASSERT_EQ(0, ::mkfifo(file.c_str(), 0600));
  });
  ::alarm(0);
}

// A symbolic link is neither read through nor written through, even when
// it points at an intact cache file of this very program.
TEST_F(ProgramCacheTest, SymlinkInPlaceOfAFileIsNotFollowed) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  const fs::path target = fs::path(root) / "elsewhere.bin";
  std::string targetBytes;
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    fs::copy_file(file, target);
    targetBytes = readBytes(target);
    fs::remove(file);
    fs::create_symlink(target, file);
  });
  EXPECT_EQ(targetBytes, readBytes(target)); // unchanged
}

TEST_F(ProgramCacheTest, FileOfAnotherUserIsRebuilt) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root to give a file away";
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    ASSERT_EQ(0, ::chown(file.c_str(), 65534, 65534));
  });
  struct stat info {};
  ASSERT_EQ(0, ::stat(cache.diskPath(kSource, "").c_str(), &info));
  EXPECT_EQ(::geteuid(), info.st_uid);
}

TEST_F(ProgramCacheTest, FileOthersMayWriteIsRebuilt) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    fs::permissions(file, fs::perms::others_write, fs::perm_options::add);
  });
  EXPECT_EQ(0600u, modeOf(cache.diskPath(kSource, "")));
}

TEST_F(ProgramCacheTest, DirectoryInPlaceOfAFileIsSkipped) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program program;
  const fs::path file = cache.diskPath(kSource, "");
  fs::create_directories(file / "inside");
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  expectRuns(program);
  EXPECT_TRUE(fs::is_directory(file / "inside")); // left alone; nothing left beside it
  for (const auto &entry : fs::directory_iterator(file.parent_path()))
    EXPECT_EQ(file, entry.path());
}

// Valid checksum and key, but a body the driver rejects: a source build
// replaces it.
TEST_F(ProgramCacheTest, CorruptStoredBinaryFallsBackToARebuild) {
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  const std::string key = cache.diskKey(kSource, "");
  expectRebuiltAfter(*this, cache, [&](const fs::path &file) {
    ASSERT_EQ(0, CacheFile(file).write(key, "not a binary of any driver"));
  });
  std::optional<std::string> stored = CacheFile(cache.diskPath(kSource, "")).read(key);
  ASSERT_TRUE(stored);
  EXPECT_NE("not a binary of any driver", *stored);
}

// --- The cache directory: created private, not used when others may write.

TEST_F(ProgramCacheTest, CreatedDirectoriesAre0700AndFiles0600) {
  const mode_t saved = ::umask(0); // modes must not depend on the umask
  const fs::path fresh = fs::path(root) / "fresh";
  setenv("XDG_CACHE_HOME", (fresh / "xdg").c_str(), 1);
  ProgramCache &cache = ProgramCache::forDevice(context, device);
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  ::umask(saved);
  const fs::path file = cache.diskPath(kSource, "");
  ASSERT_EQ(fresh / "xdg" / "cucl" / "programs", file.parent_path());
  for (const fs::path &directory :
       {fresh, fresh / "xdg", fresh / "xdg" / "cucl", file.parent_path()})
    EXPECT_EQ(0700u, modeOf(directory)) << directory;
  EXPECT_EQ(0600u, modeOf(file));
}

namespace {

// With the cache directory untrusted, nothing is read or written there.
void expectDiskCacheOff(ProgramCacheTest &test, ProgramCache &cache, const fs::path &programs) {
  const std::size_t before =
      std::distance(fs::directory_iterator(programs), fs::directory_iterator());
  EXPECT_TRUE(cache.diskPath(kSource, "").empty());
  cl::Program program;
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  test.expectRuns(program);
  cache.clearMemory();
  ASSERT_EQ(CL_SUCCESS, cache.get(kSource, "", &program));
  EXPECT_EQ(2u, cache.stats().sourceBuilds);
  EXPECT_EQ(0u, cache.stats().diskHits);
  EXPECT_EQ(before, static_cast<std::size_t>(
                        std::distance(fs::directory_iterator(programs), fs::directory_iterator())));
}

} // namespace

TEST_F(ProgramCacheTest, WorldWritableCacheDirectoryIsNotUsed) {
  const fs::path programs = cucl::cacheDirectory("programs");
  ASSERT_FALSE(programs.empty());
  // A planted file the cache would otherwise load.
  ASSERT_EQ(0, ::chmod(programs.parent_path().c_str(), 0777));
  expectDiskCacheOff(*this, ProgramCache::forDevice(context, device), programs);
  EXPECT_TRUE(cucl::cacheDirectory().empty());
}

TEST_F(ProgramCacheTest, GroupWritableProgramsDirectoryIsNotUsed) {
  const fs::path programs = cucl::cacheDirectory("programs");
  ASSERT_FALSE(programs.empty());
  ASSERT_EQ(0, ::chmod(programs.c_str(), 0770));
  expectDiskCacheOff(*this, ProgramCache::forDevice(context, device), programs);
}

TEST_F(ProgramCacheTest, CacheDirectoryOfAnotherUserIsNotUsed) {
  if (::geteuid() != 0)
    GTEST_SKIP() << "needs root to give a directory away";
  const fs::path programs = cucl::cacheDirectory("programs");
  ASSERT_FALSE(programs.empty());
  ASSERT_EQ(0, ::chown(programs.parent_path().c_str(), 65534, 65534));
  expectDiskCacheOff(*this, ProgramCache::forDevice(context, device), programs);
}

// --- Translated modules: libcudart keeps their binaries in the same cache.

namespace {

const char kModuleSource[] = R"CL(
#define DEVICE_PTR(T, name) __global T *name = (__global T *)((__global char *)name##__base + name##__off)
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 0
__kernel void fill(__global int *p__base, ulong p__off, int value) {
  DEVICE_PTR(int, p);
  p[get_global_id(0)] = value + (int)get_global_id(0);
}
#endif
#if !defined(CUCL_ONLY_KERNEL) || CUCL_ONLY_KERNEL == 1
__kernel void rejected(__global int *p__base, ulong p__off) { BROKEN_PART }
#endif
)CL";

// The runtime's program cache of the current device.
ProgramCache &runtimeCache() {
  cucl::Device *device = nullptr;
  EXPECT_EQ(cudaSuccess, cucl::deviceAt(0, &device));
  return ProgramCache::forDevice(device->context(), device->clDevice());
}

// Registers kModuleSource as a new module (as a new process would) with
// BROKEN_PART replaced by `broken`, and runs its fill() through `stub`.
void registerAndRunFill(const char *stub, const std::string &broken) {
  static std::vector<std::string> *sources = new std::vector<std::string>; // outlive the modules
  std::string source = kModuleSource;
  source.replace(source.find("BROKEN_PART"), 11, broken);
  sources->push_back(source);
  void **module = test_kernels::registerModuleSource("cache_module.cl", sources->back().c_str());
  cuclKernelArgInfo args[] = {test_kernels::kPtr, test_kernels::kInt};
  __cuclRegisterKernel(module, stub, "fill", 2, args, 0);
  __cuclRegisterKernel(module, stub + 1, "rejected", 1, args, 0);

  int *device = nullptr;
  CUDA_OK(cudaMalloc(&device, 4 * sizeof(int)));
  int value = 10;
  void *launchArgs[] = {&device, &value};
  CUDA_OK(cudaLaunchKernel(stub, dim3(1), dim3(4), launchArgs, 0, nullptr));
  std::vector<int> host(4);
  CUDA_OK(cudaMemcpy(host.data(), device, 4 * sizeof(int), cudaMemcpyDeviceToHost));
  EXPECT_EQ((std::vector<int>{10, 11, 12, 13}), host);
  CUDA_OK(cudaFree(device));
}

} // namespace

TEST_F(ProgramCacheTest, WarmStartOfATranslatedModuleBuildsNothing) {
  static const char stubs[4] = {};
  ProgramCache &cache = runtimeCache();
  const ProgramCache::Stats cold = cache.stats();
  ASSERT_NO_FATAL_FAILURE(registerAndRunFill(&stubs[0], "p__base[0] = 0;"));
  EXPECT_EQ(cold.sourceBuilds + 1, cache.stats().sourceBuilds);
  EXPECT_EQ(1, std::distance(fs::directory_iterator(cucl::cacheDirectory("programs")),
                             fs::directory_iterator()));

  cache.clearMemory(); // a new process: same module, nothing in memory
  ASSERT_NO_FATAL_FAILURE(registerAndRunFill(&stubs[2], "p__base[0] = 0;"));
  EXPECT_EQ(cold.sourceBuilds + 1, cache.stats().sourceBuilds);
  EXPECT_EQ(cold.diskHits + 1, cache.stats().diskHits);
}

// A driver that rejects the whole module builds the launched kernel alone
// (-DCUCL_ONLY_KERNEL=<index>): a cache entry of its own, loaded next time.
TEST_F(ProgramCacheTest, KernelBuiltAloneIsCachedUnderItsOptions) {
  static const char stubs[4] = {};
  ProgramCache &cache = runtimeCache();
  const ProgramCache::Stats cold = cache.stats();
  ASSERT_NO_FATAL_FAILURE(registerAndRunFill(&stubs[0], "this does not compile"));
  EXPECT_EQ(cold.sourceBuilds + 1, cache.stats().sourceBuilds); // the kernel alone

  cache.clearMemory();
  ASSERT_NO_FATAL_FAILURE(registerAndRunFill(&stubs[2], "this does not compile"));
  EXPECT_EQ(cold.sourceBuilds + 1, cache.stats().sourceBuilds);
  EXPECT_EQ(cold.diskHits + 1, cache.stats().diskHits);
}
