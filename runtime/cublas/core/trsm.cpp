// trsm, blocked: for each diagonal block of op(A) in dependency order, the
// block's unknowns by substitution (kernels/level3.cl, trsm_block), then
// the rest of B updated by one GEMM with the solved block (k = the block
// size), so almost every flop runs on the GEMM engine.
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
  const ScalarArg minusOne = hostScalar(-1), one = hostScalar(1);
  for (int step = 0; step < blocks && status == CUBLAS_STATUS_SUCCESS; ++step) {
    const int i0 = (forward ? step : blocks - 1 - step) * kBlock;
    const int ib = std::min(kBlock, k - i0);
    const int count = left ? n : m;
    const BufferArg diagonal = blockArg<T>(a, lda, i0, i0);
    const BufferArg solved = left ? blockArg<T>(b, ldb, i0, 0) : blockArg<T>(b, ldb, 0, i0);
    status = launchLevel3<T>(handle, "trsm_block", count, [&](cl::Kernel &kernel) {
      return setKernelArgs(kernel, cl_int(left), cl_int(lower), cl_int(transposed),
                           cl_int(diag == CUBLAS_DIAG_UNIT), cl_int(ib), cl_int(count), diagonal,
                           cl_int(lda), solved, cl_int(ldb));
    });
    if (status != CUBLAS_STATUS_SUCCESS)
      break;
    // The unknowns still to solve: after the block when going forward.
    const int rest0 = forward ? i0 + ib : 0, rest = forward ? k - rest0 : i0;
    if (rest == 0)
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
