// trsm, blocked: the diagonal blocks of op(A) are inverted first (one
// work-group each: kernels/level3.cl, invert_diagonal_blocks, a few k nb^2
// flops). Then, block by block in dependency order, the block's unknowns
// are its inverse times B's block (a GEMM into scratch, copied back), and
// the rest of B is updated by one GEMM with them, so that every O(k^2 n)
// flop runs on the GEMM engine, as in GPU BLAS libraries.
#include "core/level3.h"

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
  {
    std::lock_guard<std::mutex> lock(handle.mutex);
    cl::Kernel *kernel = nullptr;
    status = handle.kernels->get(handle, KernelFamily::Level3, precisionOf<T>(),
                                 "invert_diagonal_blocks", &kernel);
    if (status == CUBLAS_STATUS_SUCCESS &&
        setKernelArgs(*kernel, cl_int(k), cl_int(kBlock), cl_int(lower), cl_int(transposed),
                      cl_int(diag == CUBLAS_DIAG_UNIT), a, cl_int(lda), inverseArg) != CL_SUCCESS)
      status = CUBLAS_STATUS_INTERNAL_ERROR;
    if (status == CUBLAS_STATUS_SUCCESS)
      status = launchKernel(handle, *kernel, std::size_t(blocks) * kBlock, kBlock);
  }
  const ScalarArg minusOne = hostScalar(-1), one = hostScalar(1), zero = hostScalar(0);
  for (int step = 0; step < blocks && status == CUBLAS_STATUS_SUCCESS; ++step) {
    const int bi = forward ? step : blocks - 1 - step;
    const int i0 = bi * kBlock, ib = std::min(kBlock, k - i0);
    const MatrixArg inverse = block<T>(inverseArg, kBlock, 0, std::int64_t(bi) * kBlock);
    // X[block] = inverse B[block] (left) or B[block] inverse (right).
    const int rows = left ? ib : m, cols = left ? n : ib;
    const BufferArg target = left ? blockArg<T>(b, ldb, i0, 0) : blockArg<T>(b, ldb, 0, i0);
    const MatrixArg solved = block<T>(solvedArg, rows, 0, 0), source = block<T>(target, ldb, 0, 0);
    status = gemmBlocks<T>(handle, false, false, rows, cols, ib, one, left ? inverse : source,
                           left ? source : inverse, zero, solved);
    if (status == CUBLAS_STATUS_SUCCESS)
      status =
          launchLevel3<T>(handle, "copy_block", std::int64_t(rows) * cols, [&](cl::Kernel &kernel) {
            return setKernelArgs(kernel, cl_int(rows), cl_int(cols), solvedArg, cl_int(rows),
                                 target, cl_int(ldb));
          });
    // The unknowns still to solve: after the block when going forward.
    const int rest0 = forward ? i0 + ib : 0, rest = forward ? k - rest0 : i0;
    if (status != CUBLAS_STATUS_SUCCESS || rest == 0)
      continue;
    if (left) // B[rest, :] -= op(A)[rest, block] X[block, :]
      status = gemmBlocks<T>(handle, transposed, false, rest, n, ib, minusOne,
                             transposed ? block<T>(a, lda, i0, rest0) : block<T>(a, lda, rest0, i0),
                             block<T>(b, ldb, i0, 0), one, block<T>(b, ldb, rest0, 0));
    else // B[:, rest] -= X[:, block] op(A)[block, rest]
      status =
          gemmBlocks<T>(handle, false, transposed, m, rest, ib, minusOne, block<T>(b, ldb, 0, i0),
                        transposed ? block<T>(a, lda, rest0, i0) : block<T>(a, lda, i0, rest0), one,
                        block<T>(b, ldb, 0, rest0));
  }
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
