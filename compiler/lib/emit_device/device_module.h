// Emit-device layer: OpenCL C 1.2 for every kernel of a translation unit,
// with the __device__ functions, types and hoisted __shared__ storage they
// need. The emitter reports unsupported constructs as Clang errors at their
// file:line:col and then returns ok == false; it never emits wrong code.
#pragma once

#include <string>
#include <vector>

#include "cucl/module_abi.h"

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace cucl::translate {

struct EmittedKernel {
  const clang::FunctionDecl *decl = nullptr; // the kernel (or instantiation)
  std::string openclName;                    // name of the __kernel in source
  std::vector<cuclKernelArgInfo> args;       // one per CUDA parameter
  unsigned flags = 0;                        // CUCL_KERNEL_* flags
};

struct DeviceModule {
  bool ok = false;
  std::string openclSource;           // one OpenCL C 1.2 program
  std::vector<EmittedKernel> kernels; // same order as the input kernels
  bool usesDouble = false;            // needs cl_khr_fp64
};

DeviceModule emitDeviceModule(clang::ASTContext &context,
                              const std::vector<const clang::FunctionDecl *> &kernels);

} // namespace cucl::translate
