// The raw OpenCL side of bench-first-kernel: the same program as
// first_kernel.cu written straight against OpenCL, building the very OpenCL C
// module cucl-translate emits for it (embedded at build time) with the options
// cucl uses, and timed the same way: from process start to the completion of
// boxBlur. Argument: milliseconds of host work before the build (a raw OpenCL
// program builds where it is written: here, after preparing its input).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

#include "first_kernel.cl.h" // bench::firstKernelSource
#include "first_kernel_common.h"

static void check(cl_int status, const char *what) {
  if (status != CL_SUCCESS) {
    std::fprintf(stderr, "%s failed: %d\n", what, status);
    std::exit(1);
  }
}

int main(int argc, char **argv) {
  const int hostWorkMs = argc > 1 ? std::atoi(argv[1]) : 0;
  const int width = 512, height = 512, n = width * height;
  cl_platform_id platform;
  cl_device_id device;
  cl_int status = clGetPlatformIDs(1, &platform, nullptr);
  check(status, "clGetPlatformIDs");
  check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 1, &device, nullptr), "clGetDeviceIDs");
  cl_context context = clCreateContext(nullptr, 1, &device, nullptr, nullptr, &status);
  check(status, "clCreateContext");
  cl_command_queue queue = clCreateCommandQueue(context, device, 0, &status);
  check(status, "clCreateCommandQueue");
  cl_mem in = clCreateBuffer(context, CL_MEM_READ_WRITE, n * sizeof(float), nullptr, &status);
  check(status, "clCreateBuffer");
  cl_mem out = clCreateBuffer(context, CL_MEM_READ_WRITE, n * sizeof(float), nullptr, &status);
  check(status, "clCreateBuffer");

  std::vector<float> image = prepareImage(n, hostWorkMs);

  const char *source = bench::firstKernelSource;
  cl_program program = clCreateProgramWithSource(context, 1, &source, nullptr, &status);
  check(status, "clCreateProgramWithSource");
  check(clBuildProgram(program, 1, &device, "-cl-std=CL1.2 -cl-fp32-correctly-rounded-divide-sqrt",
                       nullptr, nullptr),
        "clBuildProgram");
  cl_kernel blur = clCreateKernel(program, "boxBlur", &status);
  check(status, "clCreateKernel");
  check(clEnqueueWriteBuffer(queue, in, CL_TRUE, 0, n * sizeof(float), image.data(), 0, nullptr,
                             nullptr),
        "clEnqueueWriteBuffer");
  cl_ulong zero = 0;
  check(clSetKernelArg(blur, 0, sizeof(cl_mem), &out), "clSetKernelArg");
  check(clSetKernelArg(blur, 1, sizeof(cl_ulong), &zero), "clSetKernelArg");
  check(clSetKernelArg(blur, 2, sizeof(cl_mem), &in), "clSetKernelArg");
  check(clSetKernelArg(blur, 3, sizeof(cl_ulong), &zero), "clSetKernelArg");
  check(clSetKernelArg(blur, 4, sizeof(int), &width), "clSetKernelArg");
  check(clSetKernelArg(blur, 5, sizeof(int), &height), "clSetKernelArg");
  size_t global[2] = {(size_t)width, (size_t)height}, local[2] = {16, 16};
  check(clEnqueueNDRangeKernel(queue, blur, 2, nullptr, global, local, 0, nullptr, nullptr),
        "clEnqueueNDRangeKernel");
  check(clFinish(queue), "clFinish");
  std::printf("first-kernel-done %lld\n", monotonicNs());
  std::fflush(stdout);
  clReleaseKernel(blur);
  clReleaseProgram(program);
  clReleaseMemObject(in);
  clReleaseMemObject(out);
  clReleaseCommandQueue(queue);
  clReleaseContext(context);
  return 0;
}
