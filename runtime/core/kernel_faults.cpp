#include "core/kernel_faults.h"

#include <array>
#include <atomic>
#include <cstdint>

#include "backend/kernel_fault_guard.h"
#include "core/device.h"
#include "core/diagnostics.h"

namespace cucl {
namespace {

// Per device index (devices past the last slot share it): the faults already
// charged, and whether the device launched anything since.
constexpr std::size_t kSlots = 64;
struct FaultBook {
  std::array<std::atomic<std::uint64_t>, kSlots> seen{};
  std::array<std::atomic<bool>, kSlots> launched{};
};

FaultBook &book() {
  static FaultBook *shared = new FaultBook; // leaked: used during exit
  return *shared;
}

std::size_t slotOf(const Device &device) {
  return std::min(static_cast<std::size_t>(device.index()), kSlots - 1);
}

} // namespace

void guardKernelFaults() {
  if (!backend::installKernelFaultGuard())
    verboseLog("kernel fault guard not installed: a faulting kernel ends the process");
}

void noteKernelLaunch(const Device &device) {
  std::atomic<bool> &launched = book().launched[slotOf(device)];
  if (!launched.load(std::memory_order_relaxed))
    launched.store(true, std::memory_order_relaxed);
}

cudaError_t collectKernelFaults(Device &device) {
  FaultBook &faults = book();
  std::size_t slot = slotOf(device);
  std::uint64_t count = backend::kernelFaultCount();
  std::uint64_t seen = faults.seen[slot].load(std::memory_order_acquire);
  if (count == seen || !faults.launched[slot].load(std::memory_order_relaxed))
    return cudaSuccess;
  if (!faults.seen[slot].compare_exchange_strong(seen, count))
    return device.stickyError(); // another thread is charging these faults
  backend::KernelFault first;
  if (backend::kernelFaultAfter(seen, &first))
    verboseLog("kernel %s: illegal %s at address %#llx (%llu access%s faulted; the kernel "
               "went on past them) -> cudaErrorIllegalAddress",
               first.kernel, first.write ? "write" : "access",
               static_cast<unsigned long long>(first.address),
               static_cast<unsigned long long>(count - seen), count - seen == 1 ? "" : "es");
  // The pages that absorbed the kernel's wild accesses are not needed once
  // it is done (a kernel still running elsewhere just faults again).
  backend::releaseSinkPages();
  device.raiseStickyError(cudaErrorIllegalAddress);
  return device.stickyError();
}

} // namespace cucl
