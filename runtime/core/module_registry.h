// Modules (OpenCL C programs) and kernels registered by translated programs,
// keyed by host stub address, with per-device programs and kernels built on
// first launch.
//
// Registration runs from static initializers, before main and before any
// other runtime call: it only records data and never touches OpenCL.
#ifndef CUCL_CORE_MODULE_REGISTRY_H
#define CUCL_CORE_MODULE_REGISTRY_H

#include <array>
#include <atomic>
#include <cstddef>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <shared_mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "backend/cl.h"
#include "core/device.h"
#include "core/module_symbols.h"
#include "core/public_headers.h"

namespace cucl {

struct Module {
  void *handleSlot = nullptr; // the opaque handle points here; holds `this`
  bool imageValid = false;    // magic and ABI version matched
  std::string name;
  std::string source;
  std::string buildOptions;

  std::mutex buildMutex;
  // Per device index: built once; a failed build is remembered.
  struct Build {
    cl_int status = CL_SUCCESS;
    cl::Program program;
  };
  std::vector<std::optional<Build>> builds;
  // Where the whole program failed: per device, the kernels built on their
  // own (-DCUCL_ONLY_KERNEL=<index>), by registration index.
  std::vector<std::map<unsigned, Build>> singleBuilds;
  unsigned kernelCount = 0; // registered so far: the next kernel's index

  ModuleSymbols symbols; // complete once static initialization is over
};

// A kernel ready to launch on one device.
struct KernelInstance {
  cl::Kernel kernel;
  cl::Kernel scratchKernel;         // the CUCL_KERNEL_SCRATCH variant
  std::size_t maxWorkGroupSize = 0; // work-items (OpenCL's limit for this kernel)
  std::size_t maxBlockThreads = 0;  // CUDA threads: 32 per work-item in lane mode
  std::size_t staticLocalMem = 0;
};

struct Kernel {
  Module *module = nullptr;
  std::string name;
  std::vector<cuclKernelArgInfo> args;
  unsigned flags = 0;
  unsigned clArgCount = 0;    // OpenCL arguments the ABI expects
  unsigned indexInModule = 0; // registration order: CUCL_ONLY_KERNEL's value
  // Legacy texture references the kernel reads, in registration order: a
  // buffer and a cuclTextureDesc each, after all other hidden arguments.
  std::vector<const textureReference *> textureReferences;
  struct ManagedVariable {
    void *host; // the variable itself: its managed storage
    std::size_t size;
  };
  std::vector<ManagedVariable> managedVariables; // after the texture references
  // CUCL_KERNEL_SCRATCH: the variant holding large local arrays in scratch
  // memory (two more arguments: pool, slots) and each work-item's frame.
  std::string scratchName;
  std::size_t scratchBytes = 0;
  std::atomic<bool> scratchNoted{false}; // said so under CUCL_VERBOSE=1

  // Variants built for one block size, per device index, by block size
  // (core/block_variants.h); under launchMutex.
  struct BlockVariant {
    enum class State { Counting, Ready, Failed };
    State state = State::Counting;
    unsigned launches = 0;
    std::unique_ptr<KernelInstance> instance;
  };
  std::vector<std::map<std::array<unsigned, 3>, BlockVariant>> blockVariants;

  // Held for the whole set-arguments-and-enqueue sequence of a launch:
  // an OpenCL kernel object's arguments are shared state.
  std::mutex launchMutex;
  std::vector<std::unique_ptr<KernelInstance>> instances; // per device index
};

class ModuleRegistry {
public:
  static ModuleRegistry &instance();

  void **registerModule(const cuclModuleImage *image);
  void registerKernel(void **handle, const void *hostStub, const char *kernelName, unsigned numArgs,
                      const cuclKernelArgInfo *args, unsigned flags);
  void registerSymbol(void **handle, const void *hostVar, const char *name, std::size_t size,
                      std::size_t offset, unsigned segment);
  // A texture reference `kernel` reads; before or after the kernel itself.
  void registerKernelManagedVariable(void **handle, const void *hostStub, const void *hostVar,
                                     std::size_t size);
  void registerKernelTextureReference(void **handle, const void *hostStub,
                                      const void *textureReference);
  void registerKernelScratch(void **handle, const void *hostStub, const char *scratchKernelName,
                             std::size_t bytesPerWorkItem);
  void unregisterModule(void **handle);

  // nullptr for an address no kernel was registered with.
  Kernel *find(const void *hostStub) const;

  // True once a registered kernel loads or stores pointers in memory
  // (CUCL_KERNEL_HEAP): the devices' allocations then take shared addresses
  // where they can (core/device_memory.h).
  bool kernelsStorePointers() const {
    return kernelsStorePointers_.load(std::memory_order_relaxed);
  }

  // The module and symbol registered for a variable's host shadow, or false.
  bool findSymbol(const void *hostVar, Module **module, const ModuleSymbol **symbol) const;

  // Builds the module and creates the kernel for `device` on first use.
  // Caller holds kernel.launchMutex. Errors: cudaErrorInvalidKernelImage
  // (bad image, or the OpenCL kernel's argument count differs from the ABI),
  // cudaErrorInvalidPtx (the OpenCL C source failed to build),
  // cudaErrorInvalidDeviceFunction (no kernel of that name in the program).
  cudaError_t instantiate(Kernel &kernel, Device &device, KernelInstance **out);

  // The program of `kernel` alone built with more -D `defines` (a variant,
  // core/block_variants.h), and a launchable instance of it.
  cudaError_t buildVariant(Kernel &kernel, Device &device, const std::string &defines,
                           cl::Program *out);
  cudaError_t makeInstance(Kernel &kernel, Device &device, const cl::Program &program,
                           std::unique_ptr<KernelInstance> *out);

private:
  ModuleRegistry() = default;
  cudaError_t build(Module &module, Device &device, cl::Program *out);
  // The program holding only `kernel` (and what it calls).
  cudaError_t buildAlone(Kernel &kernel, Device &device, cl::Program *out);

  mutable std::shared_mutex mutex_;
  std::unordered_map<const void *, std::unique_ptr<Kernel>> kernels_;
  std::unordered_map<Module *, std::unique_ptr<Module>> modules_;
  struct SymbolEntry {
    Module *module;
    std::size_t index; // into module->symbols.all()
  };
  std::unordered_map<const void *, SymbolEntry> symbols_;
  // Texture references registered before their kernel: by host stub.
  struct PendingReference {
    Module *module;
    const textureReference *reference;
  };
  std::unordered_map<const void *, std::vector<PendingReference>> pendingReferences_;
  std::atomic<bool> kernelsStorePointers_{false};
};

} // namespace cucl

#endif // CUCL_CORE_MODULE_REGISTRY_H
