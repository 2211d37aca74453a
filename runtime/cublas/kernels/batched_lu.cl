// Batched LU factorization and its solves (getrf/getrs/getri batched) and
// the batched inverse of small matrices (matinv). One work-group per matrix:
// the matrices stay in global memory and the group's work-items share each
// step (row swaps, scaling, rank-1 updates, triangular solves), with
// barriers between the steps; __local memory holds only the pivot search
// (and, in matinv, rows and columns of at most MATINV_MAX_N elements).
// Needs blas_common.cl before it.
//
// Every matrix operand arrives as (base, offset, table): when `useTable` is
// set, the whole batch shares `base` and work-group g works on the matrix at
// byte offset table[g]; otherwise the launch covers one matrix, at `offset`.
// Pivot and info arrays are indexed by first + group (the matrix's place in
// the batch). Work-group sizes are powers of two up to REDUCE_MAX_WG.

#define MATINV_MAX_N 32

ulong matrixOffset(__global const ulong *table, int useTable, ulong offset) {
  return useTable ? table[get_group_id(0)] : offset;
}

__global int *intsAt(__global int *base, ulong offset) {
  return (__global int *)((__global char *)base + offset);
}

__global const int *constIntsAt(__global const int *base, ulong offset) {
  return (__global const int *)((__global const char *)base + offset);
}

