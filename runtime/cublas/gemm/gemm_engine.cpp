#include "gemm/gemm_engine.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "core/diagnostics.h"
#include "gemm/gemm_tuner.h"
#include "kernels/xgemm.cl.h"

namespace cucl::blas {
namespace {

const char *environment(const char *name) {
  const char *value = std::getenv(name);
  return value != nullptr && *value != '\0' ? value : nullptr;
}

// A flag variable that is set and not "0".
bool flagSet(const char *name) {
  const char *value = environment(name);
  return value != nullptr && std::strcmp(value, "0") != 0;
}

// Runs the tuner for this device and stores the result (CUCL_AUTOTUNE=1).
std::optional<GemmTuning> autotune(library::ProgramCache &programs,
                                   const std::filesystem::path &path, const std::string &key) {
  TunerOptions options;
  if (const char *seconds = environment("CUCL_AUTOTUNE_SECONDS"))
    options.seconds = std::max(1.0, std::atof(seconds));
  std::fprintf(stderr, "cucl: CUCL_AUTOTUNE=1: tuning GEMM for this device (%.0f s)...\n",
               options.seconds);
  GemmTuning tuning = tuneGemm(programs, options, nullptr);
  std::string error;
  if (!saveTuningFile(path, key, tuning, &error))
    std::fprintf(stderr, "cucl: cannot save GEMM tuning: %s\n", error.c_str());
  else
    std::fprintf(stderr, "cucl: GEMM tuning saved to %s\n", path.c_str());
  return tuning;
}

} // namespace

DeviceTraits deviceTraits(const cl::Device &device) {
  DeviceTraits traits;
  cl_device_type type = 0;
  device.getInfo(CL_DEVICE_TYPE, &type);
  traits.isCpu = (type & CL_DEVICE_TYPE_CPU) != 0;
  cl_platform_id platformId = nullptr;
  device.getInfo(CL_DEVICE_PLATFORM, &platformId);
  std::string platformName;
  cl::Platform(platformId, true).getInfo(CL_PLATFORM_NAME, &platformName);
  traits.isPocl = platformName.find("Portable Computing Language") != std::string::npos;
  cl_uint width = 0;
  if (device.getInfo(CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT, &width) == CL_SUCCESS && width > 0)
    traits.floatVectorWidth = width;
  if (device.getInfo(CL_DEVICE_PREFERRED_VECTOR_WIDTH_DOUBLE, &width) == CL_SUCCESS && width > 0)
    traits.doubleVectorWidth = width;
  if (traits.isCpu) // a CPU device runs on this machine's CPU
    traits.cpu = hostCpuIdentity();
  return traits;
}

std::string gemmTuningKey(library::ProgramCache &programs) {
  const DeviceTraits traits = deviceTraits(programs.device());
  return tuningDeviceKey(programs.deviceKey(), traits.isCpu ? &traits.cpu : nullptr);
}

DeviceCapacity deviceCapacity(const cl::Device &device) {
  DeviceCapacity capacity;
  device.getInfo(CL_DEVICE_MAX_WORK_GROUP_SIZE, &capacity.maxWorkGroupSize);
  std::vector<std::size_t> sizes;
  if (device.getInfo(CL_DEVICE_MAX_WORK_ITEM_SIZES, &sizes) == CL_SUCCESS && sizes.size() >= 2) {
    capacity.maxWorkItemSizes[0] = sizes[0];
    capacity.maxWorkItemSizes[1] = sizes[1];
  }
  cl_ulong local = 0;
  device.getInfo(CL_DEVICE_LOCAL_MEM_SIZE, &local);
  capacity.localMemBytes = static_cast<std::size_t>(local);
  return capacity;
}

GemmEngine &GemmEngine::forDevice(library::ProgramCache &programs) {
  static std::mutex mutex;
  // Never destroyed, like the program caches: OpenCL objects must not be
  // released from static destructors, after the driver may have gone.
  static auto *engines = new std::map<library::ProgramCache *, std::unique_ptr<GemmEngine>>;
  std::lock_guard<std::mutex> lock(mutex);
  std::unique_ptr<GemmEngine> &engine = (*engines)[&programs];
  if (!engine)
    engine = std::make_unique<GemmEngine>(programs);
  return *engine;
}

GemmEngine::GemmEngine(library::ProgramCache &programs, bool mayAutotune)
    : programs_(programs), traits_(deviceTraits(programs.device())),
      capacity_(deviceCapacity(programs.device())) {
  const char *choice = environment("CUCL_GEMM_TUNING");
  if (choice != nullptr && std::strcmp(choice, "untuned") == 0) {
    choice_ = "class defaults (CUCL_GEMM_TUNING=untuned)";
    verboseLog("GEMM tuning for this device: %s", choice_.c_str());
    return;
  }
  std::string shippedWhy;
  shipped_ = shippedTuning(traits_, &shippedWhy);
  const std::string key =
      tuningDeviceKey(programs.deviceKey(), traits_.isCpu ? &traits_.cpu : nullptr);
  const std::filesystem::path path =
      choice != nullptr ? std::filesystem::path(choice) : tuningFilePath(key);
  std::string error;
  user_ = loadTuningFile(path, key, &error);
  if (!user_ && !error.empty())
    std::fprintf(stderr, "cucl: ignoring GEMM tuning file %s: %s\n", path.c_str(), error.c_str());
  if (!user_ && mayAutotune && choice == nullptr && flagSet("CUCL_AUTOTUNE"))
    user_ = autotune(programs, path, key);
  choice_ = user_ ? "the user's tuning " + path.string() + " (keys it lacks: " + shippedWhy + ")"
                  : shippedWhy;
  verboseLog("GEMM tuning for this device: %s", choice_.c_str());
}

std::optional<TunedEntry> GemmEngine::lookup(const GemmKey &key, std::string *origin) const {
  for (const auto &[tuning, name] : {std::pair{&user_, "tuned"}, std::pair{&shipped_, "shipped"}}) {
    if (!*tuning)
      continue;
    if (const TunedEntry *entry = (*tuning)->find(key);
        entry != nullptr && isUsable(entry->params, key.precision, capacity_) &&
        suitsTransposes(entry->params, key.transA, key.transB)) {
      if (origin != nullptr)
        *origin = name;
      return *entry;
    }
  }
  return std::nullopt;
}

GemmParams GemmEngine::select(const GemmKey &key, std::string *origin) const {
  if (std::optional<TunedEntry> entry = lookup(key, origin))
    return entry->params;
  // fp16 storage computes in fp32: an fp32 tuning is the next best thing.
  if (key.precision == DataType::F16) {
    GemmKey asFloat = key;
    asFloat.precision = DataType::F32;
    if (std::optional<TunedEntry> entry = lookup(asFloat, origin))
      return entry->params;
  }
  if (origin != nullptr)
    *origin = "default";
  GemmParams params = classDefault(traits_, key);
  return isUsable(params, key.precision, capacity_) ? params : minimalParams();
}

GemmParams GemmEngine::minimalParams() {
  GemmParams params;
  params.mr = params.nr = params.vw = 1;
  params.mwg = params.nwg = 1;
  params.mdimc = params.ndimc = 1;
  params.kwg = 16;
  params.sa = params.sb = 0;
  return params;
}

cl_int GemmEngine::kernelFor(const GemmParams &params, const GemmCall &call,
                             std::shared_ptr<GemmKernel> *out) {
  const std::string options = buildOptionsFor(params, call);
  std::lock_guard<std::mutex> lock(mutex_);
  if (failed_.count(options) != 0) // reported once; the caller falls back
    return CL_BUILD_PROGRAM_FAILURE;
  std::shared_ptr<GemmKernel> &slot = kernels_[options];
  if (!slot) {
    cl::Program program;
    std::string log;
    cl_int status = programs_.get(kernels::xgemm, options, &program, &log);
    if (status != CL_SUCCESS) {
      std::fprintf(stderr, "cucl: GEMM kernel (%s) failed to build: %s\n", options.c_str(),
                   log.c_str());
      kernels_.erase(options);
      failed_.insert(options);
      return status;
    }
    auto kernel = std::make_shared<GemmKernel>();
    kernel->kernel = cl::Kernel(program, "xgemm", &status);
    if (status != CL_SUCCESS) {
      kernels_.erase(options);
      failed_.insert(options);
      return status;
    }
    // The kernel's own limit can be below the device's (registers, local
    // memory): a group size it cannot run is a build failure for the caller.
    std::size_t kernelLimit = 0;
    if (kernel->kernel.getWorkGroupInfo(programs_.device(), CL_KERNEL_WORK_GROUP_SIZE,
                                        &kernelLimit) == CL_SUCCESS &&
        static_cast<std::size_t>(params.mdimc) * params.ndimc > kernelLimit) {
      kernels_.erase(options);
      failed_.insert(options);
      return CL_INVALID_WORK_GROUP_SIZE;
    }
    kernel->params = params;
    slot = kernel;
  }
  *out = slot;
  return CL_SUCCESS;
}

} // namespace cucl::blas
