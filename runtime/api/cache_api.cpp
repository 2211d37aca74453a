// The cache part of the interop API (include/cucl/opencl_interop.h): how
// libraries built on libcudart (libcublas) use the runtime's program cache
// and cache files, so that there is one cache, one format and one set of
// defences.
#include "api/api_support.h"

#pragma GCC visibility push(default)
#include "cucl/opencl_interop.h"
#pragma GCC visibility pop

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <string>

#include "core/cache_directory.h"
#include "core/cache_file.h"
#include "core/program_cache.h"

namespace {

using cucl::Device;

cucl::ProgramCache &programsOf(Device &device) {
  return cucl::ProgramCache::forDevice(device.context(), device.clDevice());
}

// A malloc'd, NUL-terminated copy (nullptr when malloc fails).
char *copyOut(const std::string &text) {
  char *copy = static_cast<char *>(std::malloc(text.size() + 1));
  if (copy != nullptr)
    std::memcpy(copy, text.c_str(), text.size() + 1);
  return copy;
}

} // namespace

CUCL_API cudaError_t __cuclGetProgram(int device, const char *source, const char *options,
                                      cl_program *program, cl_int *status, char **buildLog) {
  if (status != nullptr)
    *status = CL_SUCCESS;
  if (buildLog != nullptr)
    *buildLog = nullptr;
  if (source == nullptr || options == nullptr || program == nullptr)
    return cudaErrorInvalidValue;
  Device *found = nullptr;
  cudaError_t result = cucl::deviceAt(device, &found);
  if (result != cudaSuccess)
    return result;
  cl::Program built;
  std::string log;
  cl_int builtStatus = programsOf(*found).get(source, options, &built, &log);
  if (builtStatus != CL_SUCCESS) {
    if (status != nullptr)
      *status = builtStatus;
    if (buildLog != nullptr && !log.empty())
      *buildLog = copyOut(log);
    return cudaErrorInvalidPtx;
  }
  clRetainProgram(built()); // the caller's reference
  *program = built();
  return cudaSuccess;
}

CUCL_API cudaError_t __cuclGetDeviceCacheKey(int device, const char **key) {
  if (key == nullptr)
    return cudaErrorInvalidValue;
  Device *found = nullptr;
  cudaError_t result = cucl::deviceAt(device, &found);
  if (result != cudaSuccess)
    return result;
  *key = programsOf(*found).deviceKey().c_str(); // the cache lives for the process
  return cudaSuccess;
}

CUCL_API size_t __cuclGetCacheDirectory(char *path, size_t size) {
  const std::string directory = cucl::cacheDirectory().string();
  if (path != nullptr && directory.size() < size)
    std::memcpy(path, directory.c_str(), directory.size() + 1);
  return directory.size();
}

CUCL_API cuclCacheFileStatus __cuclReadCacheFile(const char *path, const char *key, char **body,
                                                 size_t *size) {
  if (path == nullptr || key == nullptr || body == nullptr || size == nullptr)
    return cuclCacheFileUnusable;
  *body = nullptr;
  *size = 0;
  cucl::CacheFile::Status status = cucl::CacheFile::Status::Unusable;
  std::optional<std::string> contents = cucl::CacheFile(path).read(key, &status);
  switch (status) {
  case cucl::CacheFile::Status::Found:
    break;
  case cucl::CacheFile::Status::Missing:
    return cuclCacheFileMissing;
  case cucl::CacheFile::Status::OtherKey:
    return cuclCacheFileOtherKey;
  case cucl::CacheFile::Status::Unusable:
    return cuclCacheFileUnusable;
  }
  *body = copyOut(*contents);
  if (*body == nullptr)
    return cuclCacheFileUnusable;
  *size = contents->size();
  return cuclCacheFileFound;
}

CUCL_API int __cuclWriteCacheFile(const char *path, const char *key, const void *body,
                                  size_t size) {
  if (path == nullptr || key == nullptr || (body == nullptr && size != 0))
    return EINVAL;
  return cucl::CacheFile(path).write(
      key, std::string_view(static_cast<const char *>(body), body == nullptr ? 0 : size));
}
