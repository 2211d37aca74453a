// cucl's GEMM kernel family: C = alpha * op(A) * op(B) + beta * C, column-major,
// one batch per grid z index. Compiled once per (types, transposes, parameter
// set); the host (gemm/gemm_params.h) supplies every macro below.
//
// Types   AB_TYPE, C_TYPE: 16 (half storage, fp32 compute), 32, 64.
// Shape   TRANS_A, TRANS_B: 0 or 1.
// Tiling  MDIMC x NDIMC work-items per group; the group owns an MWG x NWG tile
//         of C and walks K in chunks of KWG. Each work-item computes MR x NR
//         micro tiles of that tile in registers (VW-wide vectors along m) and
//         adds them to C after every chunk, so the chunk of A and B it reads
//         stays in cache (CPUs) or local memory (SA/SB) while it is reused.
// Staging SA/SB = 1 copies the chunk of A/B into local memory first, already
//         transposed to the micro kernel's layout and zero-filled past the
//         matrix edges; = 0 reads global memory directly (edge tiles then take
//         a guarded path).
// KU      unroll factor of the innermost k loop.
// KDOT    = 1 (only for op(A) = A^T, op(B) = B, unstaged): the dot-product
//         form. Both operands are contiguous along k there, so the vectors run
//         along k (VW partial sums per element of C, added up per chunk)
//         instead of along m, and no transposing copy of A is needed.
//
// Loops over the micro tile (MV, NR, VW) carry `#pragma unroll`: unrolled, the
// accumulators live in registers; PoCL's LLVM otherwise kept them on the stack
// (measured: 150 -> 430 GFLOP/s for fp32 at n = 1024 on a 2-core AVX-512 CPU).
#if AB_TYPE == 64 || C_TYPE == 64
#pragma OPENCL EXTENSION cl_khr_fp64 : enable
#endif

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)

// real: the compute type; realV: VW of them.
#if AB_TYPE == 64
#define REAL double
#else
#define REAL float
#endif
typedef REAL real;
#if VW == 1
typedef real realV;
#define VLOAD(offset, p) ((p)[offset])
#define VSTORE(value, offset, p) ((p)[offset] = (value))
#else
typedef CAT(REAL, VW) realV;
#define VLOAD(offset, p) CAT(vload, VW)(offset, p)
#define VSTORE(value, offset, p) CAT(vstore, VW)(value, offset, p)
#endif

// Storage types and how one element or VW consecutive elements are read.
#if AB_TYPE == 16
typedef half abstore;
#define LOAD_AB(p, i) vload_half(i, p)
#if VW == 1
#define LOADV_AB(p, i) vload_half(i, p)
#else
#define LOADV_AB(p, i) CAT(vload_half, VW)(0, (p) + (i))
#endif
#else
typedef real abstore;
#define LOAD_AB(p, i) ((p)[i])
#define LOADV_AB(p, i) VLOAD(0, (p) + (i))
#endif

#if C_TYPE == 16
typedef half cstore;
#define LOAD_C(p, i) vload_half(i, p)
#define STORE_C(v, p, i) vstore_half_rte(v, i, p)
#else
typedef real cstore;
#define LOAD_C(p, i) ((p)[i])
#define STORE_C(v, p, i) ((p)[i] = (v))
#endif

// Element (i, k) of op(A) and (k, j) of op(B), from their column-major storage.
#if TRANS_A
#define A_INDEX(i, k) ((size_t)(k) + (size_t)(i) * lda)
#else
#define A_INDEX(i, k) ((size_t)(i) + (size_t)(k) * lda)
#endif
#if TRANS_B
#define B_INDEX(k, j) ((size_t)(j) + (size_t)(k) * ldb)
#else
#define B_INDEX(k, j) ((size_t)(k) + (size_t)(j) * ldb)
#endif

// An fp16 C is written once, after all of K: adding chunk by chunk would
// round every partial sum to half. (The host turns staging off for it: the
// local arrays hold one chunk of KWG.)
#if C_TYPE == 16
#if SA || SB
#error "an fp16 C needs SA = SB = 0"
#endif
#define K_CHUNK K
#else
#define K_CHUNK KWG
#endif

#if KDOT && (!TRANS_A || TRANS_B || SA || SB)
#error "KDOT needs op(A) = A^T, op(B) = B and no staging"
#endif

#define MV (MR / VW)              // vectors per micro-tile column
#define WI_M (MWG / (MDIMC * MR)) // micro tiles per work-item along m
#define WI_N (NWG / (NDIMC * NR)) // ... and along n

