// How the API files export their definitions (as cuBLAS's do): the cuRAND
// declarations inside a default-visibility region, each definition marked.
#ifndef CUCL_CURAND_API_CURAND_EXPORT_H
#define CUCL_CURAND_API_CURAND_EXPORT_H

#pragma GCC visibility push(default)
#include "curand.h"
#pragma GCC visibility pop

#define CURAND_EXPORT extern "C" __attribute__((visibility("default")))

#endif // CUCL_CURAND_API_CURAND_EXPORT_H
