#include "gemm/gemm_defaults.h"

#include <algorithm>
#include <sstream>

#include "gemm/shipped_tunings.h" // generated from tuned/pocl-cpu-*.tuning

namespace cucl::blas {
namespace {

unsigned clampWidth(unsigned width, unsigned low, unsigned high) {
  width = std::clamp(width, low, high);
  while ((width & (width - 1)) != 0) // to a power of two
    width &= width - 1;
  return width;
}

// CPUs: one work-item per group holding a 2-vector x NR register tile, no
// local memory (no barriers: PoCL runs a group on one thread). The group walks
// a column strip of C, so its rows of A stay in L1 across NR-wide steps.
GemmParams cpuDefault(const DeviceTraits &device, const GemmKey &key) {
  const bool wide = key.precision == DataType::F64;
  const int vw = static_cast<int>(
      clampWidth(wide ? device.doubleVectorWidth : device.floatVectorWidth, 2, 16));
  GemmParams p;
  p.vw = vw;
  p.mr = 2 * vw;
  p.nr = vw >= 8 ? 8 : 4; // 16 accumulators fit 32 vector registers, 8 fit 16
  p.mdimc = p.ndimc = 1;
  p.ku = 1;
  p.kwg = 256;
  p.sa = key.transA ? 1 : 0; // transposed A is read along k: stage it transposed
  p.sb = 0;
  p.mwg = p.mr;
  if (key.transA && !key.transB && key.shape != ShapeClass::Large &&
      key.shape != ShapeClass::ShortWide) {
    // A^T B with little reuse of a staged A: the dot-product form, vectors
    // along k (both operands are contiguous there), 4 x 4 results per item.
    p.kdot = 1;
    p.sa = 0;
    p.mr = p.nr = 4;
    p.mwg = 16;
    p.nwg = key.shape == ShapeClass::TallSkinny ? 32 : 16;
    p.kwg = 512;
    return p;
  }
  switch (key.shape) {
  case ShapeClass::Small:
  case ShapeClass::Batched:
    p.nwg = 4 * p.nr;
    p.mwg = 2 * p.mr;
    break;
  case ShapeClass::TallSkinny:
    p.nwg = 8 * p.nr;
    break;
  case ShapeClass::ShortWide:
  case ShapeClass::Large:
    p.nwg = 32 * p.nr;
    break;
  }
  return p;
}

// GPUs: 16 x 16 work-items, 4 x 4 register tiles, both operands staged in
// local memory in chunks of 16 (a conventional, portable starting point).
GemmParams gpuDefault(const GemmKey &key) {
  GemmParams p;
  p.mr = p.nr = 4;
  p.vw = key.precision == DataType::F64 ? 2 : 4;
  p.mdimc = p.ndimc = key.shape == ShapeClass::Small || key.shape == ShapeClass::Batched ? 8 : 16;
  p.mwg = p.mdimc * p.mr;
  p.nwg = p.ndimc * p.nr;
  p.kwg = 16;
  p.ku = 4;
  p.sa = p.sb = 1;
  return p;
}

} // namespace

const std::vector<ShippedTuning> &shippedTunings() {
  static const std::vector<ShippedTuning> tunings = [] {
    std::vector<ShippedTuning> parsed;
    for (const ShippedTuningText &shipped : kShippedTunings) {
      std::istringstream in(shipped.text);
      std::string deviceKey, error;
      if (std::optional<GemmTuning> tuning = GemmTuning::read(in, &deviceKey, &error))
        parsed.push_back(ShippedTuning{shipped.generation, std::move(*tuning)});
    }
    return parsed;
  }();
  return tunings;
}

std::optional<GemmTuning> shippedTuning(const DeviceTraits &device, std::string *why) {
  auto say = [why](const std::string &text) {
    if (why != nullptr)
      *why = text;
  };
  // All shipped sets use 16-wide float vectors: on narrower CPUs (or PoCL
  // built for them) those tiles would spill registers.
  if (!(device.isPocl && device.isCpu && device.floatVectorWidth == 16)) {
    say("no shipped tuning for this kind of device (shipped: PoCL's CPU device with 512-bit "
        "vectors)");
    return std::nullopt;
  }
  std::string known;
  for (const ShippedTuning &shipped : shippedTunings()) {
    if (shipped.generation == device.cpu.generation) {
      say("shipped pocl-cpu-" + shipped.generation + ".tuning: produced on this CPU generation, " +
          device.cpu.toString());
      return shipped.tuning;
    }
    known += (known.empty() ? "" : ", ") + shipped.generation;
  }
  // A set tuned on another generation can be slower than the class defaults
  // here (the Zen 5 set on a Zen 4 was): never use it silently.
  say("class defaults: no shipped tuning for this CPU, " + device.cpu.toString() +
      " (shipped: " + known + ")");
  return std::nullopt;
}

GemmParams classDefault(const DeviceTraits &device, const GemmKey &key) {
  return device.isCpu ? cpuDefault(device, key) : gpuDefault(key);
}

} // namespace cucl::blas
