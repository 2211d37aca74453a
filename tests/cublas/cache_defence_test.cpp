// A damaged program cache never breaks cuBLAS (issue 9): a process fills a
// fresh cache directory with the binaries of the programs its cuBLAS calls
// build; each file then gets another program's body under its own header
// (the header's sizes adjusted, so only the checksum can tell); a later
// process must still compute correct results, and rewrite the files so that
// a third one loads them. Each run is a child process (this executable,
// running the disabled test below), as separate program runs are. Also the
// cache part of the interop API (__cuclGetProgram and friends).
#include "blas_test_support.h"

#include <cucl/opencl_interop.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace blastest;

namespace {

// The child's work: saxpy (level-1 program), sgemv (gemv program) and sgemm
// (a GEMM program), checked exactly (small integers).
void runCublasCalls() {
  cublasHandle_t handle = nullptr;
  CUBLAS_OK(cublasCreate(&handle));
  const int n = 8;
  std::vector<float> a(n * n), x(n), y(n, 1.0f);
  for (int i = 0; i < n * n; ++i)
    a[i] = float(i % 5 - 2);
  for (int i = 0; i < n; ++i)
    x[i] = float(i - 3);
  DeviceArray<float> dA(a), dX(x), dY(y), dC(std::vector<float>(n * n, 0.0f));
  const float two = 2.0f, one = 1.0f, zero = 0.0f;

  CUBLAS_OK(cublasSaxpy(handle, n, &two, dX.get(), 1, dY.get(), 1));
  std::vector<float> saxpy = dY.download();
  for (int i = 0; i < n; ++i)
    EXPECT_EQ(2.0f * x[i] + 1.0f, saxpy[i]) << i;

  CUBLAS_OK(
      cublasSgemv(handle, CUBLAS_OP_N, n, n, &one, dA.get(), n, dX.get(), 1, &zero, dY.get(), 1));
  std::vector<float> gemv = dY.download();
  for (int r = 0; r < n; ++r) {
    float expected = 0;
    for (int c = 0; c < n; ++c)
      expected += a[r + c * n] * x[c];
    EXPECT_EQ(expected, gemv[r]) << r;
  }

  CUBLAS_OK(cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, n, n, &one, dA.get(), n, dA.get(), n,
                        &zero, dC.get(), n));
  std::vector<float> gemm = dC.download();
  for (int r = 0; r < n; ++r)
    for (int c = 0; c < n; ++c) {
      float expected = 0;
      for (int k = 0; k < n; ++k)
        expected += a[r + k * n] * a[k + c * n];
      EXPECT_EQ(expected, gemm[r + c * n]) << r << "," << c;
    }
  EXPECT_EQ(CUBLAS_STATUS_SUCCESS, cublasDestroy(handle));
}

