// blackScholes: prices European call and put options. The market parameters
// travel as one struct passed by value; the normal CDF is a __device__
// function (polynomial approximation) built on expf, logf and sqrtf.
#include <cmath>
#include <cstdio>
#include <vector>

#include "../common/sample_check.h"

struct MarketParams {
  float riskFree;    // annual risk-free rate
  float volatility;  // annual volatility
  int count;         // number of options
};

__host__ __device__ inline float normalCdf(float d) {
  const float a1 = 0.31938153f, a2 = -0.356563782f, a3 = 1.781477937f, a4 = -1.821255978f,
              a5 = 1.330274429f, rsqrt2pi = 0.39894228040143267794f;
  float k = 1.0f / (1.0f + 0.2316419f * fabsf(d));
  float cnd = rsqrt2pi * expf(-0.5f * d * d) * (k * (a1 + k * (a2 + k * (a3 + k * (a4 + k * a5)))));
  return d > 0.0f ? 1.0f - cnd : cnd;
}

__global__ void priceOptions(float *call, float *put, const float *spot, const float *strike,
                             const float *years, MarketParams market) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= market.count) return;
  float s = spot[i], x = strike[i], t = years[i];
  float sqrtT = sqrtf(t);
  float d1 = (logf(s / x) + (market.riskFree + 0.5f * market.volatility * market.volatility) * t) /
             (market.volatility * sqrtT);
  float d2 = d1 - market.volatility * sqrtT;
  float discount = expf(-market.riskFree * t);
  call[i] = s * normalCdf(d1) - x * discount * normalCdf(d2);
  put[i] = x * discount * (1.0f - normalCdf(d2)) - s * (1.0f - normalCdf(d1));
}

int main() {
  printDevice();
  MarketParams market = {0.02f, 0.30f, 4001};
  const int n = market.count;
  std::vector<float> spot(n), strike(n), years(n), call(n), put(n);
  for (int i = 0; i < n; ++i) {
    spot[i] = 5.0f + 25.0f * (i % 101) / 100.0f;
    strike[i] = 1.0f + 99.0f * (i % 37) / 36.0f * 0.3f;
    years[i] = 0.25f + 9.75f * (i % 53) / 52.0f;
  }

  const size_t bytes = n * sizeof(float);
  float *dCall, *dPut, *dSpot, *dStrike, *dYears;
  CHECK_CUDA(cudaMalloc(&dCall, bytes));
  CHECK_CUDA(cudaMalloc(&dPut, bytes));
  CHECK_CUDA(cudaMalloc(&dSpot, bytes));
  CHECK_CUDA(cudaMalloc(&dStrike, bytes));
  CHECK_CUDA(cudaMalloc(&dYears, bytes));
  CHECK_CUDA(cudaMemcpy(dSpot, spot.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dStrike, strike.data(), bytes, cudaMemcpyHostToDevice));
  CHECK_CUDA(cudaMemcpy(dYears, years.data(), bytes, cudaMemcpyHostToDevice));
  priceOptions<<<(n + 127) / 128, 128>>>(dCall, dPut, dSpot, dStrike, dYears, market);
  CHECK_CUDA(cudaGetLastError());
  CHECK_CUDA(cudaMemcpy(call.data(), dCall, bytes, cudaMemcpyDeviceToHost));
  CHECK_CUDA(cudaMemcpy(put.data(), dPut, bytes, cudaMemcpyDeviceToHost));

  bool passed = true;
  double maxError = 0.0;
  for (int i = 0; i < n; ++i) {  // host reference in double, plus put-call parity
    double s = spot[i], x = strike[i], t = years[i], r = market.riskFree, v = market.volatility;
    double d1 = (std::log(s / x) + (r + 0.5 * v * v) * t) / (v * std::sqrt(t));
    double d2 = d1 - v * std::sqrt(t);
    double callRef = s * 0.5 * std::erfc(-d1 / std::sqrt(2.0)) -
                     x * std::exp(-r * t) * 0.5 * std::erfc(-d2 / std::sqrt(2.0));
    double parity = call[i] - put[i] - (s - x * std::exp(-r * t));
    double err = std::fabs(call[i] - callRef);
    maxError = err > maxError ? err : maxError;
    if (err > 1e-3 * (1.0 + s) || std::fabs(parity) > 1e-3 * (1.0 + s)) {
      std::fprintf(stderr, "option %d: call %f (ref %f), parity error %g\n", i, call[i], callRef, parity);
      passed = false;
      break;
    }
  }
  std::printf("max call error vs double reference: %g\n", maxError);

  CHECK_CUDA(cudaFree(dCall));
  CHECK_CUDA(cudaFree(dPut));
  CHECK_CUDA(cudaFree(dSpot));
  CHECK_CUDA(cudaFree(dStrike));
  CHECK_CUDA(cudaFree(dYears));
  return reportResult("blackScholes", passed);
}
