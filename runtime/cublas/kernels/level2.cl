// Level-2 routines beyond gemv: symv, trmv, trsv.
// Needs blas_common.cl before it.
//
// A is column-major n x n with leading dimension lda. Only the triangle
// `upper` names is read (and with `unit`, not its diagonal either). The
// kernels see a logical matrix M:
//   symv:          M(r, c) = A(r, c) in the stored triangle, A(c, r) otherwise
//   trmv and trsv: M = op(A), A's other triangle taken as 0, its diagonal as 1
//                  when `unit`
// and work on square tiles of M in local memory, one tile row per work-item.
// The tile side is the launch's work-group size, a power of two <=
// L2_TILE; the host passes the same one to every kernel of one routine.

#define L2_TILE 32
#define L2_STRIDE (L2_TILE + 1) // a padded row: columns of a tile hit distinct banks

#define L2_SYMMETRIC 0
#define L2_TRIANGULAR 1

// Element (r, c) of M; reads only A's stored triangle.
REAL l2Element(__global const REAL *a, long lda, int kind, int upper, int trans, int unit, long r,
               long c) {
  if (kind == L2_SYMMETRIC) {
    int stored = upper ? r <= c : r >= c;
    return stored ? a[r + c * lda] : a[c + r * lda];
  }
  long p = trans ? c : r, q = trans ? r : c; // M(r, c) = A(p, q)
  if (p == q)
    return unit ? (REAL)1 : a[p + p * lda];
  int stored = upper ? p < q : p > q;
  return stored ? a[p + q * lda] : (REAL)0;
}

// tile[r][c] = M(i0 + r, j0 + c) for r < rows, c < cols. `swapped`: the
// elements lie at A(c, r) (the tile is read along A's columns with the
// work-item as c, so that a group's reads are adjacent); otherwise the
// work-item is r. Either order loads the same values.
void l2LoadTile(__local REAL *tile, __global const REAL *a, long lda, int kind, int upper,
                int trans, int unit, long i0, int rows, long j0, int cols, int swapped) {
  int t = get_local_size(0), lid = get_local_id(0);
  for (int k = 0; k < t; ++k) {
    int r = swapped ? k : lid, c = swapped ? lid : k;
    if (r < rows && c < cols)
      tile[r * L2_STRIDE + c] = l2Element(a, lda, kind, upper, trans, unit, i0 + r, j0 + c);
  }
}

// Whether the elements of a tile of M are A(c, r) (for l2LoadTile).
int l2Swapped(int kind, int upper, int trans, long i0, int rows, long j0, int cols) {
  if (kind == L2_TRIANGULAR)
    return trans;
  // Symmetric: a tile wholly in the triangle that is not stored.
  return upper ? i0 > j0 + cols - 1 : j0 > i0 + rows - 1;
}

// Row `get_local_id(0)` of the tile times xs[0 .. cols).
REAL l2RowProduct(__local const REAL *tile, __local const REAL *xs, int cols) {
  __local const REAL *row = tile + get_local_id(0) * L2_STRIDE;
  REAL sum = 0;
  for (int c = 0; c < cols; ++c)
    sum += row[c] * xs[c];
  return sum;
}

// sum_c M(i0 + lid, c) x[c] over the columns [cBegin, cEnd) of M, tile by
// tile (cBegin is a multiple of the tile side, or the one column block).
// Every work-item of the group calls it (barriers); items past `rows` get 0.
REAL l2TiledProduct(__local REAL *tile, __local REAL *xs, __global const REAL *a, long lda,
                    int kind, int upper, int trans, int unit, long n, long i0, int rows,
                    long cBegin, long cEnd, __global const REAL *x, long incx) {
  int t = get_local_size(0), lid = get_local_id(0);
  REAL sum = 0;
  for (long j0 = cBegin; j0 < cEnd; j0 += t) {
    int cols = (int)min((long)t, cEnd - j0);
    barrier(CLK_LOCAL_MEM_FENCE); // the previous tile is used up
    l2LoadTile(tile, a, lda, kind, upper, trans, unit, i0, rows, j0, cols,
               l2Swapped(kind, upper, trans, i0, rows, j0, cols));
    if (lid < cols)
      xs[lid] = x[vectorIndex(j0 + lid, n, incx)];
    barrier(CLK_LOCAL_MEM_FENCE);
    if (lid < rows)
      sum += l2RowProduct(tile, xs, cols);
  }
  return sum;
}

// symv: y = alpha * A * x + beta * y with A symmetric, one group per tile
// row of M. beta == 0 never reads y; alpha == 0 never reads A or x.
__kernel void symv(int upper, int n, REAL alphaValue, __global const REAL *alphaBase,
                   ulong alphaOffset, int alphaOnDevice, __global const REAL *aBase, ulong aOffset,
                   int lda, __global const REAL *xBase, ulong xOffset, int incx, REAL betaValue,
                   __global const REAL *betaBase, ulong betaOffset, int betaOnDevice,
                   __global REAL *yBase, ulong yOffset, int incy) {
  __local REAL tile[L2_TILE * L2_STRIDE];
  __local REAL xs[L2_TILE];
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  REAL beta = scalarArg(betaValue, betaBase, betaOffset, betaOnDevice);
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  int t = get_local_size(0), lid = get_local_id(0);
  for (long i0 = get_group_id(0) * (long)t; i0 < n; i0 += get_num_groups(0) * (long)t) {
    int rows = (int)min((long)t, n - i0);
    REAL sum = 0;
    if (alpha != (REAL)0) // the same for the whole group
      sum = l2TiledProduct(tile, xs, a, lda, L2_SYMMETRIC, upper, 0, 0, n, i0, rows, 0, n, x, incx);
    if (lid < rows) {
      long yi = vectorIndex(i0 + lid, n, incy);
      REAL result = alpha * sum;
      if (beta != (REAL)0)
        result += beta * y[yi];
      y[yi] = result;
    }
  }
}

