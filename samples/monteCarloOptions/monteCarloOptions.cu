// monteCarloOptions: prices European call options by Monte Carlo with
// cuRAND's host API. One Philox generator fills device memory with standard
// normals on a stream (curandGenerateNormal); a kernel turns each into a
// terminal price under geometric Brownian motion and sums the discounted
// payoffs per option. Each price must lie within four standard errors of
// the Black-Scholes formula; a host generator of the same seed must give
// the same normals (cuRAND on cucl gives the same numbers on every device).
#include <cmath>
#include <cstdio>
#include <vector>

#include <curand.h>

#include "../common/sample_check.h"

#define CHECK_CURAND(call)                                                                 \
  do {                                                                                     \
    curandStatus_t status_ = (call);                                                       \
    if (status_ != CURAND_STATUS_SUCCESS) {                                                \
      std::fprintf(stderr, "%s:%d: %s failed: status %d\n", __FILE__, __LINE__, #call,   \
                   (int)status_);                                                          \
      std::exit(EXIT_FAILURE);                                                             \
    }                                                                                      \
  } while (0)

struct Option {
  float spot, strike, years;
};

// Block b prices option b: its threads stride over the paths and reduce the
// payoff and squared payoff in shared memory.
__global__ void pricePaths(const Option *options, const float *normals, int paths, float rate,
                           float volatility, float *sum, float *sumSquares) {
  __shared__ float partial[256], partialSquares[256];
  Option option = options[blockIdx.x];
  float drift = (rate - 0.5f * volatility * volatility) * option.years;
  float diffusion = volatility * sqrtf(option.years);
  float discount = expf(-rate * option.years);
  float s = 0.0f, s2 = 0.0f;
  for (int i = threadIdx.x; i < paths; i += blockDim.x) {
    float terminal = option.spot * expf(drift + diffusion * normals[i]);
    float payoff = discount * fmaxf(terminal - option.strike, 0.0f);
    s += payoff;
    s2 += payoff * payoff;
  }
  partial[threadIdx.x] = s;
  partialSquares[threadIdx.x] = s2;
  __syncthreads();
  for (int stride = blockDim.x / 2; stride > 0; stride /= 2) {
    if (threadIdx.x < stride) {
      partial[threadIdx.x] += partial[threadIdx.x + stride];
      partialSquares[threadIdx.x] += partialSquares[threadIdx.x + stride];
    }
    __syncthreads();
  }
  if (threadIdx.x == 0) {
    sum[blockIdx.x] = partial[0];
    sumSquares[blockIdx.x] = partialSquares[0];
  }
}

static double normalCdf(double x) {
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

static double blackScholesCall(const Option &o, double rate, double volatility) {
  double d1 = (std::log(o.spot / o.strike) + (rate + 0.5 * volatility * volatility) * o.years) /
              (volatility * std::sqrt(o.years));
  double d2 = d1 - volatility * std::sqrt(o.years);
  return o.spot * normalCdf(d1) - o.strike * std::exp(-rate * o.years) * normalCdf(d2);
}

int main() {
  printDevice();
  const int paths = 1 << 18;
  const float rate = 0.03f, volatility = 0.25f;
  std::vector<Option> options = {{100, 90, 1.0f},  {100, 100, 1.0f}, {100, 110, 1.0f},
                                 {50, 55, 0.5f},   {120, 100, 2.0f}, {80, 100, 0.25f},
                                 {100, 100, 3.0f}, {30, 25, 1.5f}};
  const int count = static_cast<int>(options.size());

  cudaStream_t stream;
  CHECK_CUDA(cudaStreamCreate(&stream));
  Option *dOptions;
  float *dNormals, *dSum, *dSumSquares;
  CHECK_CUDA(cudaMalloc(&dOptions, count * sizeof(Option)));
  CHECK_CUDA(cudaMalloc(&dNormals, paths * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dSum, count * sizeof(float)));
  CHECK_CUDA(cudaMalloc(&dSumSquares, count * sizeof(float)));
  CHECK_CUDA(cudaMemcpyAsync(dOptions, options.data(), count * sizeof(Option),
                             cudaMemcpyHostToDevice, stream));

  curandGenerator_t generator;
  CHECK_CURAND(curandCreateGenerator(&generator, CURAND_RNG_PSEUDO_PHILOX4_32_10));
  CHECK_CURAND(curandSetPseudoRandomGeneratorSeed(generator, 20261204ULL));
  CHECK_CURAND(curandSetStream(generator, stream));
  CHECK_CURAND(curandGenerateNormal(generator, dNormals, paths, 0.0f, 1.0f));
  pricePaths<<<count, 256, 0, stream>>>(dOptions, dNormals, paths, rate, volatility, dSum,
                                        dSumSquares);
  CHECK_CUDA(cudaGetLastError());

  std::vector<float> sum(count), sumSquares(count), normals(paths), hostNormals(paths);
  CHECK_CUDA(cudaMemcpyAsync(sum.data(), dSum, count * sizeof(float), cudaMemcpyDeviceToHost,
                             stream));
  CHECK_CUDA(cudaMemcpyAsync(sumSquares.data(), dSumSquares, count * sizeof(float),
                             cudaMemcpyDeviceToHost, stream));
  CHECK_CUDA(cudaMemcpyAsync(normals.data(), dNormals, paths * sizeof(float),
                             cudaMemcpyDeviceToHost, stream));
  CHECK_CUDA(cudaStreamSynchronize(stream));

  bool passed = true;
  for (int i = 0; i < count; ++i) {
    double mean = sum[i] / paths;
    double standardError = std::sqrt((sumSquares[i] / paths - mean * mean) / paths);
    double exact = blackScholesCall(options[i], rate, volatility);
    bool ok = std::fabs(mean - exact) < 4.0 * standardError + 1e-3;
    passed = passed && ok;
    std::printf("S=%6.1f K=%6.1f T=%4.2f  Monte Carlo %8.4f  Black-Scholes %8.4f  (+/- %.4f) %s\n",
                options[i].spot, options[i].strike, options[i].years, mean, exact, standardError,
                ok ? "ok" : "OUTSIDE");
  }

  // The same seed on a host generator: the same normals, to rounding.
  curandGenerator_t host;
  CHECK_CURAND(curandCreateGeneratorHost(&host, CURAND_RNG_PSEUDO_PHILOX4_32_10));
  CHECK_CURAND(curandSetPseudoRandomGeneratorSeed(host, 20261204ULL));
  CHECK_CURAND(curandGenerateNormal(host, hostNormals.data(), paths, 0.0f, 1.0f));
  int differing = 0;
  for (int i = 0; i < paths; ++i)
    differing += std::fabs(normals[i] - hostNormals[i]) > 1e-4f * (1.0f + std::fabs(normals[i]));
  std::printf("host generator: %d of %d normals differ\n", differing, paths);
  passed = passed && differing == 0;

  CHECK_CURAND(curandDestroyGenerator(host));
  CHECK_CURAND(curandDestroyGenerator(generator));
  CHECK_CUDA(cudaFree(dOptions));
  CHECK_CUDA(cudaFree(dNormals));
  CHECK_CUDA(cudaFree(dSum));
  CHECK_CUDA(cudaFree(dSumSquares));
  CHECK_CUDA(cudaStreamDestroy(stream));
  return reportResult("monteCarloOptions", passed);
}
