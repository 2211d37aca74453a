// FNV-1a: a 64-bit hash with the same value in every build and process, for
// names and checks of files other processes read back.
#ifndef CUCL_CORE_STABLE_HASH_H
#define CUCL_CORE_STABLE_HASH_H

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace cucl {

inline constexpr std::uint64_t kFnvBasis = 0xcbf29ce484222325ull;

// Each part is followed by a NUL, so ("ab", "c") and ("a", "bc") differ.
// Another basis gives an independent hash of the same parts.
inline std::uint64_t stableHash(std::initializer_list<std::string_view> parts,
                                std::uint64_t basis = kFnvBasis) {
  std::uint64_t hash = basis;
  for (std::string_view part : parts) {
    for (unsigned char byte : part) {
      hash ^= byte;
      hash *= 0x100000001b3ull;
    }
    hash *= 0x100000001b3ull; // the separator (a zero byte)
  }
  return hash;
}

} // namespace cucl

#endif // CUCL_CORE_STABLE_HASH_H