// trmv, first step: out[i] = (op(A) x)[i] into a contiguous buffer (the
// handle's scratch), x left as it was. Tiles of M's zero triangle are skipped.
__kernel void trmv_product(int upper, int trans, int unit, int n, __global const REAL *aBase,
                           ulong aOffset, int lda, __global const REAL *xBase, ulong xOffset,
                           int incx, __global REAL *outBase, ulong outOffset) {
  __local REAL tile[L2_TILE * L2_STRIDE];
  __local REAL xs[L2_TILE];
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *out = AT(outBase, outOffset);
  int t = get_local_size(0), lid = get_local_id(0);
  int lowerM = upper == trans; // M = op(A) is lower triangular
  for (long i0 = get_group_id(0) * (long)t; i0 < n; i0 += get_num_groups(0) * (long)t) {
    int rows = (int)min((long)t, n - i0);
    long cBegin = lowerM ? 0 : i0, cEnd = lowerM ? min(i0 + t, (long)n) : n;
    REAL sum = l2TiledProduct(tile, xs, a, lda, L2_TRIANGULAR, upper, trans, unit, n, i0, rows,
                              cBegin, cEnd, x, incx);
    if (lid < rows)
      out[i0 + lid] = sum;
  }
}

// trmv, second step: x = in (contiguous, n elements).
__kernel void trmv_store(int n, __global const REAL *inBase, ulong inOffset, __global REAL *xBase,
                         ulong xOffset, int incx) {
  __global const REAL *in = AT_CONST(inBase, inOffset);
  __global REAL *x = AT(xBase, xOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    x[vectorIndex(i, n, incx)] = in[i];
}

// trsv, diagonal block: solves M[k0.., k0..] x = x for the m = min(t, n - k0)
// elements from k0, in place, by one work-group (substitution with a
// barrier per column). Everything before them in the substitution's order
// has been subtracted already (trsv_update).
__kernel void trsv_block(int upper, int trans, int unit, int n, int k0, __global const REAL *aBase,
                         ulong aOffset, int lda, __global REAL *xBase, ulong xOffset, int incx) {
  __local REAL tile[L2_TILE * L2_STRIDE];
  __local REAL xs[L2_TILE];
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global REAL *x = AT(xBase, xOffset);
  int t = get_local_size(0), lid = get_local_id(0);
  int m = min(t, n - k0);
  int forward = upper == trans; // M lower triangular: first to last
  l2LoadTile(tile, a, lda, L2_TRIANGULAR, upper, trans, unit, k0, m, k0, m, trans);
  long xi = lid < m ? vectorIndex(k0 + lid, n, incx) : 0;
  REAL value = lid < m ? x[xi] : (REAL)0;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int step = 0; step < m; ++step) {
    int j = forward ? step : m - 1 - step;
    if (lid == j) {
      if (!unit)
        value /= tile[j * L2_STRIDE + j];
      xs[j] = value;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
    // Item j is done; those after it in the order take its term off.
    if (forward ? lid > j && lid < m : lid < j)
      value -= tile[lid * L2_STRIDE + j] * xs[j];
  }
  if (lid < m)
    x[xi] = value;
}

// trsv, update: the rows after the solved block [k0, k0 + m) in the
// substitution's order (those below it when M is lower triangular, above it
// otherwise) take off M[rows, block] x[block]. One group per tile of rows;
// the rows it writes are not the block it reads.
__kernel void trsv_update(int upper, int trans, int unit, int n, int k0, int m,
                          __global const REAL *aBase, ulong aOffset, int lda, __global REAL *xBase,
                          ulong xOffset, int incx) {
  __local REAL tile[L2_TILE * L2_STRIDE];
  __local REAL xs[L2_TILE];
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global REAL *x = AT(xBase, xOffset);
  int t = get_local_size(0), lid = get_local_id(0);
  int forward = upper == trans;
  long rBegin = forward ? (long)k0 + m : 0, rEnd = forward ? (long)n : (long)k0;
  for (long i0 = rBegin + get_group_id(0) * (long)t; i0 < rEnd; i0 += get_num_groups(0) * (long)t) {
    int rows = (int)min((long)t, rEnd - i0);
    REAL sum = l2TiledProduct(tile, xs, a, lda, L2_TRIANGULAR, upper, trans, unit, n, i0, rows, k0,
                              (long)k0 + m, x, incx);
    if (lid < rows) {
      long xi = vectorIndex(i0 + lid, n, incx);
      x[xi] -= sum;
    }
  }
}
