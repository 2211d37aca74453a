#include "core/device_generation.h"

#include <string>
#include <vector>

#include "core/diagnostics.h"
#include "core/engines.h"
#include "core/sobol.h"
#include "cucl/opencl_interop.h"
#include "cuda_runtime_api.h"
#include "kernels/generate.cl.h"
#include "kernels/sobol.cl.h"
#include "library_support/program_cache.h"
#include "library_support/stream_submit.h"

namespace cucl::rand {

namespace {

const char *engineDefine(Engine engine) {
  switch (engine) {
  case Engine::Philox:
    return "-DCUCL_GEN_PHILOX";
  case Engine::Mrg32k3a:
    return "-DCUCL_GEN_MRG32K3A";
  case Engine::Sobol32:
    return "";
  case Engine::Sobol64:
    return "-DCUCL_SOBOL64";
  case Engine::Xorwow:
    break;
  }
  return "-DCUCL_GEN_XORWOW";
}

bool deviceHasDoubles(const cl::Device &device) {
  cl_device_fp_config config = 0;
  return device.getInfo(CL_DEVICE_DOUBLE_FP_CONFIG, &config) == CL_SUCCESS && config != 0;
}

const char *kernelFor(Output output) {
  switch (output) {
  case Output::U32:
  case Output::U64:
    return "generate_u32";
  case Output::Uniform:
    return "generate_uniform";
  case Output::UniformDouble:
    return "generate_uniform_double";
  case Output::Normal:
    return "generate_normal";
  case Output::NormalDouble:
    return "generate_normal_double";
  case Output::Discrete:
    break;
  }
  return "generate_discrete";
}

const char *sobolKernelFor(const Request &request) {
  switch (request.output) {
  case Output::U32:
  case Output::U64:
    return "sobol_raw";
  case Output::Uniform:
    return "sobol_uniform";
  case Output::UniformDouble:
    return "sobol_uniform_double";
  case Output::Normal:
    return request.logNormal ? "sobol_log_normal" : "sobol_normal";
  case Output::NormalDouble:
    return request.logNormal ? "sobol_log_normal_double" : "sobol_normal_double";
  case Output::Discrete:
    break;
  }
  return "sobol_discrete";
}

constexpr std::size_t kSobolChunk = 256; // points per work-item (kernels/sobol.cl)

} // namespace

std::size_t Request::valueBytes() const {
  return output == Output::UniformDouble || output == Output::NormalDouble || output == Output::U64
             ? 8
             : 4;
}

curandStatus_t DeviceGeneration::create(int device, Engine engine,
                                        std::unique_ptr<DeviceGeneration> *out) {
  library::ProgramCache &programs = library::ProgramCache::forDevice(device);
  std::unique_ptr<DeviceGeneration> generation(new DeviceGeneration);
  generation->device_ = device;
  generation->context_ = programs.context();
  generation->fp64_ = deviceHasDoubles(programs.device());
  std::string options = std::string("-cl-std=CL1.2 ") + engineDefine(engine) +
                        " -DSTREAMS=" + std::to_string(kStreams) + "u";
  std::string log;
  cl_int status = programs.get(isQuasi(engine) ? kernels::sobol : kernels::generate, options,
                               &generation->program_, &log);
  if (status != CL_SUCCESS) {
    verboseLog("cuRAND: the generator kernels failed to build (status %d):\n%s", status,
               log.c_str());
    return CURAND_STATUS_INITIALIZATION_FAILED;
  }
  if (!isQuasi(engine)) {
    generation->states_ = cl::Buffer(generation->context_, CL_MEM_READ_WRITE,
                                     kStreams * stateBytes(engine), nullptr, &status);
    if (status != CL_SUCCESS)
      return CURAND_STATUS_ALLOCATION_FAILED;
  }
  *out = std::move(generation);
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t DeviceGeneration::launch(cudaStream_t stream, const cl::Kernel &kernel,
                                        std::size_t global) {
  if (global == 0)
    global = kStreams;
  cudaError_t status = library::enqueueOnStream(
      device_, stream,
      [&](cl::CommandQueue &queue, const std::vector<cl::Event> *waits, cl::Event *done) {
        std::vector<cl::Event> after = waits != nullptr ? *waits : std::vector<cl::Event>();
        if (last_() != nullptr)
          after.push_back(last_);
        cl_int result =
            queue.enqueueNDRangeKernel(kernel, cl::NullRange, cl::NDRange(global), cl::NullRange,
                                       after.empty() ? nullptr : &after, done);
        if (result == CL_SUCCESS)
          last_ = *done;
        return result;
      });
  if (status == cudaSuccess)
    return CURAND_STATUS_SUCCESS;
  verboseLog("cuRAND: launch on the generator's stream failed: %s", cudaGetErrorName(status));
  return CURAND_STATUS_LAUNCH_FAILURE;
}

curandStatus_t DeviceGeneration::initStates(cudaStream_t stream, std::uint64_t seed,
                                            std::uint64_t consumed) {
  cl_int status = CL_SUCCESS;
  cl::Kernel kernel(program_, "init_streams", &status);
  if (status == CL_SUCCESS)
    status = kernel.setArg(0, states_);
  if (status == CL_SUCCESS)
    status = kernel.setArg(1, static_cast<cl_ulong>(seed));
  if (status == CL_SUCCESS)
    status = kernel.setArg(2, static_cast<cl_ulong>(consumed));
  if (status != CL_SUCCESS)
    return CURAND_STATUS_INTERNAL_ERROR;
  return launch(stream, kernel);
}

curandStatus_t DeviceGeneration::resolveOutput(const Request &request, cl::Buffer *buffer,
                                               cl_ulong *offset) {
  cuclDeviceBuffer target{};
  cudaError_t resolved = __cuclResolveDevicePointer(request.destination, &target);
  const std::size_t bytes = request.count * request.valueBytes();
  if (resolved != cudaSuccess || target.device != device_ || target.bytesToEnd < bytes ||
      target.offset % request.valueBytes() != 0) {
    verboseLog("cuRAND: the output %p (%zu bytes) is not device memory of device %d "
               "that holds them",
               request.destination, bytes, device_);
    return CURAND_STATUS_LAUNCH_FAILURE;
  }
  *buffer = cl::Buffer(target.buffer, /*retainObject=*/true);
  *offset = target.offset;
  return CURAND_STATUS_SUCCESS;
}

cl_int DeviceGeneration::poissonTable(const Request &request, cl::Buffer *table) {
  cl::Buffer &kept = poissonTables_[request.table->lambda];
  cl_int status = CL_SUCCESS;
  if (kept() == nullptr) {
    const std::vector<std::uint32_t> &cdf = request.table->cdf;
    kept = cl::Buffer(context_, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                      cdf.size() * sizeof(std::uint32_t), const_cast<std::uint32_t *>(cdf.data()),
                      &status);
  }
  *table = kept;
  return status;
}

namespace {
curandStatus_t setupFailure(const char *kernel, cl_int status) {
  verboseLog("cuRAND: setting up %s failed (status %d)", kernel, status);
  return status == CL_MEM_OBJECT_ALLOCATION_FAILURE || status == CL_OUT_OF_RESOURCES
             ? CURAND_STATUS_ALLOCATION_FAILED
             : CURAND_STATUS_INTERNAL_ERROR;
}
} // namespace

curandStatus_t DeviceGeneration::generate(cudaStream_t stream, std::uint32_t rotation,
                                          const Request &request) {
  cl::Buffer output;
  cl_ulong offset = 0;
  if (curandStatus_t resolved = resolveOutput(request, &output, &offset);
      resolved != CURAND_STATUS_SUCCESS)
    return resolved;
  cl_int status = CL_SUCCESS;
  cl::Kernel kernel(program_, kernelFor(request.output), &status);
  cl_uint index = 0;
  auto arg = [&](const auto &value) {
    if (status == CL_SUCCESS)
      status = kernel.setArg(index++, value);
  };
  arg(states_);
  arg(output);
  arg(offset);
  arg(static_cast<cl_ulong>(request.items()));
  arg(static_cast<cl_uint>(rotation));
  if (request.output == Output::Normal) {
    arg(static_cast<cl_float>(request.mean));
    arg(static_cast<cl_float>(request.stddev));
    arg(static_cast<cl_int>(request.logNormal));
  } else if (request.output == Output::NormalDouble) {
    arg(static_cast<cl_double>(request.mean));
    arg(static_cast<cl_double>(request.stddev));
    arg(static_cast<cl_int>(request.logNormal));
  } else if (request.output == Output::Discrete) {
    cl::Buffer table;
    if (status == CL_SUCCESS)
      status = poissonTable(request, &table);
    arg(table);
    arg(static_cast<cl_uint>(request.table->cdf.size()));
    arg(static_cast<cl_uint>(request.table->shift));
  }
  if (status != CL_SUCCESS)
    return setupFailure(kernelFor(request.output), status);
  return launch(stream, kernel);
}

cl_int DeviceGeneration::sobolTables(Engine engine, unsigned dimensions) {
  if (tableDimensions_ >= dimensions)
    return CL_SUCCESS;
  const bool wide = engine == Engine::Sobol64;
  const std::size_t word = wide ? 8 : 4, bits = word * 8;
  const void *directions = wide ? static_cast<const void *>(sobolDirections64())
                                : static_cast<const void *>(sobolDirections32());
  const void *scramble = wide ? static_cast<const void *>(sobolScramble64())
                              : static_cast<const void *>(sobolScramble32());
  cl_int status = CL_SUCCESS;
  // Copied at creation (CL_MEM_COPY_HOST_PTR): commands already queued keep
  // the smaller tables they were given.
  directions_ = cl::Buffer(context_, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR,
                           dimensions * bits * word, const_cast<void *>(directions), &status);
  if (status == CL_SUCCESS)
    scramble_ = cl::Buffer(context_, CL_MEM_READ_ONLY | CL_MEM_COPY_HOST_PTR, dimensions * word,
                           const_cast<void *>(scramble), &status);
  if (status == CL_SUCCESS)
    tableDimensions_ = dimensions;
  return status;
}

curandStatus_t DeviceGeneration::generateSobol(const curandGenerator_st &generator,
                                               std::uint64_t points, const Request &request) {
  cl::Buffer output;
  cl_ulong offset = 0;
  if (curandStatus_t resolved = resolveOutput(request, &output, &offset);
      resolved != CURAND_STATUS_SUCCESS)
    return resolved;
  const char *name = sobolKernelFor(request);
  cl_int status = sobolTables(generator.engine, generator.dimensions);
  cl::Kernel kernel;
  if (status == CL_SUCCESS)
    kernel = cl::Kernel(program_, name, &status);
  const std::uint64_t chunks = (points + kSobolChunk - 1) / kSobolChunk;
  cl_uint index = 0;
  auto arg = [&](const auto &value) {
    if (status == CL_SUCCESS)
      status = kernel.setArg(index++, value);
  };
  arg(directions_);
  if (generator.scrambled)
    arg(scramble_);
  else if (status == CL_SUCCESS)
    status = kernel.setArg(index++, sizeof(cl_mem), nullptr);
  arg(output);
  arg(offset);
  arg(static_cast<cl_ulong>(points));
  arg(static_cast<cl_ulong>(generator.nextPoint));
  arg(static_cast<cl_uint>(chunks));
  if (request.output == Output::Discrete) {
    cl::Buffer table;
    if (status == CL_SUCCESS)
      status = poissonTable(request, &table);
    arg(table);
    arg(static_cast<cl_uint>(request.table->cdf.size()));
    arg(static_cast<cl_uint>(request.table->shift));
  } else {
    arg(static_cast<cl_float>(request.mean));
    arg(static_cast<cl_float>(request.stddev));
    if (fp64_) {
      arg(static_cast<cl_double>(request.mean));
      arg(static_cast<cl_double>(request.stddev));
    } else {
      arg(static_cast<cl_float>(0));
      arg(static_cast<cl_float>(0));
    }
  }
  if (status != CL_SUCCESS)
    return setupFailure(name, status);
  return launch(generator.stream, kernel, chunks * generator.dimensions);
}

} // namespace cucl::rand
