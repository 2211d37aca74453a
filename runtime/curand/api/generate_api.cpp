// Generation calls: each checks its arguments, then fills the output on the
// generator's stream (device generators) or at once (host generators).
#include "api/curand_export.h"

#include <cmath>
#include <mutex>

#include "core/discrete_table.h"
#include "core/generator.h"

using cucl::rand::Output;
using cucl::rand::Request;

namespace {

curandStatus_t run(curandGenerator_t generator, const Request &request) {
  if (curandStatus_t status = cucl::rand::checkGenerator(generator);
      status != CURAND_STATUS_SUCCESS)
    return status;
  std::lock_guard<std::mutex> lock(generator->mutex);
  return cucl::rand::generate(*generator, request);
}

// Pseudo-random normals come in pairs: cuRAND refuses odd counts there
// (quasi-random ones are made one by one, by inversion).
curandStatus_t runPairs(curandGenerator_t generator, Request request) {
  if (curandStatus_t status = cucl::rand::checkGenerator(generator);
      status != CURAND_STATUS_SUCCESS)
    return status;
  if (request.count % 2 != 0 && !cucl::rand::isQuasi(generator->engine))
    return CURAND_STATUS_LENGTH_NOT_MULTIPLE;
  return run(generator, request);
}

// 32-bit numbers from every generator but Sobol64, 64-bit ones from it only.
curandStatus_t runRaw(curandGenerator_t generator, Request request, bool wide) {
  if (curandStatus_t status = cucl::rand::checkGenerator(generator);
      status != CURAND_STATUS_SUCCESS)
    return status;
  if (wide != (generator->engine == cucl::rand::Engine::Sobol64))
    return CURAND_STATUS_TYPE_ERROR;
  return run(generator, request);
}

Request request(Output output, void *destination, size_t count) {
  Request r;
  r.output = output;
  r.destination = destination;
  r.count = count;
  return r;
}

} // namespace

CURAND_EXPORT curandStatus_t curandGenerate(curandGenerator_t generator, unsigned int *outputPtr,
                                            size_t num) {
  return runRaw(generator, request(Output::U32, outputPtr, num), /*wide=*/false);
}

CURAND_EXPORT curandStatus_t curandGenerateLongLong(curandGenerator_t generator,
                                                    unsigned long long *outputPtr, size_t num) {
  return runRaw(generator, request(Output::U64, outputPtr, num), /*wide=*/true);
}

CURAND_EXPORT curandStatus_t curandGenerateUniform(curandGenerator_t generator, float *outputPtr,
                                                   size_t num) {
  return run(generator, request(Output::Uniform, outputPtr, num));
}

CURAND_EXPORT curandStatus_t curandGenerateUniformDouble(curandGenerator_t generator,
                                                         double *outputPtr, size_t num) {
  return run(generator, request(Output::UniformDouble, outputPtr, num));
}

namespace {
Request normal(Output output, void *destination, size_t n, double mean, double stddev,
               bool logNormal) {
  Request r = request(output, destination, n);
  r.mean = mean;
  r.stddev = stddev;
  r.logNormal = logNormal;
  return r;
}
} // namespace

CURAND_EXPORT curandStatus_t curandGenerateNormal(curandGenerator_t generator, float *outputPtr,
                                                  size_t n, float mean, float stddev) {
  return runPairs(generator, normal(Output::Normal, outputPtr, n, mean, stddev, false));
}

CURAND_EXPORT curandStatus_t curandGenerateNormalDouble(curandGenerator_t generator,
                                                        double *outputPtr, size_t n, double mean,
                                                        double stddev) {
  return runPairs(generator, normal(Output::NormalDouble, outputPtr, n, mean, stddev, false));
}

CURAND_EXPORT curandStatus_t curandGenerateLogNormal(curandGenerator_t generator, float *outputPtr,
                                                     size_t n, float mean, float stddev) {
  return runPairs(generator, normal(Output::Normal, outputPtr, n, mean, stddev, true));
}

CURAND_EXPORT curandStatus_t curandGenerateLogNormalDouble(curandGenerator_t generator,
                                                           double *outputPtr, size_t n, double mean,
                                                           double stddev) {
  return runPairs(generator, normal(Output::NormalDouble, outputPtr, n, mean, stddev, true));
}

CURAND_EXPORT curandStatus_t curandGeneratePoisson(curandGenerator_t generator,
                                                   unsigned int *outputPtr, size_t n,
                                                   double lambda) {
  if (curandStatus_t status = cucl::rand::checkGenerator(generator);
      status != CURAND_STATUS_SUCCESS)
    return status;
  // Checked before the lookup: a NaN key would match any entry of the map.
  if (!(lambda > 0.0) || !(lambda <= cucl::rand::kMaxPoissonLambda))
    return CURAND_STATUS_OUT_OF_RANGE;
  std::lock_guard<std::mutex> lock(generator->mutex);
  auto found = generator->poissonTables.find(lambda);
  if (found == generator->poissonTables.end()) {
    cucl::rand::DiscreteTable table;
    if (!cucl::rand::makePoissonTable(lambda, &table))
      return CURAND_STATUS_OUT_OF_RANGE;
    found = generator->poissonTables.emplace(lambda, std::move(table)).first;
  }
  Request r = request(Output::Discrete, outputPtr, n);
  r.table = &found->second;
  return cucl::rand::generate(*generator, r);
}
