// What lane mode cannot express is a located error, never wrong code.
// RUN: %not %cucl-translate %s --device-only -o %t.cl 2>&1 | FileCheck %s
// CHECK-NOT: fatal error

__global__ void switchAround(int *out, int k) {
  int v = out[threadIdx.x];
  // CHECK-DAG: diagnostics.cu:[[@LINE+1]]:3: error: a switch around warp-level operations (use if/else) is not supported in device code
  switch (k) {
  case 0:
    v = __shfl_sync(0xffffffffu, v, 0);
    break;
  default:
    break;
  }
  out[threadIdx.x] = v;
}

__global__ void gotoAround(int *out) {
  int v = out[threadIdx.x];
// CHECK-DAG: diagnostics.cu:[[@LINE+1]]:1: error: goto in a function with warp-level operations is not supported in device code
again:
  v = __shfl_xor_sync(0xffffffffu, v, 1);
  if (v < 0)
    // CHECK-DAG: diagnostics.cu:[[@LINE+1]]:5: error: goto in a function with warp-level operations is not supported in device code
    goto again;
  out[threadIdx.x] = v;
}

struct Voter {
  unsigned bits;
  __device__ Voter(int p) : bits(__ballot_sync(0xffffffffu, p)) {}
};

__global__ void constructorVotes(unsigned *out) {
  // CHECK-DAG: diagnostics.cu:[[@LINE+1]]:9: error: a constructor that uses warp-level functions is not supported in device code
  Voter voter(threadIdx.x & 1);
  out[threadIdx.x] = voter.bits;
}

__device__ void twoWrites(volatile int *s, int i) {
  // CHECK-DAG: diagnostics.cu:[[@LINE+1]]:3: error: a warp-synchronous statement that writes volatile shared memory other than as `x = ...`, `x op= ...` or `x++` is not supported in device code
  s[i] = s[i + 1] = 0;
}

__global__ void chainedVolatile(int *out) {
  __shared__ int s[64];
  twoWrites(s, threadIdx.x);
  out[threadIdx.x] = s[0];
}
