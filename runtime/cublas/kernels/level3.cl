// The small kernels of the blocked level-3 routines (trsm, syrk, symm),
// whose bulk runs on the GEMM engine. Matrices are column-major, passed as
// buffer + byte offset + leading dimension. Needs blas_common.cl before it.

// Element (row, col) of a column-major matrix.
#define ELEMENT(m, ld, row, col) (m)[(long)(row) + (long)(col) * (ld)]

// B <- alpha B over rows x cols (alpha == 0 writes zeros: no NaN of B
// survives, as BLAS has it). Grid-stride over the elements.
__kernel void scale_matrix(int rows, int cols, REAL alphaValue, __global const REAL *alphaBase,
                           ulong alphaOffset, int alphaOnDevice, __global REAL *bBase,
                           ulong bOffset, int ldb) {
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  __global REAL *b = AT(bBase, bOffset);
  for (long i = get_global_id(0); i < (long)rows * cols; i += get_global_size(0)) {
    long row = i % rows, col = i / rows;
    ELEMENT(b, ldb, row, col) = alpha == (REAL)0 ? (REAL)0 : alpha * ELEMENT(b, ldb, row, col);
  }
}

// op(A)(r, c) of the triangular block at `a`.
REAL opElement(__global const REAL *a, int lda, int trans, int r, int c) {
  return trans ? ELEMENT(a, lda, c, r) : ELEMENT(a, lda, r, c);
}

// Solves one diagonal block of trsm in place in B by substitution: for
// `left`, op(A) X = B with one work-item per column of B (count columns);
// otherwise X op(A) = B with one work-item per row (count rows). `lower`
// says whether op(A) is lower triangular; `unit` takes its diagonal as 1.
__kernel void trsm_block(int left, int lower, int trans, int unit, int nb, int count,
                         __global const REAL *aBase, ulong aOffset, int lda,
                         __global REAL *bBase, ulong bOffset, int ldb) {
  int t = get_global_id(0);
  if (t >= count)
    return;
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global REAL *b = AT(bBase, bOffset);
  // Forward when each unknown depends on earlier ones: a lower op(A) on the
  // left, an upper one on the right.
  int forward = left ? lower : !lower;
  for (int step = 0; step < nb; ++step) {
    int r = forward ? step : nb - 1 - step;
    REAL sum = left ? ELEMENT(b, ldb, r, t) : ELEMENT(b, ldb, t, r);
    for (int k = forward ? 0 : r + 1; k < (forward ? r : nb); ++k) {
      REAL known = left ? ELEMENT(b, ldb, k, t) : ELEMENT(b, ldb, t, k);
      sum -= (left ? opElement(a, lda, trans, r, k) : opElement(a, lda, trans, k, r)) * known;
    }
    if (!unit)
      sum /= opElement(a, lda, trans, r, r);
    if (left)
      ELEMENT(b, ldb, r, t) = sum;
    else
      ELEMENT(b, ldb, t, r) = sum;
  }
}

// The triangle (`lower` or upper, diagonal included) of an n x n block:
// C <- S + beta C, S holding alpha op(A) op(A)^T from the GEMM engine.
// beta == 0 does not read C.
__kernel void triangle_merge(int n, int lower, REAL betaValue, __global const REAL *betaBase,
                             ulong betaOffset, int betaOnDevice, __global const REAL *sBase,
                             ulong sOffset, int lds, __global REAL *cBase, ulong cOffset,
                             int ldc) {
  REAL beta = scalarArg(betaValue, betaBase, betaOffset, betaOnDevice);
  __global const REAL *s = AT_CONST(sBase, sOffset);
  __global REAL *c = AT(cBase, cOffset);
  for (long i = get_global_id(0); i < (long)n * n; i += get_global_size(0)) {
    int row = i % n, col = i / n;
    if (lower ? row < col : row > col)
      continue;
    REAL value = ELEMENT(s, lds, row, col);
    if (beta != (REAL)0)
      value += beta * ELEMENT(c, ldc, row, col);
    ELEMENT(c, ldc, row, col) = value;
  }
}

// The full n x n symmetric matrix whose `lower` (or upper) triangle A holds,
// written to F: symm multiplies it with the GEMM engine.
__kernel void symmetrize(int n, int lower, __global const REAL *aBase, ulong aOffset, int lda,
                         __global REAL *fBase, ulong fOffset, int ldf) {
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global REAL *f = AT(fBase, fOffset);
  for (long i = get_global_id(0); i < (long)n * n; i += get_global_size(0)) {
    int row = i % n, col = i / n;
    int stored = lower ? row >= col : row <= col;
    ELEMENT(f, ldf, row, col) = stored ? ELEMENT(a, lda, row, col) : ELEMENT(a, lda, col, row);
  }
}
