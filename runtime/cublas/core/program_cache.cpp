#include "core/program_cache.h"

#include "core/stable_hash.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <memory>
#include <utility>
#include <vector>

#include <unistd.h>

#include "core/diagnostics.h"

namespace cucl::blas {

namespace {

namespace fs = std::filesystem;

// On-disk layout: magic, check hash, binary size, binary bytes.
constexpr char kMagic[8] = {'C', 'U', 'C', 'L', 'P', 'R', 'G', '1'};
constexpr std::size_t kHeaderBytes = sizeof(kMagic) + 2 * sizeof(std::uint64_t);

// Two bases give two independent 64-bit hashes: one names the file, the
// other is stored in it and checked on load.
constexpr std::uint64_t kNameBasis = kFnvBasis;
constexpr std::uint64_t kCheckBasis = 0x6a09e667f3bcc909ull;

bool diskCacheEnabled() {
  static const bool enabled = [] {
    const char *value = std::getenv("CUCL_PROGRAM_CACHE");
    return value == nullptr || std::strcmp(value, "0") != 0;
  }();
  return enabled;
}

std::string infoString(const cl::Device &device, cl_device_info name) {
  std::string value;
  device.getInfo(name, &value);
  // Drivers count the terminating NUL in some strings.
  while (!value.empty() && value.back() == '\0')
    value.pop_back();
  return value;
}

std::string describeDevice(const cl::Device &device) {
  cl_platform_id platformId = nullptr;
  device.getInfo(CL_DEVICE_PLATFORM, &platformId);
  std::string platform;
  if (platformId != nullptr) {
    cl::Platform(platformId).getInfo(CL_PLATFORM_NAME, &platform);
    while (!platform.empty() && platform.back() == '\0')
      platform.pop_back();
  }
  return platform + " | " + infoString(device, CL_DEVICE_NAME) + " | " +
         infoString(device, CL_DEVICE_VENDOR) + " | " + infoString(device, CL_DRIVER_VERSION);
}

std::string hex(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof(text), "%016llx", static_cast<unsigned long long>(value));
  return text;
}

double millisecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
      .count();
}

// A clean build log is whitespace only on most drivers.
bool hasText(const std::string &log) {
  return log.find_first_not_of(" \t\r\n") != std::string::npos;
}

} // namespace

fs::path cacheDirectory() {
  fs::path base;
  const char *xdg = std::getenv("XDG_CACHE_HOME");
  const char *home = std::getenv("HOME");
  // The XDG spec ignores relative paths.
  if (xdg != nullptr && xdg[0] == '/')
    base = fs::path(xdg) / "cucl";
  else if (home != nullptr && home[0] == '/')
    base = fs::path(home) / ".cache" / "cucl";
  else
    return {};
  std::error_code error;
  fs::create_directories(base, error);
  return base;
}

ProgramCache &ProgramCache::forDevice(const cl::Context &context, const cl::Device &device) {
  // Leaked on purpose: OpenCL objects must not be released from static
  // destructors, which may run after the driver has shut down.
  static auto *mutex = new std::mutex;
  static auto *caches = new std::map<std::pair<cl_context, cl_device_id>, ProgramCache *>;
  std::lock_guard<std::mutex> lock(*mutex);
  ProgramCache *&cache = (*caches)[{context(), device()}];
  if (cache == nullptr)
    cache = new ProgramCache(context, device);
  return *cache;
}

ProgramCache::ProgramCache(const cl::Context &context, const cl::Device &device)
    : context_(context), device_(device), deviceKey_(describeDevice(device)) {}

const std::string &ProgramCache::deviceKey() const {
  return deviceKey_;
}
const cl::Context &ProgramCache::context() const {
  return context_;
}
const cl::Device &ProgramCache::device() const {
  return device_;
}

ProgramCache::Stats ProgramCache::stats() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return stats_;
}

void ProgramCache::clearMemory() {
  std::lock_guard<std::mutex> lock(mutex_);
  programs_.clear();
}

fs::path ProgramCache::diskPath(const std::string &source, const std::string &options) const {
  if (!diskCacheEnabled())
    return {};
  fs::path directory = cacheDirectory();
  if (directory.empty())
    return {};
  return directory / "programs" /
         (hex(stableHash({deviceKey_, options, source}, kNameBasis)) + ".bin");
}

