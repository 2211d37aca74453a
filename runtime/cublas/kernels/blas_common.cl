// Shared by the level-1 and gemv kernels (prepended to their source).
// Built once per precision: -DREAL=float, or -DREAL=double -DCUCL_FP64.
#ifdef CUCL_FP64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

// Helpers are plain functions, not `inline`: OpenCL C follows C99, where an
// `inline` definition is no external definition, so a compiler that does not
// inline the call (clang at -O0 / -cl-opt-disable) is left with an undefined
// symbol. The optimizer still inlines them.

// Size of the __local arrays of reductions; launches use a power of two
// no larger than this.
#define REDUCE_MAX_WG 256

// Device pointers arrive as buffer + byte offset (a pointer d + k).
#define AT(base, offset) ((__global REAL *)((__global char *)(base) + (offset)))
#define AT_CONST(base, offset) \
  ((__global const REAL *)((__global const char *)(base) + (offset)))

// Element i of an n-vector stored with increment inc: BLAS walks a vector
// with a negative increment from its far end.
long vectorIndex(long i, long n, long inc) {
  return inc >= 0 ? i * inc : (n - 1 - i) * -inc;
}

// alpha/beta: the value itself (host pointer mode) or read from device
// memory when the kernel runs (device pointer mode).
REAL scalarArg(REAL value, __global const REAL *base, ulong offset, int onDevice) {
  return onDevice ? *AT_CONST(base, offset) : value;
}

// Tree sum of one value per work-item; the total lands in sums[0].
// Every work-item of the group must call it (it has barriers).
void groupSum(__local REAL *sums, REAL value) {
  size_t lid = get_local_id(0);
  sums[lid] = value;
  barrier(CLK_LOCAL_MEM_FENCE);
  for (size_t step = get_local_size(0) / 2; step > 0; step /= 2) {
    if (lid < step)
      sums[lid] += sums[lid + step];
    barrier(CLK_LOCAL_MEM_FENCE);
  }
}

// The Givens rotation of (a, b), as reference BLAS's srotg/drotg: r carries
// the sign of the larger of a and b; z lets the rotation be rebuilt.
void rotgValues(REAL a, REAL b, REAL *c, REAL *s, REAL *r, REAL *z) {
  REAL roe = fabs(a) > fabs(b) ? a : b;
  REAL scale = fabs(a) + fabs(b);
  if (scale == (REAL)0) {
    *c = 1;
    *s = 0;
    *r = 0;
    *z = 0;
    return;
  }
  REAL ra = a / scale, rb = b / scale;
  REAL radius = scale * sqrt(ra * ra + rb * rb);
  if (roe < (REAL)0)
    radius = -radius;
  *c = a / radius;
  *s = b / radius;
  *r = radius;
  *z = 1;
  if (fabs(a) > fabs(b))
    *z = *s;
  else if (*c != (REAL)0)
    *z = 1 / *c;
}
