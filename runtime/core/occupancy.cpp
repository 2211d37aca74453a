#include "core/occupancy.h"

#include <algorithm>

namespace cucl {

std::size_t maxActiveBlocksPerUnit(const Device &device, const Kernel &kernel,
                                   const KernelInstance &instance, std::size_t blockThreads,
                                   std::size_t dynamicSharedMem) {
  const cudaDeviceProp &prop = device.properties();
  if (blockThreads == 0 || blockThreads > instance.maxBlockThreads ||
      blockThreads > device.limits().maxWorkGroupSize)
    return 0;
  std::size_t blocks =
      std::min<std::size_t>(static_cast<std::size_t>(prop.maxBlocksPerMultiProcessor),
                            static_cast<std::size_t>(prop.maxThreadsPerMultiProcessor) / blockThreads);
  std::size_t shared = instance.staticLocalMem + dynamicSharedMem;
  if (shared > device.limits().localMemSize)
    return 0;
  if (shared != 0)
    blocks = std::min(blocks, device.limits().localMemSize / shared);
  if (kernel.flags & CUCL_KERNEL_GRID_SYNC)
    blocks = std::min<std::size_t>(blocks, 1);
  return blocks;
}

} // namespace cucl
