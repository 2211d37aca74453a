// Device symbols (__device__ / __constant__ variables seen from the host).
//
// A symbol is named by its host shadow's address (the C++ templates in
// cuda_runtime.h pass `&symbol`), as registered by the translated file
// (include/cucl/module_abi.h). Its storage on the current device is a
// runtime-owned allocation, so the copies are ordinary cudaMemcpy calls on a
// real device address, with their stream semantics and pointer checks.
#include "api/api_support.h"

#include "api/enum_argument.h"
#include "core/mapped_host_memory.h"
#include "core/module_registry.h"

namespace {

// The symbol's device address on `device` (its storage made on first use).
// Unknown symbol -> cudaErrorInvalidSymbol.
cudaError_t symbolAddress(cucl::Device &device, const void *symbol, char **address,
                          std::size_t *size) {
  cucl::Module *module = nullptr;
  const cucl::ModuleSymbol *found = nullptr;
  if (symbol == nullptr || !cucl::ModuleRegistry::instance().findSymbol(symbol, &module, &found))
    return cudaErrorInvalidSymbol;
  *size = found->size;
  if (found->segment == CUCL_SYMBOL_MANAGED) { // the host storage, mapped into the device
    cucl::ResolvedAddress at;
    std::uintptr_t mapped = 0;
    cudaError_t status =
        cucl::managedStorage(device, const_cast<void *>(found->hostVar), found->size, &at, &mapped);
    *address = reinterpret_cast<char *>(mapped);
    return status;
  }
  cucl::SymbolSegments segments;
  cudaError_t status = module->symbols.on(device, &segments);
  if (status != cudaSuccess)
    return status;
  *address = reinterpret_cast<char *>(segments.base[found->segment]) + found->offset;
  return cudaSuccess;
}

enum class Direction { ToSymbol, FromSymbol };

// CUDA's checks of a symbol copy: the symbol, then the kind (to a symbol:
// host-to-device, device-to-device or default; from one: device-to-host,
// device-to-device or default), then the range within the symbol.
cudaError_t symbolRange(cucl::Device &device, const void *symbol, std::size_t count,
                        std::size_t offset, int kind, Direction direction, char **address) {
  std::size_t size = 0;
  cudaError_t status = symbolAddress(device, symbol, address, &size);
  if (status != cudaSuccess)
    return status;
  int transfer = direction == Direction::ToSymbol ? cudaMemcpyHostToDevice : cudaMemcpyDeviceToHost;
  if (kind != transfer && kind != cudaMemcpyDeviceToDevice && kind != cudaMemcpyDefault)
    return cudaErrorInvalidMemcpyDirection;
  if (offset > size || count > size - offset)
    return cudaErrorInvalidValue;
  *address += offset;
  return cudaSuccess;
}

// The frame of the four copies: CUDA's checks, then `copy` with the address.
template <class Copy>
cudaError_t symbolCopy(const void *symbol, std::size_t count, std::size_t offset,
                       cudaMemcpyKind kind, Direction direction, Copy &&copy) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    char *at = nullptr;
    cudaError_t status =
        symbolRange(device, symbol, count, offset, cucl::enumArgument(kind), direction, &at);
    return status != cudaSuccess ? status : copy(at);
  });
}

} // namespace

CUCL_API cudaError_t cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count,
                                        size_t offset, cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::ToSymbol,
                    [&](char *at) { return cudaMemcpy(at, src, count, kind); });
}

CUCL_API cudaError_t cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count,
                                          size_t offset, cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::FromSymbol,
                    [&](char *at) { return cudaMemcpy(dst, at, count, kind); });
}

CUCL_API cudaError_t cudaMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count,
                                             size_t offset, cudaMemcpyKind kind,
                                             cudaStream_t stream) {
  return symbolCopy(symbol, count, offset, kind, Direction::ToSymbol,
                    [&](char *at) { return cudaMemcpyAsync(at, src, count, kind, stream); });
}

