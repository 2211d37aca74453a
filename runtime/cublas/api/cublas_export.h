// How the API files export their definitions. Include it first: the cuBLAS
// declarations are then seen inside a default-visibility region, and each
// definition is also marked, so exactly the API leaves the library (built
// with -fvisibility=hidden; exports.map also limits it to cublas*).
#ifndef CUCL_CUBLAS_API_CUBLAS_EXPORT_H
#define CUCL_CUBLAS_API_CUBLAS_EXPORT_H

#pragma GCC visibility push(default)
#include "cublas_v2.h"
#pragma GCC visibility pop

#define CUBLAS_EXPORT extern "C" __attribute__((visibility("default")))

// Every routine's first check: a null handle is CUBLAS_STATUS_NOT_INITIALIZED.
#define CUCL_REQUIRE_HANDLE(handle)                                                                \
  do {                                                                                             \
    if ((handle) == nullptr)                                                                       \
      return CUBLAS_STATUS_NOT_INITIALIZED;                                                        \
  } while (0)

#endif // CUCL_CUBLAS_API_CUBLAS_EXPORT_H
