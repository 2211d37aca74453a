// Module and kernel registration (include/cucl/module_abi.h). Called from
// static initializers: records data only, never initializes OpenCL.
#include "api/api_support.h"

#include "core/module_registry.h"

CUCL_API void **__cuclRegisterModule(const cuclModuleImage *image) {
  return cucl::ModuleRegistry::instance().registerModule(image);
}

CUCL_API void __cuclRegisterKernel(void **module, const void *hostStub, const char *kernelName,
                                   unsigned numArgs, const cuclKernelArgInfo *args,
                                   unsigned flags) {
  cucl::ModuleRegistry::instance().registerKernel(module, hostStub, kernelName, numArgs, args,
                                                  flags);
}

CUCL_API void __cuclRegisterSymbol(void **module, const void *hostVar, const char *name,
                                   size_t size, size_t offset, unsigned segment) {
  cucl::ModuleRegistry::instance().registerSymbol(module, hostVar, name, size, offset, segment);
}

CUCL_API void __cuclRegisterKernelTextureReference(void **module, const void *hostStub,
                                                   const void *textureReference) {
  cucl::ModuleRegistry::instance().registerKernelTextureReference(module, hostStub,
                                                                  textureReference);
}

CUCL_API void __cuclRegisterKernelManagedVariable(void **module, const void *hostStub,
                                                  const void *hostVar, size_t size) {
  cucl::ModuleRegistry::instance().registerKernelManagedVariable(module, hostStub, hostVar, size);
}

CUCL_API void __cuclRegisterKernelScratch(void **module, const void *hostStub,
                                          const char *scratchKernelName, size_t bytesPerWorkItem) {
  cucl::ModuleRegistry::instance().registerKernelScratch(module, hostStub, scratchKernelName,
                                                         bytesPerWorkItem);
}

CUCL_API void __cuclUnregisterModule(void **module) {
  cucl::ModuleRegistry::instance().unregisterModule(module);
}
