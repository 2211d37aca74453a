// Batched LU (cuBLAS's LAPACK-like routines) on kernels/batched_lu.cl, for
// T = float or double. Matrices come as device arrays of device pointers
// (core/pointer_arrays.h), read when the handle's stream reaches the call;
// pivot and info arrays are device arrays, n resp. 1 int per matrix, stored
// one matrix after the other. A batch whose matrices share one buffer runs
// as one launch (one work-group per matrix), otherwise one launch per matrix.
//
// Common checks, in order: n < 0, a leading dimension < max(1, n) or
// batchSize < 0 -> CUBLAS_STATUS_INVALID_VALUE; double without cl_khr_fp64
// -> CUBLAS_STATUS_ARCH_MISMATCH; n == 0 or batchSize == 0 -> success,
// nothing touched; then a pointer array, matrix, pivot or info array that
// is not device memory covering its operand -> INVALID_VALUE.
#ifndef CUCL_CUBLAS_CORE_BATCHED_LU_H
#define CUCL_CUBLAS_CORE_BATCHED_LU_H

#include "core/handle.h"

namespace cucl::blas {

// matinvBatched takes n <= this (cuBLAS's limit; larger -> INVALID_VALUE).
constexpr int kMatinvMaxN = 32;

// LU with partial pivoting of each n x n A[i] in place (LAPACK getrf):
// A[i] = P * L * U, L unit lower. P (null: no pivoting) receives the
// 1-based pivot rows, n per matrix; info[i] = 0, or the first k (1-based)
// with U(k, k) exactly zero (the factorization still completes).
template <class T>
cublasStatus_t getrfBatched(cublasContext &handle, int n, T *const A[], int lda, int *P, int *info,
                            int batchSize);

// op(A[i]) X = B[i] with getrf's factors and pivots (devIpiv null only when
// getrf ran without pivoting); X overwrites B[i]. `info` is host memory:
// 0, or -j when the j-th argument is invalid (trans 2, n 3, nrhs 4, Aarray
// 5, lda 6, devIpiv 7, Barray 8, ldb 9, batchSize 11), which also returns
// CUBLAS_STATUS_INVALID_VALUE; a null or device `info` -> INVALID_VALUE.
template <class T>
cublasStatus_t getrsBatched(cublasContext &handle, cublasOperation_t trans, int n, int nrhs,
                            const T *const Aarray[], int lda, const int *devIpiv, T *const Barray[],
                            int ldb, int *info, int batchSize);

// C[i] = inv(A[i]) from getrf's factors in A[i] (left unchanged; C[i] must
// not overlap it) and pivots P (null: none). info[i] = 0, or the first k
// with U(k, k) == 0, in which case C[i] is not written.
template <class T>
cublasStatus_t getriBatched(cublasContext &handle, int n, const T *const A[], int lda, const int *P,
                            T *const C[], int ldc, int *info, int batchSize);

// Ainv[i] = inv(A[i]) for n <= kMatinvMaxN, in one launch (Gauss-Jordan
// with getrf's partial pivoting; Ainv[i] may be A[i] itself, otherwise A[i]
// is unchanged). info[i] as getrf's: 0, or the first k with U(k, k) == 0
// (Ainv[i] is then meaningless). n > kMatinvMaxN -> INVALID_VALUE.
template <class T>
cublasStatus_t matinvBatched(cublasContext &handle, int n, const T *const A[], int lda,
                             T *const Ainv[], int ldaInv, int *info, int batchSize);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_BATCHED_LU_H
