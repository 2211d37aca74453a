#include "core/generator.h"

#include <new>
#include <set>

#include "core/device_generation.h"
#include "core/diagnostics.h"
#include "core/host_generation.h"
#include "cucl/opencl_interop.h"
#include "cuda_runtime_api.h"

namespace cucl::rand {

namespace {

// Live generators: a destroyed or made-up handle is refused, not followed.
std::mutex &registryMutex() {
  static auto *mutex = new std::mutex;
  return *mutex;
}
std::set<curandGenerator_t> &liveGenerators() {
  static auto *live = new std::set<curandGenerator_t>;
  return *live;
}

bool engineOf(curandRngType_t type, Engine *engine, bool *scrambled) {
  *scrambled =
      type == CURAND_RNG_QUASI_SCRAMBLED_SOBOL32 || type == CURAND_RNG_QUASI_SCRAMBLED_SOBOL64;
  switch (type) {
  case CURAND_RNG_QUASI_DEFAULT:
  case CURAND_RNG_QUASI_SOBOL32:
  case CURAND_RNG_QUASI_SCRAMBLED_SOBOL32:
    *engine = Engine::Sobol32;
    return true;
  case CURAND_RNG_QUASI_SOBOL64:
  case CURAND_RNG_QUASI_SCRAMBLED_SOBOL64:
    *engine = Engine::Sobol64;
    return true;
  case CURAND_RNG_PSEUDO_DEFAULT:
  case CURAND_RNG_PSEUDO_XORWOW:
    *engine = Engine::Xorwow;
    return true;
  case CURAND_RNG_PSEUDO_PHILOX4_32_10:
    *engine = Engine::Philox;
    return true;
  case CURAND_RNG_PSEUDO_MRG32K3A:
    *engine = Engine::Mrg32k3a;
    return true;
  default:
    return false;
  }
}

// Sobol: `count` values are count / dimensions points in every dimension.
curandStatus_t generateQuasi(curandGenerator_st &generator, const Request &request) {
  if (request.count % generator.dimensions != 0)
    return CURAND_STATUS_LENGTH_NOT_MULTIPLE;
  const std::uint64_t points = request.count / generator.dimensions;
  if (generator.host) {
    if (request.destination == nullptr)
      return CURAND_STATUS_LAUNCH_FAILURE;
    generateSobolOnHost(generator, points, request);
  } else {
    curandStatus_t status = generator.deviceGeneration->generateSobol(generator, points, request);
    if (status != CURAND_STATUS_SUCCESS)
      return status;
  }
  generator.nextPoint += points;
  return CURAND_STATUS_SUCCESS;
}

} // namespace

curandStatus_t createGenerator(curandRngType_t type, bool host, curandGenerator_t *out) {
  if (out == nullptr)
    return CURAND_STATUS_OUT_OF_RANGE;
  Engine engine = Engine::Xorwow;
  bool scrambled = false;
  if (!engineOf(type, &engine, &scrambled)) {
    verboseLog("cuRAND: generator type %d is not supported by cucl (XORWOW, MRG32k3a, "
               "Philox4x32-10 and the Sobol generators are)",
               static_cast<int>(type));
    return CURAND_STATUS_TYPE_ERROR;
  }
  int device = 0;
  cuclOpenCLDevice opencl{};
  if (cudaGetDevice(&device) != cudaSuccess ||
      __cuclGetOpenCLDevice(device, &opencl) != cudaSuccess)
    return CURAND_STATUS_INITIALIZATION_FAILED;
  std::unique_ptr<curandGenerator_st> generator(new (std::nothrow) curandGenerator_st);
  if (generator == nullptr)
    return CURAND_STATUS_ALLOCATION_FAILED;
  generator->type = type;
  generator->engine = engine;
  generator->scrambled = scrambled;
  if (isQuasi(engine))
    generator->ordering = CURAND_ORDERING_QUASI_DEFAULT;
  generator->host = host;
  generator->device = device;
  if (!host) {
    curandStatus_t status = DeviceGeneration::create(device, engine, &generator->deviceGeneration);
    if (status != CURAND_STATUS_SUCCESS)
      return status;
  }
  std::lock_guard<std::mutex> lock(registryMutex());
  liveGenerators().insert(generator.get());
  *out = generator.release();
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t checkGenerator(curandGenerator_t generator) {
  std::lock_guard<std::mutex> lock(registryMutex());
  return liveGenerators().count(generator) != 0 ? CURAND_STATUS_SUCCESS
                                                : CURAND_STATUS_NOT_INITIALIZED;
}

curandStatus_t destroyGenerator(curandGenerator_t generator) {
  {
    std::lock_guard<std::mutex> lock(registryMutex());
    if (liveGenerators().erase(generator) == 0)
      return CURAND_STATUS_NOT_INITIALIZED;
  }
  // Queued commands keep their buffers alive (OpenCL retains them).
  delete generator;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t prepareStates(curandGenerator_st &generator) {
  if (generator.statesValid)
    return CURAND_STATUS_SUCCESS;
  if (isQuasi(generator.engine)) { // a Sobol point is a function of its index
    generator.nextPoint = generator.offset;
    generator.statesValid = true;
    return CURAND_STATUS_SUCCESS;
  }
  if (generator.host) {
    initHostStates(generator, generator.offset);
  } else {
    curandStatus_t status =
        generator.deviceGeneration->initStates(generator.stream, generator.seed, generator.offset);
    if (status != CURAND_STATUS_SUCCESS)
      return status;
  }
  generator.rotation = static_cast<std::uint32_t>(generator.offset % kStreams);
  generator.statesValid = true;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t generate(curandGenerator_st &generator, const Request &request) {
  if (!generator.host) {
    if (__cuclGetDeviceStickyError(generator.device) != cudaSuccess)
      return CURAND_STATUS_PREEXISTING_FAILURE;
    if (request.valueBytes() == 8 && !generator.deviceGeneration->hasDoubles())
      return CURAND_STATUS_DOUBLE_PRECISION_REQUIRED;
  }
  if (request.count == 0)
    return CURAND_STATUS_SUCCESS;
  curandStatus_t status = prepareStates(generator);
  if (status != CURAND_STATUS_SUCCESS)
    return status;
  if (isQuasi(generator.engine))
    return generateQuasi(generator, request);
  if (generator.host) {
    if (request.destination == nullptr)
      return CURAND_STATUS_LAUNCH_FAILURE;
    generateOnHost(generator, request);
  } else {
    status = generator.deviceGeneration->generate(generator.stream, generator.rotation, request);
    if (status != CURAND_STATUS_SUCCESS)
      return status;
  }
  generator.rotation =
      static_cast<std::uint32_t>((generator.rotation + request.items()) % kStreams);
  return CURAND_STATUS_SUCCESS;
}

} // namespace cucl::rand
