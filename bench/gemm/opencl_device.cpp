#include "opencl_device.h"

#include <cucl/opencl_interop.h>
#include <cuda_runtime.h>

namespace bench {

// The runtime says which OpenCL device a CUDA device is (CUCL_DEVICE and all).
cl::Device openclDeviceOfCurrentCudaDevice(std::string &error) {
  int current = 0;
  cudaError_t status = cudaGetDevice(&current);
  cuclOpenCLDevice opencl{};
  if (status == cudaSuccess)
    status = __cuclGetOpenCLDevice(current, &opencl);
  if (status != cudaSuccess) {
    error = std::string("no OpenCL device behind the CUDA device: ") + cudaGetErrorName(status);
    return cl::Device();
  }
  return cl::Device(opencl.device, true); // borrowed from the runtime: retain our own reference
}

} // namespace bench
