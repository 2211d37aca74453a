#include "core/mapped_host_memory.h"

#include <cstdlib>
#include <cstring>
#include <map>
#include <vector>

#include "core/device_registry.h"
#include "core/diagnostics.h"
#include "core/stream.h"

namespace cucl {

namespace {

// Mapped blocks by the host address they start at.
struct MappedTable {
  std::mutex mutex;
  std::map<std::uintptr_t, std::shared_ptr<MappedBlock>> blocks;
};
MappedTable &mappedTable() {
  static MappedTable *table = new MappedTable; // leaked: used during exit
  return *table;
}

// Whether the device uses the host bytes themselves. OpenCL promises that
// for no device, so it is only assumed where nothing else is plausible: a CPU
// device sharing host memory, given a pointer aligned as its buffers are (a
// driver may copy a misaligned one). CUCL_ZERO_COPY=0 forces the map
// protocol everywhere (to test it on such a device).
bool zeroCopy(const Device &device, const void *host) {
  const char *forced = std::getenv("CUCL_ZERO_COPY");
  if (forced != nullptr && std::strcmp(forced, "0") == 0)
    return false;
  const cl::Device &clDevice = device.clDevice();
  if ((clDevice.getInfo<CL_DEVICE_TYPE>() & CL_DEVICE_TYPE_CPU) == 0 ||
      clDevice.getInfo<CL_DEVICE_HOST_UNIFIED_MEMORY>() == CL_FALSE)
    return false;
  std::uintptr_t alignment = clDevice.getInfo<CL_DEVICE_MEM_BASE_ADDR_ALIGN>() / 8; // in bits
  return alignment <= 1 || reinterpret_cast<std::uintptr_t>(host) % alignment == 0;
}

// Undoes the map that keeps the host bytes authoritative and drops the
// block's device address. The caller holds no lock on the block.
void release(const std::shared_ptr<MappedBlock> &block) {
  DeviceRegistry &registry = DeviceRegistry::instance();
  {
    std::lock_guard<std::mutex> lock(block->mutex);
    if (block->view != nullptr) {
      cl::CommandQueue &queue = registry.device(block->device).legacyStream().queue;
      std::vector<cl::Event> after{block->mappedBy};
      cl::Event unmapped;
      if (queue.enqueueUnmapMemObject(block->buffer, block->view, &after, &unmapped) == CL_SUCCESS)
        unmapped.wait();
      block->view = nullptr;
    }
  }
  Allocation removed;
  registry.memory().erase(block->deviceAddress, &removed, /*runtimeOwned=*/true);
  if (block->reserved != 0)
    registry.addresses().release(block->reserved, block->reservedBytes);
}

} // namespace

cudaError_t mapHostMemory(Device &device, void *host, std::size_t bytes, bool readOnly,
                          bool atHostAddress) {
  auto block = std::make_shared<MappedBlock>();
  block->zeroCopy = zeroCopy(device, host);
  if (readOnly && !block->zeroCopy)
    return cudaErrorNotSupported;
  if (bytes > device.limits().maxAllocSize)
    return cudaErrorMemoryAllocation;
  block->host = static_cast<char *>(host);
  block->size = bytes;
  block->device = device.index();
  std::size_t lead = reinterpret_cast<std::uintptr_t>(host) % AddressReservation::kAlignment;
  DeviceRegistry &registry = DeviceRegistry::instance();
  if (atHostAddress) {
    block->deviceAddress = reinterpret_cast<std::uintptr_t>(host);
  } else {
    block->reservedBytes = lead + bytes;
    block->reserved = bytes <= SIZE_MAX - lead ? registry.addresses().allocate(lead + bytes) : 0;
    if (block->reserved == 0)
      return cudaErrorMemoryAllocation;
    block->deviceAddress = block->reserved + lead;
  }
  cl_int status = CL_SUCCESS;
  block->buffer =
      cl::Buffer(device.context(), CL_MEM_READ_WRITE | CL_MEM_USE_HOST_PTR, bytes, host, &status);
  if (status == CL_SUCCESS && !block->zeroCopy) {
    // The host bytes are the program's from the start: map them now.
    block->view = device.legacyStream().queue.enqueueMapBuffer(block->buffer, CL_TRUE,
                                                               CL_MAP_READ | CL_MAP_WRITE, 0, bytes,
                                                               nullptr, &block->mappedBy, &status);
  }
  if (status != CL_SUCCESS) {
    verboseLog("mapping %zu host bytes at %p failed (OpenCL status %d)", bytes, host, status);
    if (block->reserved != 0)
      registry.addresses().release(block->reserved, block->reservedBytes);
    return cudaErrorMemoryAllocation;
  }
  {
    MappedTable &table = mappedTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    table.blocks.emplace(reinterpret_cast<std::uintptr_t>(host), block);
  }
  registry.memory().insert(Allocation{block->deviceAddress, bytes, device.index(), block->buffer,
                                      /*runtimeOwned=*/true, block});
  return cudaSuccess;
}

bool releaseHostMapping(void *host) {
  std::shared_ptr<MappedBlock> block;
  {
    MappedTable &table = mappedTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    auto it = table.blocks.find(reinterpret_cast<std::uintptr_t>(host));
    if (it == table.blocks.end())
      return false;
    block = std::move(it->second);
    table.blocks.erase(it);
  }
  release(block);
  return true;
}

void releaseHostMappings(Device &device) {
  std::vector<std::shared_ptr<MappedBlock>> taken;
  {
    MappedTable &table = mappedTable();
    std::lock_guard<std::mutex> lock(table.mutex);
    for (auto it = table.blocks.begin(); it != table.blocks.end();) {
      if (it->second->device == device.index()) {
        taken.push_back(std::move(it->second));
        it = table.blocks.erase(it);
      } else {
        ++it;
      }
    }
  }
  for (const std::shared_ptr<MappedBlock> &block : taken)
    release(block);
}

std::shared_ptr<MappedBlock> findMappedHost(const void *pointer) {
  auto address = reinterpret_cast<std::uintptr_t>(pointer);
  MappedTable &table = mappedTable();
  std::lock_guard<std::mutex> lock(table.mutex);
  auto it = table.blocks.upper_bound(address);
  if (it == table.blocks.begin())
    return nullptr;
  --it;
  return address - it->first < it->second->size ? it->second : nullptr;
}

cudaError_t managedStorage(Device &device, void *host, std::size_t bytes, ResolvedAddress *out,
                           std::uintptr_t *deviceAddress) {
  // One launch at a time maps a variable: two would map the same bytes twice.
  static std::mutex mapping;
  std::lock_guard<std::mutex> lock(mapping);
  std::shared_ptr<MappedBlock> block = findMappedHost(host);
  if (!block) {
    cudaError_t status = mapHostMemory(device, host, bytes);
    if (status != cudaSuccess)
      return status;
    block = findMappedHost(host);
  }
  if (!block || block->device != device.index() ||
      static_cast<std::size_t>(static_cast<char *>(host) - block->host) + bytes > block->size)
    return cudaErrorNotSupported;
  std::uintptr_t address =
      block->deviceAddress + static_cast<std::uintptr_t>(static_cast<char *>(host) - block->host);
  if (!DeviceRegistry::instance().memory().resolve(reinterpret_cast<const void *>(address), out))
    return cudaErrorInvalidValue;
  if (deviceAddress != nullptr)
    *deviceAddress = address;
  return cudaSuccess;
}

} // namespace cucl
