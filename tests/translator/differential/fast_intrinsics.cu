// Accuracy of CUDA's fast intrinsics on the device at hand: each runs on many
// inputs and its worst error is measured against a reference computed in
// long double on the host, then compared with the bound the CUDA C++
// Programming Guide documents for it (docs/device-support.md, "Fast math").
// The test fails when any intrinsic leaves its bound: a device whose native_*
// functions are less accurate than CUDA's hardware approximations shows here.
//
// With -use_fast_math the intrinsics must keep their bounds, the IEEE ones
// (__frcp_rn, __fsqrt_rd, ...) must stay exact, and the standard functions
// nvcc replaces (expf -> __expf, ...) must meet the intrinsic's bound.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// RUN: %cuclcc -use_fast_math %s -o %t.fast
// RUN: %t.fast | FileCheck %s
// RUN: %cuclcc --use_fast_math -DSTANDARD_NAMES %s -o %t.std
// RUN: %t.std | FileCheck %s --check-prefix=STD
// CHECK: __expf: worst
// CHECK: __powf: worst
// CHECK: __frcp_rd: worst 0 ulp
// CHECK: __fsqrt_ru: worst 0 ulp
// CHECK: fast intrinsics: 0 out of bound
// STD: expf: worst
// STD: fast intrinsics: 0 out of bound
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#define CHECK(call)                                                                                \
  do {                                                                                             \
    cudaError_t status_ = (call);                                                                  \
    if (status_ != cudaSuccess) {                                                                  \
      std::printf("%s:%d: %s -> %s\n", __FILE__, __LINE__, #call, cudaGetErrorName(status_));      \
      return 1;                                                                                    \
    }                                                                                              \
  } while (0)

enum Op {
  kExp,
  kExp10,
  kLog,
  kLog2,
  kLog10,
  kSin,
  kCos,
  kSincosSin,
  kSincosCos,
  kTan,
  kPow,
  kFdivide,
  kRcpRn,
  kRcpRz,
  kRcpRu,
  kRcpRd,
  kSqrtRn,
  kSqrtRz,
  kSqrtRu,
  kSqrtRd,
  kRsqrtRn,
  kSaturate,
  kRsqrtf,
  kDivide, // x / y: exact by default, 2 ulp under -prec-div=false
  kSqrtf,  // exact by default, 1 ulp under -prec-sqrt=false
  kOpCount
};

#ifdef STANDARD_NAMES
// What -use_fast_math turns into intrinsics (nvcc's list).
#define FAST_EXP expf
#define FAST_EXP10 exp10f
#define FAST_LOG logf
#define FAST_LOG2 log2f
#define FAST_LOG10 log10f
#define FAST_SIN sinf
#define FAST_COS cosf
#define FAST_SINCOS sincosf
#define FAST_TAN tanf
#define FAST_POW powf
const char *const kFastPrefix = "";
#else
#define FAST_EXP __expf
#define FAST_EXP10 __exp10f
#define FAST_LOG __logf
#define FAST_LOG2 __log2f
#define FAST_LOG10 __log10f
#define FAST_SIN __sinf
#define FAST_COS __cosf
#define FAST_SINCOS __sincosf
#define FAST_TAN __tanf
#define FAST_POW __powf
const char *const kFastPrefix = "__";
#endif

__device__ float evaluate(int op, float x, float y) {
  float s, c;
  switch (op) {
  case kExp:
    return FAST_EXP(x);
  case kExp10:
    return FAST_EXP10(x);
  case kLog:
    return FAST_LOG(x);
  case kLog2:
    return FAST_LOG2(x);
  case kLog10:
    return FAST_LOG10(x);
  case kSin:
    return FAST_SIN(x);
  case kCos:
    return FAST_COS(x);
  case kSincosSin:
    FAST_SINCOS(x, &s, &c);
    return s;
  case kSincosCos:
    FAST_SINCOS(x, &s, &c);
    return c;
  case kTan:
    return FAST_TAN(x);
  case kPow:
    return FAST_POW(x, y);
  case kFdivide:
    return __fdividef(x, y);
  case kRcpRn:
    return __frcp_rn(x);
  case kRcpRz:
    return __frcp_rz(x);
  case kRcpRu:
    return __frcp_ru(x);
  case kRcpRd:
    return __frcp_rd(x);
  case kSqrtRn:
    return __fsqrt_rn(x);
  case kSqrtRz:
    return __fsqrt_rz(x);
  case kSqrtRu:
    return __fsqrt_ru(x);
  case kSqrtRd:
    return __fsqrt_rd(x);
  case kRsqrtRn:
    return __frsqrt_rn(x);
  case kSaturate:
    return __saturatef(x);
  case kRsqrtf:
    return rsqrtf(x);
  case kDivide:
    return x / y;
  case kSqrtf:
    return sqrtf(x);
  }
  return 0.0f;
}

__global__ void evaluateAll(const float *x, const float *y, float *out, int n, int op) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = evaluate(op, x[i], y[i]);
}

