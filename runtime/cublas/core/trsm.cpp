// trsm, recursively: the diagonal blocks of op(A) are inverted first (one
// work-group each: kernels/level3.cl, invert_diagonal_blocks, a few k nb^2
// flops). The unknowns are then split in two halves (at a multiple of the
// block size): the half the other depends on is solved, the other half's
// right-hand side updated by one large GEMM, then that half solved. A half
// of one block is its inverse times B's block (a GEMM into scratch, copied
// back). So every O(k^2 n) flop runs on the GEMM engine, most of them in
// GEMMs as large as the problem allows.
#include "core/level3.h"

#include <functional>

#include "core/level3_support.h"

namespace cucl::blas {

using namespace level3;

namespace {

bool validEnums(cublasSideMode_t side, cublasFillMode_t uplo, cublasOperation_t trans,
                cublasDiagType_t diag) {
  return (side == CUBLAS_SIDE_LEFT || side == CUBLAS_SIDE_RIGHT) &&
         (uplo == CUBLAS_FILL_MODE_LOWER || uplo == CUBLAS_FILL_MODE_UPPER) &&
         (trans == CUBLAS_OP_N || trans == CUBLAS_OP_T || trans == CUBLAS_OP_C) &&
         (diag == CUBLAS_DIAG_NON_UNIT || diag == CUBLAS_DIAG_UNIT);
}

template <class T>
cublasStatus_t scaleMatrix(cublasContext &handle, int rows, int cols, const ScalarArg &alpha,
                           const BufferArg &b, int ldb) {
  return launchLevel3<T>(handle, "scale_matrix", std::int64_t(rows) * cols, [&](cl::Kernel &k) {
    return setKernelArgs(k, cl_int(rows), cl_int(cols), toKernelArg<T>(alpha), b, cl_int(ldb));
  });
}

} // namespace

template <class T>
cublasStatus_t trsm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo,
                    cublasOperation_t trans, cublasDiagType_t diag, int m, int n, const T *alpha,
                    const T *A, int lda, T *B, int ldb) {
  const bool left = side == CUBLAS_SIDE_LEFT;
  const int k = left ? m : n; // op(A) is k x k
  if (!validEnums(side, uplo, trans, diag) || m < 0 || n < 0 || lda < std::max(1, k) ||
      ldb < std::max(1, m))
    return CUBLAS_STATUS_INVALID_VALUE;
  cublasStatus_t status = checkPrecision<T>(handle);
  if (status != CUBLAS_STATUS_SUCCESS || m == 0 || n == 0)
    return status;
  ScalarArg alphaArg;
  BufferArg b, a;
  status = resolveScalar(handle, alpha, &alphaArg);
  if (status == CUBLAS_STATUS_SUCCESS)
    status = resolveMatrixArg<T>(handle, B, m, n, ldb, &b);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;
  if (!alphaArg.onDevice && alphaArg.host == 0) // X = 0; A is not read
    return scaleMatrix<T>(handle, m, n, alphaArg, b, ldb);
  status = resolveMatrixArg<T>(handle, A, k, k, lda, &a);
  if (status == CUBLAS_STATUS_SUCCESS && (alphaArg.onDevice || alphaArg.host != 1))
    status = scaleMatrix<T>(handle, m, n, alphaArg, b, ldb);
  if (status != CUBLAS_STATUS_SUCCESS)
    return status;

  const bool transposed = trans != CUBLAS_OP_N;
  const bool lower = (uplo == CUBLAS_FILL_MODE_LOWER) != transposed; // op(A) lower
  const bool forward = left ? lower : !lower; // unknowns depend on earlier ones
  const int blocks = (k + kBlock - 1) / kBlock;
  // Scratch: the inverses (kBlock^2 each), then a solved block of B.
  const std::size_t inverses = std::size_t(blocks) * kBlock * kBlock;
  const std::size_t solvedBlock = std::size_t(kBlock) * (left ? n : m);
  cl_int made = CL_SUCCESS;
  cl::Buffer scratch(handle.context, CL_MEM_READ_WRITE, sizeof(T) * (inverses + solvedBlock),
                     nullptr, &made);
  if (made != CL_SUCCESS)
    return CUBLAS_STATUS_ALLOC_FAILED;
  const BufferArg inverseArg{scratch, 0}, solvedArg{scratch, inverses * sizeof(T)};
  // One work-group per block: its own launch shape, not launchLevel3's.
  status = withKernel<T>(handle, KernelFamily::Level3, "invert_diagonal_blocks",
                         [&](cl::Kernel &kernel) {
                           if (setKernelArgs(kernel, cl_int(k), cl_int(kBlock), cl_int(lower),
                                             cl_int(transposed), cl_int(diag == CUBLAS_DIAG_UNIT),
                                             a, cl_int(lda), inverseArg) != CL_SUCCESS)
                             return CUBLAS_STATUS_INTERNAL_ERROR;
                           // Any group size works (the kernel loops over the columns).
                           const std::size_t local = workGroupSize(handle, kernel, kBlock);
                           return launchKernel(handle, kernel, std::size_t(blocks) * local, local);
                         });
  const ScalarArg minusOne = hostScalar(-1), one = hostScalar(1), zero = hostScalar(0);
  // X[block] = inverse B[block] (left) or B[block] inverse (right), for
  // the block of op(A) starting at i0 (a multiple of kBlock), ib wide.
  auto solveBlock = [&](int i0, int ib) {
    const MatrixArg inverse = block<T>(inverseArg, kBlock, 0, i0); // inverse i0 / kBlock
    const int rows = left ? ib : m, cols = left ? n : ib;
    const BufferArg target = left ? blockArg<T>(b, ldb, i0, 0) : blockArg<T>(b, ldb, 0, i0);
    const MatrixArg solved = block<T>(solvedArg, rows, 0, 0), source = block<T>(target, ldb, 0, 0);
    cublasStatus_t result =
        gemmBlocks<T>(handle, false, false, rows, cols, ib, one, left ? inverse : source,
                      left ? source : inverse, zero, solved);
    if (result != CUBLAS_STATUS_SUCCESS)
      return result;
    return launchLevel3<T>(handle, "copy_block", std::int64_t(rows) * cols,
                           [&](cl::Kernel &kernel) {
                             return setKernelArgs(kernel, cl_int(rows), cl_int(cols), solvedArg,
                                                  cl_int(rows), target, cl_int(ldb));
                           });
  };
  // B[to] -= op(A)[to, from] X[from] (left) or X[from] op(A)[from, to]
  // (right), `to` and `from` ranges of op(A)'s rows and columns.
  auto update = [&](int to, int toSize, int from, int fromSize) {
    if (left)
      return gemmBlocks<T>(handle, transposed, false, toSize, n, fromSize, minusOne,
                           transposed ? block<T>(a, lda, from, to) : block<T>(a, lda, to, from),
                           block<T>(b, ldb, from, 0), one, block<T>(b, ldb, to, 0));
    return gemmBlocks<T>(handle, false, transposed, m, toSize, fromSize, minusOne,
                         block<T>(b, ldb, 0, from),
                         transposed ? block<T>(a, lda, to, from) : block<T>(a, lda, from, to), one,
                         block<T>(b, ldb, 0, to));
  };
  std::function<cublasStatus_t(int, int)> solve = [&](int first, int size) {
    if (size <= kBlock)
      return solveBlock(first, size);
    const int half = (size / 2 + kBlock - 1) / kBlock * kBlock;
    const int second = first + half, rest = size - half;
    // Going forward the second half depends on the first, else the reverse.
    const int early = forward ? first : second, earlySize = forward ? half : rest;
    const int late = forward ? second : first, lateSize = forward ? rest : half;
    cublasStatus_t result = solve(early, earlySize);
    if (result == CUBLAS_STATUS_SUCCESS)
      result = update(late, lateSize, early, earlySize);
    return result == CUBLAS_STATUS_SUCCESS ? solve(late, lateSize) : result;
  };
  status = solve(0, k);
  return status;
}

#define CUCL_INSTANTIATE_TRSM(T)                                                                   \
  template cublasStatus_t trsm<T>(cublasContext &, cublasSideMode_t, cublasFillMode_t,             \
                                  cublasOperation_t, cublasDiagType_t, int, int, const T *,        \
                                  const T *, int, T *, int);
CUCL_INSTANTIATE_TRSM(float)
CUCL_INSTANTIATE_TRSM(double)
#undef CUCL_INSTANTIATE_TRSM

} // namespace cucl::blas