std::string readBytes(const fs::path &file) {
  std::ifstream in(file, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs the child test with XDG_CACHE_HOME=root and CUCL_VERBOSE=1; true when
// it ran and passed. Its output lands in root/child.log.
bool runChild(const fs::path &root, std::string *log) {
  const fs::path marker = root / "child-passed", output = root / "child.log";
  fs::remove(marker);
  pid_t pid = ::fork();
  if (pid == 0) {
    ::setenv("XDG_CACHE_HOME", root.c_str(), 1);
    ::setenv("CUCL_VERBOSE", "1", 1);
    ::setenv("CUCL_CACHE_DEFENCE_MARKER", marker.c_str(), 1);
    std::freopen(output.c_str(), "w", stderr);
    ::dup2(::fileno(stderr), STDOUT_FILENO);
    ::execl("/proc/self/exe", "cache_defence_child",
            "--gtest_filter=CacheDefenceChild.DISABLED_RunsCublas",
            "--gtest_also_run_disabled_tests", static_cast<char *>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  if (pid < 0 || ::waitpid(pid, &status, 0) != pid)
    return false;
  *log = readBytes(output);
  return WIFEXITED(status) && WEXITSTATUS(status) == 0 && fs::exists(marker);
}

std::size_t count(const std::string &text, const std::string &what) {
  std::size_t found = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
    ++found;
  return found;
}

} // namespace

TEST(CacheDefenceChild, DISABLED_RunsCublas) {
  ASSERT_NO_FATAL_FAILURE(runCublasCalls());
  if (!HasFailure())
    if (const char *marker = std::getenv("CUCL_CACHE_DEFENCE_MARKER"))
      std::ofstream(marker) << "passed\n";
}

TEST(CacheDefence, ForeignBodiesUnderValidHeadersAreRebuiltAndCublasStillWorks) {
  char pattern[] = "/tmp/cucl-cache-defence-XXXXXX";
  ASSERT_NE(nullptr, ::mkdtemp(pattern));
  const fs::path root = pattern, programs = root / "cucl" / "programs";
  std::string log;

  ASSERT_TRUE(runChild(root, &log)) << log;
  std::map<fs::path, std::string> files;
  for (const auto &entry : fs::directory_iterator(programs))
    files[entry.path()] = readBytes(entry.path());
  ASSERT_GE(files.size(), 3u) << log; // level 1, gemv, GEMM

  // Each file: its own header and key, the next file's body.
  std::map<fs::path, std::string> damaged;
  for (auto it = files.begin(); it != files.end(); ++it) {
    auto next = std::next(it) == files.end() ? files.begin() : std::next(it);
    std::size_t keyBytes = 0, bodyBytes = 0, nextKey = 0, nextBody = 0;
    char checksum[21] = {}, ignored[21] = {};
    ASSERT_EQ(3, std::sscanf(it->second.c_str(), "cucl-cache 1 %zu %zu %20s", &keyBytes, &bodyBytes,
                             checksum));
    ASSERT_EQ(3, std::sscanf(next->second.c_str(), "cucl-cache 1 %zu %zu %20s", &nextKey, &nextBody,
                             ignored));
    const std::size_t keyAt = it->second.find('\n') + 1;
    const std::string key = it->second.substr(keyAt, keyBytes);
    const std::string body = next->second.substr(next->second.size() - nextBody);
    const std::string bytes = "cucl-cache 1 " + std::to_string(keyBytes) + " " +
                              std::to_string(body.size()) + " " + checksum + "\n" + key + "\n" +
                              body;
    std::ofstream(it->first, std::ios::binary | std::ios::trunc) << bytes;
    damaged[it->first] = bytes;
  }

  ASSERT_TRUE(runChild(root, &log)) << log;
  EXPECT_EQ(files.size(), count(log, "its checksum does not match")) << log;
  EXPECT_EQ(0u, count(log, "program cache: loaded")) << log;
  for (const auto &[file, bytes] : damaged)
    EXPECT_NE(bytes, readBytes(file)) << "not rewritten: " << file;

  // The rewritten files serve the next run: nothing is built from source.
  ASSERT_TRUE(runChild(root, &log)) << log;
  EXPECT_EQ(files.size(), count(log, "program cache: loaded")) << log;
  EXPECT_EQ(0u, count(log, "built from source")) << log;

  std::error_code ignored;
  fs::remove_all(root, ignored);
}

// The cache part of the interop API libcublas goes through.
TEST(CacheInterop, GetProgramBuildsOrReportsTheDriversLog) {
  const char *good = "__kernel void k(__global int *p) { p[0] = 1; }";
  const char *broken = "__kernel void k(__global int *p) { p[0] = missing; }";
  cl_program program = nullptr;
  cl_int status = CL_SUCCESS;
  char *log = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, __cuclGetProgram(0, nullptr, "", &program, &status, &log));
  EXPECT_EQ(cudaErrorInvalidValue, __cuclGetProgram(0, good, nullptr, &program, &status, &log));
  EXPECT_EQ(cudaErrorInvalidValue, __cuclGetProgram(0, good, "", nullptr, &status, &log));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetProgram(99, good, "", &program, &status, &log));

  ASSERT_EQ(cudaErrorInvalidPtx, __cuclGetProgram(0, broken, "", &program, &status, &log));
  EXPECT_NE(CL_SUCCESS, status);
  ASSERT_NE(nullptr, log);
  EXPECT_NE(nullptr, std::strstr(log, "missing")) << log;
  std::free(log);

  ASSERT_EQ(cudaSuccess, __cuclGetProgram(0, good, "-cl-std=CL1.2", &program, &status, nullptr));
  ASSERT_NE(nullptr, program);
  cl_int created = CL_SUCCESS;
  cl_kernel kernel = clCreateKernel(program, "k", &created);
  EXPECT_EQ(CL_SUCCESS, created);
  clReleaseKernel(kernel);
  EXPECT_EQ(CL_SUCCESS, clReleaseProgram(program)); // the caller's reference
}

TEST(CacheInterop, DeviceKeyAndDirectory) {
  const char *key = nullptr;
  EXPECT_EQ(cudaErrorInvalidValue, __cuclGetDeviceCacheKey(0, nullptr));
  EXPECT_EQ(cudaErrorInvalidDevice, __cuclGetDeviceCacheKey(99, &key));
  ASSERT_EQ(cudaSuccess, __cuclGetDeviceCacheKey(0, &key));
  EXPECT_EQ(3, std::count(key, key + std::strlen(key), '|')) << key;

  char pattern[] = "/tmp/cucl-cache-interop-XXXXXX";
  ASSERT_NE(nullptr, ::mkdtemp(pattern));
  const std::string expected = std::string(pattern) + "/cucl";
  ::setenv("XDG_CACHE_HOME", pattern, 1);
  char small[4] = "abc";
  EXPECT_EQ(expected.size(), __cuclGetCacheDirectory(small, sizeof(small)));
  EXPECT_STREQ("abc", small); // too small: untouched
  std::vector<char> path(expected.size() + 1);
  EXPECT_EQ(expected.size(), __cuclGetCacheDirectory(path.data(), path.size()));
  EXPECT_EQ(expected, path.data());
  ::chmod(expected.c_str(), 0777); // others may write: no directory
  EXPECT_EQ(0u, __cuclGetCacheDirectory(path.data(), path.size()));
  std::error_code ignored;
  fs::remove_all(pattern, ignored);
}
