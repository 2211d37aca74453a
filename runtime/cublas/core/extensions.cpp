#include "core/extensions.h"

#include <algorithm>
#include <vector>

#include "core/arguments.h"
#include "core/kernel_set.h"

namespace cucl::blas {

namespace {

// Work-group shape of the element-wise kernels: up to kGroupRows rows (one
// stretch of a column, read and written together) times as many columns as
// fill kGroupItems work-items.
constexpr std::size_t kGroupRows = 32;
constexpr std::size_t kGroupItems = 256;

bool isOperation(cublasOperation_t op) {
  return op == CUBLAS_OP_N || op == CUBLAS_OP_T || op == CUBLAS_OP_C;
}

// The smallest power of two >= extent, at most limit (a power of two): a
// 1-row or 5-column matrix gets a group no larger than it needs.
std::size_t groupExtent(int extent, std::size_t limit) {
  std::size_t size = 1;
  while (size < static_cast<std::size_t>(extent) && size < limit)
    size *= 2;
  return size;
}

// The largest power of two <= limit.
std::size_t powerOfTwoAtMost(std::size_t limit) {
  std::size_t size = 1;
  while (size * 2 <= limit)
    size *= 2;
  return size;
}

std::size_t roundUp(int extent, std::size_t multiple) {
  return (static_cast<std::size_t>(extent) + multiple - 1) / multiple * multiple;
}

// A rows x cols matrix with leading dimension ld (rows, cols > 0) as a
// kernel argument.
template <class T>
cublasStatus_t resolveMatrix(const cublasContext &handle, const T *pointer, int rows, int cols,
                             int ld, BufferArg *out) {
  ByteSpan span;
  if (!matrixSpan(rows, cols, ld, 0, 1, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return resolveDevice(handle, pointer, span, sizeof(T), out);
}

// An n-vector with increment inc (n > 0, any inc) as a kernel argument.
template <class T>
cublasStatus_t resolveVector(const cublasContext &handle, const T *pointer, int n, int inc,
                             BufferArg *out) {
  ByteSpan span;
  if (!vectorSpan(n, inc, sizeof(T), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return resolveDevice(handle, pointer, span, sizeof(T), out);
}

// Runs the kernel `name` over an m x n NDRange (m, n > 0), one work-item
// per element, under the handle's mutex: setArgs(kernel) sets its arguments.
template <class T, class SetArgs>
cublasStatus_t launchOverMatrix(cublasContext &handle, const char *name, int m, int n,
                                SetArgs setArgs) {
  return withKernel<T>(handle, KernelFamily::Extensions, name, [&](cl::Kernel &kernel) {
    if (setArgs(kernel) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    // The group fits the kernel's limit and the device's per-dimension ones.
    std::size_t items = workGroupSize(handle, kernel, kGroupItems);
    std::size_t rowLimit = items, columnLimit = items;
    std::vector<std::size_t> perDimension;
    if (handle.clDevice.getInfo(CL_DEVICE_MAX_WORK_ITEM_SIZES, &perDimension) == CL_SUCCESS &&
        perDimension.size() >= 2) {
      rowLimit = powerOfTwoAtMost(std::min(rowLimit, perDimension[0]));
      columnLimit = powerOfTwoAtMost(std::min(columnLimit, perDimension[1]));
    }
    std::size_t rows = groupExtent(m, std::min(kGroupRows, rowLimit));
    std::size_t columns = groupExtent(n, std::min(items / rows, columnLimit));
    cl::NDRange global(roundUp(m, rows), roundUp(n, columns));
    cl::NDRange local(rows, columns);
    return enqueueOnStream(
        handle, [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
          return queue.enqueueNDRangeKernel(kernel, cl::NullRange, global, local, waits, done);
        });
  });
}

} // namespace

template <class T>
cublasStatus_t geam(cublasContext &handle, cublasOperation_t transa, cublasOperation_t transb,
                    int m, int n, const T *alpha, const T *A, int lda, const T *beta, const T *B,
                    int ldb, T *C, int ldc) {
  // op(A) and op(B) are m x n: stored n x m when transposed.
  const bool aTransposed = transa != CUBLAS_OP_N, bTransposed = transb != CUBLAS_OP_N;
  const int aRows = aTransposed ? n : m, bRows = bTransposed ? n : m;
  if (!isOperation(transa) || !isOperation(transb) || m < 0 || n < 0 || lda < std::max(1, aRows) ||
      ldb < std::max(1, bRows) || ldc < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg, betaArg;
  status = resolveScalars(handle, alpha, beta, &alphaArg, &betaArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  // A zero scalar known on the host: its matrix is not read, so not checked.
  const bool readsA = alphaArg.onDevice || alphaArg.host != 0;
  const bool readsB = betaArg.onDevice || betaArg.host != 0;
  // In place only element for element: each work-item reads its element of
  // A (B) and writes the same element of C.
  if ((readsA && A == C && (aTransposed || lda != ldc)) ||
      (readsB && B == C && (bTransposed || ldb != ldc)))
    return CUBLAS_STATUS_INVALID_VALUE;
  BufferArg aArg, bArg, cArg; // an unread operand stays empty: a NULL buffer
  if (readsA)
    status = resolveMatrix(handle, A, aRows, aTransposed ? m : n, lda, &aArg);
  if (status == CUBLAS_STATUS_SUCCESS && readsB)
    status = resolveMatrix(handle, B, bRows, bTransposed ? m : n, ldb, &bArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrix<T>(handle, C, m, n, ldc, &cArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return launchOverMatrix<T>(handle, "geam", m, n, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(m), cl_int(n), toKernelArg<T>(alphaArg), aArg, cl_int(lda),
                         cl_int(aTransposed), toKernelArg<T>(betaArg), bArg, cl_int(ldb),
                         cl_int(bTransposed), cArg, cl_int(ldc));
  });
}

template <class T>
cublasStatus_t dgmm(cublasContext &handle, cublasSideMode_t mode, int m, int n, const T *A, int lda,
                    const T *x, int incx, T *C, int ldc) {
  if ((mode != CUBLAS_SIDE_LEFT && mode != CUBLAS_SIDE_RIGHT) || m < 0 || n < 0 ||
      lda < std::max(1, m) || ldc < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  // In place only element for element (cuBLAS: "works if lda = ldc").
  if (A == C && lda != ldc)
    return CUBLAS_STATUS_INVALID_VALUE;
  const bool right = mode == CUBLAS_SIDE_RIGHT;
  BufferArg aArg, xArg, cArg;
  status = resolveMatrix(handle, A, m, n, lda, &aArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, x, right ? n : m, incx, &xArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrix<T>(handle, C, m, n, ldc, &cArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return launchOverMatrix<T>(handle, "dgmm", m, n, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(m), cl_int(n), cl_int(right), aArg, cl_int(lda), xArg,
                         cl_int(incx), cArg, cl_int(ldc));
  });
}

template <class T>
cublasStatus_t ger(cublasContext &handle, int m, int n, const T *alpha, const T *x, int incx,
                   const T *y, int incy, T *A, int lda) {
  if (m < 0 || n < 0 || incx == 0 || incy == 0 || lda < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg;
  status = resolveScalar(handle, alpha, &alphaArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (!alphaArg.onDevice && alphaArg.host == 0)
    return CUBLAS_STATUS_SUCCESS; // BLAS's quick return
  BufferArg xArg, yArg, aArg;
  status = resolveVector(handle, x, m, incx, &xArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveVector(handle, y, n, incy, &yArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrix<T>(handle, A, m, n, lda, &aArg);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return launchOverMatrix<T>(handle, "ger", m, n, [&](cl::Kernel &kernel) {
    return setKernelArgs(kernel, cl_int(m), cl_int(n), toKernelArg<T>(alphaArg), xArg, cl_int(incx),
                         yArg, cl_int(incy), aArg, cl_int(lda));
  });
}

#define CUCL_INSTANTIATE_EXTENSIONS(T)                                                             \
  template cublasStatus_t geam<T>(cublasContext &, cublasOperation_t, cublasOperation_t, int, int, \
                                  const T *, const T *, int, const T *, const T *, int, T *, int); \
  template cublasStatus_t dgmm<T>(cublasContext &, cublasSideMode_t, int, int, const T *, int,     \
                                  const T *, int, T *, int);                                       \
  template cublasStatus_t ger<T>(cublasContext &, int, int, const T *, const T *, int, const T *,  \
                                 int, T *, int);
CUCL_INSTANTIATE_EXTENSIONS(float)
CUCL_INSTANTIATE_EXTENSIONS(double)
#undef CUCL_INSTANTIATE_EXTENSIONS

} // namespace cucl::blas
