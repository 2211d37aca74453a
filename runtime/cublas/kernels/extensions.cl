// BLAS-like extensions and simple level-2/3 routines: one work-item per
// element of the result (2-D NDRange: rows x columns), column-major.
// Needs blas_common.cl before it.
//
// Dimension 0 walks the rows, so the work-items of a group touch consecutive
// addresses of a column. The NDRange is rounded up to whole work-groups:
// every kernel returns at once for the work-items past the matrix's edge.
// Each work-item reads its inputs and then writes only its own element, so
// C may be A (or B) itself when both have the same leading dimension.

// Element (i, j) of op(M) with M column-major, leading dimension ld:
// M[i, j], or M[j, i] when transposed.
REAL opElement(__global const REAL *m, long i, long j, int ld, int transposed) {
  return transposed ? m[j + i * ld] : m[i + j * ld];
}

// geam: C = alpha * op(A) + beta * op(B), C m x n. A term whose scalar is 0
// is not read (cuBLAS lets A or B be anything then: a NULL buffer arrives in
// host pointer mode), so C = 0 * NaN is 0, as cuBLAS's "reset C" case wants.
__kernel void geam(int m, int n, REAL alphaValue, __global const REAL *alphaBase, ulong alphaOffset,
                   int alphaOnDevice, __global const REAL *aBase, ulong aOffset, int lda,
                   int transa, REAL betaValue, __global const REAL *betaBase, ulong betaOffset,
                   int betaOnDevice, __global const REAL *bBase, ulong bOffset, int ldb, int transb,
                   __global REAL *cBase, ulong cOffset, int ldc) {
  long i = get_global_id(0), j = get_global_id(1);
  if (i >= m || j >= n)
    return;
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  REAL beta = scalarArg(betaValue, betaBase, betaOffset, betaOnDevice);
  REAL result = 0;
  if (alpha != (REAL)0)
    result = alpha * opElement(AT_CONST(aBase, aOffset), i, j, lda, transa);
  if (beta != (REAL)0)
    result += beta * opElement(AT_CONST(bBase, bOffset), i, j, ldb, transb);
  AT(cBase, cOffset)[i + j * ldc] = result;
}

// dgmm: C = A * diag(x) (right: x has n elements, x_j scales column j) or
// diag(x) * A (left: m elements, x_i scales row i). incx may be negative
// (walks x from its far end) or 0 (every element is x[0]).
__kernel void dgmm(int m, int n, int right, __global const REAL *aBase, ulong aOffset, int lda,
                   __global const REAL *xBase, ulong xOffset, int incx, __global REAL *cBase,
                   ulong cOffset, int ldc) {
  long i = get_global_id(0), j = get_global_id(1);
  if (i >= m || j >= n)
    return;
  __global const REAL *x = AT_CONST(xBase, xOffset);
  REAL scale = right ? x[vectorIndex(j, n, incx)] : x[vectorIndex(i, m, incx)];
  AT(cBase, cOffset)[i + j * ldc] = AT_CONST(aBase, aOffset)[i + j * lda] * scale;
}

// ger: A += alpha * x * y^T, A m x n. alpha == 0 leaves A as it is (NaN in
// x or y included), as BLAS's quick return does; in host pointer mode the
// kernel is not even launched then.
__kernel void ger(int m, int n, REAL alphaValue, __global const REAL *alphaBase, ulong alphaOffset,
                  int alphaOnDevice, __global const REAL *xBase, ulong xOffset, int incx,
                  __global const REAL *yBase, ulong yOffset, int incy, __global REAL *aBase,
                  ulong aOffset, int lda) {
  long i = get_global_id(0), j = get_global_id(1);
  if (i >= m || j >= n)
    return;
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  if (alpha == (REAL)0)
    return;
  // alpha * y_j first, then times x_i: the order reference BLAS uses.
  REAL scaledY = alpha * AT_CONST(yBase, yOffset)[vectorIndex(j, n, incy)];
  AT(aBase, aOffset)[i + j * lda] += AT_CONST(xBase, xOffset)[vectorIndex(i, m, incx)] * scaledY;
}
