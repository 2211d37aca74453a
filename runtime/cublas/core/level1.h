// Level-1 routines (T = float or double) behind cublas{S,D}{axpy,scal,dot,
// nrm2,asum} and cublasI{s,d}amax. The handle is not null (the API checks).
//
// Semantics, as reference BLAS and cuBLAS: n <= 0 returns at once (the
// reductions then report 0); scal, nrm2, asum and iamax also return 0 / do
// nothing for incx <= 0; axpy and dot take any increment (a negative one
// walks the vector from its far end); axpy with alpha == 0 leaves y as is.
// Everything runs asynchronously on the handle's stream, except that a
// result in host pointer mode is waited for.
#ifndef CUCL_CUBLAS_CORE_LEVEL1_H
#define CUCL_CUBLAS_CORE_LEVEL1_H

#include "core/handle.h"

namespace cucl::blas {

template <class T>
cublasStatus_t axpy(cublasContext &handle, int n, const T *alpha, const T *x, int incx, T *y,
                    int incy);
template <class T>
cublasStatus_t scal(cublasContext &handle, int n, const T *alpha, T *x, int incx);
template <class T>
cublasStatus_t dot(cublasContext &handle, int n, const T *x, int incx, const T *y, int incy,
                   T *result);
template <class T>
cublasStatus_t nrm2(cublasContext &handle, int n, const T *x, int incx, T *result);
template <class T>
cublasStatus_t asum(cublasContext &handle, int n, const T *x, int incx, T *result);
// 1-based index of the first largest |x_i|.
template <class T>
cublasStatus_t iamax(cublasContext &handle, int n, const T *x, int incx, int *result);

// y <- x; x <-> y; the plane rotation (c, s) of x and y. n <= 0 returns at
// once; any increments (0 included: elements then visited in order).
template <class T>
cublasStatus_t copy(cublasContext &handle, int n, const T *x, int incx, T *y, int incy);
template <class T>
cublasStatus_t swap(cublasContext &handle, int n, T *x, int incx, T *y, int incy);
template <class T>
cublasStatus_t rot(cublasContext &handle, int n, T *x, int incx, T *y, int incy, const T *c,
                   const T *s);
// The Givens rotation zeroing b: c, s, and r into a, z into b. Host pointer
// mode computes it at once; device pointer mode on the stream.
template <class T> cublasStatus_t rotg(cublasContext &handle, T *a, T *b, T *c, T *s);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_CORE_LEVEL1_H
