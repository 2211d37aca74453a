#include "core/sobol.h"

#include <memory>
#include <mutex>

#include "core/engines.h"
#include "sobol_directions.inc"

namespace cucl::rand {

namespace {

static_assert(sobol_data::kDimensions == kSobolDimensions);

// Direction numbers m_1..m_bits of one dimension by Bratley and Fox's
// recurrence on its primitive polynomial x^s + a_1 x^(s-1) + ... + 1:
// m_i = 2 a_1 m_(i-1) ^ 4 a_2 m_(i-2) ^ ... ^ 2^s m_(i-s) ^ m_(i-s),
// then v_i = m_i shifted to the word's top (v_i = m_i 2^(bits-i)).
template <class Word> void directionsOf(unsigned dimension, Word *v) {
  constexpr int bits = static_cast<int>(sizeof(Word) * 8);
  Word m[bits];
  const std::uint32_t polynomial = sobol_data::kPolynomial[dimension];
  int degree = 0;
  while ((polynomial >> (degree + 1)) != 0)
    ++degree;
  for (int i = 0; i < bits; ++i) {
    if (dimension == 0) {
      m[i] = 1; // van der Corput
    } else if (i < degree) {
      m[i] = sobol_data::kInitial[dimension][i];
    } else {
      Word next = m[i - degree] ^ (m[i - degree] << degree);
      for (int k = 1; k < degree; ++k)
        if ((polynomial >> (degree - k)) & 1u)
          next ^= m[i - k] << k;
      m[i] = next;
    }
  }
  for (int i = 0; i < bits; ++i)
    v[i] = m[i] << (bits - 1 - i);
}

template <class Word> const Word *tableOf(std::once_flag &once, std::unique_ptr<Word[]> &table) {
  std::call_once(once, [&] {
    constexpr unsigned bits = sizeof(Word) * 8;
    table.reset(new Word[kSobolDimensions * bits]);
    for (unsigned d = 0; d < kSobolDimensions; ++d)
      directionsOf<Word>(d, table.get() + d * bits);
  });
  return table.get();
}

template <class Word> const Word *scrambleOf(std::once_flag &once, std::unique_ptr<Word[]> &table) {
  std::call_once(once, [&] {
    table.reset(new Word[kSobolDimensions]);
    cucl_xorwow_state state;
    cucl_xorwow_init(0x5eed5ca1ab1e5ULL, 0, 0, &state);
    for (unsigned d = 0; d < kSobolDimensions; ++d) {
      Word value = cucl_xorwow_next(&state);
      if (sizeof(Word) == 8)
        value = (value << 31 << 1) | cucl_xorwow_next(&state);
      table[d] = value;
    }
  });
  return table.get();
}

} // namespace

const std::uint32_t *sobolDirections32() {
  static std::once_flag once;
  static std::unique_ptr<std::uint32_t[]> table;
  return tableOf(once, table);
}

const std::uint64_t *sobolDirections64() {
  static std::once_flag once;
  static std::unique_ptr<std::uint64_t[]> table;
  return tableOf(once, table);
}

const std::uint32_t *sobolScramble32() {
  static std::once_flag once;
  static std::unique_ptr<std::uint32_t[]> table;
  return scrambleOf(once, table);
}

const std::uint64_t *sobolScramble64() {
  static std::once_flag once;
  static std::unique_ptr<std::uint64_t[]> table;
  return scrambleOf(once, table);
}

} // namespace cucl::rand
