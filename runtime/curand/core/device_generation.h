// Generation on a CUDA device: libcurand's kernels (kernels/generate.cl,
// built once per device and engine through the runtime's program cache) on
// the generator's stream, asynchronously, as cuRAND does.
#ifndef CUCL_CURAND_CORE_DEVICE_GENERATION_H
#define CUCL_CURAND_CORE_DEVICE_GENERATION_H

#include <map>
#include <memory>

#include "backend/cl.h"
#include "core/generator.h"

namespace cucl::rand {

class DeviceGeneration {
public:
  // The engine's program and kernels on `device`, and room for the states.
  // CURAND_STATUS_INITIALIZATION_FAILED when the device or the build fails;
  // CURAND_STATUS_ALLOCATION_FAILED when the states do not fit.
  static curandStatus_t create(int device, Engine engine, std::unique_ptr<DeviceGeneration> *out);

  bool hasDoubles() const { return fp64_; }

  // The states after the first `consumed` items of the seed's sequence.
  curandStatus_t initStates(cudaStream_t stream, std::uint64_t seed, std::uint64_t consumed);
  // Enqueues the request on `stream`; its destination is device memory.
  curandStatus_t generate(cudaStream_t stream, std::uint32_t rotation, const Request &request);
  // Enqueues `points` Sobol points per dimension from generator.nextPoint.
  curandStatus_t generateSobol(const curandGenerator_st &generator, std::uint64_t points,
                               const Request &request);

private:
  DeviceGeneration() = default;
  // Enqueues `kernel` over the streams on `stream`, after the previous one
  // (the states pass from command to command even across streams).
  curandStatus_t launch(cudaStream_t stream, const cl::Kernel &kernel, std::size_t global = 0);
  // The output as kernel arguments (buffer, byte offset), checked to hold
  // the request's values.
  curandStatus_t resolveOutput(const Request &request, cl::Buffer *buffer, cl_ulong *offset);
  // The Poisson table of the request on the device, made on first use.
  cl_int poissonTable(const Request &request, cl::Buffer *table);
  // Direction numbers (and scramble constants) of the first `dimensions`.
  cl_int sobolTables(Engine engine, unsigned dimensions);

  int device_ = 0;
  bool fp64_ = false;
  cl::Context context_;
  cl::Program program_;
  cl::Buffer states_;
  cl::Event last_; // the last command that used the states
  std::map<double, cl::Buffer> poissonTables_;
  cl::Buffer directions_, scramble_;
  unsigned tableDimensions_ = 0;
};

} // namespace cucl::rand

#endif // CUCL_CURAND_CORE_DEVICE_GENERATION_H