typedef long double Real;

// How far a result may be from the exact value, as CUDA documents it: in
// ulps of the correctly rounded result, in absolute terms, or both.
struct Bound {
  double ulps;     // < 0: no ulp bound
  double absolute; // < 0: no absolute bound
};

const double kPi = 3.14159265358979323846;
const double kLog2Abs = std::ldexp(1.0, -22); // __log2f in [0.5, 2]
const double kSinAbs = std::pow(2.0, -21.41), kCosAbs = std::pow(2.0, -21.19);

// Rounds an exact value to float in the given direction (0 nearest,
// 1 toward zero, 2 up, 3 down).
float roundTo(Real exact, int mode) {
  float nearest = (float)exact;
  if (mode == 0 || (Real)nearest == exact || std::isinf(nearest))
    return mode == 1 && std::isinf(nearest) ? std::copysign(3.40282347e38f, nearest) : nearest;
  bool above = (Real)nearest > exact;
  if (mode == 2 && !above)
    return std::nextafter(nearest, INFINITY);
  if (mode == 3 && above)
    return std::nextafter(nearest, -INFINITY);
  if (mode == 1 && (above == (exact > 0)))
    return std::nextafter(nearest, 0.0f);
  return nearest;
}

long long ordinal(float v) {
  int32_t bits;
  std::memcpy(&bits, &v, sizeof bits);
  return bits < 0 ? -(long long)(bits & 0x7fffffff) : (long long)bits;
}

struct Case {
  Op op;
  const char *name;
  Real (*exact)(float x, float y);
  Bound (*bound)(float x, float y);
  float (*sampleX)(std::mt19937 &rng);
  float (*sampleY)(std::mt19937 &rng);
  int roundingMode; // for the exact operations
};

float uniform(std::mt19937 &rng, float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}
// Positive normal floats spread over [2^lo, 2^hi), every exponent alike.
float logUniform(std::mt19937 &rng, int lo, int hi) {
  return std::ldexp(uniform(rng, 1.0f, 2.0f), std::uniform_int_distribution<int>(lo, hi - 1)(rng));
}
float signedLogUniform(std::mt19937 &rng, int lo, int hi) {
  float v = logUniform(rng, lo, hi);
  return rng() & 1 ? -v : v;
}

Real logReal(float x) {
  return std::log((Real)x);
}
Bound logBound(float x, double absInUnitRange, double ulps) {
  if (x >= 0.5f && x <= 2.0f)
    return {-1, absInUnitRange};
  return {ulps, -1};
}

// __powf is exp2f(y * __log2f(x)): CUDA bounds it by that implementation. The
// error of __log2f, scaled by |y|, becomes a relative error of ln2 * that in
// the result; exp2's own 2 ulp and the product's rounding come on top.
Bound powBound(float x, float y) {
  Real log2x = std::log2((Real)x);
  double logError =
      (x >= 0.5f && x <= 2.0f) ? kLog2Abs : 2.0 * std::ldexp(1.0, std::ilogb((double)log2x) - 23);
  Real t = (Real)y * log2x;
  double tError = std::fabs(y) * logError + std::ldexp(1.0, std::ilogb((double)t) - 24);
  return {3.0 + std::ceil(std::log(2.0) * tError * 16777216.0), -1};
}

// __tanf is __sinf(x) * (1 / __cosf(x)).
Bound tanBound(float x, float) {
  double s = std::sin((double)x), c = std::fabs(std::cos((double)x));
  return {2.0, kSinAbs / c + std::fabs(s) * kCosAbs / (c * c)};
}

