#include "gemm_shape.h"

#include <cstdio>
#include <cstdlib>

namespace bench {
namespace {

std::vector<GemmShape> squareShapes(bool quick) {
  std::vector<GemmShape> shapes;
  for (long n = 64; n <= (quick ? 1024 : 4096); n *= 2)
    shapes.push_back({n, n, n, 1});
  return shapes;
}

// Tall-by-wide and wide-by-tall products: where a kernel tuned only for big
// squares (and padding/transposing around it) loses most.
std::vector<GemmShape> skinnyShapes(bool quick) {
  const long big = quick ? 1024 : 4096;
  return {{big, 64, big, 1}, {64, big, big, 1}, {big, big, 64, 1}};
}

std::vector<GemmShape> batchedShapes() {
  return {{64, 64, 64, 256}, {32, 32, 32, 1024}};
}

// Reads a positive decimal number at `text[pos]`, advancing pos.
bool readNumber(const std::string &text, std::size_t &pos, long &value) {
  std::size_t start = pos;
  while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9')
    ++pos;
  if (pos == start || pos - start > 9)
    return false;
  value = std::strtol(text.c_str() + start, nullptr, 10);
  return value > 0;
}

// N, MxNxK, BxN^3 or Bx(MxNxK).
std::optional<GemmShape> parseOne(const std::string &token) {
  std::vector<long> numbers;
  std::size_t pos = 0;
  bool cube = false, parenthesised = false;
  while (pos < token.size()) {
    if (!numbers.empty()) {
      if (token[pos] != 'x')
        return std::nullopt;
      ++pos;
      if (pos < token.size() && token[pos] == '(' && numbers.size() == 1) {
        parenthesised = true;
        ++pos;
      }
    }
    long value = 0;
    if (!readNumber(token, pos, value))
      return std::nullopt;
    numbers.push_back(value);
    if (token.compare(pos, 2, "^3") == 0) {
      cube = true;
      pos += 2;
      if (pos != token.size())
        return std::nullopt;
    }
    if (parenthesised && numbers.size() == 4) {
      if (token.compare(pos, std::string::npos, ")") != 0)
        return std::nullopt;
      pos = token.size();
    }
  }
  if (numbers.size() == 1 && !cube)
    return GemmShape{numbers[0], numbers[0], numbers[0], 1};
  if (numbers.size() == 2 && cube)
    return GemmShape{numbers[1], numbers[1], numbers[1], numbers[0]};
  if (numbers.size() == 3 && !cube)
    return GemmShape{numbers[0], numbers[1], numbers[2], 1};
  if (numbers.size() == 4 && parenthesised)
    return GemmShape{numbers[1], numbers[2], numbers[3], numbers[0]};
  return std::nullopt;
}

} // namespace

ShapeKind GemmShape::kind() const {
  if (batch > 1)
    return ShapeKind::Batched;
  return m == n && n == k ? ShapeKind::Square : ShapeKind::Skinny;
}

std::string GemmShape::label() const {
  const std::string mnk = std::to_string(m) + "x" + std::to_string(n) + "x" + std::to_string(k);
  switch (kind()) {
  case ShapeKind::Square:
    return std::to_string(m);
  case ShapeKind::Skinny:
    return mnk;
  case ShapeKind::Batched:
    if (m == n && n == k)
      return std::to_string(batch) + "x" + std::to_string(m) + "^3";
    return std::to_string(batch) + "x(" + mnk + ")";
  }
  return mnk;
}

std::vector<GemmShape> defaultShapes(bool quick) {
  std::vector<GemmShape> shapes = squareShapes(quick);
  for (const GemmShape &shape : skinnyShapes(quick))
    shapes.push_back(shape);
  for (const GemmShape &shape : batchedShapes())
    shapes.push_back(shape);
  return shapes;
}

std::optional<std::vector<GemmShape>> parseShapes(const std::string &list, bool quick) {
  std::vector<GemmShape> shapes;
  auto append = [&shapes](const std::vector<GemmShape> &more) {
    shapes.insert(shapes.end(), more.begin(), more.end());
  };
  std::size_t start = 0;
  while (start <= list.size()) {
    std::size_t comma = list.find(',', start);
    std::string token =
        list.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    start = comma == std::string::npos ? list.size() + 1 : comma + 1;
    if (token == "square") {
      append(squareShapes(quick));
    } else if (token == "skinny") {
      append(skinnyShapes(quick));
    } else if (token == "batched") {
      append(batchedShapes());
    } else if (token == "all") {
      append(defaultShapes(quick));
    } else if (std::optional<GemmShape> shape = parseOne(token)) {
      shapes.push_back(*shape);
    } else {
      std::fprintf(stderr,
                   "bench-gemm: bad shape '%s' (expected N, MxNxK, BxN^3, Bx(MxNxK), "
                   "square, skinny, batched or all)\n",
                   token.c_str());
      return std::nullopt;
    }
  }
  return shapes;
}

} // namespace bench
