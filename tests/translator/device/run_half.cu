// End to end: half precision (cuda_fp16.h, cuda_bf16.h) in kernels. The
// kernels convert every half and bfloat16 bit pattern to float and back,
// round floats, doubles and integers in every mode, convert every pattern to
// integers, do arithmetic, comparisons and math on many operands, add with
// atomicAdd under contention and shuffle in warps; the host checks every
// result against the same functions run on the host (the header's host path,
// which tests/runtime/half_host_test.cpp checks against exact references and
// NVIDIA's host code). The math functions (float's expf & co. on each side)
// may differ by one unit in the last place; everything else is bit-exact.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// (run_half_nvcc.test compiles this file with nvcc.)
// CHECK: patterns: half 65536, bf16 65536, mismatches 0
// CHECK: floats: [[FLOATS:[0-9]+]] x 4 modes x 2 formats, mismatches 0
// CHECK: doubles: [[DOUBLES:[0-9]+]] x 2 formats, mismatches 0
// CHECK: integers: [[INTS:[0-9]+]] x 6 types x 4 modes x 2 formats, mismatches 0
// CHECK: to integers: 65536 x 26 conversions x 2 formats, mismatches 0
// CHECK: arithmetic half: [[PAIRS:[0-9]+]] operand triples, mismatches 0
// CHECK: arithmetic bf16: [[PAIRS]] operand triples, mismatches 0
// CHECK: math half: 65536 x 16 functions, exact {{[0-9]+}} or within 1 ulp, mismatches 0
// CHECK: math bf16: 65536 x 16 functions, exact {{[0-9]+}} or within 1 ulp, mismatches 0
// CHECK: atomics: half2 1024.0 256.0, half 256 256 256 256, shared 43 43 43 43 42 42, bf162 256.0 128.0, bf16 64 64 64 64
// CHECK: shuffles: 256 lanes, mismatches 0, warp sums 496.0 32.0
// CHECK: PASSED

#include <cmath>
#include <cstdio>
#include <cstring>
#include <vector>

#include <cuda_bf16.h>
#include <cuda_fp16.h>

typedef unsigned short u16;

// ---- Bits of either format ----

__host__ __device__ inline __half fromBits(u16 bits, __half) { return __ushort_as_half(bits); }
__host__ __device__ inline __nv_bfloat16 fromBits(u16 bits, __nv_bfloat16) {
  return __ushort_as_bfloat16(bits);
}
__host__ __device__ inline u16 bitsOf(__half h) { return __half_as_ushort(h); }
__host__ __device__ inline u16 bitsOf(__nv_bfloat16 h) { return __bfloat16_as_ushort(h); }
__host__ __device__ inline unsigned int bitsOf(__half2 h) {
  return (unsigned int)bitsOf(__low2half(h)) | ((unsigned int)bitsOf(__high2half(h)) << 16);
}
__host__ __device__ inline unsigned int bitsOf(__nv_bfloat162 h) {
  return (unsigned int)bitsOf(__low2bfloat16(h)) | ((unsigned int)bitsOf(__high2bfloat16(h)) << 16);
}
__host__ __device__ inline __half2 makePair(__half a, __half b) { return __halves2half2(a, b); }
__host__ __device__ inline __nv_bfloat162 makePair(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __halves2bfloat162(a, b);
}

// ---- What the kernels compute, written once for both sides ----

// __host__ __device__ under cucl, whose headers define every function below
// for the host too; under nvcc, where several are device-only (__hfma, the h*
// math functions, most rounding-mode conversions to integers), device
// functions: run_half_nvcc.test only compiles this file.
#if defined(__CUCL__)
#define SHARED __host__ __device__
#else
#define SHARED __device__
#endif

struct FloatRounding {
  u16 half[4]; // rn, rz, rd, ru
  u16 bf16[4];
  u16 halfDefault, bf16Default, halfConstructed, bf16Constructed;
};

SHARED inline void roundFloat(float x, FloatRounding *r) {
  r->half[0] = bitsOf(__float2half_rn(x));
  r->half[1] = bitsOf(__float2half_rz(x));
  r->half[2] = bitsOf(__float2half_rd(x));
  r->half[3] = bitsOf(__float2half_ru(x));
  r->bf16[0] = bitsOf(__float2bfloat16_rn(x));
  r->bf16[1] = bitsOf(__float2bfloat16_rz(x));
  r->bf16[2] = bitsOf(__float2bfloat16_rd(x));
  r->bf16[3] = bitsOf(__float2bfloat16_ru(x));
  r->halfDefault = bitsOf(__float2half(x));
  r->bf16Default = bitsOf(__float2bfloat16(x));
  __half h = x;
  __nv_bfloat16 b = x;
  r->halfConstructed = bitsOf(h);
  r->bf16Constructed = bitsOf(b);
}

