// Process-wide runtime state created on the first API call that needs a
// device: the devices, the device address reservation and the memory map.
// Also the per-host-thread current device.
#ifndef CUCL_CORE_DEVICE_REGISTRY_H
#define CUCL_CORE_DEVICE_REGISTRY_H

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

#include "core/address_reservation.h"
#include "core/device.h"
#include "core/memory_map.h"
#include "core/public_headers.h"

namespace cucl {

class DeviceRegistry {
public:
  static DeviceRegistry &instance();

  // Discovers devices once. cudaErrorNoDevice when none is usable (or
  // CUCL_DEVICE matches none), cudaErrorInitializationError when one fails
  // to initialize or the address range cannot be reserved.
  cudaError_t initialize();

  // This thread's current device, or nullptr before a successful initialize().
  Device *currentIfInitialized();

  int count() const { return static_cast<int>(devices_.size()); }
  Device &device(int index) { return *devices_[static_cast<std::size_t>(index)]; }
  AddressReservation &addresses() { return *addresses_; }
  MemoryMap &memory() { return memory_; }

private:
  DeviceRegistry() = default;
  cudaError_t discover();

  std::once_flag once_;
  std::atomic<bool> ready_{false};
  cudaError_t status_ = cudaErrorInitializationError;
  std::vector<std::unique_ptr<Device>> devices_;
  std::unique_ptr<AddressReservation> addresses_;
  MemoryMap memory_;
};

// Initializes on demand and returns this thread's current device.
cudaError_t currentDevice(Device **out);
// Initializes on demand and returns device `index`; cudaErrorInvalidDevice
// for an index outside [0, count).
cudaError_t deviceAt(int index, Device **out);
// cudaErrorInvalidDevice for an index outside [0, count).
cudaError_t setCurrentDevice(int index);
int currentDeviceIndex();

} // namespace cucl

#endif // CUCL_CORE_DEVICE_REGISTRY_H
