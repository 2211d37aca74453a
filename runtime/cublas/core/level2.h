// Level-2 routines beyond gemv (T = float or double) behind cublas{S,D}symv,
// cublas{S,D}trmv and cublas{S,D}trsv. The handle is not null (the API
// checks). A is n x n column-major with leading dimension lda.
//
// As cuBLAS and reference BLAS: `uplo` names the triangle of A that is read
// (the other one never is); trans N, T or C (C == T for real types);
// CUBLAS_DIAG_UNIT takes A's diagonal as 1 without reading it. Any nonzero
// increment (a negative one walks the vector from its far end). A bad
// enumerator, n < 0, lda < max(1, n), incx == 0 or incy == 0 ->
// CUBLAS_STATUS_INVALID_VALUE; n == 0 returns at once. Everything runs
// asynchronously on the handle's stream.
#ifndef CUCL_CUBLAS_CORE_LEVEL2_H
#define CUCL_CUBLAS_CORE_LEVEL2_H

#include "core/handle.h"

namespace cucl::blas {

// y = alpha * A * x + beta * y with A symmetric (alpha, beta per the pointer
// mode). beta == 0 never reads y; alpha == 0 never reads A or x; alpha == 0
// with beta == 1 in host pointer mode returns at once.
template <class T>
cublasStatus_t symv(cublasContext &handle, cublasFillMode_t uplo, int n, const T *alpha, const T *A,
                    int lda, const T *x, int incx, const T *beta, T *y, int incy);

// x = op(A) x with A triangular; the product goes through the handle's
// scratch, so no element of x is read after it was overwritten.
template <class T>
cublasStatus_t trmv(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const T *A, int lda, T *x, int incx);

// x = op(A)^-1 x with A triangular, by blocked substitution in place. No
// singularity check (a zero diagonal element gives inf or NaN, as BLAS).
template <class T>
cublasStatus_t trsv(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans,
                    cublasDiagType_t diag, int n, const T *A, int lda, T *x, int incx);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_LEVEL2_H
