// Per-device GEMM state: the tuning in effect (user's tuning file, else the
// shipped tuning, else class defaults) and the kernels built so far.
//
// Environment:
//   CUCL_GEMM_TUNING=<file>   use this tuning file instead of the cache's
//   CUCL_GEMM_TUNING=untuned  ignore all tuning: class defaults only
//   CUCL_AUTOTUNE=1           tune now when this device has no tuning file
//                             (CUCL_AUTOTUNE_SECONDS, default 120), and save it
#ifndef CUCL_CUBLAS_GEMM_GEMM_ENGINE_H
#define CUCL_CUBLAS_GEMM_GEMM_ENGINE_H

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include "gemm/gemm_defaults.h"
#include "gemm/gemm_launch.h"
#include "gemm/gemm_tuning.h"
#include "library_support/program_cache.h"

namespace cucl::blas {

DeviceTraits deviceTraits(const cl::Device &device);
DeviceCapacity deviceCapacity(const cl::Device &device);
// The key this device's GEMM tuning file is written for (tuningDeviceKey).
std::string gemmTuningKey(library::ProgramCache &programs);

class GemmEngine {
public:
  static GemmEngine &forDevice(library::ProgramCache &programs);
  // mayAutotune = false: never runs the tuner (the tuner's own baseline).
  explicit GemmEngine(library::ProgramCache &programs, bool mayAutotune = true);

  // The parameter set this device runs for `key`, and where it came from
  // ("tuned", "shipped", "default").
  GemmParams select(const GemmKey &key, std::string *origin = nullptr) const;

  // One work-item, one element per group: runs on any device, slowly (the
  // fallback when a selected set cannot run there).
  static GemmParams minimalParams();

  // The built kernel for these parameters and the call's types/transposes;
  // CL_INVALID_WORK_GROUP_SIZE when the kernel cannot run groups that large.
  cl_int kernelFor(const GemmParams &params, const GemmCall &call,
                   std::shared_ptr<GemmKernel> *out);

  const DeviceCapacity &capacity() const { return capacity_; }
  const DeviceTraits &traits() const { return traits_; }
  // Which tuning is in effect and why (CUCL_VERBOSE=1 prints it).
  const std::string &tuningChoice() const { return choice_; }

private:
  std::optional<TunedEntry> lookup(const GemmKey &key, std::string *origin) const;

  library::ProgramCache &programs_;
  DeviceTraits traits_;
  DeviceCapacity capacity_;
  std::optional<GemmTuning> user_;    // the user's tuning file for this device
  std::optional<GemmTuning> shipped_; // cucl's tuning for this kind of device
  std::string choice_;
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<GemmKernel>> kernels_; // by build options
  std::set<std::string> failed_; // build options that did not build or cannot run here
};

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_ENGINE_H
