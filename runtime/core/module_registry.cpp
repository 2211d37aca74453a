#include "core/module_registry.h"

#include <algorithm>
#include <cstdio>
#include <mutex>

#include "backend/cl_error_names.h"
#include "backend/program_builder.h"
#include "core/diagnostics.h"
#include "core/program_cache.h"

namespace cucl {

namespace {
std::size_t deviceSlot(const Device &device) {
  return static_cast<std::size_t>(device.index());
}

// __constant__ data larger than the device's constant buffers is read
// through __global pointers instead (include/cucl/module_abi.h).
std::string buildOptions(const Module &module, const Device &device) {
  std::string options = module.buildOptions;
  if (module.symbols.segmentSize(CUCL_SYMBOL_CONSTANT) > device.limits().maxConstantBufferSize)
    options += " -DCUCL_CONSTANT=__global";
  // nvcc -prec-div=false -prec-sqrt=false (or -use_fast_math): the driver's
  // faster division and sqrt, as CUDA's are then approximate too.
  if (options.find("-DCUCL_APPROX_DIV_SQRT") != std::string::npos)
    return options;
  return backend::withCudaRounding(device.clDevice(), options);
}

// The options of the program holding only `kernel` (and what it calls).
std::string aloneOptions(const Kernel &kernel, const Device &device) {
  return buildOptions(*kernel.module, device) +
         " -DCUCL_ONLY_KERNEL=" + std::to_string(kernel.indexInModule);
}

// Through the device's program cache: a program built in an earlier process
// comes from its stored binary (core/program_cache.h).
backend::BuiltProgram buildCached(const Module &module, Device &device,
                                  const std::string &options) {
  backend::BuiltProgram built;
  built.status =
      ProgramCache::forDevice(device.context(), device.clDevice())
          .get(module.source, options, &built.program, &built.log, ProgramCache::Store::Deferred);
  return built;
}
} // namespace

ModuleRegistry &ModuleRegistry::instance() {
  // Leaked on purpose: modules unregister from static destructors in an
  // unspecified order relative to ours.
  static ModuleRegistry *registry = new ModuleRegistry;
  return *registry;
}

void **ModuleRegistry::registerModule(const cuclModuleImage *image) {
  auto module = std::make_unique<Module>();
  Module *raw = module.get();
  raw->handleSlot = raw;
  if (image != nullptr && image->magic == CUCL_MODULE_MAGIC &&
      image->abiVersion == CUCL_MODULE_ABI_VERSION && image->source != nullptr) {
    raw->imageValid = true;
    raw->name = image->name != nullptr ? image->name : "<unnamed>";
    raw->source.assign(image->source, image->sourceSize);
    raw->buildOptions = "-cl-std=CL1.2";
    if (image->buildOptions != nullptr && *image->buildOptions != '\0')
      raw->buildOptions += std::string(" ") + image->buildOptions;
  } else {
    raw->name = "<invalid module image>";
  }
  std::unique_lock<std::shared_mutex> lock(mutex_);
  modules_.emplace(raw, std::move(module));
  return &raw->handleSlot;
}

void ModuleRegistry::registerKernel(void **handle, const void *hostStub, const char *kernelName,
                                    unsigned numArgs, const cuclKernelArgInfo *args,
                                    unsigned flags) {
  if (handle == nullptr || hostStub == nullptr || kernelName == nullptr ||
      (numArgs != 0 && args == nullptr))
    return; // nothing launchable; a launch through the stub reports it
  auto kernel = std::make_unique<Kernel>();
  kernel->module = static_cast<Module *>(*handle);
  kernel->name = kernelName;
  kernel->args.assign(args, args + numArgs);
  kernel->flags = flags;
  kernel->indexInModule = kernel->module->kernelCount++;
  const bool memcheck = (flags & CUCL_KERNEL_MEMCHECK) != 0;
  for (const cuclKernelArgInfo &arg : kernel->args)
    kernel->clArgCount += arg.kind == cuclArgGlobalPointer && memcheck
                              ? 3u // buffer, offset, allocation's bytes
                          : arg.kind == cuclArgGlobalPointer || arg.kind == cuclArgTexture ||
                                  arg.kind == cuclArgSurface
                              ? 2u // buffer and offset, or buffer and cuclTextureDesc
                              : 1u;
  if (flags & CUCL_KERNEL_DYNAMIC_SHARED)
    kernel->clArgCount += memcheck ? 2u : 1u; // and its size, for memcheck
  if (flags & CUCL_KERNEL_WARP_LANES)
    kernel->clArgCount += 3; // blockDim.x, .y, .z
  if (flags & CUCL_KERNEL_STATUS)
    kernel->clArgCount += 2; // status record, launch id
  if (flags & CUCL_KERNEL_GRID_SYNC)
    kernel->clArgCount += 2; // grid barrier, cooperative blocks
  if (flags & CUCL_KERNEL_SYMBOLS)
    kernel->clArgCount += 3; // __device__ segment, __constant__ segment twice
  if (flags & CUCL_KERNEL_HEAP) {
    kernel->clArgCount += 2; // heap, origin
    kernelsStorePointers_.store(true, std::memory_order_relaxed);
  }
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto pending = pendingReferences_.find(hostStub);
  if (pending != pendingReferences_.end()) {
    for (const PendingReference &entry : pending->second)
      if (entry.module == kernel->module) {
        kernel->textureReferences.push_back(entry.reference);
        kernel->clArgCount += 2; // buffer, cuclTextureDesc
      }
    pendingReferences_.erase(pending);
  }
  kernels_[hostStub] = std::move(kernel);
}

void ModuleRegistry::registerKernelManagedVariable(void **handle, const void *hostStub,
                                                   const void *hostVar, std::size_t size) {
  if (handle == nullptr || hostStub == nullptr || hostVar == nullptr || size == 0)
    return; // the argument count then disagrees: the launch reports the bad image
  Module *module = static_cast<Module *>(*handle);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto it = kernels_.find(hostStub);
  if (it == kernels_.end() || it->second->module != module)
    return; // translated files register a kernel before its variables
  it->second->managedVariables.push_back(
      Kernel::ManagedVariable{const_cast<void *>(hostVar), size});
  it->second->clArgCount += 2; // buffer, offset
}

void ModuleRegistry::registerKernelScratch(void **handle, const void *hostStub,
                                           const char *scratchKernelName,
                                           std::size_t bytesPerWorkItem) {
  if (handle == nullptr || hostStub == nullptr || scratchKernelName == nullptr)
    return; // the kernel then runs its private variant only
  Module *module = static_cast<Module *>(*handle);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto it = kernels_.find(hostStub);
  if (it != kernels_.end() && it->second->module == module) { // registered first
    it->second->scratchName = scratchKernelName;
    it->second->scratchBytes = bytesPerWorkItem;
  }
}

void ModuleRegistry::registerKernelTextureReference(void **handle, const void *hostStub,
                                                    const void *textureReference) {
  if (handle == nullptr || hostStub == nullptr || textureReference == nullptr)
    return;
  auto *reference = static_cast<const struct textureReference *>(textureReference);
  Module *module = static_cast<Module *>(*handle);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  auto it = kernels_.find(hostStub);
  if (it != kernels_.end() && it->second->module == module) {
    it->second->textureReferences.push_back(reference);
    it->second->clArgCount += 2; // buffer, cuclTextureDesc
  } else {
    pendingReferences_[hostStub].push_back(PendingReference{module, reference});
  }
}

void ModuleRegistry::registerSymbol(void **handle, const void *hostVar, const char *name,
                                    std::size_t size, std::size_t offset, unsigned segment) {
  if (handle == nullptr)
    return; // unknown to the symbol API: cudaErrorInvalidSymbol
  Module *module = static_cast<Module *>(*handle);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  if (!module->symbols.add(hostVar, name, size, offset, segment))
    return;
  symbols_[hostVar] = SymbolEntry{module, module->symbols.all().size() - 1};
}

bool ModuleRegistry::findSymbol(const void *hostVar, Module **module,
                                const ModuleSymbol **symbol) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  auto it = symbols_.find(hostVar);
  if (it == symbols_.end())
    return false;
  *module = it->second.module;
  *symbol = &it->second.module->symbols.all()[it->second.index];
  return true;
}