const Case kCases[] = {
    {kExp, "expf", [](float x, float) { return std::exp((Real)x); },
     [](float x, float) {
       return Bound{2.0 + std::floor(std::fabs(1.173 * x)), -1};
     },
     [](std::mt19937 &r) { return uniform(r, -87.0f, 88.0f); }, nullptr, 0},
    {kExp10, "exp10f", [](float x, float) { return std::pow((Real)10, (Real)x); },
     [](float x, float) {
       return Bound{2.0 + std::floor(std::fabs(2.97 * x)), -1};
     },
     [](std::mt19937 &r) { return uniform(r, -37.0f, 38.0f); }, nullptr, 0},
    {kLog, "logf", [](float x, float) { return logReal(x); },
     [](float x, float) { return logBound(x, std::pow(2.0, -21.41), 3); },
     [](std::mt19937 &r) { return r() & 1 ? uniform(r, 0.5f, 2.0f) : logUniform(r, -125, 127); },
     nullptr, 0},
    {kLog2, "log2f", [](float x, float) { return std::log2((Real)x); },
     [](float x, float) { return logBound(x, kLog2Abs, 2); },
     [](std::mt19937 &r) { return r() & 1 ? uniform(r, 0.5f, 2.0f) : logUniform(r, -125, 127); },
     nullptr, 0},
    {kLog10, "log10f", [](float x, float) { return std::log10((Real)x); },
     [](float x, float) { return logBound(x, std::ldexp(1.0, -24), 3); },
     [](std::mt19937 &r) { return r() & 1 ? uniform(r, 0.5f, 2.0f) : logUniform(r, -125, 127); },
     nullptr, 0},
    {kSin, "sinf", [](float x, float) { return std::sin((Real)x); },
     [](float, float) {
       return Bound{-1, kSinAbs};
     },
     [](std::mt19937 &r) { return uniform(r, -(float)kPi, (float)kPi); }, nullptr, 0},
    {kCos, "cosf", [](float x, float) { return std::cos((Real)x); },
     [](float, float) {
       return Bound{-1, kCosAbs};
     },
     [](std::mt19937 &r) { return uniform(r, -(float)kPi, (float)kPi); }, nullptr, 0},
    {kSincosSin, "sincosf (sine)", [](float x, float) { return std::sin((Real)x); },
     [](float, float) {
       return Bound{-1, kSinAbs};
     },
     [](std::mt19937 &r) { return uniform(r, -(float)kPi, (float)kPi); }, nullptr, 0},
    {kSincosCos, "sincosf (cosine)", [](float x, float) { return std::cos((Real)x); },
     [](float, float) {
       return Bound{-1, kCosAbs};
     },
     [](std::mt19937 &r) { return uniform(r, -(float)kPi, (float)kPi); }, nullptr, 0},
    {kTan, "tanf", [](float x, float) { return std::tan((Real)x); }, tanBound,
     [](std::mt19937 &r) { return uniform(r, -(float)kPi, (float)kPi); }, nullptr, 0},
    {kPow, "powf", [](float x, float y) { return std::pow((Real)x, (Real)y); }, powBound,
     [](std::mt19937 &r) { return logUniform(r, -20, 20); },
     [](std::mt19937 &r) { return uniform(r, -6.0f, 6.0f); }, 0},
    {kFdivide, "__fdividef", [](float x, float y) { return (Real)x / y; },
     [](float, float) {
       return Bound{2, -1};
     },
     [](std::mt19937 &r) { return signedLogUniform(r, -60, 60); },
     [](std::mt19937 &r) { return signedLogUniform(r, -60, 60); }, 0},
    {kRcpRn, "__frcp_rn", [](float x, float) { return 1 / (Real)x; }, nullptr,
     [](std::mt19937 &r) { return signedLogUniform(r, -125, 126); }, nullptr, 0},
    {kRcpRz, "__frcp_rz", [](float x, float) { return 1 / (Real)x; }, nullptr,
     [](std::mt19937 &r) { return signedLogUniform(r, -125, 126); }, nullptr, 1},
    {kRcpRu, "__frcp_ru", [](float x, float) { return 1 / (Real)x; }, nullptr,
     [](std::mt19937 &r) { return signedLogUniform(r, -125, 126); }, nullptr, 2},
    {kRcpRd, "__frcp_rd", [](float x, float) { return 1 / (Real)x; }, nullptr,
     [](std::mt19937 &r) { return signedLogUniform(r, -125, 126); }, nullptr, 3},
    {kSqrtRn, "__fsqrt_rn", [](float x, float) { return std::sqrt((Real)x); }, nullptr,
     [](std::mt19937 &r) { return logUniform(r, -126, 128); }, nullptr, 0},
    {kSqrtRz, "__fsqrt_rz", [](float x, float) { return std::sqrt((Real)x); }, nullptr,
     [](std::mt19937 &r) { return logUniform(r, -126, 128); }, nullptr, 1},
    {kSqrtRu, "__fsqrt_ru", [](float x, float) { return std::sqrt((Real)x); }, nullptr,
     [](std::mt19937 &r) { return logUniform(r, -126, 128); }, nullptr, 2},
    {kSqrtRd, "__fsqrt_rd", [](float x, float) { return std::sqrt((Real)x); }, nullptr,
     [](std::mt19937 &r) { return logUniform(r, -126, 128); }, nullptr, 3},
    {kRsqrtRn, "__frsqrt_rn", [](float x, float) { return 1 / std::sqrt((Real)x); }, nullptr,
     [](std::mt19937 &r) { return logUniform(r, -125, 126); }, nullptr, 0},
    {kSaturate, "__saturatef",
     [](float x, float) { return (Real)std::fmin(std::fmax(x, 0.0f), 1.0f); }, nullptr,
     [](std::mt19937 &r) { return uniform(r, -2.0f, 3.0f); }, nullptr, 0},
    {kRsqrtf, "rsqrtf", [](float x, float) { return 1 / std::sqrt((Real)x); },
     [](float, float) {
       return Bound{2, -1};
     },
     [](std::mt19937 &r) { return logUniform(r, -125, 126); }, nullptr, 0},
    {kDivide, "x / y", [](float x, float y) { return (Real)x / y; },
#ifdef __USE_FAST_MATH__ // nvcc -prec-div=false, -prec-sqrt=false
     [](float, float) {
       return Bound{2, -1};
     },
#else
     nullptr,
#endif
     [](std::mt19937 &r) { return signedLogUniform(r, -60, 60); },
     [](std::mt19937 &r) { return signedLogUniform(r, -60, 60); }, 0},
    {kSqrtf, "sqrtf", [](float x, float) { return std::sqrt((Real)x); },
#ifdef __USE_FAST_MATH__ // nvcc -prec-div=false, -prec-sqrt=false
     [](float, float) {
       return Bound{1, -1};
     },
#else
     nullptr,
#endif
     [](std::mt19937 &r) { return logUniform(r, -126, 128); }, nullptr, 0},
};

