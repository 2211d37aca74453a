// Math, integer intrinsics, conversions and atomics go through the builtin
// mapping table; atomicInc/atomicDec keep CUDA's wrap-around and float
// atomicAdd is a compare-and-swap loop, both as per-address-space helpers.
// RUN: %cucl-translate %s --device-only -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl

// CHECK-LABEL: float cucl_atomic_add_float_global(volatile __global float *p, float value) {
// CHECK: atomic_cmpxchg(bits, assumed, as_uint(as_float(assumed) + value));
// CHECK-LABEL: float cucl_atomic_add_float_local(volatile __local float *p, float value) {
// CHECK-LABEL: uint cucl_atomic_dec_wrap_global(volatile __global uint *p, uint limit) {
// CHECK: (assumed == 0u || assumed > limit) ? limit : assumed - 1u
// CHECK-LABEL: uint cucl_atomic_inc_wrap_global(volatile __global uint *p, uint limit) {
// CHECK: (assumed >= limit) ? 0u : assumed + 1u
// CHECK-LABEL: uint cucl_atomic_inc_wrap_local(volatile __local uint *p, uint limit) {
// CHECK-LABEL: uint cucl_brev(uint x) {
// CHECK-LABEL: int cucl_ffs(int x) {

// CHECK-LABEL: __kernel void math(
__global__ void math(float *f, double *d, int *i) {
  float x = f[0];
  // CHECK: f[1] = (sqrt(x) + rsqrt(x) + exp(x) + exp2(x) + log(x));
  f[1] = sqrtf(x) + rsqrtf(x) + expf(x) + exp2f(x) + logf(x);
  // CHECK: f[2] = (log2(x) + log10(x) + pow(x, 2.0f) + sin(x) + cos(x) + tan(x));
  f[2] = log2f(x) + log10f(x) + powf(x, 2.0f) + sinf(x) + cosf(x) + tanf(x);
  // CHECK: f[3] = (asin(x) + acos(x) + atan(x) + atan2(x, 1.0f) + tanh(x));
  f[3] = asinf(x) + acosf(x) + atanf(x) + atan2f(x, 1.0f) + tanhf(x);
  // CHECK: f[4] = (fabs(x) + floor(x) + ceil(x) + round(x) + trunc(x));
  f[4] = fabsf(x) + floorf(x) + ceilf(x) + roundf(x) + truncf(x);
  // CHECK: f[5] = (fmin(x, 1.0f) + fmax(x, 0.0f) + fmod(x, 3.0f) + fma(x, x, x) + erf(x));
  f[5] = fminf(x, 1.0f) + fmaxf(x, 0.0f) + fmodf(x, 3.0f) + fmaf(x, x, x) + erff(x);
  // CHECK: f[6] = (erfc(x) + cbrt(x) + hypot(x, x) + copysign(x, -1.0f));
  f[6] = erfcf(x) + cbrtf(x) + hypotf(x, x) + copysignf(x, -1.0f);
  // CHECK: f[7] = (native_exp(x) + native_log(x) + native_sin(x) + native_cos(x) + native_exp2(2.0f * native_log2(x)));
  f[7] = __expf(x) + __logf(x) + __sinf(x) + __cosf(x) + __powf(x, 2.0f);
  // CHECK: f[8] = (native_divide(x, 3.0f) + cucl_saturatef(x) + fmin(x, 2.0f));
  f[8] = __fdividef(x, 3.0f) + __saturatef(x) + min(x, 2.0f);
  // Arguments are converted to the CUDA parameter type, as C++ did.
  // CHECK: f[9] = sqrt((float)i[0]);
  f[9] = sqrtf(i[0]);
  // CHECK: d[0] = (sqrt(d[1]) + exp(d[1]) + fmax(d[1], 1.0));
  d[0] = sqrt(d[1]) + exp(d[1]) + max(d[1], 1.0);
  // CHECK: i[0] = (isnan(x) + isinf(x) + isfinite(d[0]) + ((int)abs(i[1])));
  i[0] = isnan(x) + isinf(x) + isfinite(d[0]) + abs(i[1]);
  // CHECK: i[1] = ((min(i[2], i[3]) + max(i[2], 4)) + ((long)abs((long)i[4])));
  i[1] = min(i[2], i[3]) + max(i[2], 4) + llabs(i[4]);
  // CHECK: i[2] = (((int)popcount((uint)i[0])) + ((int)clz(i[1])) + cucl_ffs(i[2]));
  i[2] = __popc(i[0]) + __clz(i[1]) + __ffs(i[2]);
  // CHECK: i[3] = (cucl_brev((uint)i[3]) + cucl_mul24(i[0], i[1]) + mul_hi(i[0], i[1]));
  i[3] = __brev(i[3]) + __mul24(i[0], i[1]) + __mulhi(i[0], i[1]);
  // CHECK: i[4] = (convert_int_sat_rte(x) + convert_int_sat_rtz(x) + as_int(x));
  i[4] = __float2int_rn(x) + __float2int_rz(x) + __float_as_int(x);
  // CHECK: f[10] = as_float(i[5]);
  f[10] = __int_as_float(i[5]);
}

// CHECK-LABEL: __kernel void atomics(
__global__ void atomics(int *counter, unsigned *ucounter, float *total) {
  __shared__ unsigned sharedCount;
  __shared__ float sharedSum;
  // CHECK: atomic_add(counter, 1);
  atomicAdd(counter, 1);
  // CHECK: atomic_sub(counter, 1);
  atomicSub(counter, 1);
  // CHECK: atomic_xchg(counter, 5);
  atomicExch(counter, 5);
  // CHECK: atomic_min(counter, 2);
  atomicMin(counter, 2);
  // CHECK: atomic_max(ucounter, 7u);
  atomicMax(ucounter, 7u);
  // CHECK: atomic_and(counter, 3);
  atomicAnd(counter, 3);
  // CHECK: atomic_or(ucounter, 8u);
  atomicOr(ucounter, 8u);
  // CHECK: atomic_xor(counter, 1);
  atomicXor(counter, 1);
  // CHECK: int old = atomic_cmpxchg(counter, 0, 1);
  int old = atomicCAS(counter, 0, 1);
  // CHECK: cucl_atomic_inc_wrap_global(ucounter, 16u);
  atomicInc(ucounter, 16u);
  // CHECK: cucl_atomic_dec_wrap_global(ucounter, 16u);
  atomicDec(ucounter, 16u);
  // CHECK: cucl_atomic_inc_wrap_local(&sharedCount__shared, 4u);
  atomicInc(&sharedCount, 4u);
  // CHECK: cucl_atomic_add_float_global(total, 0.5f);
  atomicAdd(total, 0.5f);
  // CHECK: cucl_atomic_add_float_local(&sharedSum__shared, 1.0f);
  atomicAdd(&sharedSum, 1.0f);
  // CHECK: atomic_xchg(total, 2.0f);
  atomicExch(total, 2.0f);
  // CHECK: mem_fence(CLK_GLOBAL_MEM_FENCE | CLK_LOCAL_MEM_FENCE);
  __threadfence();
  // CHECK: printf("%d %u\n", old, sharedCount__shared);
  printf("%d %u\n", old, sharedCount);
}
