// Helper functions: strided copies between host and device memory. No
// handle: they are cudaMemcpy2D(Async) calls whose rows are single elements
// (vectors) or matrix columns, with cuBLAS's argument checks and statuses.
#include "api/cublas_export.h"

#include "cuda_runtime_api.h"

namespace {

// A failed copy is a mapping error in cuBLAS's terms; the runtime's error
// is not left as the thread's last error (cuBLAS reports it itself).
cublasStatus_t copyStatus(cudaError_t status) {
  if (status == cudaSuccess)
    return CUBLAS_STATUS_SUCCESS;
  cudaGetLastError();
  return CUBLAS_STATUS_MAPPING_ERROR;
}

// n elements of elemSize bytes, inc elements apart on each side.
cublasStatus_t copyVector(int n, int elemSize, const void *from, int incFrom, void *to, int incTo,
                          cudaMemcpyKind kind, const cudaStream_t *stream) {
  if (n < 0 || elemSize <= 0 || incFrom <= 0 || incTo <= 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (n == 0)
    return CUBLAS_STATUS_SUCCESS;
  const size_t size = static_cast<size_t>(elemSize);
  const size_t fromPitch = size * static_cast<size_t>(incFrom);
  const size_t toPitch = size * static_cast<size_t>(incTo);
  return copyStatus(stream != nullptr ? cudaMemcpy2DAsync(to, toPitch, from, fromPitch, size,
                                                          static_cast<size_t>(n), kind, *stream)
                                      : cudaMemcpy2D(to, toPitch, from, fromPitch, size,
                                                     static_cast<size_t>(n), kind));
}

// rows x cols column-major elements, leading dimensions lda and ldb.
cublasStatus_t copyMatrix(int rows, int cols, int elemSize, const void *A, int lda, void *B,
                          int ldb, cudaMemcpyKind kind, const cudaStream_t *stream) {
  if (rows < 0 || cols < 0 || elemSize <= 0 || lda <= 0 || ldb <= 0 || lda < rows || ldb < rows)
    return CUBLAS_STATUS_INVALID_VALUE;
  if (rows == 0 || cols == 0)
    return CUBLAS_STATUS_SUCCESS;
  const size_t size = static_cast<size_t>(elemSize);
  const size_t width = size * static_cast<size_t>(rows);
  const size_t fromPitch = size * static_cast<size_t>(lda);
  const size_t toPitch = size * static_cast<size_t>(ldb);
  return copyStatus(stream != nullptr ? cudaMemcpy2DAsync(B, toPitch, A, fromPitch, width,
                                                          static_cast<size_t>(cols), kind, *stream)
                                      : cudaMemcpy2D(B, toPitch, A, fromPitch, width,
                                                     static_cast<size_t>(cols), kind));
}

} // namespace

CUBLAS_EXPORT cublasStatus_t cublasSetVector(int n, int elemSize, const void *x, int incx,
                                             void *devicePtr, int incy) {
  return copyVector(n, elemSize, x, incx, devicePtr, incy, cudaMemcpyHostToDevice, nullptr);
}

CUBLAS_EXPORT cublasStatus_t cublasGetVector(int n, int elemSize, const void *x, int incx, void *y,
                                             int incy) {
  return copyVector(n, elemSize, x, incx, y, incy, cudaMemcpyDeviceToHost, nullptr);
}

CUBLAS_EXPORT cublasStatus_t cublasSetMatrix(int rows, int cols, int elemSize, const void *A,
                                             int lda, void *B, int ldb) {
  return copyMatrix(rows, cols, elemSize, A, lda, B, ldb, cudaMemcpyHostToDevice, nullptr);
}

CUBLAS_EXPORT cublasStatus_t cublasGetMatrix(int rows, int cols, int elemSize, const void *A,
                                             int lda, void *B, int ldb) {
  return copyMatrix(rows, cols, elemSize, A, lda, B, ldb, cudaMemcpyDeviceToHost, nullptr);
}

CUBLAS_EXPORT cublasStatus_t cublasSetVectorAsync(int n, int elemSize, const void *hostPtr,
                                                  int incx, void *devicePtr, int incy,
                                                  cudaStream_t stream) {
  return copyVector(n, elemSize, hostPtr, incx, devicePtr, incy, cudaMemcpyHostToDevice, &stream);
}

CUBLAS_EXPORT cublasStatus_t cublasGetVectorAsync(int n, int elemSize, const void *devicePtr,
                                                  int incx, void *hostPtr, int incy,
                                                  cudaStream_t stream) {
  return copyVector(n, elemSize, devicePtr, incx, hostPtr, incy, cudaMemcpyDeviceToHost, &stream);
}

CUBLAS_EXPORT cublasStatus_t cublasSetMatrixAsync(int rows, int cols, int elemSize, const void *A,
                                                  int lda, void *B, int ldb, cudaStream_t stream) {
  return copyMatrix(rows, cols, elemSize, A, lda, B, ldb, cudaMemcpyHostToDevice, &stream);
}

CUBLAS_EXPORT cublasStatus_t cublasGetMatrixAsync(int rows, int cols, int elemSize, const void *A,
                                                  int lda, void *B, int ldb, cudaStream_t stream) {
  return copyMatrix(rows, cols, elemSize, A, lda, B, ldb, cudaMemcpyDeviceToHost, &stream);
}
