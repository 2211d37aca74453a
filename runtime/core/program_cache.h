// Compiled OpenCL programs of one device, keyed by source text and build
// options: built once per process (memory) and once per machine (the
// driver's binary kept as a cache file under cacheDirectory("programs"),
// named by a hash of device key, options and source). Translated modules
// (core/module_registry) and libcublas (through __cuclGetProgram,
// include/cucl/opencl_interop.h) share it.
//
// A cache file is used only when it is intact and was written for this
// device key, options and source (core/cache_file.h); a binary the driver
// rejects is rebuilt from source and the file rewritten. A program that
// fails to build is not stored.
//
// CUCL_PROGRAM_CACHE=0 turns the disk cache off (memory caching stays);
// CUCL_VERBOSE=1 reports builds, disk hits, ignored files and build logs.
#ifndef CUCL_CORE_PROGRAM_CACHE_H
#define CUCL_CORE_PROGRAM_CACHE_H

#include <cstddef>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>

#include "backend/cl.h"

namespace cucl {

class ProgramCache {
public:
  // One cache per OpenCL context and device, alive for the process.
  static ProgramCache &forDevice(const cl::Context &context, const cl::Device &device);

  // "platform | device | vendor | driver version": what cache files (cached
  // binaries, tuning files) are made for.
  const std::string &deviceKey() const;

  // CL_SUCCESS and the built program, or the build error. The driver's log
  // goes to *log when given (else it is printed with CUCL_VERBOSE=1).
  // Thread-safe; one build at a time per device. A program built from source
  // is stored on disk now, or (Store::Deferred) by the next storeDeferred(),
  // so the caller need not wait for the driver to produce its binary.
  enum class Store { Now, Deferred };
  cl_int get(const std::string &source, const std::string &options, cl::Program *out,
             std::string *log = nullptr, Store when = Store::Now);

  // Stores the deferred programs' binaries (core/kernel_launch calls it once
  // a launch is enqueued: the kernel runs meanwhile). hasDeferredStores() is
  // the lock-free check a launch makes first.
  static bool hasDeferredStores();
  static void storeDeferred();

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
  // cache is off or there is no trusted cache directory.
  std::filesystem::path diskPath(const std::string &source, const std::string &options) const;
  // The key its cache file must have been written for.
  std::string diskKey(const std::string &source, const std::string &options) const;

private:
  ProgramCache(const cl::Context &context, const cl::Device &device);

  bool loadFromDisk(const std::filesystem::path &file, const std::string &key,
                    const std::string &options, cl::Program *out);

  cl::Context context_;
  cl::Device device_;
  std::string deviceKey_;
  mutable std::mutex mutex_;
  std::map<std::string, cl::Program> programs_; // options + '\n' + source
  Stats stats_;
};

} // namespace cucl

#endif // CUCL_CORE_PROGRAM_CACHE_H
