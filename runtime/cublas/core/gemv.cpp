#include "core/gemv.h"

#include <algorithm>

#include "core/arguments.h"
#include "core/kernel_set.h"

namespace cucl::blas {

namespace {

constexpr std::size_t kRowGroup = 64;       // gemv_n: work-items per group
constexpr std::size_t kMaxRowGroups = 4096; // then grid-stride
constexpr std::size_t kColumnGroup = 256;   // gemv_t: REDUCE_MAX_WG
constexpr std::size_t kMaxColumnGroups = 4096;

std::size_t powerOfTwoAtLeast(std::int64_t value) {
  std::size_t size = 1;
  while (static_cast<std::int64_t>(size) < value && size < kColumnGroup)
    size *= 2;
  return size;
}

} // namespace

template <class T>
cublasStatus_t gemv(cublasContext &handle, cublasOperation_t trans, int m, int n, const T *alpha,
                    const T *A, int lda, const T *x, int incx, const T *beta, T *y, int incy) {
  if ((trans != CUBLAS_OP_N && trans != CUBLAS_OP_T && trans != CUBLAS_OP_C) || m < 0 || n < 0 ||
      lda < std::max(1, m) || incx == 0 || incy == 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg, betaArg;
  status = resolveScalars(handle, alpha, beta, &alphaArg, &betaArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const bool hostAlphaZero = !alphaArg.onDevice && alphaArg.host == 0;
  if (hostAlphaZero && !betaArg.onDevice && betaArg.host == 1)
    return CUBLAS_STATUS_SUCCESS;

  const bool transposed = trans != CUBLAS_OP_N;
  const std::int64_t xLength = transposed ? m : n;
  const std::int64_t yLength = transposed ? n : m;
  BufferArg aArg, xArg, yArg;
  ByteSpan span;
  // A and x are not read when alpha == 0: they need not be valid then.
  if (!hostAlphaZero) {
    if (!matrixSpan(m, n, lda, 0, 1, sizeof(T), &span))
      return CUBLAS_STATUS_INVALID_VALUE;
    status = resolveDevice(handle, A, span, sizeof(T), &aArg);
    if (status == CUBLAS_STATUS_SUCCESS && !vectorSpan(xLength, incx, sizeof(T), &span))
      status = CUBLAS_STATUS_INVALID_VALUE;
    if (status == CUBLAS_STATUS_SUCCESS)
      status = resolveDevice(handle, x, span, sizeof(T), &xArg);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  if (!vectorSpan(yLength, incy, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  status = resolveDevice(handle, y, span, sizeof(T), &yArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *kernel = nullptr;
  status = handle.kernels->get(handle, KernelFamily::Gemv, precisionOf<T>(),
                               transposed ? "gemv_t" : "gemv_n", &kernel);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (setKernelArgs(*kernel, cl_int(m), cl_int(n), toKernelArg<T>(alphaArg), aArg, cl_int(lda),
                    xArg, cl_int(incx), toKernelArg<T>(betaArg), yArg, cl_int(incy)) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR;
  std::size_t local = 0, groups = 0;
  if (transposed) {
    local = workGroupSize(handle, *kernel, powerOfTwoAtLeast(m));
    groups = std::min<std::size_t>(static_cast<std::size_t>(n), kMaxColumnGroups);
  } else {
    local = workGroupSize(handle, *kernel, kRowGroup);
    groups = std::min((static_cast<std::size_t>(m) + local - 1) / local, kMaxRowGroups);
  }
  return launchKernel(handle, *kernel, groups * local, local);
}

template cublasStatus_t gemv<float>(cublasContext &, cublasOperation_t, int, int, const float *,
                                    const float *, int, const float *, int, const float *, float *,
                                    int);
template cublasStatus_t gemv<double>(cublasContext &, cublasOperation_t, int, int, const double *,
                                     const double *, int, const double *, int, const double *,
                                     double *, int);

} // namespace cucl::blas
