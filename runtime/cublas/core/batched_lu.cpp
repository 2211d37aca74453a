#include "core/batched_lu.h"

#include <algorithm>
#include <cstdint>
#include <mutex>
#include <vector>

#include "core/arguments.h"
#include "core/kernel_set.h"
#include "core/pointer_arrays.h"

namespace cucl::blas {

namespace {

constexpr std::size_t kMaxGroup = 256; // REDUCE_MAX_WG in the kernels

bool leadingDimensionOk(int ld, int n) {
  return ld >= std::max(1, n);
}

// The matrices of one pointer-array argument and, for a batch in one
// buffer, the device table of their byte offsets.
struct MatrixOperand {
  PointerBatch batch;
  cl::Buffer table;
};

// Reads `count` pointers to rows x cols matrices with leading dimension ld.
cublasStatus_t readMatrices(cublasContext &handle, const void *const *array, int count, int rows,
                            int cols, int ld, std::size_t elementSize, MatrixOperand *out) {
  ByteSpan span;
  if (!matrixSpan(rows, cols, ld, 0, 1, elementSize, &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return readPointerBatch(handle, array, count, span, elementSize, &out->batch);
}

// A device array of `count` ints (pivots, info).
cublasStatus_t resolveInts(const cublasContext &handle, const int *pointer, std::int64_t count,
                           BufferArg *out) {
  ByteSpan span;
  if (!vectorSpan(count, 1, sizeof(int), &span))
    return CUBLAS_STATUS_INVALID_VALUE;
  return resolveDevice(handle, pointer, span, sizeof(int), out);
}

// A matrix operand as one launch passes it: (base, offset) and the table
// (null when the launch covers a single matrix at `offset`).
struct LaunchOperand {
  BufferArg matrix;
  cl::Buffer table;
};

// A power-of-two work-group for `work` parallel items per step.
std::size_t groupSizeFor(const cublasContext &handle, const cl::Kernel &kernel, std::int64_t work) {
  std::size_t wanted = 1;
  while (static_cast<std::int64_t>(wanted) < work && wanted < kMaxGroup)
    wanted *= 2;
  return workGroupSize(handle, kernel, wanted);
}

// Runs the BatchedLu kernel `name` over `batchSize` matrices, one
// work-group each: one launch with offset tables when every operand's
// matrices share a buffer, otherwise one launch per matrix.
// setArgs(kernel, operands, useTable, first) sets the kernel's arguments.
template <class T, class SetArgs>
cublasStatus_t launchBatch(cublasContext &handle, const char *name,
                           const std::vector<MatrixOperand *> &operands, int batchSize,
                           std::int64_t work, SetArgs setArgs) {
  bool shared = std::all_of(operands.begin(), operands.end(),
                            [](const MatrixOperand *operand) { return operand->batch.shared; });
  for (std::size_t i = 0; shared && i < operands.size(); ++i) {
    cublasStatus_t status = offsetTable(handle, operands[i]->batch, &operands[i]->table);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  std::lock_guard<std::mutex> lock(handle.mutex);
  cl::Kernel *kernel = nullptr;
  cublasStatus_t status =
      handle.kernels->get(handle, KernelFamily::BatchedLu, precisionOf<T>(), name, &kernel);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const std::size_t local = groupSizeFor(handle, *kernel, work);
  std::vector<LaunchOperand> launch(operands.size());
  if (shared) {
    for (std::size_t i = 0; i < operands.size(); ++i)
      launch[i] =
          LaunchOperand{BufferArg{operands[i]->batch.matrices[0].buffer, 0}, operands[i]->table};
    if (setArgs(*kernel, launch, cl_int(1), cl_int(0)) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    return launchKernel(handle, *kernel, local * static_cast<std::size_t>(batchSize), local);
  }
  for (int b = 0; b < batchSize; ++b) {
    for (std::size_t i = 0; i < operands.size(); ++i)
      launch[i] = LaunchOperand{operands[i]->batch.matrices[std::size_t(b)], cl::Buffer()};
    if (setArgs(*kernel, launch, cl_int(0), cl_int(b)) != CL_SUCCESS)
      return CUBLAS_STATUS_INTERNAL_ERROR;
    status = launchKernel(handle, *kernel, local, local);
    if (status != CUBLAS_STATUS_SUCCESS)
      return status;
  }
  return CUBLAS_STATUS_SUCCESS;
}

// A pointer array of any element type as readPointerBatch takes it.
template <class Pointee> const void *const *untyped(Pointee *const *array) {
  return reinterpret_cast<const void *const *>(array);
}

} // namespace

template <class T>
cublasStatus_t getrfBatched(cublasContext &handle, int n, T *const A[], int lda, int *P, int *info,
                            int batchSize) {
  if (n < 0 || !leadingDimensionOk(lda, n) || batchSize < 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0 || batchSize == 0)
    return status;
  BufferArg pivots, infos;
  if (P != nullptr)
    status = resolveInts(handle, P, std::int64_t(n) * batchSize, &pivots);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveInts(handle, info, batchSize, &infos);
  MatrixOperand a;
  if (status == CUBLAS_STATUS_SUCCESS)
    status = readMatrices(handle, untyped(A), batchSize, n, n, lda, sizeof(T), &a);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const cl_int pivoting = P != nullptr ? 1 : 0;
  return launchBatch<T>(handle, "getrf_batched", {&a}, batchSize, std::int64_t(n) * n,
                        [&](cl::Kernel &kernel, const std::vector<LaunchOperand> &operands,
                            cl_int useTable, cl_int first) {
                          return setKernelArgs(kernel, cl_int(n), operands[0].matrix,
                                               operands[0].table, cl_int(lda), useTable, pivots,
                                               pivoting, infos, first);
                        });
}

template <class T>
cublasStatus_t getrsBatched(cublasContext &handle, cublasOperation_t trans, int n, int nrhs,
                            const T *const Aarray[], int lda, const int *devIpiv, T *const Barray[],
                            int ldb, int *info, int batchSize) {
  if (!isHostPointer(info))
    return CUBLAS_STATUS_INVALID_VALUE;
  int bad = 0;
  if (trans != CUBLAS_OP_N && trans != CUBLAS_OP_T && trans != CUBLAS_OP_C)
    bad = 2;
  else if (n < 0)
    bad = 3;
  else if (nrhs < 0)
    bad = 4;
  else if (!leadingDimensionOk(lda, n))
    bad = 6;
  else if (!leadingDimensionOk(ldb, n))
    bad = 9;
  else if (batchSize < 0)
    bad = 11;
  *info = -bad;
  if (bad != 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0 || nrhs == 0 || batchSize == 0)
    return status;
  // The arguments that do not resolve: info names them as well.
  BufferArg pivots;
  if (devIpiv != nullptr &&
      resolveInts(handle, devIpiv, std::int64_t(n) * batchSize, &pivots) != CUBLAS_STATUS_SUCCESS) {
    *info = -7;
    return CUBLAS_STATUS_INVALID_VALUE;
  }
  MatrixOperand a, b;
  status = readMatrices(handle, untyped(Aarray), batchSize, n, n, lda, sizeof(T), &a);
  if (status == CUBLAS_STATUS_INVALID_VALUE)
    *info = -5;
  if (status == CUBLAS_STATUS_SUCCESS) {
    status = readMatrices(handle, untyped(Barray), batchSize, n, nrhs, ldb, sizeof(T), &b);
    if (status == CUBLAS_STATUS_INVALID_VALUE)
      *info = -8;
  }
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const cl_int transposed = trans == CUBLAS_OP_N ? 0 : 1;
  const cl_int pivoting = devIpiv != nullptr ? 1 : 0;
  return launchBatch<T>(
      handle, "getrs_batched", {&a, &b}, batchSize, std::int64_t(n) * std::max(nrhs, 1),
      [&](cl::Kernel &kernel, const std::vector<LaunchOperand> &operands, cl_int useTable,
          cl_int first) {
        return setKernelArgs(kernel, transposed, cl_int(n), cl_int(nrhs), operands[0].matrix,
                             operands[0].table, cl_int(lda), pivots, pivoting, operands[1].matrix,
                             operands[1].table, cl_int(ldb), useTable, first);
      });
}

template <class T>
cublasStatus_t getriBatched(cublasContext &handle, int n, const T *const A[], int lda, const int *P,
                            T *const C[], int ldc, int *info, int batchSize) {
  if (n < 0 || !leadingDimensionOk(lda, n) || !leadingDimensionOk(ldc, n) || batchSize < 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0 || batchSize == 0)
    return status;
  BufferArg pivots, infos;
  if (P != nullptr)
    status = resolveInts(handle, P, std::int64_t(n) * batchSize, &pivots);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveInts(handle, info, batchSize, &infos);
  MatrixOperand a, c;
  if (status == CUBLAS_STATUS_SUCCESS)
    status = readMatrices(handle, untyped(A), batchSize, n, n, lda, sizeof(T), &a);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = readMatrices(handle, untyped(C), batchSize, n, n, ldc, sizeof(T), &c);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  const cl_int pivoting = P != nullptr ? 1 : 0;
  return launchBatch<T>(handle, "getri_batched", {&a, &c}, batchSize, std::int64_t(n) * n,
                        [&](cl::Kernel &kernel, const std::vector<LaunchOperand> &operands,
                            cl_int useTable, cl_int first) {
                          return setKernelArgs(kernel, cl_int(n), operands[0].matrix,
                                               operands[0].table, cl_int(lda), pivots, pivoting,
                                               operands[1].matrix, operands[1].table, cl_int(ldc),
                                               useTable, infos, first);
                        });
}

template <class T>
cublasStatus_t matinvBatched(cublasContext &handle, int n, const T *const A[], int lda,
                             T *const Ainv[], int ldaInv, int *info, int batchSize) {
  if (n < 0 || n > kMatinvMaxN || !leadingDimensionOk(lda, n) || !leadingDimensionOk(ldaInv, n) ||
      batchSize < 0)
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || n == 0 || batchSize == 0)
    return status;
  BufferArg infos;
  status = resolveInts(handle, info, batchSize, &infos);
  MatrixOperand a, inverse;
  if (status == CUBLAS_STATUS_SUCCESS)
    status = readMatrices(handle, untyped(A), batchSize, n, n, lda, sizeof(T), &a);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = readMatrices(handle, untyped(Ainv), batchSize, n, n, ldaInv, sizeof(T), &inverse);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  return launchBatch<T>(handle, "matinv_batched", {&a, &inverse}, batchSize, std::int64_t(n) * n,
                        [&](cl::Kernel &kernel, const std::vector<LaunchOperand> &operands,
                            cl_int useTable, cl_int first) {
                          return setKernelArgs(kernel, cl_int(n), operands[0].matrix,
                                               operands[0].table, cl_int(lda), operands[1].matrix,
                                               operands[1].table, cl_int(ldaInv), useTable, infos,
                                               first);
                        });
}

#define CUCL_INSTANTIATE_BATCHED_LU(T)                                                             \
  template cublasStatus_t getrfBatched<T>(cublasContext &, int, T *const[], int, int *, int *,     \
                                          int);                                                    \
  template cublasStatus_t getrsBatched<T>(cublasContext &, cublasOperation_t, int, int,            \
                                          const T *const[], int, const int *, T *const[], int,     \
                                          int *, int);                                             \
  template cublasStatus_t getriBatched<T>(cublasContext &, int, const T *const[], int,             \
                                          const int *, T *const[], int, int *, int);               \
  template cublasStatus_t matinvBatched<T>(cublasContext &, int, const T *const[], int,            \
                                           T *const[], int, int *, int);
CUCL_INSTANTIATE_BATCHED_LU(float)
CUCL_INSTANTIATE_BATCHED_LU(double)
#undef CUCL_INSTANTIATE_BATCHED_LU

} // namespace cucl::blas
