// Time to first kernel: as soon as the runtime has a device, the modules
// translated programs registered are built for it on a background thread, so
// a program's first launch finds its program built, or its build already under
// way, instead of starting the driver's build then. The first launch simply
// waits on the module's build lock (core/module_registry.h); builds go
// through the program cache, so a warm run only loads binaries.
//
// The builds run on the background build thread (core/background_builds.h).
// CUCL_PREBUILD=0 turns them off.
#ifndef CUCL_CORE_MODULE_PREBUILD_H
#define CUCL_CORE_MODULE_PREBUILD_H

namespace cucl {

class Device;

// Starts building once per process; later calls do nothing.
void startModulePrebuild(Device &device);

} // namespace cucl

#endif // CUCL_CORE_MODULE_PREBUILD_H
