// Compiled OpenCL programs of one device, keyed by source text and build
// options: built once per process (memory) and once per machine (binaries on
// disk under cacheDirectory()/programs, named by a hash of device key, source
// and options; a stale or unreadable file is rebuilt from source).
//
// CUCL_PROGRAM_CACHE=0 turns the disk cache off (memory caching stays);
// CUCL_VERBOSE=1 reports builds, disk hits and build logs on stderr.
#ifndef CUCL_CUBLAS_CORE_PROGRAM_CACHE_H
#define CUCL_CUBLAS_CORE_PROGRAM_CACHE_H

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "backend/cl.h"

namespace cucl::blas {

// $XDG_CACHE_HOME/cucl, else $HOME/.cache/cucl (created on demand).
// Empty when neither variable gives a usable absolute directory.
std::filesystem::path cacheDirectory();

class ProgramCache {
public:
  // One cache per OpenCL device, alive for the process.
  static ProgramCache &forDevice(const cl::Context &context, const cl::Device &device);

  // "platform | device | vendor | driver version": what tuning files and
  // cached binaries are keyed by.
  const std::string &deviceKey() const;

  // CL_SUCCESS and the built program, or the build error (driver log in
  // *log when given, and printed with CUCL_VERBOSE=1). Thread-safe.
  cl_int get(const std::string &source, const std::string &options, cl::Program *out,
             std::string *log = nullptr);

  const cl::Context &context() const;
  const cl::Device &device() const;

  // Where get() found its programs so far (tests, CUCL_VERBOSE reports).
  struct Stats {
    std::size_t memoryHits = 0;
    std::size_t diskHits = 0;
    std::size_t sourceBuilds = 0;
  };
  Stats stats() const;
  // Forgets the programs built in this process, as a new process would
  // start: the next get() of each goes to the disk cache.
  void clearMemory();
  // The file a (source, options) pair is cached in; empty when the disk
  // cache is off.
  std::filesystem::path diskPath(const std::string &source, const std::string &options) const;

private:
  ProgramCache(const cl::Context &context, const cl::Device &device);

  bool loadFromDisk(const std::filesystem::path &file, std::uint64_t check,
                    const std::string &options, cl::Program *out);
  void storeOnDisk(const std::filesystem::path &file, std::uint64_t check,
                   const cl::Program &program);

  cl::Context context_;
  cl::Device device_;
  std::string deviceKey_;
  mutable std::mutex mutex_;
  std::map<std::string, cl::Program> programs_; // options + '\n' + source
  Stats stats_;
};

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_PROGRAM_CACHE_H