// The row of the largest |a(i, j)| for i in [j, n): the first one on ties, as
// LAPACK's i?amax (and j itself when every candidate is NaN). Every
// work-item of the group calls it and gets the row.
int pivotRow(int n, __global const REAL *a, int lda, int j, __local REAL *best,
             __local int *where) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  REAL value = -1;
  int row = n;
  for (int i = j + lid; i < n; i += size) { // rising rows: `>` keeps the first
    REAL candidate = fabs(a[i + (long)j * lda]);
    if (candidate > value) {
      value = candidate;
      row = i;
    }
  }
  best[lid] = value;
  where[lid] = row;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (int step = size / 2; step > 0; step /= 2) {
    if (lid < step) {
      REAL other = best[lid + step];
      int otherRow = where[lid + step];
      if (other > best[lid] || (other == best[lid] && otherRow < where[lid])) {
        best[lid] = other;
        where[lid] = otherRow;
      }
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
  int result = where[0];
  barrier(CLK_LOCAL_MEM_FENCE); // best[] and where[] serve the next column
  return result < n ? result : j;
}

// Swaps rows r and s of an n-column matrix, the work-items sharing columns.
void swapRows(int n, __global REAL *a, int lda, int r, int s) {
  for (int c = (int)get_local_id(0); c < n; c += (int)get_local_size(0)) {
    long column = (long)c * lda;
    REAL t = a[r + column];
    a[r + column] = a[s + column];
    a[s + column] = t;
  }
}

// LAPACK's getf2 on one matrix: A = P * L * U in place, L unit lower.
// `piv` (null: no pivoting) receives the 1-based pivot rows; the result is
// info: 0, or the first k with U(k, k) == 0 (the factorization still runs
// to the end, leaving the column under a zero pivot unscaled).
int factorize(int n, __global REAL *a, int lda, __global int *piv, __local REAL *best,
              __local int *where) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  int info = 0;
  for (int j = 0; j < n; ++j) {
    const long column = (long)j * lda;
    if (piv) {
      int p = pivotRow(n, a, lda, j, best, where);
      if (lid == 0)
        piv[j] = p + 1;
      if (p != j) {
        swapRows(n, a, lda, j, p);
        barrier(CLK_GLOBAL_MEM_FENCE);
      }
    }
    REAL pivot = a[j + column]; // nobody writes row j until the next column
    if (pivot == (REAL)0) {
      if (info == 0)
        info = j + 1;
    } else {
      for (int i = j + 1 + lid; i < n; i += size)
        a[i + column] /= pivot;
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
    // A22 -= l * u^T, one element per work-item, rows fastest.
    const int rest = n - j - 1;
    const long count = (long)rest * rest;
    for (long t = lid; t < count; t += size) {
      int i = j + 1 + (int)(t % rest), c = j + 1 + (int)(t / rest);
      long target = (long)c * lda;
      a[i + target] -= a[i + column] * a[j + target];
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
  }
  return info;
}

// LAPACK's laswp on nrhs columns of b, with A = P * L * U: forward applies
// getrf's interchanges in order (B := P^T B, where getrs(N) starts),
// backward in reverse order (B := P B, where getrs(T) ends). Each work-item
// moves whole columns. Pivots outside [1, n] are skipped rather than let
// the kernel write out of bounds.
void applyPivots(int n, int nrhs, __global const int *piv, __global REAL *b, int ldb, int forward) {
  for (int k = (int)get_local_id(0); k < nrhs; k += (int)get_local_size(0)) {
    __global REAL *column = b + (long)k * ldb;
    for (int s = 0; s < n; ++s) {
      int i = forward ? s : n - 1 - s;
      int p = piv[i];
      if (p != i + 1 && p >= 1 && p <= n) {
        REAL t = column[i];
        column[i] = column[p - 1];
        column[p - 1] = t;
      }
    }
  }
  barrier(CLK_GLOBAL_MEM_FENCE);
}

// Triangular solves with the factors of getrf (column-oriented: after x(j)
// is final, the work-items update the rest of every right-hand side).
// L X = B, L unit lower (below a's diagonal).
void solveLower(int n, int nrhs, __global const REAL *a, int lda, __global REAL *b, int ldb) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  for (int j = 0; j < n - 1; ++j) {
    const int rest = n - j - 1;
    const long count = (long)rest * nrhs;
    for (long t = lid; t < count; t += size) {
      int i = j + 1 + (int)(t % rest);
      long k = (t / rest) * ldb;
      b[i + k] -= a[i + (long)j * lda] * b[j + k];
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
  }
}

// U X = B, U upper with its diagonal.
void solveUpper(int n, int nrhs, __global const REAL *a, int lda, __global REAL *b, int ldb) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  for (int j = n - 1; j >= 0; --j) {
    const REAL diagonal = a[j + (long)j * lda];
    for (int k = lid; k < nrhs; k += size)
      b[j + (long)k * ldb] /= diagonal;
    barrier(CLK_GLOBAL_MEM_FENCE);
    const long count = (long)j * nrhs;
    for (long t = lid; t < count; t += size) {
      int i = (int)(t % j);
      long k = (t / j) * ldb;
      b[i + k] -= a[i + (long)j * lda] * b[j + k];
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
  }
}

// U^T X = B (lower with U's diagonal), forward.
void solveUpperTransposed(int n, int nrhs, __global const REAL *a, int lda, __global REAL *b,
                          int ldb) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  for (int j = 0; j < n; ++j) {
    const REAL diagonal = a[j + (long)j * lda];
    for (int k = lid; k < nrhs; k += size)
      b[j + (long)k * ldb] /= diagonal;
    barrier(CLK_GLOBAL_MEM_FENCE);
    const int rest = n - j - 1;
    const long count = (long)rest * nrhs;
    for (long t = lid; t < count; t += size) {
      int i = j + 1 + (int)(t % rest);
      long k = (t / rest) * ldb;
      b[i + k] -= a[j + (long)i * lda] * b[j + k];
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
  }
}

// L^T X = B (unit upper), backward.
void solveLowerTransposed(int n, int nrhs, __global const REAL *a, int lda, __global REAL *b,
                          int ldb) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  for (int j = n - 1; j > 0; --j) {
    const long count = (long)j * nrhs;
    for (long t = lid; t < count; t += size) {
      int i = (int)(t % j);
      long k = (t / j) * ldb;
      b[i + k] -= a[j + (long)i * lda] * b[j + k];
    }
    barrier(CLK_GLOBAL_MEM_FENCE);
  }
}

__kernel void getrf_batched(int n, __global REAL *aBase, ulong aOffset,
                            __global const ulong *aTable, int lda, int useTable,
                            __global int *pivBase, ulong pivOffset, int pivoting,
                            __global int *infoBase, ulong infoOffset, int first) {
  __local REAL best[REDUCE_MAX_WG];
  __local int where[REDUCE_MAX_WG];
  const long batch = first + (long)get_group_id(0);
  __global REAL *a = AT(aBase, matrixOffset(aTable, useTable, aOffset));
  __global int *piv = pivoting ? intsAt(pivBase, pivOffset) + batch * n : 0;
  int info = factorize(n, a, lda, piv, best, where);
  if (get_local_id(0) == 0)
    intsAt(infoBase, infoOffset)[batch] = info;
}

// op(A) X = B with A's factors from getrf; trans: 0 = N, otherwise T (= C
// for real matrices).
__kernel void getrs_batched(int trans, int n, int nrhs, __global const REAL *aBase, ulong aOffset,
                            __global const ulong *aTable, int lda, __global const int *pivBase,
                            ulong pivOffset, int pivoting, __global REAL *bBase, ulong bOffset,
                            __global const ulong *bTable, int ldb, int useTable, int first) {
  const long batch = first + (long)get_group_id(0);
  __global const REAL *a = AT_CONST(aBase, matrixOffset(aTable, useTable, aOffset));
  __global REAL *b = AT(bBase, matrixOffset(bTable, useTable, bOffset));
  __global const int *piv = pivoting ? constIntsAt(pivBase, pivOffset) + batch * n : 0;
  if (trans == 0) {
    if (piv)
      applyPivots(n, nrhs, piv, b, ldb, 1);
    solveLower(n, nrhs, a, lda, b, ldb);
    solveUpper(n, nrhs, a, lda, b, ldb);
  } else {
    solveUpperTransposed(n, nrhs, a, lda, b, ldb);
    solveLowerTransposed(n, nrhs, a, lda, b, ldb);
    if (piv)
      applyPivots(n, nrhs, piv, b, ldb, 0);
  }
}

// C = inv(A) from A's factors: info = the first k with U(k, k) == 0 (C is
// then left as it was), otherwise C = I solved with the factors.
__kernel void getri_batched(int n, __global const REAL *aBase, ulong aOffset,
                            __global const ulong *aTable, int lda, __global const int *pivBase,
                            ulong pivOffset, int pivoting, __global REAL *cBase, ulong cOffset,
                            __global const ulong *cTable, int ldc, int useTable,
                            __global int *infoBase, ulong infoOffset, int first) {
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  const long batch = first + (long)get_group_id(0);
  __global const REAL *a = AT_CONST(aBase, matrixOffset(aTable, useTable, aOffset));
  __global REAL *c = AT(cBase, matrixOffset(cTable, useTable, cOffset));
  __global const int *piv = pivoting ? constIntsAt(pivBase, pivOffset) + batch * n : 0;
  int info = 0;
  for (int j = 0; j < n && info == 0; ++j)
    if (a[j + (long)j * lda] == (REAL)0)
      info = j + 1;
  if (lid == 0)
    intsAt(infoBase, infoOffset)[batch] = info;
  if (info != 0)
    return; // the whole group: info is the same for every work-item
  const long count = (long)n * n;
  for (long t = lid; t < count; t += size) {
    int i = (int)(t % n), k = (int)(t / n);
    c[i + (long)k * ldc] = i == k ? (REAL)1 : (REAL)0;
  }
  barrier(CLK_GLOBAL_MEM_FENCE);
  if (piv)
    applyPivots(n, n, piv, c, ldc, 1);
  solveLower(n, n, a, lda, c, ldc);
  solveUpper(n, n, a, lda, c, ldc);
}

// Ainv = inv(A) for n <= MATINV_MAX_N: A copied into Ainv (a no-op when they
// are the same matrix), then Gauss-Jordan elimination in place with the
// partial pivoting of getrf (the same pivot rows; info as getrf's), and the
// columns put back in order at the end. A zero pivot skips its step: info
// says the inversion failed.
__kernel void matinv_batched(int n, __global const REAL *aBase, ulong aOffset,
                             __global const ulong *aTable, int lda, __global REAL *cBase,
                             ulong cOffset, __global const ulong *cTable, int ldc, int useTable,
                             __global int *infoBase, ulong infoOffset, int first) {
  __local REAL best[REDUCE_MAX_WG];
  __local int where[REDUCE_MAX_WG];
  __local REAL pivotColumn[MATINV_MAX_N], pivotRowValues[MATINV_MAX_N];
  __local int swaps[MATINV_MAX_N];
  const int lid = (int)get_local_id(0), size = (int)get_local_size(0);
  const long batch = first + (long)get_group_id(0);
  __global const REAL *a = AT_CONST(aBase, matrixOffset(aTable, useTable, aOffset));
  __global REAL *c = AT(cBase, matrixOffset(cTable, useTable, cOffset));
  const long count = (long)n * n;
  for (long t = lid; t < count; t += size) {
    int i = (int)(t % n), k = (int)(t / n);
    c[i + (long)k * ldc] = a[i + (long)k * lda];
  }
  barrier(CLK_GLOBAL_MEM_FENCE);
  int info = 0;
  for (int k = 0; k < n; ++k) {
    int p = pivotRow(n, c, ldc, k, best, where);
    if (lid == 0)
      swaps[k] = p;
    if (p != k) {
      swapRows(n, c, ldc, k, p);
      barrier(CLK_GLOBAL_MEM_FENCE);
    }
    const REAL pivot = c[k + (long)k * ldc];
    if (pivot == (REAL)0) { // the same value in every work-item
      if (info == 0)
        info = k + 1;
      continue;
    }
    for (int i = lid; i < n; i += size) {
      pivotColumn[i] = c[i + (long)k * ldc];
      pivotRowValues[i] = c[k + (long)i * ldc];
    }
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
    for (long t = lid; t < count; t += size) {
      int i = (int)(t % n), j = (int)(t / n);
      __global REAL *element = c + i + (long)j * ldc;
      if (i == k)
        *element = j == k ? (REAL)1 / pivot : pivotRowValues[j] / pivot;
      else if (j == k)
        *element = -pivotColumn[i] / pivot;
      else
        *element -= pivotColumn[i] * (pivotRowValues[j] / pivot);
    }
    barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE);
  }
  barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE); // swaps[], the last swap
  // inv(A) = inv(P A) P: the row interchanges become column interchanges,
  // last first. Each work-item keeps to its rows, so no barriers.
  for (int k = n - 1; k >= 0; --k) {
    int p = swaps[k];
    if (p != k)
      for (int i = lid; i < n; i += size) {
        REAL t = c[i + (long)k * ldc];
        c[i + (long)k * ldc] = c[i + (long)p * ldc];
        c[i + (long)p * ldc] = t;
      }
  }
  if (lid == 0)
    intsAt(infoBase, infoOffset)[batch] = info;
}
