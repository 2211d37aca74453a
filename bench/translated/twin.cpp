// The raw OpenCL side of bench-translated (see twin.h).
#include "twin.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#define CL_TARGET_OPENCL_VERSION 120
#include <CL/cl.h>

namespace twin {
namespace {

struct State {
  cl_platform_id platform = nullptr;
  cl_device_id device = nullptr;
  cl_context context = nullptr;
  cl_command_queue queue = nullptr;
  std::string sourceDir;
  std::map<std::string, cl_program> programs;
  std::map<std::string, cl_kernel> kernels;
};
State state;

void check(cl_int status, const char *what) {
  if (status != CL_SUCCESS) {
    std::fprintf(stderr, "OpenCL twin: %s failed (%d)\n", what, status);
    std::exit(1);
  }
}

std::string deviceString(cl_device_id device, cl_device_info what) {
  size_t size = 0;
  check(clGetDeviceInfo(device, what, 0, nullptr, &size), "clGetDeviceInfo");
  std::string text(size, '\0');
  check(clGetDeviceInfo(device, what, size, text.data(), nullptr), "clGetDeviceInfo");
  return text.c_str();
}

std::string platformString(cl_platform_id platform, cl_platform_info what) {
  size_t size = 0;
  check(clGetPlatformInfo(platform, what, 0, nullptr, &size), "clGetPlatformInfo");
  std::string text(size, '\0');
  check(clGetPlatformInfo(platform, what, size, text.data(), nullptr), "clGetPlatformInfo");
  return text.c_str();
}

cl_program program(const std::string &file) {
  auto found = state.programs.find(file);
  if (found != state.programs.end())
    return found->second;
  std::string path = state.sourceDir + "/" + file;
  std::ifstream stream(path);
  if (!stream) {
    std::fprintf(stderr, "OpenCL twin: cannot read %s\n", path.c_str());
    std::exit(1);
  }
  std::stringstream text;
  text << stream.rdbuf();
  std::string source = text.str();
  const char *pointer = source.c_str();
  cl_int status = CL_SUCCESS;
  cl_program built = clCreateProgramWithSource(state.context, 1, &pointer, nullptr, &status);
  check(status, "clCreateProgramWithSource");
  // TRANSLATED_TWIN_OPTIONS adds build options, to try what cucl's own
  // options (docs/design.md, "Device code") change.
  std::string options = "-cl-std=CL1.2";
  if (const char *extra = std::getenv("TRANSLATED_TWIN_OPTIONS"))
    options += std::string(" ") + extra;
  status = clBuildProgram(built, 1, &state.device, options.c_str(), nullptr, nullptr);
  if (status != CL_SUCCESS) {
    size_t size = 0;
    clGetProgramBuildInfo(built, state.device, CL_PROGRAM_BUILD_LOG, 0, nullptr, &size);
    std::string log(size, '\0');
    clGetProgramBuildInfo(built, state.device, CL_PROGRAM_BUILD_LOG, size, log.data(), nullptr);
    std::fprintf(stderr, "OpenCL twin: building %s failed:\n%s\n", path.c_str(), log.c_str());
    std::exit(1);
  }
  state.programs[file] = built;
  return built;
}

} // namespace

void open(const char *deviceName, const char *sourceDir) {
  state.sourceDir = sourceDir;
  cl_uint platformCount = 0;
  check(clGetPlatformIDs(0, nullptr, &platformCount), "clGetPlatformIDs");
  std::vector<cl_platform_id> platforms(platformCount);
  check(clGetPlatformIDs(platformCount, platforms.data(), nullptr), "clGetPlatformIDs");
  for (cl_platform_id platform : platforms) {
    cl_uint count = 0;
    if (clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, 0, nullptr, &count) != CL_SUCCESS)
      continue;
    std::vector<cl_device_id> devices(count);
    check(clGetDeviceIDs(platform, CL_DEVICE_TYPE_ALL, count, devices.data(), nullptr),
          "clGetDeviceIDs");
    for (cl_device_id device : devices)
      if (state.device == nullptr && deviceString(device, CL_DEVICE_NAME) == deviceName) {
        state.platform = platform;
        state.device = device;
      }
  }
  if (state.device == nullptr) {
    std::fprintf(stderr, "OpenCL twin: no OpenCL device is named \"%s\"\n", deviceName);
    std::exit(1);
  }
  cl_int status = CL_SUCCESS;
  state.context = clCreateContext(nullptr, 1, &state.device, nullptr, nullptr, &status);
  check(status, "clCreateContext");
  state.queue = clCreateCommandQueue(state.context, state.device, 0, &status);
  check(status, "clCreateCommandQueue");
  std::printf("OpenCL twin: %s, %s (own context and queue)\n",
              platformString(state.platform, CL_PLATFORM_NAME).c_str(),
              deviceString(state.device, CL_DEVICE_NAME).c_str());
}

