// gemv behind cublas{S,D}gemv: y = alpha * op(A) * x + beta * y with A an
// m x n column-major matrix. The handle is not null (the API checks).
//
// As cuBLAS: bad trans, m < 0, n < 0, lda < max(1, m), incx == 0 or
// incy == 0 -> CUBLAS_STATUS_INVALID_VALUE; m == 0 or n == 0 returns at once,
// and so does alpha == 0 with beta == 1 in host pointer mode (reference
// BLAS). beta == 0 never reads y; alpha == 0 never reads A or x.
#ifndef CUCL_CUBLAS_CORE_GEMV_H
#define CUCL_CUBLAS_CORE_GEMV_H

#include "core/handle.h"

namespace cucl::blas {

template <class T>
cublasStatus_t gemv(cublasContext &handle, cublasOperation_t trans, int m, int n, const T *alpha,
                    const T *A, int lda, const T *x, int incx, const T *beta, T *y, int incy);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_GEMV_H
