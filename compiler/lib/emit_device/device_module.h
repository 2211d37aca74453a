// Emit-device layer: OpenCL C 1.2 for every kernel of a translation unit,
// with the __device__ functions, types and hoisted __shared__ storage they
// need. The emitter reports unsupported constructs as Clang errors at their
// file:line:col and then returns ok == false; it never emits wrong code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cucl/module_abi.h"
#include "parse/float_model.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace cucl::translate {

struct EmittedKernel {
  const clang::FunctionDecl *decl = nullptr; // the kernel (or instantiation)
  std::string openclName;                    // name of the __kernel in source
  std::vector<cuclKernelArgInfo> args;       // one per CUDA parameter
  unsigned flags = 0;                        // CUCL_KERNEL_* flags
  // Legacy texture references, in the order of their hidden arguments.
  std::vector<const clang::VarDecl *> textureReferences;
  std::vector<const clang::VarDecl *> managedVariables; // after the references
  // CUCL_KERNEL_SCRATCH: the variant holding large local arrays in scratch
  // memory, and its work-items' frame.
  std::string scratchName;
  uint64_t scratchBytes = 0;
};

// A device symbol as the host registers it.
struct EmittedSymbol {
  const clang::VarDecl *decl = nullptr; // the definition (device view)
  std::string name;
  uint64_t size = 0;
  uint64_t offset = 0;
  unsigned segment = 0; // CUCL_SYMBOL_*
};

struct DeviceModule {
  bool ok = false;
  std::string openclSource;           // one OpenCL C 1.2 program
  std::vector<EmittedKernel> kernels; // same order as the input kernels
  std::vector<EmittedSymbol> symbols; // every device symbol of the file
  bool usesDouble = false;            // needs cl_khr_fp64
  std::string buildOptions;           // clBuildProgram options (FloatModel)
};

// `memcheck`: kernels check each __global and __shared__ access
// (include/cucl/module_abi.h, CUCL_KERNEL_MEMCHECK). `floatModel`: nvcc's
// -use_fast_math and friends.
DeviceModule emitDeviceModule(clang::ASTContext &context,
                              const std::vector<const clang::FunctionDecl *> &kernels,
                              bool memcheck = false, const FloatModel &floatModel = {});

} // namespace cucl::translate