void close() {
  for (auto &entry : state.kernels)
    clReleaseKernel(entry.second);
  for (auto &entry : state.programs)
    clReleaseProgram(entry.second);
  if (state.queue != nullptr)
    clReleaseCommandQueue(state.queue);
  if (state.context != nullptr)
    clReleaseContext(state.context);
  state = State();
}

Buffer alloc(size_t bytes) {
  cl_int status = CL_SUCCESS;
  Buffer buffer;
  buffer.mem = clCreateBuffer(state.context, CL_MEM_READ_WRITE, bytes, nullptr, &status);
  check(status, "clCreateBuffer");
  buffer.bytes = bytes;
  return buffer;
}

Buffer upload(const void *host, size_t bytes) {
  Buffer buffer = alloc(bytes);
  write(buffer, host, bytes);
  return buffer;
}

void write(Buffer buffer, const void *host, size_t bytes) {
  check(clEnqueueWriteBuffer(state.queue, static_cast<cl_mem>(buffer.mem), CL_TRUE, 0, bytes, host,
                             0, nullptr, nullptr),
        "clEnqueueWriteBuffer");
}

void read(Buffer buffer, void *host, size_t bytes) {
  check(clEnqueueReadBuffer(state.queue, static_cast<cl_mem>(buffer.mem), CL_TRUE, 0, bytes, host,
                            0, nullptr, nullptr),
        "clEnqueueReadBuffer");
}

void fill(Buffer buffer, int value) {
  check(clEnqueueFillBuffer(state.queue, static_cast<cl_mem>(buffer.mem), &value, sizeof(value), 0,
                            buffer.bytes, 0, nullptr, nullptr),
        "clEnqueueFillBuffer");
}

void release(Buffer &buffer) {
  if (buffer.mem != nullptr)
    clReleaseMemObject(static_cast<cl_mem>(buffer.mem));
  buffer = Buffer();
}

Kernel kernel(const char *file, const char *name) {
  std::string key = std::string(file) + ":" + name;
  auto found = state.kernels.find(key);
  if (found == state.kernels.end()) {
    cl_int status = CL_SUCCESS;
    cl_kernel created = clCreateKernel(program(file), name, &status);
    check(status, "clCreateKernel");
    found = state.kernels.emplace(key, created).first;
  }
  return Kernel{found->second};
}

void setArg(Kernel kernel, unsigned index, size_t bytes, const void *value) {
  check(clSetKernelArg(static_cast<cl_kernel>(kernel.kernel), index, bytes, value),
        "clSetKernelArg");
}

void launch(Kernel kernel, unsigned dims, const size_t *global, const size_t *local) {
  check(clEnqueueNDRangeKernel(state.queue, static_cast<cl_kernel>(kernel.kernel), dims, nullptr,
                               global, local, 0, nullptr, nullptr),
        "clEnqueueNDRangeKernel");
}

void finish() {
  check(clFinish(state.queue), "clFinish");
}

} // namespace twin
