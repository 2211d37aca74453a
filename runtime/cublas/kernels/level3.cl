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

// The inverses of op(A)'s diagonal blocks, for trsm: work-group b inverts
// block b (nb wide, the last one ib = k - b nb); its work-items take the
// columns j in turn, each by substitution on the unit vector e_j (any group
// size works: a device may allow fewer work-items than nb). `lower` says
// whether op(A) is lower triangular, `unit` takes its diagonal as 1.
// Inverse b is written whole (zeros included) at inv + b nb nb, leading
// dimension nb.
__kernel void invert_diagonal_blocks(int k, int nb, int lower, int trans, int unit,
                                     __global const REAL *aBase, ulong aOffset, int lda,
                                     __global REAL *invBase, ulong invOffset) {
  int b = get_group_id(0);
  int i0 = b * nb, ib = min(nb, k - i0);
  __global const REAL *a = AT_CONST(aBase, aOffset) + (long)i0 + (long)i0 * lda;
  for (int j = get_local_id(0); j < nb; j += get_local_size(0)) {
    __global REAL *x = AT(invBase, invOffset) + (long)b * nb * nb + (long)j * nb;
    for (int r = 0; r < nb; ++r)
      x[r] = 0;
    if (j >= ib)
      continue;
    x[j] = unit ? (REAL)1 : (REAL)1 / opElement(a, lda, trans, j, j);
    if (lower) {
      for (int r = j + 1; r < ib; ++r) {
        REAL sum = 0;
        for (int c = j; c < r; ++c)
          sum += opElement(a, lda, trans, r, c) * x[c];
        x[r] = unit ? -sum : -sum / opElement(a, lda, trans, r, r);
      }
    } else {
      for (int r = j - 1; r >= 0; --r) {
        REAL sum = 0;
        for (int c = r + 1; c <= j; ++c)
          sum += opElement(a, lda, trans, r, c) * x[c];
        x[r] = unit ? -sum : -sum / opElement(a, lda, trans, r, r);
      }
    }
  }
}

// dst <- src over rows x cols (trsm copies a solved block back into B).
__kernel void copy_block(int rows, int cols, __global const REAL *srcBase, ulong srcOffset,
                         int lds, __global REAL *dstBase, ulong dstOffset, int ldd) {
  __global const REAL *src = AT_CONST(srcBase, srcOffset);
  __global REAL *dst = AT(dstBase, dstOffset);
  for (long i = get_global_id(0); i < (long)rows * cols; i += get_global_size(0)) {
    long row = i % rows, col = i / rows;
    ELEMENT(dst, ldd, row, col) = ELEMENT(src, lds, row, col);
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

// The triangle `lower` (or upper) of A written out whole to F, zeros in the
// other triangle and ones on the diagonal for `unit`: trmm multiplies it
// with the GEMM engine.
__kernel void triangle_full(int n, int lower, int unit, __global const REAL *aBase,
                            ulong aOffset, int lda, __global REAL *fBase, ulong fOffset, int ldf) {
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global REAL *f = AT(fBase, fOffset);
  for (long i = get_global_id(0); i < (long)n * n; i += get_global_size(0)) {
    int row = i % n, col = i / n;
    REAL value = 0;
    if (row == col)
      value = unit ? (REAL)1 : ELEMENT(a, lda, row, col);
    else if (lower ? row > col : row < col)
      value = ELEMENT(a, lda, row, col);
    ELEMENT(f, ldf, row, col) = value;
  }
}