// Reads VW consecutive rows i.. of op(A) at column k. `guarded` clamps rows
// past M to M-1: their results are never stored, the reads stay in bounds.
inline __attribute__((always_inline)) realV loadAVector(__global const abstore *A, ulong lda, int i, int k, int M, bool guarded) {
#if !TRANS_A
  if (!guarded || i + VW <= M)
    return LOADV_AB(A, A_INDEX(i, k));
#endif
  real lanes[VW];
  #pragma unroll
  for (int v = 0; v < VW; ++v)
    lanes[v] = LOAD_AB(A, A_INDEX(guarded ? min(i + v, M - 1) : i + v, k));
  return VLOAD(0, lanes);
}

// acc += op(A)[i.., k0..k1) * op(B)[k0..k1), j..] for one micro tile.
// Operands come from local memory when staged (As: [KWG][MWG], Bs: [KWG][NWG],
// indices relative to the chunk and the group tile), else from global memory.
inline __attribute__((always_inline)) void multiplyMicroTile(realV acc[MV][NR], int kLen,
#if SA
                              __local const real *As, int iLocal,
#else
                              __global const abstore *A, ulong lda, int i, int k0, int M,
#endif
#if SB
                              __local const real *Bs, int jLocal,
#else
                              __global const abstore *B, ulong ldb, int j, int kB0, int N,
#endif
                              bool guarded) {
#pragma unroll KU
  for (int k = 0; k < kLen; ++k) {
    realV a[MV];
    #pragma unroll
    for (int v = 0; v < MV; ++v) {
#if SA
      a[v] = VLOAD(0, As + k * MWG + iLocal + v * VW);
#else
      a[v] = loadAVector(A, lda, i + v * VW, k0 + k, M, guarded);
#endif
    }
    #pragma unroll
    for (int jj = 0; jj < NR; ++jj) {
#if SB
      const real b = Bs[k * NWG + jLocal + jj];
#else
      const real b = LOAD_AB(B, B_INDEX(kB0 + k, guarded ? min(j + jj, N - 1) : j + jj));
#endif
      #pragma unroll
      for (int v = 0; v < MV; ++v)
        acc[v][jj] = fma(a[v], (realV)b, acc[v][jj]);
    }
  }
}

// C tile += alpha * acc (later chunks), or C = alpha * acc + beta * C (first
// chunk; C is not read when beta == 0). Rows/columns past M/N are skipped.
inline __attribute__((always_inline)) void storeMicroTile(realV acc[MV][NR], __global cstore *C, ulong ldc, int i, int j, int M,
                           int N, real alpha, real beta, bool firstChunk, bool edge) {
  const bool fullRows = !edge || i + MR <= M;
  #pragma unroll
  for (int jj = 0; jj < NR; ++jj) {
    if (edge && j + jj >= N)
      break;
    __global cstore *column = C + (size_t)(j + jj) * ldc;
    #pragma unroll
    for (int v = 0; v < MV; ++v) {
      const int row = i + v * VW;
#if C_TYPE != 16
      if (fullRows) {
        realV result = alpha * acc[v][jj];
        if (!firstChunk)
          result += VLOAD(0, column + row);
        else if (beta != 0)
          result = fma((realV)beta, VLOAD(0, column + row), result);
        VSTORE(result, 0, column + row);
        continue;
      }
#endif
      real lanes[VW];
      VSTORE(acc[v][jj], 0, lanes);
      for (int l = 0; l < VW && row + l < M; ++l) {
        real result = alpha * lanes[l];
        if (!firstChunk)
          result += LOAD_C(column, row + l);
        else if (beta != 0)
          result = fma(beta, LOAD_C(column, row + l), result);
        STORE_C(result, column, row + l);
      }
    }
  }
  (void)fullRows;
}

#if KDOT
inline __attribute__((always_inline)) real sumLanes(realV v) {
#if VW == 1
  return v;
#else
  real lanes[VW];
  VSTORE(v, 0, lanes);
  real sum = 0;
  #pragma unroll
  for (int l = 0; l < VW; ++l)
    sum += lanes[l];
  return sum;
#endif
}

