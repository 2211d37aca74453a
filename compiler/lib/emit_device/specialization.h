// One emitted OpenCL function: a kernel, or a __device__ function cloned for
// one tuple of address spaces of its pointer / reference parameters
// (Unknown in a `const T&` slot, or in `this`'s, marks the by-value clone for
// a temporary). Also the services the function printer asks of the module
// emitter (specializing callees, naming hoisted __shared__ storage, helpers).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <clang/Basic/SourceLocation.h>

#include "analyse/address_space.h"
#include "analyse/device_diagnostics.h"
#include "analyse/device_symbols.h"
#include "emit_device/type_printer.h"
#include "parse/float_model.h"

namespace clang {
class ASTContext;
class FunctionDecl;
class VarDecl;
} // namespace clang

namespace cucl::translate {

// How an emitted function runs (docs/design.md, "Warp-level code").
enum class ExecMode : unsigned char {
  Thread, // one OpenCL work-item per CUDA thread: kernels without warp-level code
  Lane,   // in a lane-mode kernel, the work of one lane, called inside a lane loop:
          // gets the warp (`cucl_w`) and the lane (`cucl_l`) for threadIdx and blockDim
  Warp,   // in a lane-mode kernel, all lanes of one warp at once: warp-level code
};

struct Specialization {
  const clang::FunctionDecl *function = nullptr;
  std::vector<AddressSpace> spaces; // one per space parameter, in order
  ExecMode mode = ExecMode::Thread;
  std::string name; // OpenCL name
  bool isKernel = false;
  bool inProgress = false; // being emitted: a call back here is recursion
  AddressSpace returnSpace = AddressSpace::Private;
  // __shared__ variables this function or its callees use (static ones are
  // passed down from the kernel as extra pointer parameters), in first-use order.
  std::vector<const clang::VarDecl *> sharedVariables;
  bool usesDynamicShared = false; // extern __shared__: gets `cucl_dynamic_shared`
  bool usesVoteCounter = false;   // __syncthreads_count & co.: gets `cucl_vote_counter`
  bool usesSymbols = false;       // device symbols: gets the module's symbol segments
  // Pointers loaded from or stored to memory: gets the launch's heap
  // (`cucl_heap`, `cucl_heap_origin`; opencl/pointer_runtime.cl).
  bool usesHeap = false;
  // Legacy texture references used here or in callees, in first-use order:
  // each arrives as a cucl_texture (a kernel's as a buffer and description).
  std::vector<const clang::VarDecl *> textureReferences;
  // __managed__ variables used here or in callees: each arrives as a pointer
  // to its mapped host storage (a kernel's as a buffer and offset).
  std::vector<const clang::VarDecl *> managedVariables;
  // assert, __trap, clock(): the launch's status record. Lane mode has it in
  // the warp state; Thread mode passes `cucl_status, cucl_launch` down.
  bool usesStatus = false;
  // memcheck: checks accesses. Thread mode passes `cucl_mc` (the launch's
  // memory) down; lane mode has it in the warp state.
  bool usesMemcheck = false;
  // Large local arrays (docs/design.md, "Local memory"): a kernel has a
  // private variant and, when it (or a callee) has any, a scratch variant
  // whose functions hold them in scratch memory. `scratchBytes`: what they
  // take at once in this function and its callees (in the private variant:
  // what they would take). A scratch Thread-mode function gets `cucl_scratch`,
  // its frame; lane mode has the work-item's frame in the warp state.
  bool scratch = false;
  uint64_t scratchBytes = 0;
  // Found while emitting (with the callees'), they decide the mode a caller
  // needs: warp features make a kernel lane-mode; in a lane-mode kernel a
  // function with warp features or barriers runs in Warp mode, one that
  // reads threadIdx or blockDim in Lane mode.
  bool usesWarpFeatures = false; // warp functions, warp-synchronous volatile shared memory
  bool usesBarrier = false;      // __syncthreads and friends
  bool usesThreadIndex = false;  // threadIdx, blockDim
  bool usesGridSync = false;     // grid_group::sync: needs a cooperative launch
  std::string text;              // the OpenCL C definition
  std::vector<const Specialization *> callees; // what the definition calls
};

class ModuleServices {
public:
  virtual ~ModuleServices() = default;
  // The specialization of `function` for `spaces` and `mode`, emitted on
  // first request; nullptr after an error (recursion, ...), which has been
  // reported.
  virtual Specialization *specialize(const clang::FunctionDecl *function,
                                     const std::vector<AddressSpace> &spaces,
                                     clang::SourceLocation callSite, ExecMode mode,
                                     bool scratch) = 0;
  // Name of the kernel-scope __local object a static __shared__ variable becomes.
  virtual std::string sharedName(const clang::VarDecl *variable) = 0;
  // The device symbol a file-scope variable is, or nullptr.
  virtual const DeviceSymbol *symbol(const clang::VarDecl *variable) = 0;
  virtual bool rejectedSymbol(const clang::VarDecl *variable) = 0;
  // An OpenCL definition generated by the caller (per-type texture
  // converters, ...), emitted once under `name` after records and helpers.
  virtual void requireDefinition(const std::string &name, const std::string &text) = 0;
  virtual void requireHelper(const std::string &helper,
                             const std::vector<AddressSpace> &spaces) = 0;
  // memcheck (cuclcc -memcheck): whether kernels check their accesses; the
  // `where` word of an access (line, and the file's index in bits 20-30);
  // the runtime the checks need; the ranges a kernel's view holds; a symbol
  // segment's size.
  virtual bool memcheck() const = 0;
  // -use_fast_math & co.: which form float intrinsics and functions take.
  virtual const FloatModel &floatModel() const = 0;
  virtual unsigned memcheckWhere(clang::SourceLocation location) = 0;
  virtual void requireMemcheck(bool lanes) = 0;
  virtual void noteMemcheckRanges(size_t globals, size_t locals) = 0;
  virtual uint64_t symbolSegmentBytes(unsigned segment) = 0;
  virtual TypePrinter &types() = 0;
  virtual DeviceDiagnostics &diagnostics() = 0;
  virtual clang::ASTContext &context() = 0;
};

} // namespace cucl::translate
