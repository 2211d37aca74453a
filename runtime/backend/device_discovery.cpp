#include "backend/device_discovery.h"

namespace cucl::backend {

std::vector<cl::Device> discoverDevices() {
  std::vector<cl::Platform> platforms;
  // No ICD or no platform reports an error here: that simply means no device.
  if (cl::Platform::get(&platforms) != CL_SUCCESS)
    return {};

  std::vector<cl::Device> fast, others;
  for (const cl::Platform &platform : platforms) {
    std::vector<cl::Device> devices;
    if (platform.getDevices(CL_DEVICE_TYPE_ALL, &devices) != CL_SUCCESS)
      continue;
    for (const cl::Device &device : devices) {
      cl_device_type type = device.getInfo<CL_DEVICE_TYPE>();
      bool preferred = (type & (CL_DEVICE_TYPE_GPU | CL_DEVICE_TYPE_ACCELERATOR)) != 0;
      (preferred ? fast : others).push_back(device);
    }
  }
  fast.insert(fast.end(), others.begin(), others.end());
  return fast;
}

} // namespace cucl::backend