void ModuleRegistry::unregisterModule(void **handle) {
  if (handle == nullptr)
    return;
  Module *module = static_cast<Module *>(*handle);
  std::unique_lock<std::shared_mutex> lock(mutex_);
  for (auto it = symbols_.begin(); it != symbols_.end();) {
    if (it->second.module == module)
      it = symbols_.erase(it);
    else
      ++it;
  }
  for (auto &pending : pendingReferences_)
    pending.second.erase(
        std::remove_if(pending.second.begin(), pending.second.end(),
                       [&](const PendingReference &entry) { return entry.module == module; }),
        pending.second.end());
  for (auto it = kernels_.begin(); it != kernels_.end();) {
    if (it->second->module == module)
      it = kernels_.erase(it);
    else
      ++it;
  }
  modules_.erase(module);
}

Kernel *ModuleRegistry::find(const void *hostStub) const {
  std::shared_lock<std::shared_mutex> lock(mutex_);
  auto it = kernels_.find(hostStub);
  return it == kernels_.end() ? nullptr : it->second.get();
}

cudaError_t ModuleRegistry::buildAlone(Kernel &kernel, Device &device, cl::Program *out) {
  Module &module = *kernel.module;
  std::lock_guard<std::mutex> lock(module.buildMutex);
  std::size_t slot = deviceSlot(device);
  if (module.singleBuilds.size() <= slot)
    module.singleBuilds.resize(slot + 1);
  auto found = module.singleBuilds[slot].find(kernel.indexInModule);
  if (found == module.singleBuilds[slot].end()) {
    backend::BuiltProgram built = buildCached(module, device, aloneOptions(kernel, device));
    if (built.status == CL_SUCCESS)
      verboseLog("module %s: kernel %s built on its own", module.name.c_str(), kernel.name.c_str());
    else
      verboseLog("module %s: kernel %s does not build on its own either (%s); build log:\n%s",
                 module.name.c_str(), kernel.name.c_str(), backend::clErrorName(built.status),
                 built.log.c_str());
    found = module.singleBuilds[slot]
                .emplace(kernel.indexInModule, Module::Build{built.status, built.program})
                .first;
  }
  if (found->second.status != CL_SUCCESS)
    return cudaErrorInvalidPtx;
  *out = found->second.program;
  return cudaSuccess;
}

