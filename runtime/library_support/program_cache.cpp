#include "library_support/program_cache.h"

#include <cstdlib>
#include <map>
#include <mutex>

#include "cucl/opencl_interop.h"

namespace cucl::library {

std::filesystem::path cacheDirectory() {
  std::string path(__cuclGetCacheDirectory(nullptr, 0), '\0');
  if (path.empty())
    return {};
  // The variables may change between the two calls: ask until it fits.
  for (;;) {
    std::size_t length = __cuclGetCacheDirectory(path.data(), path.size() + 1);
    if (length <= path.size()) {
      path.resize(length);
      return path;
    }
    path.assign(length, '\0');
  }
}

ProgramCache &ProgramCache::forDevice(int device) {
  // Leaked on purpose: OpenCL objects must not be released from static
  // destructors, which may run after the driver has shut down.
  static auto *mutex = new std::mutex;
  static auto *caches = new std::map<int, ProgramCache *>;
  std::lock_guard<std::mutex> lock(*mutex);
  ProgramCache *&cache = (*caches)[device];
  if (cache == nullptr)
    cache = new ProgramCache(device);
  return *cache;
}

ProgramCache::ProgramCache(int device) : cudaDevice_(device) {
  cuclOpenCLDevice opencl{};
  const char *key = nullptr;
  if (__cuclGetOpenCLDevice(device, &opencl) != cudaSuccess ||
      __cuclGetDeviceCacheKey(device, &key) != cudaSuccess)
    return;
  context_ = cl::Context(opencl.context, /*retainObject=*/true);
  device_ = cl::Device(opencl.device, /*retainObject=*/true);
  deviceKey_ = key;
}

const std::string &ProgramCache::deviceKey() const {
  return deviceKey_;
}
const cl::Context &ProgramCache::context() const {
  return context_;
}
const cl::Device &ProgramCache::device() const {
  return device_;
}

cl_int ProgramCache::get(const std::string &source, const std::string &options, cl::Program *out,
                         std::string *log) {
  if (device_() == nullptr)
    return CL_INVALID_DEVICE;
  cl_program program = nullptr;
  cl_int status = CL_SUCCESS;
  char *buildLog = nullptr;
  cudaError_t result = __cuclGetProgram(cudaDevice_, source.c_str(), options.c_str(), &program,
                                        &status, log != nullptr ? &buildLog : nullptr);
  if (log != nullptr) {
    *log = buildLog != nullptr ? buildLog : "";
    std::free(buildLog);
  }
  if (result != cudaSuccess)
    return status != CL_SUCCESS ? status : CL_BUILD_PROGRAM_FAILURE;
  *out = cl::Program(program); // takes over the reference
  return CL_SUCCESS;
}

} // namespace cucl::library
