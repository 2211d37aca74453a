// gemv: y = alpha * op(A) * x + beta * y, A column-major m x n with leading
// dimension lda. beta == 0 never reads y; alpha == 0 never reads A or x.
// Needs blas_common.cl before it.

// op(A) = A: one work-item per row i (rows are contiguous in memory, so the
// work-items of a group read A together), y has m elements, x has n.
__kernel void gemv_n(int m, int n, REAL alphaValue, __global const REAL *alphaBase,
                     ulong alphaOffset, int alphaOnDevice, __global const REAL *aBase,
                     ulong aOffset, int lda, __global const REAL *xBase, ulong xOffset, int incx,
                     REAL betaValue, __global const REAL *betaBase, ulong betaOffset,
                     int betaOnDevice, __global REAL *yBase, ulong yOffset, int incy) {
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  REAL beta = scalarArg(betaValue, betaBase, betaOffset, betaOnDevice);
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long i = get_global_id(0); i < m; i += get_global_size(0)) {
    REAL sum = 0;
    if (alpha != (REAL)0)
      for (long j = 0; j < n; ++j)
        sum += a[i + j * lda] * x[vectorIndex(j, n, incx)];
    long yi = vectorIndex(i, m, incy);
    REAL result = alpha * sum;
    if (beta != (REAL)0)
      result += beta * y[yi];
    y[yi] = result;
  }
}

// op(A) = A^T: one work-group per output j (a dot product of column j with
// x, reduced in local memory), y has n elements, x has m.
__kernel void gemv_t(int m, int n, REAL alphaValue, __global const REAL *alphaBase,
                     ulong alphaOffset, int alphaOnDevice, __global const REAL *aBase,
                     ulong aOffset, int lda, __global const REAL *xBase, ulong xOffset, int incx,
                     REAL betaValue, __global const REAL *betaBase, ulong betaOffset,
                     int betaOnDevice, __global REAL *yBase, ulong yOffset, int incy) {
  __local REAL sums[REDUCE_MAX_WG];
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  REAL beta = scalarArg(betaValue, betaBase, betaOffset, betaOnDevice);
  __global const REAL *a = AT_CONST(aBase, aOffset);
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long j = get_group_id(0); j < n; j += get_num_groups(0)) {
    REAL sum = 0;
    if (alpha != (REAL)0)
      for (long i = get_local_id(0); i < m; i += get_local_size(0))
        sum += a[i + j * lda] * x[vectorIndex(i, m, incx)];
    groupSum(sums, sum);
    if (get_local_id(0) == 0) {
      long yj = vectorIndex(j, n, incy);
      REAL result = alpha * sums[0];
      if (beta != (REAL)0)
        result += beta * y[yj];
      y[yj] = result;
    }
    barrier(CLK_LOCAL_MEM_FENCE); // sums[] is reused by the next column
  }
}
