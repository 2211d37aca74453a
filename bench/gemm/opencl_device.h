// The OpenCL device behind the current CUDA device, so that CLBlast runs on
// exactly the device cucl's cuBLAS runs on.
#ifndef CUCL_BENCH_GEMM_OPENCL_DEVICE_H
#define CUCL_BENCH_GEMM_OPENCL_DEVICE_H

#include <string>

#include "opencl.h"

namespace bench {

// A null device and a message in `error` when there is none.
cl::Device openclDeviceOfCurrentCudaDevice(std::string &error);

} // namespace bench

#endif // CUCL_BENCH_GEMM_OPENCL_DEVICE_H
