// Generators: creation, destruction and settings.
#include "api/curand_export.h"

#include <mutex>

#include "core/generator.h"
#include "core/sobol.h"

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
  if (cucl::rand::isQuasi(generator->engine))
    return CURAND_STATUS_TYPE_ERROR;
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

// Every pseudo ordering gives cucl's one layout (docs/curand.md); the quasi
// ordering belongs to quasi generators.
CURAND_EXPORT curandStatus_t curandSetGeneratorOrdering(curandGenerator_t generator,
                                                        curandOrdering_t order) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  bool pseudoOrder = false;
  switch (order) {
  case CURAND_ORDERING_PSEUDO_BEST:
  case CURAND_ORDERING_PSEUDO_DEFAULT:
  case CURAND_ORDERING_PSEUDO_SEEDED:
  case CURAND_ORDERING_PSEUDO_LEGACY:
  case CURAND_ORDERING_PSEUDO_DYNAMIC:
    pseudoOrder = true;
    break;
  case CURAND_ORDERING_QUASI_DEFAULT:
    break;
  default:
    return CURAND_STATUS_OUT_OF_RANGE;
  }
  if (pseudoOrder == cucl::rand::isQuasi(generator->engine))
    return CURAND_STATUS_OUT_OF_RANGE;
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->ordering = order;
  return CURAND_STATUS_SUCCESS;
}

// Dimensions are a quasi-random generator's: 1 to 20,000, as in cuRAND. A
// change restarts the sequence at the offset.
CURAND_EXPORT curandStatus_t curandSetQuasiRandomGeneratorDimensions(curandGenerator_t generator,
                                                                     unsigned int num_dimensions) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  if (!cucl::rand::isQuasi(generator->engine))
    return CURAND_STATUS_TYPE_ERROR;
  if (num_dimensions < 1 || num_dimensions > cucl::rand::kSobolDimensions)
    return CURAND_STATUS_OUT_OF_RANGE;
  std::lock_guard<std::mutex> lock(generator->mutex);
  generator->dimensions = num_dimensions;
  generator->statesValid = false;
  return CURAND_STATUS_SUCCESS;
}

CURAND_EXPORT curandStatus_t curandGenerateSeeds(curandGenerator_t generator) {
  if (curandStatus_t status = checkGenerator(generator); status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  return cucl::rand::prepareStates(*generator);
}
