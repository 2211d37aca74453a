// A GEMM problem size (column-major, no transposes) and the shape lists the
// benchmark runs: square sizes, skinny shapes and strided-batched shapes.
#ifndef CUCL_BENCH_GEMM_SHAPE_H
#define CUCL_BENCH_GEMM_SHAPE_H

#include <optional>
#include <string>
#include <vector>

namespace bench {

enum class ShapeKind { Square, Skinny, Batched };

struct GemmShape {
  long m = 0, n = 0, k = 0;
  long batch = 1; // > 1: one strided-batched call

  ShapeKind kind() const;
  double flops() const { return 2.0 * double(m) * double(n) * double(k) * double(batch); }
  std::string label() const; // "1024", "4096x64x4096", "256x64^3", "16x32x64x8"
};

// The default lists (full run or --quick).
std::vector<GemmShape> defaultShapes(bool quick);

// Parses a --shapes list: comma-separated tokens, each a size N (square), MxNxK,
// BATCHxN^3, MxNxKxBATCH, or a group name (square, skinny, batched, all).
// Returns nothing and prints why on a bad token.
std::optional<std::vector<GemmShape>> parseShapes(const std::string &list, bool quick);

} // namespace bench

#endif // CUCL_BENCH_GEMM_SHAPE_H
