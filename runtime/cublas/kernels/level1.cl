// Level-1 BLAS: axpy, scal (one work-item per element, grid-stride), and the
// reductions dot, asum, nrm2, iamax in two stages: *_partial writes one
// partial result per work-group, *_finish (one work-group) combines them
// into the result, in device memory (user's pointer or the handle's scratch).
// Needs blas_common.cl before it.

__kernel void axpy(int n, REAL alphaValue, __global const REAL *alphaBase, ulong alphaOffset,
                   int alphaOnDevice, __global const REAL *xBase, ulong xOffset, int incx,
                   __global REAL *yBase, ulong yOffset, int incy) {
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  if (alpha == (REAL)0)
    return; // reference BLAS leaves y untouched (no NaN from x leaks in)
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    y[vectorIndex(i, n, incy)] += alpha * x[vectorIndex(i, n, incx)];
}

// incx > 0 (the host returns early otherwise).
__kernel void scal(int n, REAL alphaValue, __global const REAL *alphaBase, ulong alphaOffset,
                   int alphaOnDevice, __global REAL *xBase, ulong xOffset, int incx) {
  REAL alpha = scalarArg(alphaValue, alphaBase, alphaOffset, alphaOnDevice);
  __global REAL *x = AT(xBase, xOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    x[i * incx] *= alpha;
}

__kernel void dot_partial(int n, __global const REAL *xBase, ulong xOffset, int incx,
                          __global const REAL *yBase, ulong yOffset, int incy,
                          __global REAL *partialBase, ulong partialOffset) {
  __local REAL sums[REDUCE_MAX_WG];
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global const REAL *y = AT_CONST(yBase, yOffset);
  REAL sum = 0;
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    sum += x[vectorIndex(i, n, incx)] * y[vectorIndex(i, n, incy)];
  groupSum(sums, sum);
  if (get_local_id(0) == 0)
    AT(partialBase, partialOffset)[get_group_id(0)] = sums[0];
}

// incx > 0.
__kernel void asum_partial(int n, __global const REAL *xBase, ulong xOffset, int incx,
                           __global REAL *partialBase, ulong partialOffset) {
  __local REAL sums[REDUCE_MAX_WG];
  __global const REAL *x = AT_CONST(xBase, xOffset);
  REAL sum = 0;
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    sum += fabs(x[i * incx]);
  groupSum(sums, sum);
  if (get_local_id(0) == 0)
    AT(partialBase, partialOffset)[get_group_id(0)] = sums[0];
}

// Sums `count` partials into *result (dot, asum).
__kernel void sum_finish(int count, __global const REAL *partialBase, ulong partialOffset,
                         __global REAL *resultBase, ulong resultOffset) {
  __local REAL sums[REDUCE_MAX_WG];
  __global const REAL *partials = AT_CONST(partialBase, partialOffset);
  REAL sum = 0;
  for (int i = get_local_id(0); i < count; i += get_local_size(0))
    sum += partials[i];
  groupSum(sums, sum);
  if (get_local_id(0) == 0)
    *AT(resultBase, resultOffset) = sums[0];
}

// nrm2 keeps (scale, ssq) with norm = scale * sqrt(ssq) and every |x| <=
// scale, as reference BLAS does, so squares neither overflow nor underflow.
// Merges (otherScale, otherSsq) into (*scale, *ssq).
void ssqMerge(REAL *scale, REAL *ssq, REAL otherScale, REAL otherSsq) {
  REAL big = *scale, bigSsq = *ssq;
  if (isnan(big) || isnan(otherScale)) {
    *scale = (REAL)NAN;
    *ssq = 1;
    return;
  }
  if (otherScale == (REAL)0)
    return;
  REAL small = otherScale, smallSsq = otherSsq;
  if (big < small) {
    small = big;
    smallSsq = bigSsq;
    big = otherScale;
    bigSsq = otherSsq;
  }
  if (small == big) { // also covers inf, where the ratio would be NaN
    *ssq = bigSsq + smallSsq;
  } else if (small == (REAL)0) {
    *ssq = bigSsq;
  } else {
    REAL ratio = small / big;
    *ssq = bigSsq + smallSsq * ratio * ratio;
  }
  *scale = big;
}

// Group-wide ssqMerge tree over (scales, ssqs); the result lands in [0].
void groupSsq(__local REAL *scales, __local REAL *ssqs, REAL scale, REAL ssq) {
  size_t lid = get_local_id(0);
  scales[lid] = scale;
  ssqs[lid] = ssq;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (size_t step = get_local_size(0) / 2; step > 0; step /= 2) {
    if (lid < step) {
      REAL s = scales[lid], q = ssqs[lid];
      ssqMerge(&s, &q, scales[lid + step], ssqs[lid + step]);
      scales[lid] = s;
      ssqs[lid] = q;
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

// Partials: scales at [group], ssqs at [numGroups + group]. incx > 0.
__kernel void nrm2_partial(int n, __global const REAL *xBase, ulong xOffset, int incx,
                           __global REAL *partialBase, ulong partialOffset) {
  __local REAL scales[REDUCE_MAX_WG];
  __local REAL ssqs[REDUCE_MAX_WG];
  __global const REAL *x = AT_CONST(xBase, xOffset);
  REAL scale = 0, ssq = 1;
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    ssqMerge(&scale, &ssq, fabs(x[i * incx]), 1);
  groupSsq(scales, ssqs, scale, ssq);
  if (get_local_id(0) == 0) {
    __global REAL *partials = AT(partialBase, partialOffset);
    partials[get_group_id(0)] = scales[0];
    partials[get_num_groups(0) + get_group_id(0)] = ssqs[0];
  }
}

__kernel void nrm2_finish(int count, __global const REAL *partialBase, ulong partialOffset,
                          __global REAL *resultBase, ulong resultOffset) {
  __local REAL scales[REDUCE_MAX_WG];
  __local REAL ssqs[REDUCE_MAX_WG];
  __global const REAL *partials = AT_CONST(partialBase, partialOffset);
  REAL scale = 0, ssq = 1;
  for (int i = get_local_id(0); i < count; i += get_local_size(0))
    ssqMerge(&scale, &ssq, partials[i], partials[count + i]);
  groupSsq(scales, ssqs, scale, ssq);
  if (get_local_id(0) == 0)
    *AT(resultBase, resultOffset) = scales[0] == (REAL)0 ? (REAL)0 : scales[0] * sqrt(ssqs[0]);
}

// iamax: the first index of the largest |x|, as reference BLAS finds it
// scanning forward with a strict comparison: a NaN is never larger, except
// in element 0, which then stays the answer (it ranks as +inf here, and
// ties go to the lower index).
#define IAMAX_NONE ((REAL)-2) // a work-item that saw no element
REAL iamaxRank(REAL value, long i) {
  if (isnan(value))
    return i == 0 ? (REAL)INFINITY : (REAL)-1;
  return fabs(value);
}

bool iamaxBetter(REAL rank, int index, REAL bestRank, int bestIndex) {
  return rank > bestRank || (rank == bestRank && index < bestIndex);
}

void groupIamax(__local REAL *ranks, __local int *indices, REAL rank, int index) {
  size_t lid = get_local_id(0);
  ranks[lid] = rank;
  indices[lid] = index;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (size_t step = get_local_size(0) / 2; step > 0; step /= 2) {
    if (lid < step && iamaxBetter(ranks[lid + step], indices[lid + step], ranks[lid], indices[lid])) {
      ranks[lid] = ranks[lid + step];
      indices[lid] = indices[lid + step];
    }
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

// Partials: ranks at [group] of the REAL area, 0-based indices at [group] of
// the int area. incx > 0.
__kernel void iamax_partial(int n, __global const REAL *xBase, ulong xOffset, int incx,
                            __global REAL *rankBase, ulong rankOffset, __global int *indexBase,
                            ulong indexOffset) {
  __local REAL ranks[REDUCE_MAX_WG];
  __local int indices[REDUCE_MAX_WG];
  __global const REAL *x = AT_CONST(xBase, xOffset);
  REAL best = IAMAX_NONE;
  int bestIndex = INT_MAX;
  for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
    REAL rank = iamaxRank(x[i * incx], i);
    if (rank > best) { // indices only grow here: ties keep the first
      best = rank;
      bestIndex = (int)i;
    }
  }
  groupIamax(ranks, indices, best, bestIndex);
  if (get_local_id(0) == 0) {
    AT(rankBase, rankOffset)[get_group_id(0)] = ranks[0];
    ((__global int *)((__global char *)indexBase + indexOffset))[get_group_id(0)] = indices[0];
  }
}

// Writes the 1-based index.
__kernel void iamax_finish(int count, __global const REAL *rankBase, ulong rankOffset,
                           __global const int *indexBase, ulong indexOffset,
                           __global int *resultBase, ulong resultOffset) {
  __local REAL ranks[REDUCE_MAX_WG];
  __local int indices[REDUCE_MAX_WG];
  __global const REAL *partialRanks = AT_CONST(rankBase, rankOffset);
  __global const int *partialIndices =
      (__global const int *)((__global const char *)indexBase + indexOffset);
  REAL best = IAMAX_NONE;
  int bestIndex = INT_MAX;
  for (int i = get_local_id(0); i < count; i += get_local_size(0)) {
    if (iamaxBetter(partialRanks[i], partialIndices[i], best, bestIndex)) {
      best = partialRanks[i];
      bestIndex = partialIndices[i];
    }
  }
  groupIamax(ranks, indices, best, bestIndex);
  if (get_local_id(0) == 0)
    *(__global int *)((__global char *)resultBase + resultOffset) = indices[0] + 1;
}

// copy, swap and rot walk both vectors as BLAS does (a negative increment
// from the far end). With an increment of 0 the host launches one
// work-item, so the elements are visited in order, as in reference BLAS.
__kernel void copy(int n, __global const REAL *xBase, ulong xOffset, int incx,
                   __global REAL *yBase, ulong yOffset, int incy) {
  __global const REAL *x = AT_CONST(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0))
    y[vectorIndex(i, n, incy)] = x[vectorIndex(i, n, incx)];
}

__kernel void swap(int n, __global REAL *xBase, ulong xOffset, int incx, __global REAL *yBase,
                   ulong yOffset, int incy) {
  __global REAL *x = AT(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
    long xi = vectorIndex(i, n, incx), yi = vectorIndex(i, n, incy);
    REAL t = x[xi];
    x[xi] = y[yi];
    y[yi] = t;
  }
}

// The plane rotation (c, s): x <- c x + s y, y <- c y - s x.
__kernel void rot(int n, __global REAL *xBase, ulong xOffset, int incx, __global REAL *yBase,
                  ulong yOffset, int incy, REAL cValue, __global const REAL *cBase, ulong cOffset,
                  int cOnDevice, REAL sValue, __global const REAL *sBase, ulong sOffset,
                  int sOnDevice) {
  REAL c = scalarArg(cValue, cBase, cOffset, cOnDevice);
  REAL s = scalarArg(sValue, sBase, sOffset, sOnDevice);
  __global REAL *x = AT(xBase, xOffset);
  __global REAL *y = AT(yBase, yOffset);
  for (long i = get_global_id(0); i < n; i += get_global_size(0)) {
    long xi = vectorIndex(i, n, incx), yi = vectorIndex(i, n, incy);
    REAL xv = x[xi], yv = y[yi];
    x[xi] = c * xv + s * yv;
    y[yi] = c * yv - s * xv;
  }
}

// rotg in device pointer mode (one work-item): the rotation that zeroes b,
// as reference BLAS's srotg/drotg compute it (r into a, z into b).
__kernel void rotg(__global REAL *aBase, ulong aOffset, __global REAL *bBase, ulong bOffset,
                   __global REAL *cBase, ulong cOffset, __global REAL *sBase, ulong sOffset) {
  __global REAL *a = AT(aBase, aOffset);
  __global REAL *b = AT(bBase, bOffset);
  REAL c, s, r, z;
  rotgValues(*a, *b, &c, &s, &r, &z);
  *a = r;
  *b = z;
  *AT(cBase, cOffset) = c;
  *AT(sBase, sOffset) = s;
}
