// What a device that nobody has tuned runs: a tuning shipped with cucl for
// PoCL's CPU device, produced by cucl-tune on one CPU generation
// (tuned/pocl-cpu-<generation>.tuning) and used only on that generation,
// else hand-chosen parameter sets for its class (CPU or GPU), sized by the
// device's preferred vector width.
#ifndef CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H
#define CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H

#include <optional>
#include <string>
#include <vector>

#include "gemm/cpu_identity.h"

#include "gemm/gemm_params.h"
#include "gemm/gemm_shape.h"
#include "gemm/gemm_tuning.h"

namespace cucl::blas {

struct DeviceTraits {
  bool isCpu = false;
  bool isPocl = false;           // PoCL's CPU device: the shipped tuning applies
  unsigned floatVectorWidth = 4; // CL_DEVICE_PREFERRED_VECTOR_WIDTH_FLOAT
  unsigned doubleVectorWidth = 2;
  CpuIdentity cpu; // CPU devices: the host CPU (what the best parameters depend on)
};

// A tuning shipped with cucl: tuned/pocl-cpu-<generation>.tuning.
struct ShippedTuning {
  std::string generation; // CpuIdentity::generation of the CPU it was produced on
  GemmTuning tuning;
};

// Every shipped tuning, whatever the device (the tuner's starting points).
const std::vector<ShippedTuning> &shippedTunings();

// The shipped tuning for this device: PoCL's CPU device with 512-bit vectors
// on the CPU generation the tuning was produced on, and nothing else (a set
// tuned on a faster CPU can be slower than the class defaults elsewhere).
// *why, when given, says which was chosen or why none was.
std::optional<GemmTuning> shippedTuning(const DeviceTraits &device, std::string *why = nullptr);

// A hand-chosen parameter set for this device class and key.
GemmParams classDefault(const DeviceTraits &device, const GemmKey &key);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_DEFAULTS_H
