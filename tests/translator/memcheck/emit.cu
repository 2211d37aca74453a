// What -memcheck emits: each __global / __shared__ access through its check
// (against the allocation it came from where the translator knows it: an
// unmodified kernel pointer, a named array; else against the launch's whole
// view), `&p[i]` left alone, the view threaded to device functions, lane-mode
// kernels holding it in the warp state; and the driver's spellings.
// RUN: %cucl-translate --memcheck --device-only %s -o %t.cl
// RUN: FileCheck %s < %t.cl
// RUN: %cucl-clcheck %t.cl
// RUN: %cuclcc -memcheck --dryrun %s -o %t 2>&1 | FileCheck %s --check-prefix=DRIVER
// RUN: env CUCL_MEMCHECK=1 %cuclcc --dryrun %s -o %t 2>&1 | FileCheck %s --check-prefix=DRIVER
// RUN: env -u CUCL_MEMCHECK %cuclcc --dryrun %s -o %t 2>&1 | FileCheck %s --check-prefix=PLAIN
// RUN: env CUCL_MEMCHECK=0 %cuclcc --dryrun %s -o %t 2>&1 | FileCheck %s --check-prefix=PLAIN
// DRIVER: cucl-translate {{.*}} --memcheck
// PLAIN: cucl-translate
// PLAIN-NOT: --memcheck

// CHECK: /* cucl-memcheck-file 0 {{.*}}emit.cu */
// CHECK: #define CUCL_MC_GLOBALS 3
// CHECK: #define CUCL_MC_LOCALS 2

// CHECK-LABEL: float readAt__g(__global const float *p, int i, __global uint *cucl_status, uint cucl_launch, const __private cucl_mc *cucl_mc)
// CHECK: cucl_mc_g((__global uchar *)(&p[i]), 4u, 0x000000[[#%.2x,@LINE+2]]u, cucl_mc, cucl_status, cucl_launch)
__device__ float readAt(const float *p, int i) {
  return p[i];
}

struct Pair {
  int key, value;
};

// CHECK-LABEL: __kernel void shapes(__global float *out__base, ulong out__off, ulong out__bytes, __global const float *in__base, ulong in__off, ulong in__bytes, __global struct Pair *pairs__base, ulong pairs__off, ulong pairs__bytes, int n, __local uchar *cucl_dynamic_shared, uint cucl_dynamic_shared_bytes, __global uint *cucl_status, uint cucl_launch)
// CHECK: CUCL_MC_GLOBAL(cucl_mc_state, out__base, out__bytes, 0u);
// CHECK: CUCL_MC_GLOBAL(cucl_mc_state, in__base, in__bytes, 1u);
// CHECK: CUCL_MC_GLOBAL(cucl_mc_state, pairs__base, pairs__bytes, 2u);
// CHECK: CUCL_MC_LOCAL(cucl_mc_state, &tile__shared, 256, 131072u);
// CHECK: CUCL_MC_LOCAL(cucl_mc_state, cucl_dynamic_shared, cucl_dynamic_shared_bytes, 196605u);
__global__ void shapes(float *out, const float *in, Pair *pairs, int n) {
  __shared__ float tile[8][8];
  extern __shared__ float scratch[];
  int i = threadIdx.x;
  // A named array: its own bounds. A store says so (bit 31).
  // CHECK: cucl_mc_l_in((__local uchar *)(&tile__shared[i / 8][i % 8]), 4u, 0x800000[[#%.2x,@LINE+1]]u, (__local const uchar *)tile__shared, 256ul, 196606u, cucl_status, cucl_launch)
  tile[i / 8][i % 8] = in[i];
  // CHECK: cucl_mc_l((__local uchar *)(&((__local float *)cucl_dynamic_shared)[i]), 4u, 0x800000[[#%.2x,@LINE+1]]u, cucl_mc,
  scratch[i] = 0.0f;
  // An unmodified kernel pointer: its allocation.
  // CHECK: cucl_mc_g_in((__global uchar *)(&out[i]), 4u, 0x800000[[#%.2x,@LINE+1]]u, (__global const uchar *)out__base, out__bytes, 0u, cucl_status, cucl_launch)
  out[i] = readAt(in, i);
  // The member behind `->`; `&p[i]` is no access.
  // CHECK: cucl_mc_g((__global uchar *)(&p->key), 4u,
  Pair *p = &pairs[i];
  p->value = p->key;
  // Atomics: the target.
  // CHECK: cucl_atomic_add_float_global(((__global float *)cucl_mc_g_in((__global uchar *)(&out[n]), 4u,
  atomicAdd(&out[n], 1.0f);
}

// CHECK-LABEL: __kernel void lanes(
// CHECK: cucl_w->mc = cucl_mc;
// CHECK: cucl_mc_g_in_lane((__global uchar *)(&in[
__global__ void lanes(const float *in, float *out) {
  float v = in[threadIdx.x];
  v += __shfl_down_sync(0xffffffffu, v, 1);
  out[threadIdx.x] = v;
}
