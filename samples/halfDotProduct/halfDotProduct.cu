// halfDotProduct: a dot product of half-precision vectors. The vectors are
// read as __half2 pairs; each thread multiplies two halves at a time with
// __hmul2 (each lane rounded to half, as on the GPU) and accumulates in
// float; blocks reduce in shared memory. The host checks the result against
// the same half products summed in double, and prints how far the half
// inputs move it from the dot product of the original floats. A short dot
// product kept entirely in half (__hfma2, one rounding per step) is checked
// bit for bit.
#include <cmath>
#include <cstdio>
#include <vector>

#include <cuda_fp16.h>

#include "../common/sample_check.h"

const int kThreads = 256;
const int kBlocks = 64;

// Sum of a[i] * b[i] over this thread's pairs (grid-stride over __half2).
__device__ float threadDot(const __half2 *a, const __half2 *b, int pairs) {
  float sum = 0.0f;
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < pairs; i += blockDim.x * gridDim.x) {
    // Two products per instruction; the two lanes go to float separately.
    __half2 product = __hmul2(a[i], b[i]);
    sum += __low2float(product) + __high2float(product);
  }
  return sum;
}

__global__ void halfDot(const __half2 *a, const __half2 *b, float *partial, int pairs) {
  __shared__ float scratch[kThreads];
  scratch[threadIdx.x] = threadDot(a, b, pairs);
  __syncthreads();
  for (unsigned int stride = blockDim.x / 2; stride > 0; stride >>= 1) {
    if (threadIdx.x < stride)
      scratch[threadIdx.x] += scratch[threadIdx.x + stride];
    __syncthreads();
  }
  if (threadIdx.x == 0)
    partial[blockIdx.x] = scratch[0];
}

// A short dot product kept in half: __hfma2 accumulates both lanes, __hadd
// adds them. Good enough for a few small terms (checked exactly below).
__global__ void shortHalfDot(const __half2 *a, const __half2 *b, __half *result, int pairs) {
  __half2 acc = __float2half2_rn(0.0f);
  for (int i = 0; i < pairs; ++i)
    acc = __hfma2(a[i], b[i], acc);
  *result = __hadd(__low2half(acc), __high2half(acc));
}

int main() {
  printDevice();
  const int n = 1 << 20; // halves per vector (even: read as __half2 pairs)
  const int pairs = n / 2;
  std::vector<__half> a(n), b(n);
  std::vector<float> af(n), bf(n);
  for (int i = 0; i < n; ++i) {
    af[i] = 0.5f * std::sin(0.001f * i);
    bf[i] = std::cos(0.0007f * i) - 0.25f;
    a[i] = __float2half(af[i]);
    b[i] = __float2half(bf[i]);
  }

  __half *dA = nullptr, *dB = nullptr, *dShort = nullptr;
  float *dPartial = nullptr;
  CHECK_CUDA(cudaMalloc(&dA, n * sizeof(__half)));
  CHECK_CUDA(cudaMalloc(&dB, n * sizeof(__half)));
  CHECK_CUDA(cudaMalloc(&dPartial, kBlocks * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dShort, sizeof(__half)));
  CHECK_CUDA(cudaMemcpy(dA, a.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dB, b.data(), n * sizeof(__half), cudaMemcpyHostToDevice));

  const __half2 *a2 = reinterpret_cast<const __half2 *>(dA);
  const __half2 *b2 = reinterpret_cast<const __half2 *>(dB);
  halfDot<<<kBlocks, kThreads>>>(a2, b2, dPartial, pairs);
  CHECK_CUDA(cudaGetLastError());
  const int shortFirst = 3000, shortPairs = 4; // pairs 3000..3003
  shortHalfDot<<<1, 1>>>(a2 + shortFirst, b2 + shortFirst, dShort, shortPairs);
  CHECK_CUDA(cudaGetLastError());

  std::vector<float> partial(kBlocks);
  __half shortResult;
  CHECK_CUDA(cudaMemcpy(partial.data(), dPartial, kBlocks * sizeof(float),
                        cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(&shortResult, dShort, sizeof(__half), cudaMemcpyDeviceToHost));

  // The same products (each rounded to half) summed in double; and the dot
  // product of the original floats.
  double gpu = 0.0, reference = 0.0, exact = 0.0, referenceNorm = 0.0;
  for (float p : partial)
    gpu += p;
  for (int i = 0; i < n; ++i) {
    double product = __half2float(__hmul(a[i], b[i]));
    reference += product;
    referenceNorm += std::fabs(product);
    exact += double(af[i]) * double(bf[i]);
  }
  // Float accumulation of n terms: well within 1e-5 of the sum of |terms|.
  const bool dotOk = std::fabs(gpu - reference) <= 1e-5 * referenceNorm;
  std::printf("dot = %.6f (same half products in double: %.6f, float inputs: %.6f)\n", gpu,
              reference, exact);

  // The short half dot product, lane by lane as __hfma2 computes it: each
  // step a * b + acc rounded once to half (exact in double: 22 + 11 bits).
  __half low = __float2half(0.0f), high = __float2half(0.0f);
  for (int i = 2 * shortFirst; i < 2 * (shortFirst + shortPairs); i += 2) {
    low = __double2half(double(__half2float(a[i])) * __half2float(b[i]) + __half2float(low));
    high = __double2half(double(__half2float(a[i + 1])) * __half2float(b[i + 1]) +
                         __half2float(high));
  }
  const __half expectedShort = __hadd(low, high);
  const bool shortOk = __half_as_ushort(shortResult) == __half_as_ushort(expectedShort);
  std::printf("short dot in half = %.6f (expected %.6f)\n", __half2float(shortResult),
              __half2float(expectedShort));

  CHECK_CUDA(cudaFree(dA));
  CHECK_CUDA(cudaFree(dB));
  CHECK_CUDA(cudaFree(dPartial));
  CHECK_CUDA(cudaFree(dShort));
  return reportResult("halfDotProduct", dotOk && shortOk);
}
