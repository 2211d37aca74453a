// Device symbols of a translation unit: its file-scope and namespace-scope
// __device__ and __constant__ variable definitions, each placed in one of
// the module's two segments (include/cucl/module_abi.h) at an offset that
// respects its CUDA alignment. Kernels reach them through the segments; the
// host registers them by their shadows' addresses.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <vector>

#include "analyse/device_diagnostics.h"

namespace clang {
class ASTContext;
class VarDecl;
} // namespace clang

namespace cucl::translate {

struct DeviceSymbol {
  const clang::VarDecl *variable = nullptr; // the definition
  bool constant = false;                    // __constant__ segment, else __device__
  uint64_t offset = 0;
  uint64_t size = 0;
};

class DeviceSymbolTable {
public:
  // Every definition outside system headers (constexpr ones too: arrays and
  // structs are read from memory; scalars fold). Variables whose type cannot
  // live in OpenCL memory (pointers) are reported and left out.
  static DeviceSymbolTable collect(clang::ASTContext &context, DeviceDiagnostics &diagnostics);

  // The symbol of any declaration of a registered variable, or nullptr.
  const DeviceSymbol *find(const clang::VarDecl *variable) const;
  const std::vector<DeviceSymbol> &all() const { return symbols_; }
  // The __managed__ variable definitions (their storage is the host's).
  const std::vector<const clang::VarDecl *> &managed() const { return managed_; }
  // A definition that was reported and left out (its uses need no error).
  bool rejected(const clang::VarDecl *variable) const;

private:
  std::vector<DeviceSymbol> symbols_;
  std::map<const clang::VarDecl *, size_t> byCanonical_;
  std::set<const clang::VarDecl *> rejected_;
  std::vector<const clang::VarDecl *> managed_;
};

// True for a __device__ / __constant__ variable at file or namespace scope
// (not __shared__ or __managed__, which are not symbols).
bool isDeviceSymbolVariable(const clang::VarDecl &variable);
// True for a file-scope __managed__ variable: its host storage is the managed
// memory kernels reach (include/cucl/module_abi.h).
bool isManagedVariable(const clang::VarDecl &variable);

} // namespace cucl::translate