// result = A^T[i.., k0..k0+kLen) * B[k0..k0+kLen), j..] for one micro tile in
// the dot-product form: VW-wide partial sums along k, then one horizontal sum
// per element; the last kLen % VW steps are scalar. `guarded` clamps rows and
// columns past M/N (their results are not stored).
inline __attribute__((always_inline)) void multiplyDotTile(real result[MR][NR], int kLen,
    __global const abstore *A, ulong lda, int i, int k0, int M,
    __global const abstore *B, ulong ldb, int j, int N, bool guarded) {
  realV acc[MR][NR];
  #pragma unroll
  for (int ii = 0; ii < MR; ++ii)
    #pragma unroll
    for (int jj = 0; jj < NR; ++jj)
      acc[ii][jj] = 0;
  int k = 0;
#pragma unroll KU
  for (; k + VW <= kLen; k += VW) {
    realV a[MR], b[NR];
    #pragma unroll
    for (int ii = 0; ii < MR; ++ii)
      a[ii] = LOADV_AB(A, A_INDEX(guarded ? min(i + ii, M - 1) : i + ii, k0 + k));
    #pragma unroll
    for (int jj = 0; jj < NR; ++jj)
      b[jj] = LOADV_AB(B, B_INDEX(k0 + k, guarded ? min(j + jj, N - 1) : j + jj));
    #pragma unroll
    for (int ii = 0; ii < MR; ++ii)
      #pragma unroll
      for (int jj = 0; jj < NR; ++jj)
        acc[ii][jj] = fma(a[ii], b[jj], acc[ii][jj]);
  }
  #pragma unroll
  for (int ii = 0; ii < MR; ++ii)
    #pragma unroll
    for (int jj = 0; jj < NR; ++jj)
      result[ii][jj] = sumLanes(acc[ii][jj]);
  for (; k < kLen; ++k) {
    #pragma unroll
    for (int ii = 0; ii < MR; ++ii) {
      const real a = LOAD_AB(A, A_INDEX(guarded ? min(i + ii, M - 1) : i + ii, k0 + k));
      #pragma unroll
      for (int jj = 0; jj < NR; ++jj)
        result[ii][jj] = fma(a, (real)LOAD_AB(B, B_INDEX(k0 + k, guarded ? min(j + jj, N - 1) : j + jj)),
                             result[ii][jj]);
    }
  }
}

// As storeMicroTile, for the dot-product form's scalar results.
inline __attribute__((always_inline)) void storeDotTile(real result[MR][NR], __global cstore *C,
    ulong ldc, int i, int j, int M, int N, real alpha, real beta, bool firstChunk) {
  #pragma unroll
  for (int jj = 0; jj < NR; ++jj) {
    if (j + jj >= N)
      break;
    __global cstore *column = C + (size_t)(j + jj) * ldc;
    #pragma unroll
    for (int ii = 0; ii < MR; ++ii) {
      if (i + ii >= M)
        break;
      real value = alpha * result[ii][jj];
      if (!firstChunk)
        value += LOAD_C(column, i + ii);
      else if (beta != 0)
        value = fma(beta, LOAD_C(column, i + ii), value);
      STORE_C(value, column, i + ii);
    }
  }
}
#endif

// k == 0 or alpha == 0: C = beta * C over the group's tile, A and B unread.
inline __attribute__((always_inline)) void scaleTile(__global cstore *C, ulong ldc, int i0, int j0, int M, int N, real beta) {
  const int lid = get_local_id(1) * MDIMC + get_local_id(0);
  for (int e = lid; e < MWG * NWG; e += MDIMC * NDIMC) {
    const int i = i0 + e % MWG, j = j0 + e / MWG;
    if (i < M && j < N) {
      const size_t at = (size_t)i + (size_t)j * ldc;
      STORE_C(beta == 0 ? (real)0 : beta * LOAD_C(C, at), C, at);
    }
  }
}

// Copies the chunk [k0, k0 + kLen) of the group's rows of op(A) / columns of
// op(B) into local memory, zero past M/N/kLen. Consecutive work-items read
// consecutive addresses of the stored matrix.
inline __attribute__((always_inline)) void stageChunk(__local real *As, __local real *Bs, __global const abstore *A, ulong lda,
                       __global const abstore *B, ulong ldb, int i0, int j0, int k0, int kLen,
                       int M, int N) {
  const int lid = get_local_id(1) * MDIMC + get_local_id(0);
#if SA
  for (int e = lid; e < MWG * KWG; e += MDIMC * NDIMC) {
#if TRANS_A
    const int k = e % KWG, i = e / KWG;
#else
    const int i = e % MWG, k = e / MWG;
#endif
    As[k * MWG + i] = (i0 + i < M && k < kLen) ? (real)LOAD_AB(A, A_INDEX(i0 + i, k0 + k)) : 0;
  }
#endif
#if SB
  for (int e = lid; e < NWG * KWG; e += MDIMC * NDIMC) {
#if TRANS_B
    const int j = e % NWG, k = e / NWG;
#else
    const int k = e % KWG, j = e / KWG;
#endif
    Bs[k * NWG + j] = (j0 + j < N && k < kLen) ? (real)LOAD_AB(B, B_INDEX(k0 + k, j0 + j)) : 0;
  }
#endif
}

