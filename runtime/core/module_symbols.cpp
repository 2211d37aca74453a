#include "core/module_symbols.h"

#include <cstring>
#include <limits>

#include "core/device_memory.h"
#include "core/public_headers.h"

namespace cucl {

bool ModuleSymbols::add(const void *hostVar, const char *name, std::size_t size, std::size_t offset,
                        unsigned segment) {
  if (hostVar == nullptr || name == nullptr || size == 0 ||
      offset > std::numeric_limits<std::size_t>::max() - size)
    return false;
  if (segment == CUCL_SYMBOL_MANAGED) { // no segment: its storage is the variable
    symbols_.push_back(ModuleSymbol{hostVar, name, size, 0, segment});
    return true;
  }
  if (segment >= kSymbolSegments)
    return false;
  std::vector<unsigned char> &bytes = initial_[segment];
  if (bytes.size() < offset + size)
    bytes.resize(offset + size);
  std::memcpy(bytes.data() + offset, hostVar, size);
  symbols_.push_back(ModuleSymbol{hostVar, name, size, offset, segment});
  return true;
}

cudaError_t ModuleSymbols::on(Device &device, SymbolSegments *out) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto slot = static_cast<std::size_t>(device.index());
  if (perDevice_.size() <= slot)
    perDevice_.resize(slot + 1);
  std::optional<SymbolSegments> &made = perDevice_[slot];
  unsigned generation = device.generation.load();
  if (!made || made->generation != generation) {
    SymbolSegments segments;
    segments.generation = generation;
    for (unsigned segment = 0; segment < kSymbolSegments; ++segment) {
      const std::vector<unsigned char> &bytes = initial_[segment];
      if (bytes.empty())
        continue;
      cudaError_t status =
          allocateDeviceMemory(device, bytes.size(), bytes.data(), /*runtimeOwned=*/true,
                               &segments.base[segment], &segments.buffer[segment]);
      if (status != cudaSuccess) {
        for (unsigned made = 0; made < segment; ++made)
          if (segments.base[made] != 0)
            releaseRuntimeMemory(device, segments.base[made]);
        return status;
      }
    }
    made = segments;
  }
  *out = *made;
  return cudaSuccess;
}

} // namespace cucl
