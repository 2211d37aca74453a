// Device symbols of one module: the file-scope __device__ / __constant__
// variables a translated file registers (include/cucl/module_abi.h), their
// initial bytes, and per device the two segment allocations that hold them.
#ifndef CUCL_CORE_MODULE_SYMBOLS_H
#define CUCL_CORE_MODULE_SYMBOLS_H

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "backend/cl.h"
#include "core/device.h"
#include "core/public_headers.h"

namespace cucl {

constexpr unsigned kSymbolSegments = 2; // CUCL_SYMBOL_DEVICE, CUCL_SYMBOL_CONSTANT

struct ModuleSymbol {
  const void *hostVar = nullptr;
  std::string name;
  std::size_t size = 0;
  std::size_t offset = 0; // in its segment
  unsigned segment = 0;
};

// One device's copy of a module's segments.
struct SymbolSegments {
  unsigned generation = 0;                       // the device's cudaDeviceReset count when made
  std::uintptr_t base[kSymbolSegments] = {0, 0}; // 0 for an empty segment
  cl::Buffer buffer[kSymbolSegments];
};

class ModuleSymbols {
public:
  // Records a symbol and its initial bytes (read from `hostVar` now:
  // CUDA's device variables have constant initializers, already in place
  // when static constructors run). False for a symbol that does not fit.
  bool add(const void *hostVar, const char *name, std::size_t size, std::size_t offset,
           unsigned segment);
  const std::vector<ModuleSymbol> &all() const { return symbols_; }
  bool empty() const { return symbols_.empty(); }
  std::size_t segmentSize(unsigned segment) const { return initial_[segment].size(); }

  // The segments on `device`, made and initialized on first use (again after
  // a cudaDeviceReset). Errors: cudaErrorMemoryAllocation.
  cudaError_t on(Device &device, SymbolSegments *out);

private:
  std::vector<ModuleSymbol> symbols_;
  std::vector<unsigned char> initial_[kSymbolSegments];
  std::mutex mutex_;
  std::vector<std::optional<SymbolSegments>> perDevice_; // by device index
};

} // namespace cucl

#endif // CUCL_CORE_MODULE_SYMBOLS_H
