#include "core/program_cache.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <utility>
#include <vector>

#include "backend/cl_error_names.h"
#include "backend/program_builder.h"
#include "core/cache_directory.h"
#include "core/cache_file.h"
#include "core/diagnostics.h"
#include "core/stable_hash.h"

namespace cucl {

namespace {

namespace fs = std::filesystem;

// Two bases give two independent 64-bit hashes of the same parts.
constexpr std::uint64_t kNameBasis = kFnvBasis;
constexpr std::uint64_t kSourceBasis = 0x6a09e667f3bcc909ull;

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

void store(const cl::Program &program, const cl::Device &device, const fs::path &file,
           const std::string &key) {
  std::string binary = backend::programBinary(program, device);
  if (binary.empty())
    verboseLog("program cache: the driver gives no binary to keep");
  else if (int error = CacheFile(file).write(key, binary); error != 0)
    verboseLog("program cache: cannot store %s: %s", file.c_str(), std::strerror(error));
}

// Programs whose binaries wait for ProgramCache::storeDeferred(): fetching a
// fresh program's binary from PoCL compiles its kernels, about as long as the
// build, and a translated program's first kernel should not wait for that.
// Not from a thread or an exit handler of ours: either could still be in the
// driver's compiler while the exit handlers tear its statics down.
struct DeferredStore {
  cl::Program program;
  cl::Device device;
  fs::path file;
  std::string key;
};
std::mutex deferredMutex;
std::vector<DeferredStore> *deferredStores = nullptr; // leaked, as the caches are
// Whether deferredStores may hold any: every launch asks, so without a lock.
std::atomic<bool> storesDeferred{false};

} // namespace

bool ProgramCache::hasDeferredStores() {
  return storesDeferred.load(std::memory_order_acquire);
}

void ProgramCache::storeDeferred() {
  std::vector<DeferredStore> stores;
  {
    std::lock_guard<std::mutex> lock(deferredMutex);
    if (deferredStores == nullptr || deferredStores->empty())
      return;
    stores.swap(*deferredStores);
    storesDeferred.store(false, std::memory_order_release);
  }
  for (const DeferredStore &deferred : stores)
    store(deferred.program, deferred.device, deferred.file, deferred.key);
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
  fs::path directory = cacheDirectory("programs");
  if (directory.empty())
    return {};
  return directory / (hex(stableHash({deviceKey_, options, source}, kNameBasis)) + ".bin");
}

std::string ProgramCache::diskKey(const std::string &source, const std::string &options) const {
  // The source by its size and two hashes: keys stay short, and the file
  // name's hash is a third one.
  return "OpenCL program | " + deviceKey_ + " | options: " + options +
         " | source: " + std::to_string(source.size()) + " bytes, " + hex(stableHash({source})) +
         hex(stableHash({source}, kSourceBasis));
}

cl_int ProgramCache::get(const std::string &source, const std::string &options, cl::Program *out,
                         std::string *log, Store when) {
  // One lock for lookups and builds: a program is built once even when
  // several threads ask for it at the same time.
  std::lock_guard<std::mutex> lock(mutex_);
  std::string memoryKey = options + '\n' + source;
  auto found = programs_.find(memoryKey);
  if (found != programs_.end()) {
    ++stats_.memoryHits;
    *out = found->second;
    return CL_SUCCESS;
  }

  const fs::path file = diskPath(source, options);
  const std::string key = file.empty() ? std::string() : diskKey(source, options);
  cl::Program program;
  auto start = std::chrono::steady_clock::now();
  if (!file.empty() && loadFromDisk(file, key, options, &program)) {
    ++stats_.diskHits;
    verboseLog("program cache: loaded %s in %.0f ms", file.c_str(), millisecondsSince(start));
    programs_.emplace(std::move(memoryKey), program);
    *out = program;
    return CL_SUCCESS;
  }

  start = std::chrono::steady_clock::now();
  backend::BuiltProgram built = backend::buildProgram(context_, device_, source, options);
  if (log != nullptr)
    *log = built.log;
  if (built.status != CL_SUCCESS) {
    if (log == nullptr)
      verboseLog("program cache: build failed (%s, options \"%s\"):\n%s",
                 backend::clErrorName(built.status), options.c_str(), built.log.c_str());
    return built.status;
  }
  ++stats_.sourceBuilds;
  verboseLog("program cache: built from source in %.0f ms (options \"%s\")",
             millisecondsSince(start), options.c_str());
  if (log == nullptr && hasText(built.log))
    verboseLog("program cache: build log:\n%s", built.log.c_str());
  if (!file.empty() && when == Store::Deferred) {
    std::lock_guard<std::mutex> deferred(deferredMutex);
    if (deferredStores == nullptr)
      deferredStores = new std::vector<DeferredStore>;
    deferredStores->push_back({built.program, device_, file, key});
    storesDeferred.store(true, std::memory_order_release);
  } else if (!file.empty()) {
    store(built.program, device_, file, key);
  }
  programs_.emplace(std::move(memoryKey), built.program);
  *out = built.program;
  return CL_SUCCESS;
}

bool ProgramCache::loadFromDisk(const fs::path &file, const std::string &key,
                                const std::string &options, cl::Program *out) {
  std::optional<std::string> binary = CacheFile(file).read(key);
  if (!binary)
    return false; // missing, or ignored (CacheFile says why)
  backend::BuiltProgram loaded =
      backend::buildProgramFromBinary(context_, device_, *binary, options);
  if (loaded.status != CL_SUCCESS) {
    verboseLog("program cache: the driver rejected %s (%s); rebuilding from source", file.c_str(),
               backend::clErrorName(loaded.status));
    return false;
  }
  *out = loaded.program;
  return true;
}

} // namespace cucl
