// What a device that nobody has tuned runs: the tuning shipped with cucl
// for a known device kind (PoCL's CPU device with 512-bit vectors, produced by
// cucl-tune on the reference machine), else hand-chosen parameter sets for its class (CPU or
// GPU), sized by the device's preferred vector width.
#ifndef CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H
#define CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H

#include <optional>

#include "gemm/gemm_params.h"
#include "gemm/gemm_shape.h"
#include "gemm/gemm_tuning.h"

namespace cucl::blas {

struct DeviceTraits {
  bool isCpu = false;
  bool isPocl = false;           // PoCL's CPU device: the shipped tuning applies
  unsigned floatVectorWidth = 4; // CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT
  unsigned doubleVectorWidth = 2;
};

// The shipped tuning for this kind of device, if cucl has one.
std::optional<GemmTuning> shippedTuning(const DeviceTraits &device);

// A hand-chosen parameter set for this device class and key.
GemmParams classDefault(const DeviceTraits &device, const GemmKey &key);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H
