// Argument checks shared by the routines: how many bytes a vector or matrix
// argument spans, resolving device pointers to buffers (refusing host memory,
// memory of another device and spans past an allocation's end, rather than
// letting a kernel fault), and alpha/beta/result in either pointer mode.
#ifndef CUCL_CUBLAS_CORE_ARGUMENTS_H
#define CUCL_CUBLAS_CORE_ARGUMENTS_H

#include <cstddef>
#include <cstdint>

#include "core/handle.h"
#include "core/kernel_set.h"
#include "gemm/gemm.h"

namespace cucl::blas {

// A span of bytes around a pointer: [pointer + first, pointer + end).
struct ByteSpan {
  std::int64_t first = 0; // <= 0
  std::int64_t end = 0;   // > first
};

// The bytes an n-vector with increment inc spans (n > 0; either sign of inc,
// whose pointer is the lowest address BLAS touches). false on overflow.
bool vectorSpan(std::int64_t n, std::int64_t inc, std::size_t elementSize, ByteSpan *out);

// The bytes `batches` rows x cols column-major matrices with leading
// dimension ld span, batch b starting at b * stride elements (stride may be
// zero or negative). rows, cols, batches > 0. false on overflow.
bool matrixSpan(std::int64_t rows, std::int64_t cols, std::int64_t ld, std::int64_t stride,
                std::int64_t batches, std::size_t elementSize, ByteSpan *out);

// `pointer` as a kernel argument: device memory of the handle's device that
// covers `span`, aligned to `alignment` bytes (its element size) ->
// CUBLAS_STATUS_SUCCESS; anything else (null, host memory, freed memory,
// another device, past the allocation's end, misaligned: a kernel would
// dereference a misaligned pointer, undefined in OpenCL C) ->
// CUBLAS_STATUS_INVALID_VALUE.
cublasStatus_t resolveDevice(const cublasContext &handle, const void *pointer, const ByteSpan &span,
                             std::size_t alignment, BufferArg *out);

// A host pointer the library may dereference: not null and not an address
// in the device range (which would fault).
bool isHostPointer(const void *pointer);

// alpha/beta of type T per the handle's pointer mode: the value (host mode)
// or its device location. Null or on the wrong side -> INVALID_VALUE.
template <class T>
cublasStatus_t resolveScalar(const cublasContext &handle, const T *pointer, ScalarArg *out);

// alpha and beta together (both checked as resolveScalar does).
template <class T>
cublasStatus_t resolveScalars(const cublasContext &handle, const T *alpha, const T *beta,
                              ScalarArg *alphaOut, ScalarArg *betaOut) {
  cublasStatus_t status = resolveScalar(handle, alpha, alphaOut);
  return status == CUBLAS_STATUS_SUCCESS ? resolveScalar(handle, beta, betaOut) : status;
}

// A scalar known on the host to be `value` (host pointer mode).
inline bool isHostValue(const ScalarArg &scalar, double value) {
  return !scalar.onDevice && scalar.host == value;
}

// A scalar result location of `bytes` bytes per the handle's pointer mode:
// host mode -> *onDevice = false (the pointer is checked); device mode ->
// *onDevice = true and `device` resolved.
cublasStatus_t resolveResult(const cublasContext &handle, const void *pointer, std::size_t bytes,
                             bool *onDevice, BufferArg *device);

// A resolved alpha/beta as the kernels take it.
template <class T> ScalarKernelArg<T> toKernelArg(const ScalarArg &scalar) {
  ScalarKernelArg<T> arg;
  arg.value = static_cast<T>(scalar.host);
  arg.location = BufferArg{scalar.buffer, scalar.offsetBytes};
  arg.onDevice = scalar.onDevice ? 1 : 0;
  return arg;
}

// Double routines need cl_khr_fp64 -> CUBLAS_STATUS_ARCH_MISMATCH without it.
template <class T> cublasStatus_t checkPrecision(const cublasContext &handle);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_ARGUMENTS_H
