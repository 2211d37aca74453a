// Generators: creation, destruction and settings.
#include "api/curand_export.h"

#include <mutex>

#include "core/generator.h"

using cucl::rand::checkGenerator;

CURAND_EXPORT curandStatus_t curandCreateGenerator(curandGenerator_t *generator,
                                                   curandRngType_t rng_type) {
  return cucl::rand::createGenerator(rng_type, /*host=*/false, generator);
}

CURAND_EXPORT curandStatus_t curandCreateGeneratorHost(curandGenerator_t *generator,
                                                       curandRngType_t rng_type) {
  return cucl::rand::createGenerator(rng_type, /*host=*/true, generator);
}

CURAND_EXPORT curandStatus_t curandDestroyGenerator(curandGenerator_t generator) {
  return cucl::rand::destroyGenerator(generator);
}

CURAND_EXPORT curandStatus_t curandSetStream(curandGenerator_t generator, cudaStream_t stream) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->stream = stream; // checked by the runtime when work is enqueued on it
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandSetPseudoRandomGeneratorSeed(curandGenerator_t generator,
                                                                unsigned long long seed) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->seed = seed;
  generator->statesValid = false;
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandSetGeneratorOffset(curandGenerator_t generator,
                                                      unsigned long long offset) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->offset = offset;
  generator->statesValid = false;
  return CURAND_STATUS_SUCCESS;
}

// Every pseudo ordering gives cucl's one layout (docs/curand.md); quasi
// orderings belong to quasi generators.
CURAND_EXPORT curandStatus_t curandSetGeneratorOrdering(curandGenerator_t generator,
                                                        curandOrdering_t order) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  switch (order) {
  case CURAND_ORDERING_PSEUDO_BEST:
  case CURAND_ORDERING_PSEUDO_DEFAULT:
  case CURAND_ORDERING_PSEUDO_SEEDED:
  case CURAND_ORDERING_PSEUDO_LEGACY:
  case CURAND_ORDERING_PSEUDO_DYNAMIC:
    break;
  default:
    return CURAND_STATUS_OUT_OF_RANGE;
  }
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->ordering = order;
  return CURAND_STATUS_SUCCESS;
}

// Dimensions are a quasi-random generator's; cucl has none yet.
CURAND_EXPORT curandStatus_t curandSetQuasiRandomGeneratorDimensions(curandGenerator_t generator,
                                                                     unsigned int num_dimensions) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  (void)num_dimensions;
  return CURAND_STATUS_TYPE_ERROR;
}

CURAND_EXPORT curandStatus_t curandGenerateSeeds(curandGenerator_t generator) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  return cucl::rand::prepareStates(*generator);
}
