// What memcheck says about the first bad access of a launch (kernels
// translated with cuclcc -memcheck, CUCL_CHECK_MEMORY in
// include/cucl/module_abi.h): kernel, source line, thread, block, the
// address as the program knows it and the allocation it was checked against.
#ifndef CUCL_CORE_MEMCHECK_REPORT_H
#define CUCL_CORE_MEMCHECK_REPORT_H

#include <array>
#include <string>

#include "backend/cl.h"
#include "core/kernel_status.h"
#include "core/public_headers.h"

namespace cucl {

std::string describeMemcheckFailure(const std::array<cl_uint, CUCL_STATUS_WORDS> &words,
                                    const LaunchNote &note);

// Under CUCL_MEMCHECK=1 at run time, says once per module that its kernels
// were translated without memcheck and so run unchecked.
void noteUncheckedLaunch(const Module &module);

// The source file the module's memcheck checks number `index`
// ("cucl-memcheck-file" comments in its OpenCL C); "?" when unknown.
std::string memcheckFileName(const std::string &moduleSource, unsigned index);

} // namespace cucl

#endif // CUCL_CORE_MEMCHECK_REPORT_H
