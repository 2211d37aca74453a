// geam, dgmm (BLAS-like extensions) and ger (level 2) behind cublas{S,D}geam,
// cublas{S,D}dgmm and cublas{S,D}ger_v2; T = float or double, matrices
// column-major. The handle is not null (the API checks). Everything runs
// asynchronously on the handle's stream.
//
// Checked first, as cuBLAS documents them (-> CUBLAS_STATUS_INVALID_VALUE):
//   geam  transa/transb not N, T or C; m < 0; n < 0; lda < max(1, rows of
//         A as stored: m for N, n for T/C), ldb likewise; ldc < max(1, m).
//   dgmm  mode not LEFT or RIGHT; m < 0; n < 0; lda or ldc < max(1, m).
//   ger   m < 0; n < 0; incx == 0; incy == 0; lda < max(1, m).
// Then double without cl_khr_fp64 -> CUBLAS_STATUS_ARCH_MISMATCH, and
// m == 0 or n == 0 returns at once. After that a null alpha/beta, and an
// operand that is not device memory of the handle's device covering what the
// routine reads, -> CUBLAS_STATUS_INVALID_VALUE.
//
// geam: C = alpha * op(A) + beta * op(B). With alpha == 0 (beta == 0) in
// host pointer mode A (B) is not read and may be any pointer, null included;
// in device pointer mode it must be valid, but a zero scalar still keeps its
// matrix out of the result. In place: C == A needs transa == N and
// lda == ldc, C == B needs transb == N and ldb == ldc, else INVALID_VALUE
// (cuBLAS's rule; an operand that is not read may alias C freely).
//
// dgmm: C = A * diag(x) (CUBLAS_SIDE_RIGHT, x has n elements) or
// diag(x) * A (CUBLAS_SIDE_LEFT, m elements). Any incx: a negative one walks
// x from its far end, 0 repeats x[0]. In place (C == A) needs lda == ldc,
// else INVALID_VALUE (the documented condition, refused rather than raced).
//
// ger: A += alpha * x * y^T, A m x n; alpha == 0 (host pointer mode)
// returns at once; increments of either sign.
#ifndef CUCL_CUBLAS_CORE_EXTENSIONS_H
#define CUCL_CUBLAS_CORE_EXTENSIONS_H

#include "core/handle.h"

namespace cucl::blas {

template <class T>
cublasStatus_t geam(cublasContext &handle, cublasOperation_t transa, cublasOperation_t transb,
                    int m, int n, const T *alpha, const T *A, int lda, const T *beta, const T *B,
                    int ldb, T *C, int ldc);
template <class T>
cublasStatus_t dgmm(cublasContext &handle, cublasSideMode_t mode, int m, int n, const T *A, int lda,
                    const T *x, int incx, T *C, int ldc);
template <class T>
cublasStatus_t ger(cublasContext &handle, int m, int n, const T *alpha, const T *x, int incx,
                   const T *y, int incy, T *A, int lda);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_EXTENSIONS_H
