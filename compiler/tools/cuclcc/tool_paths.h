// Where cuclcc finds its companions: cucl-translate beside it, cucl's headers
// and libcudart in the install layout (<prefix>/bin, include, lib), which the
// build tree mirrors (build/bin, build/lib; headers from the source tree).
#pragma once

#include <string>

namespace cucl::cc {

struct ToolPaths {
  std::string translator; // cucl-translate
  std::string includeDir; // cuda_runtime.h, cucl/module_abi.h
  std::string libDir;     // libcudart.so
};

ToolPaths locateTools();

} // namespace cucl::cc
