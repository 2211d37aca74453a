// End to end: 64-bit and double atomics under contention, on global, shared
// and __device__ memory, each checked against the host's answer. CUDA's
// classic double atomicAdd built from atomicCAS on the bit pattern also runs.
// RUN: %cuclcc %s -o %t
// RUN: %t | FileCheck %s
// CHECK: add 8796093022208 sharedAdd 1024000
// CHECK: min -1024000000000 max 1023000000 umin 5 umax 18446744073709551615
// CHECK: and 0 or 1023 xor 0 exch ok cas 1024
// CHECK: double 524800.0 cas-loop 524800.0 symbol 2048.0
// CHECK: PASSED

#include <cstdio>
#include <cuda_runtime.h>

typedef unsigned long long u64;

__device__ double symbolSum = 0.0;

// The pre-sm_60 idiom: double add by atomicCAS on the bits.
__device__ double atomicAddByCas(double *address, double value) {
  u64 *bits = reinterpret_cast<u64 *>(address);
  u64 old = *bits, assumed;
  do {
    assumed = old;
    old = atomicCAS(bits, assumed, __double_as_longlong(value + __longlong_as_double(assumed)));
  } while (assumed != old);
  return __longlong_as_double(old);
}

__global__ void wide(u64 *sum, u64 *sharedTotal, long long *lo, long long *hi, u64 *ulo, u64 *uhi,
                     u64 *bits, u64 *exch, u64 *casCount, double *dsum, double *dcas) {
  __shared__ u64 blockSum;
  if (threadIdx.x == 0)
    blockSum = 0;
  __syncthreads();
  unsigned t = blockIdx.x * blockDim.x + threadIdx.x;
  atomicAdd(sum, 8589934592ull); // 2^33: carries past 32 bits
  atomicAdd(&blockSum, 1000ull);
  atomicMin(lo, -1000000000ll * (long long)(t + 1));
  atomicMax(hi, 1000000ll * (long long)t);
  atomicMin(ulo, 5ull + t);
  atomicMax(uhi, t == 7 ? ~0ull : (u64)t);
  atomicAnd(&bits[0], ~(1ull << (t % 10)));
  atomicOr(&bits[1], 1ull << (t % 10));
  atomicXor(&bits[2], 1ull << 40);
  atomicExch(&exch[t], (u64)t << 32);
  u64 seen = *casCount, assumed;
  do {
    assumed = seen;
    seen = atomicCAS(casCount, assumed, assumed + 1);
  } while (seen != assumed);
  atomicAdd(dsum, (double)(t + 1));
  atomicAddByCas(dcas, (double)(t + 1));
  atomicAdd_block(&symbolSum, 2.0);
  __syncthreads();
  if (threadIdx.x == 0)
    atomicAdd(sharedTotal, blockSum);
}

int main() {
  const int blocks = 4, threads = 256, n = blocks * threads;
  u64 *sum, *sharedTotal, *ulo, *uhi, *bits, *exch, *cas;
  long long *lo, *hi;
  double *dsum, *dcas;
  cudaMalloc(&sum, 8);
  cudaMalloc(&sharedTotal, 8);
  cudaMalloc(&lo, 8);
  cudaMalloc(&hi, 8);
  cudaMalloc(&ulo, 8);
  cudaMalloc(&uhi, 8);
  cudaMalloc(&bits, 24);
  cudaMalloc(&exch, n * 8);
  cudaMalloc(&cas, 8);
  cudaMalloc(&dsum, 8);
  cudaMalloc(&dcas, 8);
  u64 zero = 0, big = ~0ull, allBits[3] = {1023, 0, 0};
  long long loStart = 0, hiStart = -5;
  cudaMemcpy(sum, &zero, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(sharedTotal, &zero, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(lo, &loStart, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(hi, &hiStart, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(ulo, &big, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(uhi, &zero, 8, cudaMemcpyHostToDevice);
  cudaMemcpy(bits, allBits, 24, cudaMemcpyHostToDevice);
  cudaMemset(exch, 0, n * 8);
  cudaMemcpy(cas, &zero, 8, cudaMemcpyHostToDevice);
  cudaMemset(dsum, 0, 8);
  cudaMemset(dcas, 0, 8);
  wide<<<blocks, threads>>>(sum, sharedTotal, lo, hi, ulo, uhi, bits, exch, cas, dsum, dcas);
  if (cudaDeviceSynchronize() != cudaSuccess) {
    std::printf("FAILED launch: %s\n", cudaGetErrorString(cudaGetLastError()));
    return 1;
  }
  u64 s, st, ul, uh, b[3], c, ex[n];
  long long l, h;
  double ds, dc, sym;
  cudaMemcpy(&s, sum, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&st, sharedTotal, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&l, lo, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&h, hi, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&ul, ulo, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&uh, uhi, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(b, bits, 24, cudaMemcpyDeviceToHost);
  cudaMemcpy(ex, exch, n * 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&c, cas, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&ds, dsum, 8, cudaMemcpyDeviceToHost);
  cudaMemcpy(&dc, dcas, 8, cudaMemcpyDeviceToHost);
  cudaMemcpyFromSymbol(&sym, symbolSum, 8);
  bool exchOk = true;
  for (int i = 0; i < n; ++i)
    exchOk &= ex[i] == (u64)i << 32;
  std::printf("add %llu sharedAdd %llu\n", s, st);
  std::printf("min %lld max %lld umin %llu umax %llu\n", l, h, ul, uh);
  std::printf("and %llu or %llu xor %llu exch %s cas %llu\n", b[0], b[1], b[2],
              exchOk ? "ok" : "bad", c);
  std::printf("double %.1f cas-loop %.1f symbol %.1f\n", ds, dc, sym);
  std::printf("PASSED\n");
  return 0;
}