cudaError_t ModuleRegistry::build(Module &module, Device &device, cl::Program *out) {
  std::lock_guard<std::mutex> lock(module.buildMutex);
  std::size_t slot = deviceSlot(device);
  if (module.builds.size() <= slot)
    module.builds.resize(slot + 1);
  if (!module.builds[slot]) {
    backend::BuiltProgram built = buildCached(module, device, buildOptions(module, device));
    if (built.status != CL_SUCCESS) {
      verboseLog("building module %s for device %d failed (%s); build log:\n%s",
                 module.name.c_str(), device.index(), backend::clErrorName(built.status),
                 built.log.c_str());
    }
    module.builds[slot] = Module::Build{built.status, built.program};
  }
  if (module.builds[slot]->status != CL_SUCCESS)
    return cudaErrorInvalidPtx;
  *out = module.builds[slot]->program;
  return cudaSuccess;
}

cudaError_t ModuleRegistry::makeInstance(Kernel &kernel, Device &device, const cl::Program &program,
                                         std::unique_ptr<KernelInstance> *out) {
  auto fresh = std::make_unique<KernelInstance>();
  cl_int status = CL_SUCCESS;
  fresh->kernel = cl::Kernel(program, kernel.name.c_str(), &status);
  if (status != CL_SUCCESS) {
    verboseLog("module %s has no kernel %s (%s)", kernel.module->name.c_str(), kernel.name.c_str(),
               backend::clErrorName(status));
    return cudaErrorInvalidDeviceFunction;
  }
  cl_uint numArgs = fresh->kernel.getInfo<CL_KERNEL_NUM_ARGS>();
  if (numArgs != kernel.clArgCount) {
    verboseLog("kernel %s takes %u OpenCL arguments, its registration implies %u",
               kernel.name.c_str(), numArgs, kernel.clArgCount);
    return cudaErrorInvalidKernelImage;
  }
  fresh->maxWorkGroupSize =
      fresh->kernel.getWorkGroupInfo<CL_KERNEL_WORK_GROUP_SIZE>(device.clDevice());
  std::size_t scratchLocalMem = 0;
  if ((kernel.flags & CUCL_KERNEL_SCRATCH) && !kernel.scratchName.empty() &&
      kernel.scratchBytes > 0) {
    fresh->scratchKernel = cl::Kernel(program, kernel.scratchName.c_str(), &status);
    if (status != CL_SUCCESS ||
        fresh->scratchKernel.getInfo<CL_KERNEL_NUM_ARGS>() != kernel.clArgCount + 2) {
      verboseLog("kernel %s: its scratch variant %s is missing or malformed", kernel.name.c_str(),
                 kernel.scratchName.c_str());
      return cudaErrorInvalidKernelImage;
    }
    // Launch limits hold for both variants.
    fresh->maxWorkGroupSize = std::min(
        fresh->maxWorkGroupSize,
        fresh->scratchKernel.getWorkGroupInfo<CL_KERNEL_WORK_GROUP_SIZE>(device.clDevice()));
    scratchLocalMem =
        fresh->scratchKernel.getWorkGroupInfo<CL_KERNEL_LOCAL_MEM_SIZE>(device.clDevice());
  }
  fresh->maxBlockThreads = (kernel.flags & CUCL_KERNEL_WARP_LANES) ? fresh->maxWorkGroupSize * 32
                                                                   : fresh->maxWorkGroupSize;
  fresh->staticLocalMem = std::max<std::size_t>(
      scratchLocalMem, fresh->kernel.getWorkGroupInfo<CL_KERNEL_LOCAL_MEM_SIZE>(device.clDevice()));
  *out = std::move(fresh);
  return cudaSuccess;
}

