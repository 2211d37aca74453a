// The compiled OpenCL programs of one CUDA device for the libraries built on
// libcudart (cuBLAS, cuRAND), from libcudart's program cache
// (__cuclGetProgram, include/cucl/opencl_interop.h): built once per process and kept on disk by the
// runtime, shared with translated modules, so there is one cache, one file format and one set of
// defences (docs/design.md, "Caches").
#ifndef CUCL_LIBRARY_SUPPORT_PROGRAM_CACHE_H
#define CUCL_LIBRARY_SUPPORT_PROGRAM_CACHE_H

#include <filesystem>
#include <string>

#include "backend/cl.h"

namespace cucl::library {

// The runtime's cache directory ($XDG_CACHE_HOME/cucl, else
// $HOME/.cache/cucl); empty when there is none cucl may use.
std::filesystem::path cacheDirectory();

class ProgramCache {
public:
  // One per CUDA device, alive for the process. `device` must be a device
  // __cuclGetOpenCLDevice accepts; otherwise get() fails with
  // CL_INVALID_DEVICE.
  static ProgramCache &forDevice(int device);

  // "platform | device | vendor | driver version": what tuning files and
  // cached binaries are keyed by.
  const std::string &deviceKey() const;

  // CL_SUCCESS and the built program, or the driver's build error (then its
  // log in *log when given). Thread-safe.
  cl_int get(const std::string &source, const std::string &options, cl::Program *out,
             std::string *log = nullptr);

  const cl::Context &context() const;
  const cl::Device &device() const;

private:
  explicit ProgramCache(int device);

  int cudaDevice_;
  cl::Context context_;
  cl::Device device_;
  std::string deviceKey_;
};

} // namespace cucl::library

#endif // CUCL_LIBRARY_SUPPORT_PROGRAM_CACHE_H
