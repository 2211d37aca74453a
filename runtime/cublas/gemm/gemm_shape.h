// Which tuned configuration a GEMM call uses: its precision, transposes and
// shape class. A tuning file holds one parameter set per key.
#ifndef CUCL_CUBLAS_GEMM_GEMM_SHAPE_H
#define CUCL_CUBLAS_GEMM_GEMM_SHAPE_H

#include <cstdint>
#include <optional>
#include <string>

#include "gemm/gemm.h"

namespace cucl::blas {

enum class ShapeClass {
  Small,      // little work: launch cost and parallelism matter most
  Large,      // square-ish and big: cache blocking matters most
  TallSkinny, // n small, m and k large (e.g. 4096 x 64 x 4096)
  ShortWide,  // m small, n and k large (e.g. 64 x 4096 x 4096)
  Batched,    // batchCount > 1
};
inline constexpr ShapeClass kAllShapeClasses[] = {ShapeClass::Small, ShapeClass::Large,
                                                  ShapeClass::TallSkinny, ShapeClass::ShortWide,
                                                  ShapeClass::Batched};

ShapeClass classifyShape(std::int64_t m, std::int64_t n, std::int64_t k, std::int64_t batchCount);
const char *shapeClassName(ShapeClass shape);
std::optional<ShapeClass> parseShapeClass(const std::string &name);

struct GemmKey {
  DataType precision = DataType::F32; // of A and B
  bool transA = false, transB = false;
  ShapeClass shape = ShapeClass::Large;

  // "f32 NT large"
  std::string toString() const;
  static std::optional<GemmKey> parse(const std::string &text);
};

GemmKey keyOf(const GemmCall &call);
const char *precisionName(DataType type);

} // namespace cucl::blas

#endif // CUCL_CUBLAS_GEMM_GEMM_SHAPE_H