// The group's MWG x NWG tile of C, chunk by chunk along K. `edge`: the tile
// crosses M or N (micro tiles then check their bounds).
inline __attribute__((always_inline)) void multiplyGroupTile(__global const abstore *A, ulong lda, __global const abstore *B,
                              ulong ldb, __global cstore *C, ulong ldc, int M, int N, int K,
                              int i0, int j0, real alpha, real beta, __local real *As,
                              __local real *Bs, bool edge) {
  const int tx = get_local_id(0), ty = get_local_id(1);
  for (int k0 = 0; k0 < K; k0 += K_CHUNK) {
    const int kLen = min(K_CHUNK, K - k0);
#if SA || SB
    barrier(CLK_LOCAL_MEM_FENCE);
    stageChunk(As, Bs, A, lda, B, ldb, i0, j0, k0, kLen, M, N);
    barrier(CLK_LOCAL_MEM_FENCE);
#endif
    for (int wn = 0; wn < WI_N; ++wn) {
      const int jLocal = (wn * NDIMC + ty) * NR, j = j0 + jLocal;
      for (int wm = 0; wm < WI_M; ++wm) {
        const int iLocal = (wm * MDIMC + tx) * MR, i = i0 + iLocal;
#if KDOT
        real result[MR][NR];
        if (!edge || (i + MR <= M && j + NR <= N))
          multiplyDotTile(result, kLen, A, lda, i, k0, M, B, ldb, j, N, false);
        else if (i < M && j < N)
          multiplyDotTile(result, kLen, A, lda, i, k0, M, B, ldb, j, N, true);
        storeDotTile(result, C, ldc, i, j, M, N, alpha, beta, k0 == 0);
#else
        realV acc[MV][NR];
        #pragma unroll
        for (int v = 0; v < MV; ++v)
          #pragma unroll
          for (int jj = 0; jj < NR; ++jj)
            acc[v][jj] = 0;
        // Only unstaged operands read global memory, so only they need guards.
#if SA
#define A_OPERANDS As, iLocal
#define A_CROSSES_EDGE false
#else
#define A_OPERANDS A, lda, i, k0, M
#define A_CROSSES_EDGE (i + MR > M)
#endif
#if SB
#define B_OPERANDS Bs, jLocal
#define B_CROSSES_EDGE false
#else
#define B_OPERANDS B, ldb, j, k0, N
#define B_CROSSES_EDGE (j + NR > N)
#endif
        bool guarded = false;
        if (edge)
          guarded = A_CROSSES_EDGE || B_CROSSES_EDGE;
        if (!guarded)
          multiplyMicroTile(acc, kLen, A_OPERANDS, B_OPERANDS, false);
        else if (i < M && j < N) // tiles wholly outside exist when MWG/NWG exceed M/N
          multiplyMicroTile(acc, kLen, A_OPERANDS, B_OPERANDS, true);
        storeMicroTile(acc, C, ldc, i, j, M, N, alpha, beta, k0 == 0, edge);
#endif
      }
    }
  }
}

__kernel __attribute__((reqd_work_group_size(MDIMC, NDIMC, 1)))
void xgemm(const int M, const int N, const int K,
           __global const abstore *A, const ulong aOffset, const ulong lda, const long aStride,
           __global const abstore *B, const ulong bOffset, const ulong ldb, const long bStride,
           __global cstore *C, const ulong cOffset, const ulong ldc, const long cStride,
           const real alphaValue, const real betaValue,
           __global const real *alphaPointer, const ulong alphaOffset,
           __global const real *betaPointer, const ulong betaOffset,
           const int scalarsOnDevice) {
  // Strides may be 0 (a shared operand) or negative (batches stored backwards).
  const long batch = get_group_id(2);
  A += aOffset;
  B += bOffset;
  C += cOffset;
  A += batch * aStride;
  B += batch * bStride;
  C += batch * cStride;
  const real alpha = scalarsOnDevice ? alphaPointer[alphaOffset] : alphaValue;
  const real beta = scalarsOnDevice ? betaPointer[betaOffset] : betaValue;

  const int i0 = get_group_id(0) * MWG, j0 = get_group_id(1) * NWG;
  if (K == 0 || alpha == 0) {
    scaleTile(C, ldc, i0, j0, M, N, beta);
    return;
  }
#if SA
  __local real As[KWG * MWG];
#else
  __local real *As = 0;
#endif
#if SB
  __local real Bs[KWG * NWG];
#else
  __local real *Bs = 0;
#endif
  // Interior groups take a loop nest without any edge checks.
  if (i0 + MWG <= M && j0 + NWG <= N)
    multiplyGroupTile(A, lda, B, ldb, C, ldc, M, N, K, i0, j0, alpha, beta, As, Bs, false);
  else
    multiplyGroupTile(A, lda, B, ldb, C, ldc, M, N, K, i0, j0, alpha, beta, As, Bs, true);
}