struct DoubleRounding {
  u16 half, bf16, halfConstructed, bf16Constructed;
};

SHARED inline void roundDouble(double x, DoubleRounding *r) {
  r->half = bitsOf(__double2half(x));
  r->bf16 = bitsOf(__double2bfloat16(x));
  __half h = x;
  __nv_bfloat16 b = x;
  r->halfConstructed = bitsOf(h);
  r->bf16Constructed = bitsOf(b);
}

// 6 types x 4 modes, half then bfloat16.
struct IntegerRounding {
  u16 half[24];
  u16 bf16[24];
};

#define ROUND_INTEGER(out, base, target, iname, value)                                            \
  out[base + 0] = bitsOf(__##iname##2##target##_rn(value));                                       \
  out[base + 1] = bitsOf(__##iname##2##target##_rz(value));                                       \
  out[base + 2] = bitsOf(__##iname##2##target##_rd(value));                                       \
  out[base + 3] = bitsOf(__##iname##2##target##_ru(value));

SHARED inline void roundInteger(long long v, IntegerRounding *r) {
  ROUND_INTEGER(r->half, 0, half, short, (short)v)
  ROUND_INTEGER(r->half, 4, half, ushort, (unsigned short)v)
  ROUND_INTEGER(r->half, 8, half, int, (int)v)
  ROUND_INTEGER(r->half, 12, half, uint, (unsigned int)v)
  ROUND_INTEGER(r->half, 16, half, ll, v)
  ROUND_INTEGER(r->half, 20, half, ull, (unsigned long long)v)
  ROUND_INTEGER(r->bf16, 0, bfloat16, short, (short)v)
  ROUND_INTEGER(r->bf16, 4, bfloat16, ushort, (unsigned short)v)
  ROUND_INTEGER(r->bf16, 8, bfloat16, int, (int)v)
  ROUND_INTEGER(r->bf16, 12, bfloat16, uint, (unsigned int)v)
  ROUND_INTEGER(r->bf16, 16, bfloat16, ll, v)
  ROUND_INTEGER(r->bf16, 20, bfloat16, ull, (unsigned long long)v)
}

// 6 types x 4 modes, char and uchar (_rz), operators int and long long.
struct ToIntegers {
  long long v[26];
};

#define TO_INTEGER(out, base, source, iname, h)                                                   \
  out[base + 0] = (long long)__##source##2##iname##_rn(h);                                        \
  out[base + 1] = (long long)__##source##2##iname##_rz(h);                                        \
  out[base + 2] = (long long)__##source##2##iname##_rd(h);                                        \
  out[base + 3] = (long long)__##source##2##iname##_ru(h);

SHARED inline void toIntegers(__half h, ToIntegers *r) {
  TO_INTEGER(r->v, 0, half, short, h)
  TO_INTEGER(r->v, 4, half, ushort, h)
  TO_INTEGER(r->v, 8, half, int, h)
  TO_INTEGER(r->v, 12, half, uint, h)
  TO_INTEGER(r->v, 16, half, ll, h)
  TO_INTEGER(r->v, 20, half, ull, h)
  r->v[24] = (long long)__half2char_rz(h) + 1000 * (long long)__half2uchar_rz(h);
  r->v[25] = (long long)(int)h + 100000 * (long long)(unsigned short)h;
}
SHARED inline void toIntegers(__nv_bfloat16 h, ToIntegers *r) {
  TO_INTEGER(r->v, 0, bfloat16, short, h)
  TO_INTEGER(r->v, 4, bfloat16, ushort, h)
  TO_INTEGER(r->v, 8, bfloat16, int, h)
  TO_INTEGER(r->v, 12, bfloat16, uint, h)
  TO_INTEGER(r->v, 16, bfloat16, ll, h)
  TO_INTEGER(r->v, 20, bfloat16, ull, h)
  r->v[24] = (long long)__bfloat162char_rz(h) + 1000 * (long long)__bfloat162uchar_rz(h);
  r->v[25] = (long long)(int)h + 100000 * (long long)(unsigned short)h;
}

struct Arithmetic {
  u16 v[18];
  unsigned int compare;
  unsigned int pair[8];
};

template <typename H, typename H2> SHARED void arithmetic(u16 ab, u16 bb, u16 cb, Arithmetic *r) {
  H a = fromBits(ab, H()), b = fromBits(bb, H()), c = fromBits(cb, H());
  r->v[0] = bitsOf(__hadd(a, b));
  r->v[1] = bitsOf(__hsub(a, b));
  r->v[2] = bitsOf(__hmul(a, b));
  r->v[3] = bitsOf(__hdiv(a, b));
  r->v[4] = bitsOf(__hfma(a, b, c));
  r->v[5] = bitsOf(__hmax(a, b));
  r->v[6] = bitsOf(__hmin(a, b));
  r->v[7] = bitsOf(__hmax_nan(a, b));
  r->v[8] = bitsOf(__hmin_nan(a, b));
  r->v[9] = bitsOf(__hadd_sat(a, b));
  r->v[10] = bitsOf(__hsub_sat(a, b));
  r->v[11] = bitsOf(__hmul_sat(a, b));
  r->v[12] = bitsOf(__hfma_sat(a, b, c));
  r->v[13] = bitsOf(__hfma_relu(a, b, c));
  r->v[14] = bitsOf(__hneg(a));
  r->v[15] = bitsOf(__habs(a));
  H chain = a;
  chain += b;
  chain *= c;
  chain -= a;
  chain /= b;
  ++chain;
  r->v[16] = bitsOf(-(chain + a * b - c / a));
  H post = a;
  H before = post--;
  r->v[17] = bitsOf(__hadd_rn(before, __hmul_rn(post, __hsub_rn(b, c))));
  unsigned int bits = 0;
  bits |= (unsigned int)__heq(a, b) << 0;
  bits |= (unsigned int)__hne(a, b) << 1;
  bits |= (unsigned int)__hlt(a, b) << 2;
  bits |= (unsigned int)__hle(a, b) << 3;
  bits |= (unsigned int)__hgt(a, b) << 4;
  bits |= (unsigned int)__hge(a, b) << 5;
  bits |= (unsigned int)__hequ(a, b) << 6;
  bits |= (unsigned int)__hneu(a, b) << 7;
  bits |= (unsigned int)__hltu(a, b) << 8;
  bits |= (unsigned int)__hleu(a, b) << 9;
  bits |= (unsigned int)__hgtu(a, b) << 10;
  bits |= (unsigned int)__hgeu(a, b) << 11;
  bits |= (unsigned int)(a == b) << 12;
  bits |= (unsigned int)(a != b) << 13;
  bits |= (unsigned int)(a < b) << 14;
  bits |= (unsigned int)(a <= b) << 15;
  bits |= (unsigned int)(a > b) << 16;
  bits |= (unsigned int)(a >= b) << 17;
  bits |= (unsigned int)__hisnan(a) << 18;
  bits |= (unsigned int)(__hisinf(a) + 1) << 19;
  r->compare = bits;
  H2 p = makePair(a, b), q = makePair(b, c);
  r->pair[0] = bitsOf(__hadd2(p, q));
  r->pair[1] = bitsOf(__hmul2(p, q) - __hsub2(q, p));
  r->pair[2] = bitsOf(__h2div(p, q));
  r->pair[3] = bitsOf(__hfma2(p, q, __lowhigh2highlow(p)));
  r->pair[4] = bitsOf(__heq2(p, q)) ^ __hlt2_mask(p, q);
  r->pair[5] = bitsOf(__hmax2(p, q)) ^ __hgeu2_mask(p, q);
  r->pair[6] = (unsigned int)__hbeq2(p, q) | ((unsigned int)__hbgeu2(p, q) << 1) |
               ((unsigned int)(p == q) << 2) | ((unsigned int)(p != q) << 3) |
               ((unsigned int)(p < q) << 4);
  r->pair[7] = bitsOf(__hneg2(__habs2(p)) * __hisnan2(q));
}

struct MathResults {
  u16 v[16];
};

template <typename H> SHARED void math(u16 xb, MathResults *r) {
  H x = fromBits(xb, H());
  r->v[0] = bitsOf(hsqrt(x));
  r->v[1] = bitsOf(hrsqrt(x));
  r->v[2] = bitsOf(hrcp(x));
  r->v[3] = bitsOf(hexp(x));
  r->v[4] = bitsOf(hexp2(x));
  r->v[5] = bitsOf(hexp10(x));
  r->v[6] = bitsOf(hlog(x));
  r->v[7] = bitsOf(hlog2(x));
  r->v[8] = bitsOf(hlog10(x));
  r->v[9] = bitsOf(hsin(x));
  r->v[10] = bitsOf(hcos(x));
  r->v[11] = bitsOf(htanh(x));
  r->v[12] = bitsOf(hfloor(x));
  r->v[13] = bitsOf(hceil(x));
  r->v[14] = bitsOf(htrunc(x));
  r->v[15] = bitsOf(hrint(x));
}
// Which math results are the float function's, possibly 1 ulp apart
// between two libms (the others are exact on both sides).
const bool kApproximate[16] = {false, false, false, true, true, true, true, true,
                               true,  true,  true,  true, false, false, false, false};

// ---- Kernels ----

__global__ void everyPattern(float *halfToFloat, u16 *halfBack, float *bf16ToFloat, u16 *bf16Back) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  u16 bits = (u16)i;
  float f = __half2float(__ushort_as_half(bits));
  halfToFloat[i] = f;
  halfBack[i] = bitsOf(__float2half_rn(f));
  float g = __bfloat162float(__ushort_as_bfloat16(bits));
  bf16ToFloat[i] = g;
  bf16Back[i] = bitsOf(__float2bfloat16_rn(g));
}

__global__ void roundFloats(const float *x, FloatRounding *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    roundFloat(x[i], &out[i]);
}

__global__ void roundDoubles(const double *x, DoubleRounding *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    roundDouble(x[i], &out[i]);
}

__global__ void roundIntegers(const long long *x, IntegerRounding *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    roundInteger(x[i], &out[i]);
}

__global__ void everyPatternToIntegers(ToIntegers *half, ToIntegers *bf16) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  toIntegers(__ushort_as_half((u16)i), &half[i]);
  toIntegers(__ushort_as_bfloat16((u16)i), &bf16[i]);
}

template <typename H, typename H2>
__global__ void arithmeticKernel(const u16 *a, const u16 *b, const u16 *c, Arithmetic *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    arithmetic<H, H2>(a[i], b[i], c[i], &out[i]);
}

template <typename H> __global__ void mathKernel(MathResults *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  math<H>((u16)i, &out[i]);
}

// 4 blocks of 256 threads.
__global__ void atomics(__half2 *pairSum, __half *halves, __half *sharedOut, __nv_bfloat162 *bfPair,
                        __nv_bfloat16 *bfHalves) {
  __shared__ __half counts[6];
  if (threadIdx.x < 6)
    counts[threadIdx.x] = __float2half(0.0f);
  __syncthreads();
  atomicAdd(pairSum, __floats2half2_rn(1.0f, 0.25f));
  atomicAdd(&halves[threadIdx.x % 4], __float2half(1.0f));
  atomicAdd(&counts[threadIdx.x % 6], __float2half(1.0f));
  if (threadIdx.x < 64) { // bfloat16 counts exactly up to 256
    atomicAdd(bfPair, __floats2bfloat162_rn(1.0f, 0.5f));
    atomicAdd(&bfHalves[threadIdx.x % 4], __float2bfloat16(1.0f));
  }
  __syncthreads();
  if (threadIdx.x < 6)
    sharedOut[blockIdx.x * 6 + threadIdx.x] = counts[threadIdx.x];
}

struct Shuffled {
  u16 half[4];   // __shfl_sync lane 3, xor 1, down 2, up 5
  u16 bf16[2];   // __shfl_down_sync 16, __shfl_sync lane 31 - lane
  unsigned int pair; // __shfl_xor_sync 7 of (v, -v)
  unsigned int bfPair; // __shfl_up_sync 1 of a bfloat16 pair
};

__global__ void shuffles(const u16 *in, Shuffled *out, float *sums) {
  const unsigned int all = 0xffffffffu;
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int lane = threadIdx.x & 31;
  __half v = __ushort_as_half(in[i]);
  __nv_bfloat16 w = __ushort_as_bfloat16(in[i]);
  out[i].half[0] = bitsOf(__shfl_sync(all, v, 3));
  out[i].half[1] = bitsOf(__shfl_xor_sync(all, v, 1));
  out[i].half[2] = bitsOf(__shfl_down_sync(all, v, 2));
  out[i].half[3] = bitsOf(__shfl_up_sync(all, v, 5));
  out[i].bf16[0] = bitsOf(__shfl_down_sync(all, w, 16));
  out[i].bf16[1] = bitsOf(__shfl_sync(all, w, 31 - lane));
  out[i].pair = bitsOf(__shfl_xor_sync(all, __halves2half2(v, __hneg(v)), 7));
  out[i].bfPair = bitsOf(__shfl_up_sync(all, __halves2bfloat162(w, w), 1));
  // A warp sum of (lane, 1) pairs by butterfly: exact in half.
  __half2 sum = __halves2half2(__int2half_rn(lane), __float2half(1.0f));
  for (int offset = 16; offset > 0; offset >>= 1)
    sum = __hadd2(sum, __shfl_xor_sync(all, sum, offset));
  sums[i] = __low2float(sum) + 1000.0f * __high2float(sum);
}

// ---- Host ----

// The host reference: the same functions, through the header's host path
// (left out under nvcc, see SHARED).
#if defined(__CUCL__)
static void reference(float x, FloatRounding *r) { roundFloat(x, r); }
static void reference(double x, DoubleRounding *r) { roundDouble(x, r); }
static void reference(long long x, IntegerRounding *r) { roundInteger(x, r); }
static void reference(__half h, ToIntegers *r) { toIntegers(h, r); }
static void reference(__nv_bfloat16 h, ToIntegers *r) { toIntegers(h, r); }
static void reference(int format, u16 a, u16 b, u16 c, Arithmetic *r) {
  if (format == 0)
    arithmetic<__half, __half2>(a, b, c, r);
  else
    arithmetic<__nv_bfloat16, __nv_bfloat162>(a, b, c, r);
}
static void reference(int format, u16 x, MathResults *r) {
  if (format == 0)
    math<__half>(x, r);
  else
    math<__nv_bfloat16>(x, r);
}
#else
template <typename... Arguments> static void reference(Arguments...) {}
#endif

#define CHECK(call)                                                                               \
  do {                                                                                            \
    cudaError_t status_ = (call);                                                                 \
    if (status_ != cudaSuccess) {                                                                 \
      std::printf("%s failed: %s\n", #call, cudaGetErrorString(status_));                        \
      return 1;                                                                                   \
    }                                                                                             \
  } while (0)

static long mismatches = 0;

static void report(bool same, const char *what, long index) {
  if (!same && ++mismatches <= 10)
    std::printf("mismatch: %s at %ld\n", what, index);
}

static unsigned int floatBitsOf(float f) {
  unsigned int u;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

template <typename T> static T *toDevice(const std::vector<T> &host) {
  T *device = nullptr;
  cudaMalloc(&device, host.size() * sizeof(T));
  cudaMemcpy(device, host.data(), host.size() * sizeof(T), cudaMemcpyHostToDevice);
  return device;
}
template <typename T> static std::vector<T> fromDevice(const T *device, size_t count) {
  std::vector<T> host(count);
  cudaMemcpy(host.data(), device, count * sizeof(T), cudaMemcpyDeviceToHost);
  return host;
}
static unsigned int blocksFor(size_t n) { return (unsigned int)((n + 255) / 256); }

// A deterministic generator (no <random> state shared with anything).
static unsigned long long nextRandom(unsigned long long *state) {
  *state = *state * 6364136223846793005ull + 1442695040888963407ull;
  return *state >> 17;
}

// ulps between two non-NaN patterns of the same format.
static long ulps(u16 a, u16 b) {
  long x = (a & 0x8000u) ? -(long)(a & 0x7fffu) : (long)a;
  long y = (b & 0x8000u) ? -(long)(b & 0x7fffu) : (long)b;
  return x > y ? x - y : y - x;
}

int main() {
  unsigned long long state = 12345;

  // Every bit pattern, to float and back.
  {
    float *halfToFloat, *bf16ToFloat;
    u16 *halfBack, *bf16Back;
    CHECK(cudaMalloc(&halfToFloat, 65536 * sizeof(float)));
    CHECK(cudaMalloc(&bf16ToFloat, 65536 * sizeof(float)));
    CHECK(cudaMalloc(&halfBack, 65536 * sizeof(u16)));
    CHECK(cudaMalloc(&bf16Back, 65536 * sizeof(u16)));
    everyPattern<<<256, 256>>>(halfToFloat, halfBack, bf16ToFloat, bf16Back);
    CHECK(cudaDeviceSynchronize());
    std::vector<float> hf = fromDevice(halfToFloat, 65536), bf = fromDevice(bf16ToFloat, 65536);
    std::vector<u16> hb = fromDevice(halfBack, 65536), bb = fromDevice(bf16Back, 65536);
    for (long i = 0; i < 65536; ++i) {
      float f = __half2float(__ushort_as_half((u16)i));
      float g = __bfloat162float(__ushort_as_bfloat16((u16)i));
      report(floatBitsOf(hf[i]) == floatBitsOf(f), "__half2float", i);
      report(hb[i] == bitsOf(__float2half_rn(f)), "half round trip", i);
      report(floatBitsOf(bf[i]) == floatBitsOf(g), "__bfloat162float", i);
      report(bb[i] == bitsOf(__float2bfloat16_rn(g)), "bf16 round trip", i);
    }
    std::printf("patterns: half 65536, bf16 65536, mismatches %ld\n", mismatches);
  }

  // Floats at, between and next to every half value and bfloat16 rounding
  // boundary, specials, random.
  {
    std::vector<float> x;
    for (unsigned int bits = 0; bits < 0x7c00u; ++bits) {
      float value = __half2float(__ushort_as_half((u16)bits));
      float next = __half2float(__ushort_as_half((u16)(bits + 1)));
      float mid = bits + 1 == 0x7c00u ? 65520.0f : (value + next) / 2;
      for (float v : {value, mid, std::nextafter(mid, 0.0f), std::nextafter(mid, INFINITY)}) {
        x.push_back(v);
        x.push_back(-v);
      }
    }
    for (unsigned int upper = 0; upper < 0x10000u; upper += 3) {
      for (unsigned int low : {0x7fffu, 0x8000u, 0x8001u}) {
        unsigned int bits = (upper << 16) | low;
        float f;
        std::memcpy(&f, &bits, sizeof f);
        x.push_back(f);
      }
    }
    for (int i = 0; i < 50000; ++i) {
      unsigned int bits = (unsigned int)nextRandom(&state);
      float f;
      std::memcpy(&f, &bits, sizeof f);
      x.push_back(f);
    }
    for (float f : {0.0f, -0.0f, INFINITY, -INFINITY, NAN, 1e-45f, 3.4028235e38f, 65504.0f,
                    65519.99f, 65520.0f, 2.98e-8f, 2.9802322e-8f})
      x.push_back(f);
    float *dx = toDevice(x);
    FloatRounding *dout;
    CHECK(cudaMalloc(&dout, x.size() * sizeof(FloatRounding)));
    roundFloats<<<blocksFor(x.size()), 256>>>(dx, dout, (int)x.size());
    CHECK(cudaDeviceSynchronize());
    std::vector<FloatRounding> out = fromDevice(dout, x.size());
    long before = mismatches;
    for (size_t i = 0; i < x.size(); ++i) {
      FloatRounding expected;
      reference(x[i], &expected);
      report(std::memcmp(&expected, &out[i], sizeof expected) == 0, "float rounding", (long)i);
    }
    std::printf("floats: %zu x 4 modes x 2 formats, mismatches %ld\n", x.size(), mismatches - before);
  }

  // Doubles next to the midpoints (a conversion through float would round
  // twice there), specials, random.
  {
    std::vector<double> x;
    for (unsigned int bits = 0; bits < 0x7c00u; bits += 2) {
      double mid = ((double)__half2float(__ushort_as_half((u16)bits)) +
                    (double)__half2float(__ushort_as_half((u16)(bits + 1)))) /
                   2;
      for (double v : {mid, std::nextafter(mid, 0.0), std::nextafter(mid, INFINITY)}) {
        x.push_back(v);
        x.push_back(-v);
      }
    }
    for (unsigned int bits = 0; bits < 0x7f80u; bits += 2) {
      double mid = ((double)__bfloat162float(__ushort_as_bfloat16((u16)bits)) +
                    (double)__bfloat162float(__ushort_as_bfloat16((u16)(bits + 1)))) /
                   2;
      x.push_back(std::nextafter(mid, 0.0));
      x.push_back(-std::nextafter(mid, INFINITY));
    }
    for (int i = 0; i < 20000; ++i) {
      unsigned long long bits = nextRandom(&state) ^ (nextRandom(&state) << 40);
      double d;
      std::memcpy(&d, &bits, sizeof d);
      x.push_back(d);
    }
    for (double d : {0.0, -0.0, (double)INFINITY, (double)NAN, 1e300, -1e-300, 65520.0})
      x.push_back(d);
    double *dx = toDevice(x);
    DoubleRounding *dout;
    CHECK(cudaMalloc(&dout, x.size() * sizeof(DoubleRounding)));
    roundDoubles<<<blocksFor(x.size()), 256>>>(dx, dout, (int)x.size());
    CHECK(cudaDeviceSynchronize());
    std::vector<DoubleRounding> out = fromDevice(dout, x.size());
    long before = mismatches;
    for (size_t i = 0; i < x.size(); ++i) {
      DoubleRounding expected;
      reference(x[i], &expected);
      report(std::memcmp(&expected, &out[i], sizeof expected) == 0, "double rounding", (long)i);
    }
    std::printf("doubles: %zu x 2 formats, mismatches %ld\n", x.size(), mismatches - before);
  }

  // Integers: the half range, powers of two and their neighbours, random.
  {
    std::vector<long long> x;
    for (long long v = -70000; v <= 70000; v += 3)
      x.push_back(v);
    for (int k = 0; k < 64; ++k)
      for (long long d = -3; d <= 3; ++d) {
        x.push_back((long long)((1ull << k) + (unsigned long long)d));
        x.push_back(-(long long)((1ull << k) + (unsigned long long)d));
        x.push_back((long long)((3ull << k) / 2 + (1ull << k) / 256 + (unsigned long long)d));
      }
    for (int i = 0; i < 20000; ++i) {
      unsigned long long r = nextRandom(&state) ^ (nextRandom(&state) << 32);
      x.push_back((long long)(r >> (r & 63)));
    }
    long long *dx = toDevice(x);
    IntegerRounding *dout;
    CHECK(cudaMalloc(&dout, x.size() * sizeof(IntegerRounding)));
    roundIntegers<<<blocksFor(x.size()), 256>>>(dx, dout, (int)x.size());
    CHECK(cudaDeviceSynchronize());
    std::vector<IntegerRounding> out = fromDevice(dout, x.size());
    long before = mismatches;
    for (size_t i = 0; i < x.size(); ++i) {
      IntegerRounding expected;
      reference(x[i], &expected);
      report(std::memcmp(&expected, &out[i], sizeof expected) == 0, "integer rounding", (long)i);
    }
    std::printf("integers: %zu x 6 types x 4 modes x 2 formats, mismatches %ld\n", x.size(),
                mismatches - before);
  }

  // Every pattern to integers.
  {
    ToIntegers *dhalf, *dbf16;
    CHECK(cudaMalloc(&dhalf, 65536 * sizeof(ToIntegers)));
    CHECK(cudaMalloc(&dbf16, 65536 * sizeof(ToIntegers)));
    everyPatternToIntegers<<<256, 256>>>(dhalf, dbf16);
    CHECK(cudaDeviceSynchronize());
    std::vector<ToIntegers> half = fromDevice(dhalf, 65536), bf16 = fromDevice(dbf16, 65536);
    long before = mismatches;
    for (long i = 0; i < 65536; ++i) {
      ToIntegers expected;
      reference(__ushort_as_half((u16)i), &expected);
      report(std::memcmp(&expected, &half[i], sizeof expected) == 0, "half to integers", i);
      reference(__ushort_as_bfloat16((u16)i), &expected);
      report(std::memcmp(&expected, &bf16[i], sizeof expected) == 0, "bf16 to integers", i);
    }
    std::printf("to integers: 65536 x 26 conversions x 2 formats, mismatches %ld\n",
                mismatches - before);
  }

  // Arithmetic: all triples of a special set, then random triples.
  {
    const u16 special[] = {0x0000, 0x8000, 0x0001, 0x83ff, 0x0400, 0x3c00, 0xbc00, 0x3bff,
                           0x3c01, 0x7bff, 0xfbff, 0x7c00, 0xfc00, 0x7e00, 0x3f80, 0xbf80,
                           0x7f7f, 0x7f80, 0xff80, 0x7fc0, 0x0080, 0x4000, 0xc200, 0x5640};
    std::vector<u16> a, b, c;
    for (u16 x : special)
      for (u16 y : special)
        for (u16 z : special) {
          a.push_back(x);
          b.push_back(y);
          c.push_back(z);
        }
    for (int i = 0; i < 100000; ++i) {
      a.push_back((u16)nextRandom(&state));
      b.push_back((u16)nextRandom(&state));
      c.push_back((u16)nextRandom(&state));
    }
    u16 *da = toDevice(a), *db = toDevice(b), *dc = toDevice(c);
    Arithmetic *dout;
    CHECK(cudaMalloc(&dout, a.size() * sizeof(Arithmetic)));
    for (int format = 0; format < 2; ++format) {
      if (format == 0)
        arithmeticKernel<__half, __half2><<<blocksFor(a.size()), 256>>>(da, db, dc, dout, (int)a.size());
      else
        arithmeticKernel<__nv_bfloat16, __nv_bfloat162>
            <<<blocksFor(a.size()), 256>>>(da, db, dc, dout, (int)a.size());
      CHECK(cudaDeviceSynchronize());
      std::vector<Arithmetic> out = fromDevice(dout, a.size());
      long before = mismatches;
      for (size_t i = 0; i < a.size(); ++i) {
        Arithmetic expected;
        reference(format, a[i], b[i], c[i], &expected);
        report(std::memcmp(&expected, &out[i], sizeof expected) == 0, "arithmetic", (long)i);
      }
      std::printf("arithmetic %s: %zu operand triples, mismatches %ld\n", format == 0 ? "half" : "bf16",
                  a.size(), mismatches - before);
    }
  }

  // Math on every pattern.
  {
    MathResults *dout;
    CHECK(cudaMalloc(&dout, 65536 * sizeof(MathResults)));
    for (int format = 0; format < 2; ++format) {
      if (format == 0)
        mathKernel<__half><<<256, 256>>>(dout);
      else
        mathKernel<__nv_bfloat16><<<256, 256>>>(dout);
      CHECK(cudaDeviceSynchronize());
      std::vector<MathResults> out = fromDevice(dout, 65536);
      long before = mismatches, exact = 0;
      for (long i = 0; i < 65536; ++i) {
        MathResults expected;
        reference(format, (u16)i, &expected);
        for (int f = 0; f < 16; ++f) {
          u16 e = expected.v[f], d = out[i].v[f];
          bool eNan = (e & 0x7fffu) > (format == 0 ? 0x7c00u : 0x7f80u);
          bool dNan = (d & 0x7fffu) > (format == 0 ? 0x7c00u : 0x7f80u);
          exact += e == d;
          report(e == d || (kApproximate[f] && !eNan && !dNan && ulps(e, d) <= 1), "math",
                 i * 16 + f);
        }
      }
      std::printf("math %s: 65536 x 16 functions, exact %ld or within 1 ulp, mismatches %ld\n",
                  format == 0 ? "half" : "bf16", exact, mismatches - before);
    }
  }

  // Atomics under contention: every partial sum is exact, so the totals are.
  {
    __half2 *pairSum;
    __half *halves, *sharedOut;
    __nv_bfloat162 *bfPair;
    __nv_bfloat16 *bfHalves;
    CHECK(cudaMalloc(&pairSum, sizeof(__half2)));
    CHECK(cudaMalloc(&halves, 4 * sizeof(__half)));
    CHECK(cudaMalloc(&sharedOut, 24 * sizeof(__half)));
    CHECK(cudaMalloc(&bfPair, sizeof(__nv_bfloat162)));
    CHECK(cudaMalloc(&bfHalves, 4 * sizeof(__nv_bfloat16)));
    CHECK(cudaMemset(pairSum, 0, sizeof(__half2)));
    CHECK(cudaMemset(halves, 0, 4 * sizeof(__half)));
    CHECK(cudaMemset(bfPair, 0, sizeof(__nv_bfloat162)));
    CHECK(cudaMemset(bfHalves, 0, 4 * sizeof(__nv_bfloat16)));
    atomics<<<4, 256>>>(pairSum, halves, sharedOut, bfPair, bfHalves);
    CHECK(cudaDeviceSynchronize());
    std::vector<__half2> p = fromDevice(pairSum, 1);
    std::vector<__half> h = fromDevice(halves, 4), s = fromDevice(sharedOut, 24);
    std::vector<__nv_bfloat162> bp = fromDevice(bfPair, 1);
    std::vector<__nv_bfloat16> bh = fromDevice(bfHalves, 4);
    for (int k = 6; k < 24; ++k)
      report(bitsOf(s[k]) == bitsOf(s[k % 6]), "shared atomics per block", k);
    std::printf("atomics: half2 %.1f %.1f, half %g %g %g %g, shared %g %g %g %g %g %g, bf162 %.1f "
                "%.1f, bf16 %g %g %g %g\n",
                __low2float(p[0]), __high2float(p[0]), __half2float(h[0]), __half2float(h[1]),
                __half2float(h[2]), __half2float(h[3]), __half2float(s[0]), __half2float(s[1]),
                __half2float(s[2]), __half2float(s[3]), __half2float(s[4]), __half2float(s[5]),
                __low2float(bp[0]), __high2float(bp[0]), __bfloat162float(bh[0]),
                __bfloat162float(bh[1]), __bfloat162float(bh[2]), __bfloat162float(bh[3]));
  }

  // Shuffles: 2 blocks of 128 threads, lanes checked against CUDA's rules.
  {
    std::vector<u16> in(256);
    for (auto &v : in)
      v = (u16)nextRandom(&state);
    u16 *din = toDevice(in);
    Shuffled *dout;
    float *dsums;
    CHECK(cudaMalloc(&dout, 256 * sizeof(Shuffled)));
    CHECK(cudaMalloc(&dsums, 256 * sizeof(float)));
    shuffles<<<2, 128>>>(din, dout, dsums);
    CHECK(cudaDeviceSynchronize());
    std::vector<Shuffled> out = fromDevice(dout, 256);
    std::vector<float> sums = fromDevice(dsums, 256);
    long before = mismatches;
    for (int i = 0; i < 256; ++i) {
      int warp = i & ~31, lane = i & 31;
      u16 own = in[i];
      report(out[i].half[0] == in[warp + 3], "__shfl_sync", i);
      report(out[i].half[1] == in[warp + (lane ^ 1)], "__shfl_xor_sync", i);
      report(out[i].half[2] == (lane + 2 < 32 ? in[i + 2] : own), "__shfl_down_sync", i);
      report(out[i].half[3] == (lane >= 5 ? in[i - 5] : own), "__shfl_up_sync", i);
      report(out[i].bf16[0] == (lane + 16 < 32 ? in[i + 16] : own), "bf16 down", i);
      report(out[i].bf16[1] == in[warp + 31 - lane], "bf16 idx", i);
      u16 source = in[warp + (lane ^ 7)];
      unsigned int pair = bitsOf(__halves2half2(__ushort_as_half(source),
                                                __hneg(__ushort_as_half(source))));
      report(out[i].pair == pair, "half2 xor", i);
      u16 up = lane >= 1 ? in[i - 1] : own;
      report(out[i].bfPair == ((unsigned int)up | ((unsigned int)up << 16)), "bf162 up", i);
      report(sums[i] == 496.0f + 32000.0f, "warp sum", i);
    }
    std::printf("shuffles: 256 lanes, mismatches %ld, warp sums %.1f %.1f\n", mismatches - before,
                std::fmod(sums[0], 1000.0f), std::floor(sums[0] / 1000.0f));
  }

  std::printf("%s\n", mismatches == 0 ? "PASSED" : "FAILED");
  return mismatches == 0 ? 0 : 1;
}
