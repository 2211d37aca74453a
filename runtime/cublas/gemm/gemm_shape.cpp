#include "gemm/gemm_shape.h"

#include <sstream>

namespace cucl::blas {
namespace {
// Below this many multiply-adds (256^3) a GEMM is "small"; a dimension at or
// below kSkinnyDim next to two large ones makes it skinny.
constexpr double kSmallWork = 256.0 * 256.0 * 256.0;
constexpr std::int64_t kSkinnyDim = 128;

struct ShapeName {
  ShapeClass shape;
  const char *name;
};
constexpr ShapeName kShapeNames[] = {{ShapeClass::Small, "small"},
                                     {ShapeClass::Large, "large"},
                                     {ShapeClass::TallSkinny, "tall-skinny"},
                                     {ShapeClass::ShortWide, "short-wide"},
                                     {ShapeClass::Batched, "batched"}};
} // namespace

ShapeClass classifyShape(std::int64_t m, std::int64_t n, std::int64_t k, std::int64_t batchCount) {
  if (batchCount > 1)
    return ShapeClass::Batched;
  if (static_cast<double>(m) * static_cast<double>(n) * static_cast<double>(k) <= kSmallWork)
    return ShapeClass::Small;
  if (n <= kSkinnyDim && m > kSkinnyDim)
    return ShapeClass::TallSkinny;
  if (m <= kSkinnyDim && n > kSkinnyDim)
    return ShapeClass::ShortWide;
  return ShapeClass::Large;
}

const char *shapeClassName(ShapeClass shape) {
  for (const ShapeName &entry : kShapeNames)
    if (entry.shape == shape)
      return entry.name;
  return "large";
}

std::optional<ShapeClass> parseShapeClass(const std::string &name) {
  for (const ShapeName &entry : kShapeNames)
    if (name == entry.name)
      return entry.shape;
  return std::nullopt;
}

const char *precisionName(DataType type) {
  switch (type) {
  case DataType::F16:
    return "f16";
  case DataType::F32:
    return "f32";
  case DataType::F64:
    return "f64";
  }
  return "f32";
}

std::string GemmKey::toString() const {
  std::string text = precisionName(precision);
  text += ' ';
  text += transA ? 'T' : 'N';
  text += transB ? 'T' : 'N';
  text += ' ';
  text += shapeClassName(shape);
  return text;
}

std::optional<GemmKey> GemmKey::parse(const std::string &text) {
  std::istringstream in(text);
  std::string precision, transposes, shape;
  if (!(in >> precision >> transposes >> shape) || transposes.size() != 2)
    return std::nullopt;
  GemmKey key;
  if (precision == "f16")
    key.precision = DataType::F16;
  else if (precision == "f32")
    key.precision = DataType::F32;
  else if (precision == "f64")
    key.precision = DataType::F64;
  else
    return std::nullopt;
  for (char c : transposes)
    if (c != 'N' && c != 'T')
      return std::nullopt;
  key.transA = transposes[0] == 'T';
  key.transB = transposes[1] == 'T';
  const std::optional<ShapeClass> shapeClass = parseShapeClass(shape);
  if (!shapeClass)
    return std::nullopt;
  key.shape = *shapeClass;
  return key;
}

GemmKey keyOf(const GemmCall &call) {
  GemmKey key;
  key.precision = call.abType;
  key.transA = call.transA;
  key.transB = call.transB;
  key.shape = classifyShape(call.m, call.n, call.k, call.batchCount);
  return key;
}

} // namespace cucl::blas
