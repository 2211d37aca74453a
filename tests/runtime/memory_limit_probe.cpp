// Helper for memory_limits_test, run in a child process:
//   measure  prints the address space (bytes) the process uses once the
//            OpenCL driver has started, as the runtime starts it (no cucl call)
//   check    run under `ulimit -v`: the runtime starts, refuses what the
//            address space cannot back with cudaErrorMemoryAllocation (not
//            sticky), and every allocation it grants can be written and read
//            in full; prints "PASSED ..." and exits 0, else "FAIL: ..." and 1.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#ifndef CL_TARGET_OPENCL_VERSION
#define CL_TARGET_OPENCL_VERSION 120
#endif
#include <CL/cl.h>
#include <cuda_runtime.h>

#include "address_space_in_use.h"

namespace {

constexpr size_t kMiB = size_t(1) << 20;

int measure() {
  cl_uint platforms = 0;
  if (clGetPlatformIDs(0, nullptr, &platforms) != CL_SUCCESS || platforms == 0)
    return 1;
  std::vector<cl_platform_id> ids(platforms);
  clGetPlatformIDs(platforms, ids.data(), nullptr);
  for (cl_platform_id platform : ids) {
    cl_uint count = 0;
    if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &count) != CL_SUCCESS)
      continue;
    std::vector<cl_device_id> devices(count);
    clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count, devices.data(), nullptr);
    for (cl_device_id device : devices) {
      cl_int status = CL_SUCCESS;
      cl_context context = clCreateContext(nullptr, 1, &device, nullptr, nullptr, &status);
      if (status == CL_SUCCESS)
        clCreateCommandQueue(context, device, 0, &status); // kept, as the runtime's are
    }
  }
  std::printf("%zu\n", addressSpaceInUse());
  return 0;
}

int fail(const char *what, cudaError_t status) {
  std::printf("FAIL: %s: %s\n", what, cudaGetErrorName(status));
  return 1;
}

bool usable(void *device, std::vector<unsigned char> &host, unsigned char value) {
  if (cudaMemset(device, value, host.size()) != cudaSuccess ||
      cudaMemcpy(host.data(), device, host.size(), cudaMemcpyDeviceToHost) != cudaSuccess)
    return false;
  return std::all_of(host.begin(), host.end(),
                     [value](unsigned char byte) { return byte == value; });
}

int check() {
  cudaError_t status = cudaFree(nullptr);
  if (status != cudaSuccess)
    return fail("the runtime does not start", status);
  size_t free = 0, total = 0;
  status = cudaMemGetInfo(&free, &total);
  if (status != cudaSuccess)
    return fail("cudaMemGetInfo", status);
  const size_t chunk = 16 * kMiB;
  std::vector<unsigned char> host(chunk);

  void *big = nullptr;
  status = cudaMalloc(&big, 1024 * kMiB);
  if (status != cudaErrorMemoryAllocation)
    return fail("1 GiB cudaMalloc under the limit", status);
  if (cudaGetLastError() != cudaErrorMemoryAllocation || cudaGetLastError() != cudaSuccess)
    return fail("the refusal is not the last error once", cudaErrorUnknown);

  // Everything the runtime grants, used in full (every page written on the
  // device and read back), until it refuses.
  std::vector<void *> granted;
  for (int i = 0; i < 64; ++i) {
    void *block = nullptr;
    status = cudaMalloc(&block, chunk);
    if (status != cudaSuccess)
      break;
    granted.push_back(block);
    if (!usable(block, host, static_cast<unsigned char>(i + 1)))
      return fail("a granted allocation cannot be used in full", cudaGetLastError());
  }
  if (status != cudaErrorMemoryAllocation)
    return fail("the refusal", status);
  if (granted.size() < 2)
    return fail("fewer than two 16 MiB allocations were granted", status);
  if (cudaGetLastError() != cudaErrorMemoryAllocation || cudaGetLastError() != cudaSuccess)
    return fail("the refusal is not the last error once", cudaErrorUnknown);
  size_t freeAtRefusal = 0;
  cudaMemGetInfo(&freeAtRefusal, &total);

  // Memory given back can be taken again; host allocations are refused too.
  if (cudaFree(granted.back()) != cudaSuccess)
    return fail("cudaFree", cudaGetLastError());
  status = cudaMalloc(&granted.back(), chunk);
  if (status != cudaSuccess)
    return fail("allocating freed memory again", status);
  if (!usable(granted.back(), host, 0xee))
    return fail("the new allocation cannot be used in full", cudaGetLastError());
  void *pinned = nullptr;
  status = cudaMallocHost(&pinned, 1024 * kMiB);
  if (status != cudaErrorMemoryAllocation)
    return fail("1 GiB cudaMallocHost under the limit", status);
  cudaGetLastError();
  for (void *block : granted)
    if (cudaFree(block) != cudaSuccess)
      return fail("cudaFree", cudaGetLastError());
  if (cudaDeviceSynchronize() != cudaSuccess)
    return fail("cudaDeviceSynchronize", cudaGetLastError());
  std::printf("PASSED: %zu MiB free at start, %zu x 16 MiB granted and used, %zu MiB free at the "
              "refusal\n",
              free / kMiB, granted.size(), freeAtRefusal / kMiB);
  return 0;
}

} // namespace

int main(int argc, char **argv) {
  if (argc == 2 && std::strcmp(argv[1], "measure") == 0)
    return measure();
  if (argc == 2 && std::strcmp(argv[1], "check") == 0)
    return check();
  std::fprintf(stderr, "usage: %s measure|check\n", argv[0]);
  return 2;
}