cl_int ProgramCache::get(const std::string &source, const std::string &options, cl::Program *out,
                         std::string *log) {
  // One lock for lookups and builds: a program is built once even when
  // several threads ask for it at the same time.
  std::lock_guard<std::mutex> lock(mutex_);
  std::string key = options + '\n' + source;
  auto found = programs_.find(key);
  if (found != programs_.end()) {
    ++stats_.memoryHits;
    *out = found->second;
    return CL_SUCCESS;
  }

  fs::path file = diskPath(source, options);
  std::uint64_t check = stableHash({deviceKey_, options, source}, kCheckBasis);
  cl::Program program;
  if (!file.empty() && loadFromDisk(file, check, options, &program)) {
    ++stats_.diskHits;
    verboseLog("program cache: loaded %s", file.c_str());
    programs_.emplace(std::move(key), program);
    *out = program;
    return CL_SUCCESS;
  }

  auto start = std::chrono::steady_clock::now();
  cl_int status = CL_SUCCESS;
  program = cl::Program(context_, source, false, &status);
  if (status == CL_SUCCESS)
    status = program.build(std::vector<cl::Device>{device_}, options.c_str());
  std::string buildLog;
  if (program() != nullptr)
    program.getBuildInfo(device_, CL_PROGRAM_BUILD_LOG, &buildLog);
  if (log != nullptr)
    *log = buildLog;
  if (status != CL_SUCCESS) {
    verboseLog("program cache: build failed (status %d, options \"%s\"):\n%s", status,
               options.c_str(), buildLog.c_str());
    return status;
  }
  ++stats_.sourceBuilds;
  verboseLog("program cache: built from source in %.0f ms (options \"%s\")",
             millisecondsSince(start), options.c_str());
  if (hasText(buildLog))
    verboseLog("program cache: build log:\n%s", buildLog.c_str());
  if (!file.empty())
    storeOnDisk(file, check, program);
  programs_.emplace(std::move(key), program);
  *out = program;
  return CL_SUCCESS;
}

bool ProgramCache::loadFromDisk(const fs::path &file, std::uint64_t check,
                                const std::string &options, cl::Program *out) {
  std::ifstream in(file, std::ios::binary);
  if (!in)
    return false; // not cached yet: no message
  char magic[sizeof(kMagic)];
  std::uint64_t storedCheck = 0, size = 0;
  in.read(magic, sizeof(magic));
  in.read(reinterpret_cast<char *>(&storedCheck), sizeof(storedCheck));
  in.read(reinterpret_cast<char *>(&size), sizeof(size));
  std::error_code error;
  std::uintmax_t fileSize = fs::file_size(file, error);
  if (!in || error || std::memcmp(magic, kMagic, sizeof(kMagic)) != 0 || storedCheck != check ||
      size == 0 || fileSize != kHeaderBytes + size) {
    verboseLog("program cache: ignoring unusable %s", file.c_str());
    return false;
  }
  std::vector<unsigned char> binary(size);
  in.read(reinterpret_cast<char *>(binary.data()), static_cast<std::streamsize>(size));
  if (!in)
    return false;

  const unsigned char *bytes = binary.data();
  std::size_t length = binary.size();
  cl_device_id device = device_();
  cl_int binaryStatus = CL_SUCCESS, status = CL_SUCCESS;
  cl_program raw =
      clCreateProgramWithBinary(context_(), 1, &device, &length, &bytes, &binaryStatus, &status);
  if (status != CL_SUCCESS || binaryStatus != CL_SUCCESS) {
    if (raw != nullptr)
      clReleaseProgram(raw);
    verboseLog("program cache: the driver rejected %s; rebuilding", file.c_str());
    return false;
  }
  cl::Program program(raw); // takes over the reference
  if (program.build(std::vector<cl::Device>{device_}, options.c_str()) != CL_SUCCESS) {
    verboseLog("program cache: %s does not build; rebuilding", file.c_str());
    return false;
  }
  *out = program;
  return true;
}

void ProgramCache::storeOnDisk(const fs::path &file, std::uint64_t check,
                               const cl::Program &program) {
  std::size_t size = 0;
  if (clGetProgramInfo(program(), CL_PROGRAM_BINARY_SIZES, sizeof(size), &size, nullptr) !=
          CL_SUCCESS ||
      size == 0)
    return; // the driver keeps no binary: nothing to cache
  std::vector<unsigned char> binary(size);
  unsigned char *bytes = binary.data();
  if (clGetProgramInfo(program(), CL_PROGRAM_BINARIES, sizeof(bytes), &bytes, nullptr) !=
      CL_SUCCESS)
    return;

  std::error_code error;
  fs::create_directories(file.parent_path(), error);
  // Written beside the target and renamed over it: readers in other
  // processes see either no file or a complete one.
  static std::atomic<unsigned> counter{0};
  fs::path temporary = file;
  temporary += ".tmp." + std::to_string(::getpid()) + "." + std::to_string(counter++);
  {
    std::ofstream outFile(temporary, std::ios::binary | std::ios::trunc);
    std::uint64_t size64 = size;
    outFile.write(kMagic, sizeof(kMagic));
    outFile.write(reinterpret_cast<const char *>(&check), sizeof(check));
    outFile.write(reinterpret_cast<const char *>(&size64), sizeof(size64));
    outFile.write(reinterpret_cast<const char *>(binary.data()),
                  static_cast<std::streamsize>(binary.size()));
    if (!outFile) {
      fs::remove(temporary, error);
      verboseLog("program cache: cannot write %s", temporary.c_str());
      return;
    }
  }
  fs::rename(temporary, file, error);
  if (error) {
    fs::remove(temporary, error);
    verboseLog("program cache: cannot store %s", file.c_str());
  }
}

} // namespace cucl::blas
