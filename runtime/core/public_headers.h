// The runtime's only way in to cucl's public headers.
//
// - The API declarations are seen first inside a default-visibility region,
//   so they alone are exported from a library built with -fvisibility=hidden,
//   whatever order a source file includes things in.
#ifndef CUCL_CORE_PUBLIC_HEADERS_H
#define CUCL_CORE_PUBLIC_HEADERS_H

#pragma GCC visibility push(default)
#include "cucl/module_abi.h"
#include "cuda_profiler_api.h"
#include "cuda_runtime_api.h"
#pragma GCC visibility pop

#endif // CUCL_CORE_PUBLIC_HEADERS_H
