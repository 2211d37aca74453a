#include "core/arguments.h"

#include <algorithm>

#include "core/diagnostics.h"
#include "cucl/opencl_interop.h"

namespace cucl::blas {

namespace {

bool multiply(std::int64_t a, std::int64_t b, std::int64_t *out) {
  return !__builtin_mul_overflow(a, b, out);
}
bool add(std::int64_t a, std::int64_t b, std::int64_t *out) {
  return !__builtin_add_overflow(a, b, out);
}

} // namespace

bool vectorSpan(std::int64_t n, std::int64_t inc, std::size_t elementSize, ByteSpan *out) {
  std::int64_t step = inc < 0 ? -inc : inc;
  std::int64_t elements = 0, bytes = 0;
  if (!multiply(n - 1, step, &elements) || !add(elements, 1, &elements) ||
      !multiply(elements, static_cast<std::int64_t>(elementSize), &bytes))
    return false;
  *out = ByteSpan{0, bytes};
  return true;
}

bool matrixSpan(std::int64_t rows, std::int64_t cols, std::int64_t ld, std::int64_t stride,
                std::int64_t batches, std::size_t elementSize, ByteSpan *out) {
  const auto size = static_cast<std::int64_t>(elementSize);
  std::int64_t elements = 0, oneMatrix = 0, lastStart = 0;
  if (!multiply(cols - 1, ld, &elements) || !add(elements, rows, &elements) ||
      !multiply(elements, size, &oneMatrix) || !multiply(batches - 1, stride, &lastStart) ||
      !multiply(lastStart, size, &lastStart))
    return false;
  std::int64_t end = 0;
  if (!add(std::max<std::int64_t>(lastStart, 0), oneMatrix, &end))
    return false;
  *out = ByteSpan{std::min<std::int64_t>(lastStart, 0), end};
  return true;
}

cublasStatus_t resolveDevice(const cublasContext &handle, const void *pointer, const ByteSpan &span,
                             std::size_t alignment, BufferArg *out) {
  if (pointer == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  cuclDeviceBuffer found{};
  cudaError_t status = __cuclResolveDevicePointer(pointer, &found);
  if (status != cudaSuccess) {
    cucl::verboseLog("cuBLAS: %p is not device memory", pointer);
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  if (found.device != handle.device) {
    cucl::verboseLog("cuBLAS: %p belongs to device %d, the handle to device %d", pointer,
                     found.device, handle.device);
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  // The offset and the bytes left fit in int64: allocations are far smaller.
  if (-span.first > static_cast<std::int64_t>(found.offset) ||
      span.end > static_cast<std::int64_t>(found.bytesToEnd)) {
    cucl::verboseLog("cuBLAS: the operand at %p spans bytes [%lld, %lld) around it; its "
                     "allocation holds [%lld, %lld)",
                     pointer, static_cast<long long>(span.first), static_cast<long long>(span.end),
                     -static_cast<long long>(found.offset),
                     static_cast<long long>(found.bytesToEnd));
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  // Allocations start 256-byte aligned, so the offset decides the alignment.
  if (alignment > 1 && found.offset % alignment != 0) {
    cucl::verboseLog("cuBLAS: %p is not aligned to its %zu-byte elements", pointer, alignment);
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  out->buffer = cl::Buffer(found.buffer, /*retainObject=*/true);
  out->offset = found.offset;
  return CUBLAS_STATUS_SUCCESS;
}

bool isHostPointer(const void *pointer) {
  cuclDeviceBuffer unused{};
  return pointer != nullptr &&
         __cuclResolveDevicePointer(pointer, &unused) == cudaErrorInvalidValue;
}

template <class T>
cublasStatus_t resolveScalar(const cublasContext &handle, const T *pointer, ScalarArg *out) {
  if (handle.pointerMode == CUBLAS_POINTER_MODE_DEVICE) {
    BufferArg location;
    cublasStatus_t status =
        resolveDevice(handle, pointer, ByteSpan{0, sizeof(T)}, sizeof(T), &location);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
    out->onDevice = true;
    out->buffer = location.buffer;
    out->offsetBytes = location.offset;
    return CUBLAS_STATUS_SUCCESS;
  }
  if (!isHostPointer(pointer)) {
    cucl::verboseLog("cuBLAS: host pointer mode, but the scalar at %p is no host memory",
                     static_cast<const void *>(pointer));
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  out->onDevice = false;
  out->host = static_cast<double>(*pointer);
  return CUBLAS_STATUS_SUCCESS;
}
template cublasStatus_t resolveScalar<float>(const cublasContext &, const float *, ScalarArg *);
template cublasStatus_t resolveScalar<double>(const cublasContext &, const double *, ScalarArg *);

cublasStatus_t resolveResult(const cublasContext &handle, const void *pointer, std::size_t bytes,
                             bool *onDevice, BufferArg *device) {
  if (handle.pointerMode == CUBLAS_POINTER_MODE_DEVICE) {
    *onDevice = true;
    return resolveDevice(handle, pointer, ByteSpan{0, static_cast<std::int64_t>(bytes)}, bytes,
                         device);
  }
  *onDevice = false;
  if (!isHostPointer(pointer)) {
    cucl::verboseLog("cuBLAS: host pointer mode, but the result at %p is no host memory", pointer);
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  return CUBLAS_STATUS_SUCCESS;
}

template <class T> cublasStatus_t checkPrecision(const cublasContext &handle) {
  if (sizeof(T) == sizeof(double) && !handle.fp64) {
    cucl::verboseLog("cuBLAS: double precision needs cl_khr_fp64, which this device lacks");
    return CUBLAS_STATUS_ARCH_MISMATCH;
  }
  return CUBLAS_STATUS_SUCCESS;
}
template cublasStatus_t checkPrecision<float>(const cublasContext &);
template cublasStatus_t checkPrecision<double>(const cublasContext &);

} // namespace cucl::blas
