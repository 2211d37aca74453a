// Measures what the runtime adds over raw OpenCL on the same device:
//   launch+sync   cudaLaunchKernel + cudaDeviceSynchronize  vs  enqueueNDRange + finish
//   launch only   cudaLaunchKernel (asynchronous)           vs  enqueueNDRange
//   4 B H2D/D2H   cudaMemcpy                                vs  blocking write/read
//   64 MiB H2D    cudaMemcpy                                vs  blocking write
// and prints each pair with the ratio cucl/raw.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <vector>

#define CL_TARGET_OPENCL_VERSION 120
#define CL_HPP_TARGET_OPENCL_VERSION 120
#define CL_HPP_MINIMUM_OPENCL_VERSION 120
#include <CL/opencl.hpp>

#include <cucl/module_abi.h>
#include <cuda_runtime.h>

namespace {

const char kSource[] = R"CL(
__kernel void touch(__global int *p__base, ulong p__off) {
  __global int *p = (__global int *)((__global char *)p__base + p__off);
  if (get_global_id(0) == 0) p[0] += 1;
}
)CL";
const char kTouchStub = 0;

// Microseconds per call of `body`: the best mean of five runs of
// `iterations` calls after a warm-up (best-of, because the machine is shared).
double microsPerCall(
    int iterations, const std::function<void()> &body, const std::function<void()> &drain = [] {}) {
  for (int i = 0; i < iterations / 10 + 1; ++i)
    body();
  drain();
  double best = 1e300;
  for (int run = 0; run < 5; ++run) {
    auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < iterations; ++i)
      body();
    drain();
    std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
    best = std::min(best, elapsed.count() / iterations);
  }
  return best;
}

void row(const char *what, double cucl, double raw) {
  std::printf("%-28s %12.2f %12.2f %8.2fx\n", what, cucl, raw, raw > 0 ? cucl / raw : 0.0);
}

bool check(cudaError_t status, const char *what) {
  if (status != cudaSuccess)
    std::fprintf(stderr, "%s: %s\n", what, cudaGetErrorName(status));
  return status == cudaSuccess;
}

} // namespace

int main() {
  cuclModuleImage image{CUCL_MODULE_MAGIC, CUCL_MODULE_ABI_VERSION, "bench.cl",
                        kSource,           std::strlen(kSource),    nullptr};
  void **module = __cuclRegisterModule(&image);
  cuclKernelArgInfo pointerArg{cuclArgGlobalPointer, sizeof(void *)};
  __cuclRegisterKernel(module, &kTouchStub, "touch", 1, &pointerArg, 0);

  cudaDeviceProp prop;
  if (!check(cudaGetDeviceProperties(&prop, 0), "cudaGetDeviceProperties"))
    return 1;
  const size_t bigBytes = size_t(64) << 20;
  int *d = nullptr;
  char *dBig = nullptr;
  if (!check(cudaMalloc(&d, sizeof(int)), "cudaMalloc") ||
      !check(cudaMalloc(&dBig, bigBytes), "cudaMalloc"))
    return 1;
  void *args[] = {&d};
  int hostValue = 0;
  std::vector<char> hostBig(bigBytes, 1);

  // Raw OpenCL on the device cucl uses as device 0 (the name identifies it;
  // CUCL_DEVICE narrows both sides the same way when set).
  std::vector<cl::Platform> platforms;
  cl::Platform::get(&platforms);
  cl::Device device;
  for (const cl::Platform &platform : platforms) {
    std::vector<cl::Device> devices;
    platform.getDevices(CL_DEVICE_TYPE_ALL, &devices);
    for (const cl::Device &candidate : devices)
      if (candidate.getInfo<CL_DEVICE_NAME>() == prop.name && device() == nullptr)
        device = candidate;
  }
  if (device() == nullptr) {
    std::fprintf(stderr, "cannot find OpenCL device %s\n", prop.name);
    return 1;
  }
  cl::Context context(device);
  cl::CommandQueue queue(context, device);
  cl::Program program(context, kSource);
  if (program.build(std::vector<cl::Device>{device}, "-cl-std=CL1.2") != CL_SUCCESS)
    return 1;
  cl::Kernel kernel(program, "touch");
  cl::Buffer buffer(context, CL_MEM_READ_WRITE, sizeof(int));
  cl::Buffer bigBuffer(context, CL_MEM_READ_WRITE, bigBytes);
  kernel.setArg(0, buffer);
  kernel.setArg(1, cl_ulong(0));
  cl::NDRange one(1, 1, 1);

  std::printf("device: %s\n%-28s %12s %12s %9s\n", prop.name, "operation (us per call)", "cucl",
              "raw OpenCL", "ratio");
  const int n = 1000;
  row("launch + synchronize",
      microsPerCall(n,
                    [&] {
                      cudaLaunchKernel(&kTouchStub, dim3(1), dim3(1), args, 0, nullptr);
                      cudaDeviceSynchronize();
                    }),
      microsPerCall(n, [&] {
        queue.enqueueNDRangeKernel(kernel, cl::NullRange, one, one);
        queue.finish();
      }));
  row("launch only (async)",
      microsPerCall(
          n, [&] { cudaLaunchKernel(&kTouchStub, dim3(1), dim3(1), args, 0, nullptr); },
          [] { cudaDeviceSynchronize(); }),
      microsPerCall(
          n, [&] { queue.enqueueNDRangeKernel(kernel, cl::NullRange, one, one); },
          [&] { queue.finish(); }));
  row("memcpy 4 B host->device",
      microsPerCall(n, [&] { cudaMemcpy(d, &hostValue, sizeof(int), cudaMemcpyHostToDevice); }),
      microsPerCall(
          n, [&] { queue.enqueueWriteBuffer(buffer, CL_TRUE, 0, sizeof(int), &hostValue); }));
  row("memcpy 4 B device->host",
      microsPerCall(n, [&] { cudaMemcpy(&hostValue, d, sizeof(int), cudaMemcpyDeviceToHost); }),
      microsPerCall(n,
                    [&] { queue.enqueueReadBuffer(buffer, CL_TRUE, 0, sizeof(int), &hostValue); }));
  row("memcpy 64 MiB host->device",
      microsPerCall(4, [&] { cudaMemcpy(dBig, hostBig.data(), bigBytes, cudaMemcpyHostToDevice); }),
      microsPerCall(
          4, [&] { queue.enqueueWriteBuffer(bigBuffer, CL_TRUE, 0, bigBytes, hostBig.data()); }));
  bool ok = check(cudaDeviceSynchronize(), "cudaDeviceSynchronize") &&
            check(cudaFree(d), "cudaFree") && check(cudaFree(dBig), "cudaFree");
  __cuclUnregisterModule(module);
  return ok ? 0 : 1;
}
