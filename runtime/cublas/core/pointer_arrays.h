// The *Batched routines' arguments: a device array of device pointers, one
// matrix each. cucl reads the array when the handle's stream reaches the
// call (earlier work on the stream may write it), resolves every pointer
// like any matrix argument, and hands kernels one buffer with a table of
// offsets when the matrices share a buffer (one cudaMalloc, or the arena),
// otherwise one buffer per matrix.
#ifndef CUCL_CUBLAS_CORE_POINTER_ARRAYS_H
#define CUCL_CUBLAS_CORE_POINTER_ARRAYS_H

#include <vector>

#include "core/arguments.h"

namespace cucl::blas {

struct PointerBatch {
  std::vector<BufferArg> matrices; // each matrix: buffer and byte offset
  bool shared = false;             // every matrix in matrices[0].buffer
};

// Reads `count` pointers from the device array `array` (waiting for the
// handle's stream) and resolves each over `span` with `alignment`. A null,
// host or too-short array, or any pointer that does not resolve ->
// CUBLAS_STATUS_INVALID_VALUE; a failed read -> EXECUTION_FAILED.
cublasStatus_t readPointerBatch(cublasContext &handle, const void *const *array, int count,
                                const ByteSpan &span, std::size_t alignment, PointerBatch *out);

// The byte offsets of a shared batch as a device buffer of cl_ulong (kernels
// add them to the shared base).
cublasStatus_t offsetTable(const cublasContext &handle, const PointerBatch &batch, cl::Buffer *out);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_POINTER_ARRAYS_H
