// Throughput of cuRAND's generators on cucl against std::mt19937 on the
// host (one thread, the usual "fill a vector" code), in one run. Prints
// numbers per second and the ratio cuRAND / mt19937 for each case.
#include <cstdio>
#include <random>
#include <vector>

#include <curand.h>

#include "../common/cuda_timing.h"

static void checkCurand(curandStatus_t status, const char *what) {
  if (status != CURAND_STATUS_SUCCESS) {
    std::fprintf(stderr, "%s: cuRAND status %d\n", what, static_cast<int>(status));
    std::exit(1);
  }
}

int main(int argc, char **argv) {
  const std::size_t n = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : (std::size_t(1) << 24);
  const int runs = 5;
  float *device = nullptr;
  check(cudaMalloc(&device, n * sizeof(float)), "cudaMalloc");
  std::vector<float> host(n);

  std::mt19937 engine(1234);
  std::uniform_real_distribution<float> uniform(0.0f, 1.0f);
  std::normal_distribution<float> normal(0.0f, 1.0f);
  double mtUniform = bestMs([&] { for (float &x : host) x = uniform(engine); }, runs);
  double mtNormal = bestMs([&] { for (float &x : host) x = normal(engine); }, runs);
  auto rate = [&](double ms) { return n / (ms * 1e-3) / 1e6; };
  std::printf("%zu floats per call, best of %d\n", n, runs);
  std::printf("%-28s %10s %10s %8s\n", "generator", "uniform", "normal", "ratio");
  std::printf("%-28s %8.1f M/s %6.1f M/s %8s\n", "std::mt19937 (host, 1 thread)", rate(mtUniform),
              rate(mtNormal), "1.00");

  struct Case {
    const char *name;
    curandRngType_t type;
    bool host;
  } cases[] = {{"XORWOW (device)", CURAND_RNG_PSEUDO_XORWOW, false},
               {"MRG32k3a (device)", CURAND_RNG_PSEUDO_MRG32K3A, false},
               {"Philox4x32-10 (device)", CURAND_RNG_PSEUDO_PHILOX4_32_10, false},
               {"XORWOW (host generator)", CURAND_RNG_PSEUDO_XORWOW, true},
               {"Philox4x32-10 (host gen.)", CURAND_RNG_PSEUDO_PHILOX4_32_10, true}};
  for (const Case &c : cases) {
    curandGenerator_t generator;
    checkCurand(c.host ? curandCreateGeneratorHost(&generator, c.type)
                       : curandCreateGenerator(&generator, c.type),
                "create");
    checkCurand(curandSetPseudoRandomGeneratorSeed(generator, 1234), "seed");
    float *out = c.host ? host.data() : device;
    double u = bestMs([&] { checkCurand(curandGenerateUniform(generator, out, n), "uniform"); },
                      runs);
    double z = bestMs(
        [&] { checkCurand(curandGenerateNormal(generator, out, n, 0.0f, 1.0f), "normal"); }, runs);
    std::printf("%-28s %8.1f M/s %6.1f M/s %4.2fx %4.2fx\n", c.name, rate(u), rate(z),
                mtUniform / u, mtNormal / z);
    checkCurand(curandDestroyGenerator(generator), "destroy");
  }
  check(cudaFree(device), "cudaFree");
  return 0;
}
