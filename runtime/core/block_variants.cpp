#include "core/block_variants.h"

#include <cstdlib>
#include <cstring>
#include <string>

#include "core/device.h"
#include "core/diagnostics.h"
#include "core/module_registry.h"

namespace cucl {
namespace {

// A program sweeping block sizes gets variants for the first few only.
constexpr std::size_t kMaxVariantsPerKernel = 4;
// The launch with a block size that starts its variant's build: the second,
// so a kernel launched once costs no build.
constexpr unsigned kLaunchesBeforeBuilding = 2;

// Builds the variant (the caller holds kernel.launchMutex).
void buildVariant(Kernel &kernel, Device &device, std::array<unsigned, 3> block) {
  std::string defines = "-DCUCL_REQD_WG_SIZE=" + std::to_string(block[0]) + "," +
                        std::to_string(block[1]) + "," + std::to_string(block[2]);
  cl::Program program;
  std::unique_ptr<KernelInstance> instance;
  ModuleRegistry &registry = ModuleRegistry::instance();
  bool built = registry.buildVariant(kernel, device, defines, &program) == cudaSuccess &&
               registry.makeInstance(kernel, device, program, &instance) == cudaSuccess;
  if (built) { // the driver must have taken the size: else the variant gains nothing
    auto compiled =
        instance->kernel.getWorkGroupInfo<CL_KERNEL_COMPILE_WORK_GROUP_SIZE>(device.clDevice());
    built = compiled[0] == block[0] && compiled[1] == block[1] && compiled[2] == block[2];
  }
  Kernel::BlockVariant &variant =
      kernel.blockVariants[static_cast<std::size_t>(device.index())][block];
  if (built) {
    variant.instance = std::move(instance);
    variant.state = Kernel::BlockVariant::State::Ready;
    verboseLog("kernel %s: variant for blocks of %u x %u x %u ready", kernel.name.c_str(), block[0],
               block[1], block[2]);
  } else {
    variant.state = Kernel::BlockVariant::State::Failed; // the general kernel goes on
  }
}

} // namespace

bool blockVariantsEnabled(const Device &device) {
  // -1: unset (the device decides), 0: off, 1: on; read once.
  static const int setting = [] {
    const char *value = std::getenv("CUCL_BLOCK_VARIANTS");
    return value == nullptr || *value == '\0' ? -1 : std::strcmp(value, "0") != 0 ? 1 : 0;
  }();
  return setting < 0 ? !device.limits().hostMemory : setting == 1;
}

KernelInstance *blockVariant(Kernel &kernel, Device &device, dim3 block) {
  // Lane-mode kernels run a warp per work-item: their groups are not blocks.
  if ((kernel.flags & CUCL_KERNEL_WARP_LANES) != 0 || !blockVariantsEnabled(device))
    return nullptr;
  std::size_t slot = static_cast<std::size_t>(device.index());
  if (kernel.blockVariants.size() <= slot)
    kernel.blockVariants.resize(slot + 1);
  auto &variants = kernel.blockVariants[slot];
  std::array<unsigned, 3> key = {block.x, block.y, block.z};
  auto found = variants.find(key);
  if (found == variants.end()) {
    if (variants.size() >= kMaxVariantsPerKernel)
      return nullptr;
    found = variants.emplace(key, Kernel::BlockVariant{}).first;
  }
  Kernel::BlockVariant &variant = found->second;
  if (variant.state == Kernel::BlockVariant::State::Ready)
    return variant.instance.get();
  if (variant.state == Kernel::BlockVariant::State::Counting &&
      ++variant.launches >= kLaunchesBeforeBuilding) {
    buildVariant(kernel, device, key);
    return variant.instance.get(); // nullptr when it failed
  }
  return nullptr;
}

} // namespace cucl
