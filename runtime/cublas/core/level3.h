// Level-3 routines beyond GEMM, blocked so that their bulk runs on the
// tuned GEMM engine (gemm/gemm.h) and only small pieces need kernels of
// their own (kernels/level3.cl):
//   trsm  substitution on diagonal blocks, GEMM updates of the rest;
//   syrk  GEMM on the blocks inside the triangle, the diagonal blocks
//         through a scratch block merged by their triangle;
//   symm  the symmetric operand made full once, then one GEMM;
//   trmm  the triangle made full (zeros elsewhere) once, then one GEMM:
//         twice trmm's flops, at the GEMM engine's speed.
// Arguments are validated as cuBLAS does (the API layer adds only the null
// handle); everything runs asynchronously on the handle's stream.
#ifndef CUCL_CUBLAS_CORE_LEVEL3_H
#define CUCL_CUBLAS_CORE_LEVEL3_H

#include "core/handle.h"

namespace cucl::blas {

// op(A) X = alpha B (left) or X op(A) = alpha B (right), X over B.
template <class T>
cublasStatus_t trsm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo,
                    cublasOperation_t trans, cublasDiagType_t diag, int m, int n, const T *alpha,
                    const T *A, int lda, T *B, int ldb);

// C = alpha op(A) op(A)^T + beta C on the `uplo` triangle of C (n x n).
template <class T>
cublasStatus_t syrk(cublasContext &handle, cublasFillMode_t uplo, cublasOperation_t trans, int n,
                    int k, const T *alpha, const T *A, int lda, const T *beta, T *C, int ldc);

// C = alpha A B + beta C (left) or alpha B A + beta C (right), A symmetric
// with its `uplo` triangle stored.
template <class T>
cublasStatus_t symm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo, int m,
                    int n, const T *alpha, const T *A, int lda, const T *B, int ldb, const T *beta,
                    T *C, int ldc);

// C = alpha op(A) B (left) or alpha B op(A) (right), A triangular; C may
// be B (then the product goes through scratch).
template <class T>
cublasStatus_t trmm(cublasContext &handle, cublasSideMode_t side, cublasFillMode_t uplo,
                    cublasOperation_t trans, cublasDiagType_t diag, int m, int n, const T *alpha,
                    const T *A, int lda, const T *B, int ldb, T *C, int ldc);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_LEVEL3_H