CUCL_API cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count,
                                               size_t offset, cudaMemcpyKind kind,
                                               cudaStream_t stream) {
  return symbolCopy(symbol, count, offset, kind, Direction::FromSymbol,
                    [&](char *at) { return cudaMemcpyAsync(dst, at, count, kind, stream); });
}

CUCL_API cudaError_t cudaGetSymbolAddress(void **devPtr, const void *symbol) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    if (devPtr == nullptr)
      return cudaErrorInvalidValue;
    char *at = nullptr;
    std::size_t size = 0;
    cudaError_t status = symbolAddress(device, symbol, &at, &size);
    if (status == cudaSuccess)
      *devPtr = at;
    return status;
  });
}

CUCL_API cudaError_t cudaGetSymbolSize(size_t *size, const void *symbol) {
  return cucl::onCurrentDevice([&](cucl::Device &device) -> cudaError_t {
    if (size == nullptr)
      return cudaErrorInvalidValue;
    char *at = nullptr;
    std::size_t bytes = 0;
    cudaError_t status = symbolAddress(device, symbol, &at, &bytes);
    if (status == cudaSuccess)
      *size = bytes;
    return status;
  });
}

// Graph copy nodes to and from a symbol: 1-D copy nodes at its address.
CUCL_API cudaError_t cudaGraphAddMemcpyNodeToSymbol(cudaGraphNode_t *pGraphNode, cudaGraph_t graph,
                                                    const cudaGraphNode_t *pDependencies,
                                                    size_t numDependencies, const void *symbol,
                                                    const void *src, size_t count, size_t offset,
                                                    cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::ToSymbol, [&](char *at) {
    return cudaGraphAddMemcpyNode1D(pGraphNode, graph, pDependencies, numDependencies, at, src,
                                    count, kind);
  });
}

CUCL_API cudaError_t cudaGraphAddMemcpyNodeFromSymbol(cudaGraphNode_t *pGraphNode,
                                                      cudaGraph_t graph,
                                                      const cudaGraphNode_t *pDependencies,
                                                      size_t numDependencies, void *dst,
                                                      const void *symbol, size_t count,
                                                      size_t offset, cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::FromSymbol, [&](char *at) {
    return cudaGraphAddMemcpyNode1D(pGraphNode, graph, pDependencies, numDependencies, dst, at,
                                    count, kind);
  });
}

CUCL_API cudaError_t cudaGraphMemcpyNodeSetParamsToSymbol(cudaGraphNode_t node, const void *symbol,
                                                          const void *src, size_t count,
                                                          size_t offset, cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::ToSymbol, [&](char *at) {
    return cudaGraphMemcpyNodeSetParams1D(node, at, src, count, kind);
  });
}

CUCL_API cudaError_t cudaGraphMemcpyNodeSetParamsFromSymbol(cudaGraphNode_t node, void *dst,
                                                            const void *symbol, size_t count,
                                                            size_t offset, cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::FromSymbol, [&](char *at) {
    return cudaGraphMemcpyNodeSetParams1D(node, dst, at, count, kind);
  });
}

CUCL_API cudaError_t cudaGraphExecMemcpyNodeSetParamsToSymbol(cudaGraphExec_t hGraphExec,
                                                              cudaGraphNode_t node,
                                                              const void *symbol, const void *src,
                                                              size_t count, size_t offset,
                                                              cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::ToSymbol, [&](char *at) {
    return cudaGraphExecMemcpyNodeSetParams1D(hGraphExec, node, at, src, count, kind);
  });
}

CUCL_API cudaError_t cudaGraphExecMemcpyNodeSetParamsFromSymbol(cudaGraphExec_t hGraphExec,
                                                                cudaGraphNode_t node, void *dst,
                                                                const void *symbol, size_t count,
                                                                size_t offset,
                                                                cudaMemcpyKind kind) {
  return symbolCopy(symbol, count, offset, kind, Direction::FromSymbol, [&](char *at) {
    return cudaGraphExecMemcpyNodeSetParams1D(hGraphExec, node, dst, at, count, kind);
  });
}
