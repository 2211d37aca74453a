// Compiled by NVIDIA's nvcc against NVIDIA's curand.h (never linked): every
// cuRAND name this object imports must be exported by cucl's libcurand.so
// (tests/cublas/nvcc_symbols.cmake with PREFIX=curand).
#include <cuda_runtime.h>
#include <curand.h>

int callEverything(float *f, double *d, unsigned int *u, cudaStream_t stream) {
  curandGenerator_t g = nullptr;
  curandDiscreteDistribution_t distribution = nullptr;
  int status = 0, version = 0;
  status |= curandCreateGenerator(&g, CURAND_RNG_PSEUDO_DEFAULT);
  status |= curandCreateGeneratorHost(&g, CURAND_RNG_PSEUDO_PHILOX4_32_10);
  status |= curandGetVersion(&version);
  status |= curandGetProperty(MAJOR_VERSION, &version);
  status |= curandSetStream(g, stream);
  status |= curandSetPseudoRandomGeneratorSeed(g, 1234ULL);
  status |= curandSetGeneratorOffset(g, 7);
  status |= curandSetGeneratorOrdering(g, CURAND_ORDERING_PSEUDO_DEFAULT);
  status |= curandSetQuasiRandomGeneratorDimensions(g, 2);
  status |= curandGenerate(g, u, 16);
  status |= curandGenerateLongLong(g, reinterpret_cast<unsigned long long *>(d), 2);
  status |= curandGenerateUniform(g, f, 16);
  status |= curandGenerateUniformDouble(g, d, 16);
  status |= curandGenerateNormal(g, f, 16, 0.0f, 1.0f);
  status |= curandGenerateNormalDouble(g, d, 16, 0.0, 1.0);
  status |= curandGenerateLogNormal(g, f, 16, 0.0f, 1.0f);
  status |= curandGenerateLogNormalDouble(g, d, 16, 0.0, 1.0);
  status |= curandGeneratePoisson(g, u, 16, 4.0);
  status |= curandGenerateSeeds(g);
  status |= curandCreatePoissonDistribution(3.0, &distribution);
  status |= curandDestroyDistribution(distribution);
  status |= curandDestroyGenerator(g);
  return status;
}
