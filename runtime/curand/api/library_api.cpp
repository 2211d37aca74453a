// Version queries and the discrete distributions of the device API.
#include "api/curand_export.h"

#include <map>
#include <mutex>

#include "core/discrete_table.h"
#include "core/sobol.h"
#include "cuda_runtime_api.h"

CURAND_EXPORT curandStatus_t curandGetVersion(int *version) {
  if (version == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  *version = CURAND_VERSION;
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandGetProperty(libraryPropertyType type, int *value) {
  if (value == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  switch (type) {
  case MAJOR_VERSION:
    *value = CURAND_VER_MAJOR;
    return CURAND_STATUS_SUCCESS;
  case MINOR_VERSION:
    *value = CURAND_VER_MINOR;
    return CURAND_STATUS_SUCCESS;
  case PATCH_LEVEL:
    *value = CURAND_VER_PATCH;
    return CURAND_STATUS_SUCCESS;
  }
  return CURAND_STATUS_OUT_OF_RANGE;
}

namespace {

// The device struct a distribution handle points at, and its table, by handle.
std::mutex &distributionMutex() {
  static auto *mutex = new std::mutex;
  return *mutex;
}
std::map<curandDiscreteDistribution_t, unsigned int *> &liveDistributions() {
  static auto *live = new std::map<curandDiscreteDistribution_t, unsigned int *>;
  return *live;
}

} // namespace

// The handle is device memory (kernels read it through curand_discrete), as
// in cuRAND: a struct whose `cdf` points at the table, both from cudaMalloc.
CURAND_EXPORT curandStatus_t curandCreatePoissonDistribution(
    double lambda, curandDiscreteDistribution_t *discrete_distribution) {
  if (discrete_distribution == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  cucl::rand::DiscreteTable table;
  if (!cucl::rand::makePoissonTable(lambda, &table))
    return CURAND_STATUS_OUT_OF_RANGE;
  unsigned int *cdf = nullptr;
  curandDiscreteDistribution_t handle = nullptr;
  const size_t bytes = table.cdf.size() * sizeof(unsigned int);
  if (cudaMalloc(&cdf, bytes) != cudaSuccess) {
    cudaGetLastError();
    return CURAND_STATUS_ALLOCATION_FAILED;
  }
  if (cudaMalloc(&handle, sizeof(*handle)) != cudaSuccess) {
    cudaGetLastError();
    cudaFree(cdf);
    return CURAND_STATUS_ALLOCATION_FAILED;
  }
  curandDiscreteDistribution_st host{cdf, static_cast<unsigned int>(table.cdf.size()), table.shift,
                                     lambda};
  if (cudaMemcpy(cdf, table.cdf.data(), bytes, cudaMemcpyHostToDevice) != cudaSuccess ||
      cudaMemcpy(handle, &host, sizeof(host), cudaMemcpyHostToDevice) != cudaSuccess) {
    cudaGetLastError();
    cudaFree(cdf);
    cudaFree(handle);
    return CURAND_STATUS_INITIALIZATION_FAILED;
  }
  std::lock_guard<std::mutex> lock(distributionMutex());
  liveDistributions()[handle] = cdf;
  *discrete_distribution = handle;
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t
curandDestroyDistribution(curandDiscreteDistribution_t discrete_distribution) {
  unsigned int *cdf = nullptr;
  {
    std::lock_guard<std::mutex> lock(distributionMutex());
    auto found = liveDistributions().find(discrete_distribution);
    if (found == liveDistributions().end())
      return CURAND_STATUS_OUT_OF_RANGE;
    cdf = found->second;
    liveDistributions().erase(found);
  }
  cudaFree(cdf);
  cudaFree(discrete_distribution);
  return CURAND_STATUS_SUCCESS;
}

// Direction vectors and scramble constants for the device API's Sobol
// states: tables of 20,000 dimensions, alive for the process.
CURAND_EXPORT curandStatus_t curandGetDirectionVectors32(curandDirectionVectors32_t *vectors[],
                                                         curandDirectionVectorSet_t set) {
  if (vectors == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  if (set != CURAND_DIRECTION_VECTORS_32_JOEKUO6 &&
      set != CURAND_SCRAMBLED_DIRECTION_VECTORS_32_JOEKUO6)
    return CURAND_STATUS_OUT_OF_RANGE;
  // The scrambled set's vectors are the plain ones; scrambling is the
  // per-dimension constant of curandGetScrambleConstants32.
  *vectors = reinterpret_cast<curandDirectionVectors32_t *>(
      const_cast<unsigned int *>(cucl::rand::sobolDirections32()));
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandGetDirectionVectors64(curandDirectionVectors64_t *vectors[],
                                                         curandDirectionVectorSet_t set) {
  if (vectors == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  if (set != CURAND_DIRECTION_VECTORS_64_JOEKUO6 &&
      set != CURAND_SCRAMBLED_DIRECTION_VECTORS_64_JOEKUO6)
    return CURAND_STATUS_OUT_OF_RANGE;
  static_assert(sizeof(unsigned long long) == sizeof(std::uint64_t));
  *vectors = reinterpret_cast<curandDirectionVectors64_t *>(
      const_cast<std::uint64_t *>(cucl::rand::sobolDirections64()));
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandGetScrambleConstants32(unsigned int **constants) {
  if (constants == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  *constants = const_cast<unsigned int *>(cucl::rand::sobolScramble32());
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandGetScrambleConstants64(unsigned long long **constants) {
  if (constants == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  *constants = reinterpret_cast<unsigned long long *>(
      const_cast<std::uint64_t *>(cucl::rand::sobolScramble64()));
  return CURAND_STATUS_SUCCESS;
}