int main() {
  const int n = 1 << 17;
  float *dx, *dy, *dout;
  CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CHECK(cudaMalloc(&dout, n * sizeof(float)));
  std::vector<float> x(n), y(n), out(n);
  int outOfBound = 0;
  for (const Case &c : kCases) {
    std::mt19937 rng(1234 + c.op);
    const char *prefix = c.op <= kPow ? kFastPrefix : "";
    for (int i = 0; i < n; ++i) {
      x[i] = c.sampleX(rng);
      y[i] = c.sampleY ? c.sampleY(rng) : 1.0f;
    }
    CHECK(cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));
    CHECK(cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice));
    evaluateAll<<<(n + 255) / 256, 256>>>(dx, dy, dout, n, c.op);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(out.data(), dout, n * sizeof(float), cudaMemcpyDeviceToHost));
    double worstUlps = -1, worstAbs = -1, worstRatio = 0;
    int worstAt = 0, failures = 0;
    for (int i = 0; i < n; ++i) {
      Real exact = c.exact(x[i], y[i]);
      float rounded = roundTo(exact, c.roundingMode);
      double ulps = std::fabs((double)(ordinal(out[i]) - ordinal(rounded)));
      double absolute = std::fabs((double)((Real)out[i] - exact));
      if (std::isnan(out[i]))
        ulps = absolute = INFINITY;
      Bound bound = c.bound ? c.bound(x[i], y[i]) : Bound{0, -1};
      // Within bound when inside either limit CUDA states for this input.
      bool ok = (bound.ulps >= 0 && ulps <= bound.ulps) ||
                (bound.absolute >= 0 && absolute <= bound.absolute);
      double ratio = bound.ulps >= 0 ? ulps / std::max(bound.ulps, 0.5) : absolute / bound.absolute;
      if (ratio > worstRatio) {
        worstRatio = ratio;
        worstAt = i;
      }
      // Each measure over the inputs CUDA bounds in it.
      if (bound.ulps >= 0)
        worstUlps = std::max(worstUlps, ulps);
      if (bound.absolute >= 0)
        worstAbs = std::max(worstAbs, absolute);
      if (!ok && failures++ < 3)
        std::printf("  %s%s(%a, %a) = %a, exact %a: out of bound\n", prefix, c.name, x[i], y[i],
                    out[i], (double)exact);
    }
    std::printf("%s%s: worst", prefix, c.name);
    if (worstUlps >= 0)
      std::printf(" %g ulp", worstUlps);
    if (worstAbs >= 0)
      std::printf("%s absolute error 2^%.2f", worstUlps >= 0 ? "," : "", std::log2(worstAbs));
    std::printf(" (closest to its bound at %a): %s\n", x[worstAt], failures ? "OUT OF BOUND" : "within bound");
    outOfBound += failures != 0;
  }
  std::printf("fast intrinsics: %d out of bound\n", outOfBound);
  return outOfBound != 0;
}