cudaError_t ModuleRegistry::buildVariant(Kernel &kernel, Device &device, const std::string &defines,
                                         cl::Program *out) {
  backend::BuiltProgram built =
      buildCached(*kernel.module, device, aloneOptions(kernel, device) + " " + defines);
  if (built.status != CL_SUCCESS) {
    verboseLog("kernel %s: variant %s does not build (%s); build log:\n%s", kernel.name.c_str(),
               defines.c_str(), backend::clErrorName(built.status), built.log.c_str());
    return cudaErrorInvalidPtx;
  }
  *out = built.program;
  return cudaSuccess;
}

cudaError_t ModuleRegistry::instantiate(Kernel &kernel, Device &device, KernelInstance **out) {
  std::size_t slot = deviceSlot(device);
  if (slot < kernel.instances.size() && kernel.instances[slot]) {
    *out = kernel.instances[slot].get();
    return cudaSuccess;
  }
  if (!kernel.module->imageValid)
    return cudaErrorInvalidKernelImage;
  cl::Program program;
  cudaError_t built = build(*kernel.module, device, &program);
  if (built == cudaErrorInvalidPtx && kernel.module->kernelCount > 1)
    built = buildAlone(kernel, device, &program); // another kernel's code may be the bad part
  if (built != cudaSuccess)
    return built;

  std::unique_ptr<KernelInstance> instance;
  cudaError_t made = makeInstance(kernel, device, program, &instance);
  if (made != cudaSuccess)
    return made;
  if (kernel.instances.size() <= slot)
    kernel.instances.resize(slot + 1);
  kernel.instances[slot] = std::move(instance);
  *out = kernel.instances[slot].get();
  return cudaSuccess;
}

} // namespace cucl
