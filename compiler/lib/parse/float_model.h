// How a translation unit's float arithmetic may round: nvcc's -ftz,
// -prec-div, -prec-sqrt, -fmad and -use_fast_math (which sets the first three
// to their fast values and turns the single-precision standard functions into
// their intrinsics, expf -> __expf). The emitter maps these to OpenCL build
// options and to the intrinsics' OpenCL forms (docs/device-support.md,
// "Fast math").
#pragma once

#include <string>

namespace cucl::translate {

struct FloatModel {
  bool flushDenormals = false; // -ftz=true
  bool preciseDivide = true;   // -prec-div
  bool preciseSqrt = true;     // -prec-sqrt
  bool contract = true;        // -fmad: a * b + c may become an fma
  bool fastFunctions = false;  // expf, sinf, ... become __expf, __sinf, ...

  static FloatModel fastMath() {
    FloatModel model;
    model.flushDenormals = true;
    model.preciseDivide = model.preciseSqrt = false;
    model.fastFunctions = true;
    return model;
  }

  // clBuildProgram options the module needs. -DCUCL_APPROX_DIV_SQRT tells the
  // runtime not to ask for correctly rounded division and sqrt, and the
  // intrinsics that must stay IEEE to round on their own.
  // `usesDouble`: OpenCL's -cl-denorms-are-zero flushes double denormals too,
  // where nvcc's -ftz only flushes float ones; such a module keeps all (more
  // accurate than CUDA for float, never less).
  std::string buildOptions(bool usesDouble) const {
    std::string options;
    auto add = [&](const char *option) {
      options += (options.empty() ? "" : " ") + std::string(option);
    };
    if (flushDenormals && !usesDouble)
      add("-cl-denorms-are-zero");
    if (fastFunctions)
      add("-cl-mad-enable");
    if (!preciseDivide && !preciseSqrt)
      add("-DCUCL_APPROX_DIV_SQRT");
    return options;
  }
};

} // namespace cucl::translate
