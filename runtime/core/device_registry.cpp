#include "core/device_registry.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>

#include "backend/cl_error_names.h"
#include "backend/device_discovery.h"
#include "backend/kernel_fault_guard.h"
#include "backend/worker_stacks.h"
#include "core/diagnostics.h"
#include "core/kernel_faults.h"

namespace cucl {

namespace {
thread_local int currentIndex = 0;

std::string lowered(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// CUCL_DEVICE: an index into the discovered list, or a case-insensitive
// substring of the device name (first match). The chosen device becomes the
// only one; no match leaves none.
std::vector<cl::Device> applyDeviceSelection(std::vector<cl::Device> devices) {
  const char *selection = std::getenv("CUCL_DEVICE");
  if (selection == nullptr || *selection == '\0')
    return devices;
  std::string wanted = selection;
  bool isIndex = std::all_of(wanted.begin(), wanted.end(),
                             [](unsigned char c) { return std::isdigit(c) != 0; });
  if (isIndex) {
    unsigned long index = std::strtoul(wanted.c_str(), nullptr, 10);
    if (index < devices.size())
      return {devices[index]};
  } else {
    std::string needle = lowered(wanted);
    for (const cl::Device &device : devices)
      if (lowered(device.getInfo<CL_DEVICE_NAME>()).find(needle) != std::string::npos)
        return {device};
  }
  verboseLog("CUCL_DEVICE=%s matches no OpenCL device", selection);
  return {};
}
} // namespace

DeviceRegistry &DeviceRegistry::instance() {
  // Leaked on purpose: OpenCL objects must not be released from static
  // destructors, which may run after the driver has shut down.
  static DeviceRegistry *registry = new DeviceRegistry;
  return *registry;
}

cudaError_t DeviceRegistry::initialize() {
  std::call_once(once_, [this] {
    status_ = discover();
    ready_.store(status_ == cudaSuccess, std::memory_order_release);
  });
  return status_;
}

Device *DeviceRegistry::currentIfInitialized() {
  if (!ready_.load(std::memory_order_acquire))
    return nullptr;
  return &device(currentIndex);
}

cudaError_t DeviceRegistry::discover() {
  guardKernelFaults();
  // The driver starts its worker threads while devices and contexts are made.
  backend::WorkerStackScope workerStacks;
  std::vector<cl::Device> found = applyDeviceSelection(backend::discoverDevices());
  if (found.empty())
    return cudaErrorNoDevice;
  std::size_t totalMemory = 0;
  for (std::size_t i = 0; i < found.size(); ++i) {
    cl_int status = CL_SUCCESS;
    auto device = std::make_unique<Device>(static_cast<int>(i), found[i], &status);
    if (status != CL_SUCCESS) {
      verboseLog("cannot initialize OpenCL device %zu: %s", i, backend::clErrorName(status));
      return cudaErrorInitializationError;
    }
    totalMemory += device->limits().globalMemSize;
    devices_.push_back(std::move(device));
  }
  addresses_ = std::make_unique<AddressReservation>(2 * totalMemory);
  if (!addresses_->valid()) {
    verboseLog("cannot reserve the device address range");
    return cudaErrorInitializationError;
  }
  // Wild kernel accesses near allocations often land in this range.
  backend::setSinkableRange(addresses_->base(), addresses_->size());
  if (addresses_->size() < totalMemory)
    verboseLog("reserved only %zu bytes of device addresses for %zu bytes of device memory",
               addresses_->size(), totalMemory);
  return cudaSuccess;
}

cudaError_t currentDevice(Device **out) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  cudaError_t status = registry.initialize();
  if (status != cudaSuccess)
    return status;
  *out = &registry.device(currentIndex);
  return cudaSuccess;
}

cudaError_t deviceAt(int index, Device **out) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  cudaError_t status = registry.initialize();
  if (status != cudaSuccess)
    return status;
  if (index < 0 || index >= registry.count())
    return cudaErrorInvalidDevice;
  *out = &registry.device(index);
  return cudaSuccess;
}

cudaError_t setCurrentDevice(int index) {
  Device *device = nullptr;
  cudaError_t status = deviceAt(index, &device);
  if (status == cudaSuccess)
    currentIndex = index;
  return status;
}

int currentDeviceIndex() {
  return currentIndex;
}

} // namespace cucl
