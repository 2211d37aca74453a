#include "core/level2.h"

#include <algorithm>

#include "core/arguments.h"
#include "core/kernel_set.h"

namespace cucl::blas {

namespace {

constexpr std::size_t kTile = 32;          // L2_TILE in kernels/level2.cl
constexpr std::size_t kMaxTileRows = 4096; // groups; then grid-stride
constexpr std::size_t kStoreGroup = 64;
constexpr std::size_t kMaxStoreGroups = 1024;

bool validFill(cublasFillMode_t uplo) {
  return uplo == CUBLAS_FILL_MODE_LOWER || uplo == CUBLAS_FILL_MODE_UPPER;
}

bool validOperation(cublasOperation_t trans) {
  return trans == CUBLAS_OP_N || trans == CUBLAS_OP_T || trans == CUBLAS_OP_C;
}

bool validDiag(cublasDiagType_t diag) {
  return diag == CUBLAS_DIAG_NON_UNIT || diag == CUBLAS_DIAG_UNIT;
}

std::size_t groupsFor(std::int64_t rows, std::size_t local, std::size_t maxGroups) {
  return std::min((static_cast<std::size_t>(rows) + local - 1) / local, maxGroups);
}

// A (n x n, lda) and the n-vector x as kernel arguments (n > 0).
template <class T>
cublasStatus_t resolveMatrixAndVector(const cublasContext &handle, int n, const T *A, int lda,
                                      const T *x, int incx, BufferArg *aArg, BufferArg *xArg) {
  ByteSpan span;
  if (!matrixSpan(n, n, lda, 0, 1, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = resolveDevice(handle, A, span, sizeof(T), aArg);
  if (status == CUBLAS_STATUS_SUCCESS && !vectorSpan(n, incx, sizeof(T), &span))
    status = CUBLAS_STATUS_INVALID_VALUE;
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveDevice(handle, x, span, sizeof(T), xArg);
  return status;
}

// The checks and the start trmv and trsv share: `*done` when there is
// nothing to do.
template <class T>
cublasStatus_t startTriangular(const cublasContext &handle, cublasFillMode_t uplo,
                               cublasOperation_t trans, cublasDiagType_t diag, int n, const T *A,
                               int lda, T *x, int incx, BufferArg *aArg, BufferArg *xArg,
                               bool *done) {
  if (!validFill(uplo) || !validOperation(trans) || !validDiag(diag) || n < 0 ||
      lda < std::max(1, n) || incx == 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0) {
    *done = true;
    return status;
  }
  return resolveMatrixAndVector<T>(handle, n, A, lda, x, incx, aArg, xArg);
}

// The flags the triangular kernels take first: upper, trans, unit.
struct TriangleFlags {
  cl_int upper, trans, unit;
};
TriangleFlags flagsOf(cublasFillMode_t uplo, cublasOperation_t trans, cublasDiagType_t diag) {
  return TriangleFlags{uplo == CUBLAS_FILL_MODE_UPPER ? 1 : 0, trans != CUBLAS_OP_N ? 1 : 0,
                       diag == CUBLAS_DIAG_UNIT ? 1 : 0};
}

} // namespace

template <class T>
cublasStatus_t symv(cublasContext &handle, cublasFillMode_t uplo, int n, const T *alpha, const T *A,
                    int lda, const T *x, int incx, const T *beta, T *y, int incy) {
  if (!validFill(uplo) || n < 0 || lda < std::max(1, n) || incx == 0 || incy == 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0)
    return status;
  ScalarArg alphaArg, betaArg;
  status = resolveScalars(handle, alpha, beta, &alphaArg, &betaArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const bool hostAlphaZero = !alphaArg.onDevice && alphaArg.host == 0;
  if (hostAlphaZero && !betaArg.onDevice && betaArg.host == 1)
    return CUBLAS_STATUS_SUCCESS;

  BufferArg aArg, xArg, yArg;
  // A and x are not read when alpha == 0: they need not be valid then.
  if (!hostAlphaZero) {
    status = resolveMatrixAndVector<T>(handle, n, A, lda, x, incx, &aArg, &xArg);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  ByteSpan span;
  if (!vectorSpan(n, incy, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  status = resolveDevice(handle, y, span, sizeof(T), &yArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *kernel = nullptr;
  status = handle.kernels->get(handle, KernelFamily::Level2, precisionOf<T>(), "symv", &kernel);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const cl_int upper = uplo == CUBLAS_FILL_MODE_UPPER ? 1 : 0;
  if (setKernelArgs(*kernel, upper, cl_int(n), toKernelArg<T>(alphaArg), aArg, cl_int(lda), xArg,
                    cl_int(incx), toKernelArg<T>(betaArg), yArg, cl_int(incy)) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR;
  const std::size_t local = workGroupSize(handle, *kernel, kTile);
  return launchKernel(handle, *kernel, groupsFor(n, local, kMaxTileRows) * local, local);
}

template <class T>
cublasStatus_t trmv(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const T *A, int lda, T *x, int incx) {
  BufferArg aArg, xArg;
  bool done = false;
  cublasStatus_t status =
      startTriangular<T>(handle, uplo, trans, diag, n, A, lda, x, incx, &aArg, &xArg, &done);
  if (status != CUBLAS_STATUS_SUCCESS || done)
    return status;
  const TriangleFlags flags = flagsOf(uplo, trans, diag);

  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *product = nullptr, *store = nullptr;
  status =
      handle.kernels->get(handle, KernelFamily::Level2, precisionOf<T>(), "trmv_product", &product);
  if (status == CUBLAS_STATUS_SUCCESS)
    status =
        handle.kernels->get(handle, KernelFamily::Level2, precisionOf<T>(), "trmv_store", &store);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = ensureScratch(handle, static_cast<std::size_t>(n) * sizeof(T));
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  // op(A) x goes to the scratch first: x is read whole before any of it changes.
  const BufferArg productOut{handle.scratch, 0};
  if (setKernelArgs(*product, flags.upper, flags.trans, flags.unit, cl_int(n), aArg, cl_int(lda),
                    xArg, cl_int(incx), productOut) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR;
  std::size_t local = workGroupSize(handle, *product, kTile);
  status = launchKernel(handle, *product, groupsFor(n, local, kMaxTileRows) * local, local);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (setKernelArgs(*store, cl_int(n), productOut, xArg, cl_int(incx)) != CL_SUCCESS)
    return CUBLAS_STATUS_INTERNAL_ERROR;
  local = workGroupSize(handle, *store, kStoreGroup);
  return launchKernel(handle, *store, groupsFor(n, local, kMaxStoreGroups) * local, local);
}

template <class T>
cublasStatus_t trsv(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const T *A, int lda, T *x, int incx) {
  BufferArg aArg, xArg;
  bool done = false;
  cublasStatus_t status =
      startTriangular<T>(handle, uplo, trans, diag, n, A, lda, x, incx, &aArg, &xArg, &done);
  if (status != CUBLAS_STATUS_SUCCESS || done)
    return status;
  const TriangleFlags flags = flagsOf(uplo, trans, diag);
  // op(A) lower triangular: forward substitution, first block to last.
  const bool forward = flags.upper == flags.trans;

  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *block = nullptr, *update = nullptr;
  status =
      handle.kernels->get(handle, KernelFamily::Level2, precisionOf<T>(), "trsv_block", &block);
  if (status == CUBLAS_STATUS_SUCCESS)
    status =
        handle.kernels->get(handle, KernelFamily::Level2, precisionOf<T>(), "trsv_update", &update);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  // One block side for both kernels: the diagonal block is one group, the
  // update's tiles have the same width.
  const std::size_t side =
      std::min(workGroupSize(handle, *block, kTile), workGroupSize(handle, *update, kTile));
  const int step = static_cast<int>(side);
  const int blocks = (n + step - 1) / step;
  for (int b = 0; b < blocks; ++b) {
    const int k0 = (forward ? b : blocks - 1 - b) * step;
    const int m = std::min(step, n - k0);
    if (setKernelArgs(*block, flags.upper, flags.trans, flags.unit, cl_int(n), cl_int(k0), aArg,
                      cl_int(lda), xArg, cl_int(incx)) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    status = launchKernel(handle, *block, side, side);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
    const int rowsLeft = forward ? n - k0 - m : k0;
    if (rowsLeft == 0)
      continue;
    if (setKernelArgs(*update, flags.upper, flags.trans, flags.unit, cl_int(n), cl_int(k0),
                      cl_int(m), aArg, cl_int(lda), xArg, cl_int(incx)) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    status = launchKernel(handle, *update, groupsFor(rowsLeft, side, kMaxTileRows) * side, side);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  return CUBLAS_STATUS_SUCCESS;
}

#define CUCL_INSTANTIATE_LEVEL2(T)                                                                 \
  template cublasStatus_t symv<T>(cublasContext &, cublasFillMode_t, int, const T *, const T *,    \
                                  int, const T *, int, const T *, T *, int);                       \
  template cublasStatus_t trmv<T>(cublasContext &, cublasFillMode_t, cublasOperation_t,            \
                                  cublasDiagType_t, int, const T *, int, T *, int);                \
  template cublasStatus_t trsv<T>(cublasContext &, cublasFillMode_t, cublasOperation_t,            \
                                  cublasDiagType_t, int, const T *, int, T *, int);
CUCL_INSTANTIATE_LEVEL2(float)
CUCL_INSTANTIATE_LEVEL2(double)
#undef CUCL_INSTANTIATE_LEVEL2

} // namespace cucl::blas
