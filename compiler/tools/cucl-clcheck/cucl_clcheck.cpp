// cucl-clcheck FILE.cl [-- BUILD OPTIONS...]
//
// Builds an OpenCL C file with every OpenCL device's real driver, the way the
// runtime will (-cl-std=CL1.2), and lists the kernels each build contains.
// Translator tests pipe every emitted module through it so that OpenCL C that
// a driver rejects fails the test, not the user's program.
#define CL_HPP_TARGET_OPENCL_VERSION 120
#define CL_HPP_MINIMUM_OPENCL_VERSION 120
#include <CL/opencl.hpp>

#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string readFile(const std::string &path) {
  if (path == "-") {
    std::ostringstream text;
    text << std::cin.rdbuf();
    return text.str();
  }
  std::ifstream in(path);
  if (!in)
    return {};
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Builds `source` for one device; prints the kernel names or the build log.
bool buildFor(const cl::Device &device, const std::string &source, const std::string &options) {
  const std::string deviceName = device.getInfo<CL_DEVICE_NAME>();
  cl::Context context(device);
  cl::Program program(context, source);
  if (program.build(std::vector<cl::Device>{device}, options.c_str()) != CL_SUCCESS) {
    std::cerr << "cucl-clcheck: error: OpenCL build failed on '" << deviceName << "':\n"
              << program.getBuildInfo<CL_PROGRAM_BUILD_LOG>(device) << "\n";
    return false;
  }
  std::string names = program.getInfo<CL_PROGRAM_KERNEL_NAMES>();
  std::cout << "built on '" << deviceName << "': kernels " << (names.empty() ? "(none)" : names)
            << "\n";
  return true;
}

} // namespace

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: cucl-clcheck FILE.cl [-- BUILD OPTIONS...]\n";
    return 2;
  }
  const std::string source = readFile(argv[1]);
  if (source.empty()) {
    std::cerr << "cucl-clcheck: error: cannot read '" << argv[1] << "' (or it is empty)\n";
    return 2;
  }
  std::string options = "-cl-std=CL1.2";
  for (int i = 2; i < argc; ++i) {
    if (std::string(argv[i]) == "--")
      continue;
    options += " ";
    options += argv[i];
  }

  std::vector<cl::Platform> platforms;
  cl::Platform::get(&platforms);
  bool anyDevice = false;
  bool allBuilt = true;
  for (const cl::Platform &platform : platforms) {
    std::vector<cl::Device> devices;
    platform.getDevices(CL_DEVICE_TYPE_ALL, &devices);
    for (const cl::Device &device : devices) {
      anyDevice = true;
      allBuilt = buildFor(device, source, options) && allBuilt;
    }
  }
  if (!anyDevice) {
    std::cerr << "cucl-clcheck: error: no OpenCL device found\n";
    return 2;
  }
  return allBuilt ? 0 : 1;
}
