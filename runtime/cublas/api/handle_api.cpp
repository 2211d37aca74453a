// Handles: creation, destruction, stream, pointer/math/atomics modes, versions.
#include "api/cublas_export.h"

#include "core/handle.h"
#include "cuda_runtime_api.h"

namespace {

// What a setter or getter of the handle does with a null handle, in one place.
template <class Body> cublasStatus_t withHandle(cublasHandle_t handle, Body &&body) {
  if (handle == nullptr)
    return CUBLAS_STATUS_NOT_INITIALIZED;
  return body(*handle);
}

bool validMathMode(int mode) {
  const int flags = mode & ~0xf;
  switch (mode & 0xf) {
  case CUBLAS_DEFAULT_MATH:
  case CUBLAS_TENSOR_OP_MATH:
  case CUBLAS_PEDANTIC_MATH:
  case CUBLAS_TF32_TENSOR_OP_MATH:
  case CUBLAS_FP32_EMULATED_BF16X9_MATH:
  case CUBLAS_FP64_EMULATED_FIXEDPOINT_MATH:
    return (flags & ~CUBLAS_MATH_DISALLOW_REDUCED_PRECISION_REDUCTION) == 0;
  default:
    return false;
  }
}

} // namespace

CUBLAS_EXPORT cublasStatus_t cublasCreate_v2(cublasHandle_t *handle) {
  if (handle == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  return cucl::blas::createHandle(handle);
}

CUBLAS_EXPORT cublasStatus_t cublasDestroy_v2(cublasHandle_t handle) {
  return withHandle(handle,
                    [](cublasContext &context) { return cucl::blas::destroyHandle(&context); });
}

// Needs no handle (cuBLAS answers with a null one too).
CUBLAS_EXPORT cublasStatus_t cublasGetVersion_v2(cublasHandle_t, int *version) {
  if (version == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  *version = CUBLAS_VERSION;
  return CUBLAS_STATUS_SUCCESS;
}

CUBLAS_EXPORT cublasStatus_t cublasGetProperty(libraryPropertyType type, int *value) {
  if (value == nullptr)
    return CUBLAS_STATUS_INVALID_VALUE;
  switch (type) {
  case MAJOR_VERSION:
    *value = CUBLAS_VER_MAJOR;
    return CUBLAS_STATUS_SUCCESS;
  case MINOR_VERSION:
    *value = CUBLAS_VER_MINOR;
    return CUBLAS_STATUS_SUCCESS;
  case PATCH_LEVEL:
    *value = CUBLAS_VER_PATCH;
    return CUBLAS_STATUS_SUCCESS;
  }
  return CUBLAS_STATUS_INVALID_VALUE;
}

// The runtime version the library was built against.
CUBLAS_EXPORT size_t cublasGetCudartVersion(void) {
  return CUDART_VERSION;
}

// Accepted and ignored: the library keeps its own (small) scratch memory.
CUBLAS_EXPORT cublasStatus_t cublasSetWorkspace_v2(cublasHandle_t handle, void *, size_t) {
  return withHandle(handle, [](cublasContext &) { return CUBLAS_STATUS_SUCCESS; });
}

// Not validated here, as in cuBLAS: a stream that is no live stream of the
// handle's device makes the routines fail (CUBLAS_STATUS_EXECUTION_FAILED).
CUBLAS_EXPORT cublasStatus_t cublasSetStream_v2(cublasHandle_t handle, cudaStream_t stream) {
  return withHandle(handle, [&](cublasContext &context) {
    std::lock_guard<std::mutex> lock(context.mutex);
    if (context.stream != stream) {
      // Work queued on the old stream may still use the scratch buffer; the
      // new stream does not wait for it, so it gets a fresh one.
      context.scratch = cl::Buffer();
      context.scratchBytes = 0;
    }
    context.stream = stream;
    return CUBLAS_STATUS_SUCCESS;
  });
}

CUBLAS_EXPORT cublasStatus_t cublasGetStream_v2(cublasHandle_t handle, cudaStream_t *stream) {
  return withHandle(handle, [&](cublasContext &context) {
    if (stream == nullptr)
      return CUBLAS_STATUS_INVALID_VALUE;
    *stream = context.stream;
    return CUBLAS_STATUS_SUCCESS;
  });
}

CUBLAS_EXPORT cublasStatus_t cublasGetPointerMode_v2(cublasHandle_t handle,
                                                     cublasPointerMode_t *mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (mode == nullptr)
      return CUBLAS_STATUS_INVALID_VALUE;
    *mode = context.pointerMode;
    return CUBLAS_STATUS_SUCCESS;
  });
}

CUBLAS_EXPORT cublasStatus_t cublasSetPointerMode_v2(cublasHandle_t handle,
                                                     cublasPointerMode_t mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (mode != CUBLAS_POINTER_MODE_HOST && mode != CUBLAS_POINTER_MODE_DEVICE)
      return CUBLAS_STATUS_INVALID_VALUE;
    context.pointerMode = mode;
    return CUBLAS_STATUS_SUCCESS;
  });
}

CUBLAS_EXPORT cublasStatus_t cublasGetAtomicsMode(cublasHandle_t handle,
                                                  cublasAtomicsMode_t *mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (mode == nullptr)
      return CUBLAS_STATUS_INVALID_VALUE;
    *mode = context.atomicsMode;
    return CUBLAS_STATUS_SUCCESS;
  });
}

// Stored only: no routine here uses atomics.
CUBLAS_EXPORT cublasStatus_t cublasSetAtomicsMode(cublasHandle_t handle, cublasAtomicsMode_t mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (mode != CUBLAS_ATOMICS_NOT_ALLOWED && mode != CUBLAS_ATOMICS_ALLOWED)
      return CUBLAS_STATUS_INVALID_VALUE;
    context.atomicsMode = mode;
    return CUBLAS_STATUS_SUCCESS;
  });
}

CUBLAS_EXPORT cublasStatus_t cublasGetMathMode(cublasHandle_t handle, cublasMath_t *mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (mode == nullptr)
      return CUBLAS_STATUS_INVALID_VALUE;
    *mode = context.mathMode;
    return CUBLAS_STATUS_SUCCESS;
  });
}

// Stored and reported; every mode computes as CUBLAS_DEFAULT_MATH.
CUBLAS_EXPORT cublasStatus_t cublasSetMathMode(cublasHandle_t handle, cublasMath_t mode) {
  return withHandle(handle, [&](cublasContext &context) {
    if (!validMathMode(static_cast<int>(mode)))
      return CUBLAS_STATUS_INVALID_VALUE;
    context.mathMode = mode;
    return CUBLAS_STATUS_SUCCESS;
  });
}
