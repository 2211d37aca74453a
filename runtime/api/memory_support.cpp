#include "api/memory_support.h"

namespace cucl {

PointerSide classifyPointer(const void *pointer, ResolvedAddress *resolved) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  if (registry.memory().resolve(pointer, resolved))
    return PointerSide::Device;
  return registry.addresses().contains(pointer) ? PointerSide::Invalid : PointerSide::Host;
}

cudaError_t streamForAllocation(const ResolvedAddress &resolved, CUstream_st *requested,
                                CUstream_st **out) {
  Device &owner = DeviceRegistry::instance().device(resolved.device);
  if (requested == nullptr || requested->legacy) {
    *out = &owner.legacyStream();
    return cudaSuccess;
  }
  if (&requested->device != &owner)
    return cudaErrorInvalidValue;
  *out = requested;
  return cudaSuccess;
}

} // namespace cucl
