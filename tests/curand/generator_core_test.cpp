// The generator headers of include/cucl/rand/, compiled for the host: known
// answers, and skip-ahead against stepping. The device API and libcurand's
// kernels are the same code, so what holds here holds for them (and
// host_api_test checks that the device gives the host's numbers).
#include <gtest/gtest.h>

#include <cstdint>

#include "cucl/rand/mrg32k3a.h"
#include "cucl/rand/philox.h"
#include "cucl/rand/xorwow.h"

namespace {

// Known-answer vectors of Philox4x32-10 published with Random123 (Salmon et
// al.): counter, key, and the block they give.
struct PhiloxVector {
  std::uint32_t ctr[4];
  std::uint32_t key[2];
  std::uint32_t out[4];
};

TEST(Philox, MatchesThePublishedKnownAnswers) {
  const PhiloxVector vectors[] = {
      {{0, 0, 0, 0}, {0, 0}, {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}},
      {{0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff},
       {0xffffffff, 0xffffffff},
       {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}},
      {{0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344},
       {0xa4093822, 0x299f31d0},
       {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}},
  };
  for (const PhiloxVector &v : vectors) {
    std::uint32_t block[4] = {v.ctr[0], v.ctr[1], v.ctr[2], v.ctr[3]};
    cucl_philox4x32_10(block, v.key[0], v.key[1]);
    for (int i = 0; i < 4; ++i)
      EXPECT_EQ(block[i], v.out[i]) << "word " << i;
  }
}

TEST(Philox, StreamIsTheCounterSequenceOfTheSeed) {
  cucl_philox_state s;
  cucl_philox_init(0, 0, 0, &s);
  EXPECT_EQ(cucl_philox_next(&s), 0x6627e8d5u);
  EXPECT_EQ(cucl_philox_next(&s), 0xe169c58du);
  // Subsequence n is the counter's high half: block (0, 0, n, 0).
  cucl_philox_init(0x299f31d0a4093822ull, 0x0370734413198a2eull, 0, &s);
  std::uint32_t block[4] = {0, 0, 0x13198a2e, 0x03707344};
  cucl_philox4x32_10(block, 0xa4093822, 0x299f31d0);
  for (int i = 0; i < 4; ++i)
    EXPECT_EQ(cucl_philox_next(&s), block[i]);
}

template <class State, class Init, class Next, class Skip>
void expectSkipEqualsSteps(Init init, Next next, Skip skip, std::uint64_t seed) {
  for (std::uint64_t n :
       {0ull, 1ull, 3ull, 4ull, 5ull, 17ull, 31ull, 32ull, 33ull, 1000ull, 65537ull, 1234567ull}) {
    State stepped, skipped, initialised;
    init(seed, 0, 0, &stepped);
    for (std::uint64_t i = 0; i < n; ++i)
      next(&stepped);
    init(seed, 0, 0, &skipped);
    skip(&skipped, n);
    init(seed, 0, n, &initialised);
    for (int i = 0; i < 8; ++i) {
      std::uint32_t expected = next(&stepped);
      ASSERT_EQ(next(&skipped), expected) << "skip " << n << ", number " << i;
      ASSERT_EQ(next(&initialised), expected) << "offset " << n << ", number " << i;
    }
  }
}

TEST(Xorwow, SkipAheadEqualsStepping) {
  expectSkipEqualsSteps<cucl_xorwow_state>(cucl_xorwow_init, cucl_xorwow_next,
                                           cucl_xorwow_skipahead, 1234);
}

TEST(Mrg32k3a, SkipAheadEqualsStepping) {
  expectSkipEqualsSteps<cucl_mrg32k3a_state>(cucl_mrg32k3a_init, cucl_mrg32k3a_next,
                                             cucl_mrg32k3a_skipahead, 1234);
}

TEST(Philox, SkipAheadEqualsStepping) {
  expectSkipEqualsSteps<cucl_philox_state>(cucl_philox_init, cucl_philox_next,
                                           cucl_philox_skipahead, 1234);
}

// The subsequence tables are the offset table's 2^63 jump continued: one
// subsequence (2^67 numbers) is 16 jumps of 2^63, and each next entry is
// the previous twice. This checks every entry of the generated tables.
TEST(Xorwow, SubsequenceTableContinuesTheOffsetTable) {
  cucl_xorwow_state a, b;
  cucl_xorwow_init(99, 0, 0, &a);
  b = a;
  for (int i = 0; i < 16; ++i)
    cucl_xorwow_skipahead(&a, 1ull << 63);
  cucl_xorwow_skipahead_sequence(&b, 1);
  for (int w = 0; w < 5; ++w)
    ASSERT_EQ(a.v[w], b.v[w]);
  for (int k = 0; k + 1 < 64; ++k) {
    cucl_xorwow_init(99, 0, 0, &a);
    b = a;
    cucl_xorwow_skipahead_sequence(&a, 1ull << k);
    cucl_xorwow_skipahead_sequence(&a, 1ull << k);
    cucl_xorwow_skipahead_sequence(&b, 1ull << (k + 1));
    for (int w = 0; w < 5; ++w)
      ASSERT_EQ(a.v[w], b.v[w]) << "table entry " << k + 1;
  }
  for (int k = 0; k + 1 < 64; ++k) {
    cucl_xorwow_init(99, 0, 0, &a);
    b = a;
    cucl_xorwow_skipahead(&a, 1ull << k);
    cucl_xorwow_skipahead(&a, 1ull << k);
    cucl_xorwow_skipahead(&b, 1ull << (k + 1));
    for (int w = 0; w < 5; ++w)
      ASSERT_EQ(a.v[w], b.v[w]) << "offset entry " << k + 1;
  }
}

TEST(Mrg32k3a, SubsequenceTableContinuesTheOffsetTable) {
  cucl_mrg32k3a_state a, b;
  cucl_mrg32k3a_init(7, 0, 0, &a);
  b = a;
  for (int i = 0; i < 8192; ++i) // 2^76 = 8192 * 2^63
    cucl_mrg32k3a_skipahead(&a, 1ull << 63);
  cucl_mrg32k3a_skipahead_sequence(&b, 1);
  for (int w = 0; w < 3; ++w) {
    ASSERT_EQ(a.s1[w], b.s1[w]);
    ASSERT_EQ(a.s2[w], b.s2[w]);
  }
  for (int k = 0; k + 1 < 64; ++k) {
    for (bool sequence : {false, true}) {
      cucl_mrg32k3a_init(7, 0, 0, &a);
      b = a;
      auto jump = sequence ? cucl_mrg32k3a_skipahead_sequence : cucl_mrg32k3a_skipahead;
      jump(&a, 1ull << k);
      jump(&a, 1ull << k);
      jump(&b, 1ull << (k + 1));
      for (int w = 0; w < 3; ++w) {
        ASSERT_EQ(a.s1[w], b.s1[w]) << (sequence ? "subsequence" : "offset") << " entry " << k;
        ASSERT_EQ(a.s2[w], b.s2[w]) << (sequence ? "subsequence" : "offset") << " entry " << k;
      }
    }
  }
}

// cuRAND's seeding of XORWOW is public (Marsaglia's constants scrambled by
// the seed's halves); the first numbers of seed 0 follow from it by hand.
TEST(Xorwow, SeedZeroStartsFromTheScrambledMarsagliaState) {
  cucl_xorwow_state s;
  cucl_xorwow_init(0, 0, 0, &s);
  std::uint32_t t0 = 1099087573u * 0xaad26b49u;
  std::uint32_t t1 = 2591861531u * 0xf7dcefddu;
  EXPECT_EQ(s.d, 6615241u + t1 + t0);
  EXPECT_EQ(s.v[0], 123456789u + t0);
  EXPECT_EQ(s.v[4], 5783321u + t0);
  std::uint32_t t = s.v[0] ^ (s.v[0] >> 2);
  std::uint32_t v4 = (s.v[4] ^ (s.v[4] << 4)) ^ (t ^ (t << 1));
  EXPECT_EQ(cucl_xorwow_next(&s), v4 + 6615241u + t1 + t0 + 362437u);
}

TEST(Mrg32k3a, OutputsStayInsideTheModulusAndScaleExactly) {
  cucl_mrg32k3a_state s;
  cucl_mrg32k3a_init(0, 0, 0, &s);
  // Seed 0 keeps L'Ecuyer's default state 12345 everywhere.
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(s.s1[i], 12345u);
    EXPECT_EQ(s.s2[i], 12345u);
  }
  for (int i = 0; i < 100000; ++i) {
    std::uint32_t raw = cucl_mrg32k3a_next_raw(&s);
    ASSERT_GE(raw, 1u);
    ASSERT_LE(raw, CUCL_MRG_M1);
  }
}

} // namespace

#include <algorithm>
#include <cmath>

#include "cucl/rand/distributions.h"

namespace {

// The quantile against its definition: Phi(z) = p, Phi from erfc.
TEST(NormalQuantile, InvertsTheNormalCdf) {
  auto phi = [](double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); };
  double worstFloat = 0, worstDouble = 0;
  for (std::uint64_t i = 0; i < 200000; ++i) {
    // Spread over the whole range, tails included.
    std::uint32_t x = static_cast<std::uint32_t>((i * 0x9E3779B97F4A7C15ull) >> 32);
    if (i < 64)
      x = static_cast<std::uint32_t>(i); // the far lower tail
    else if (i < 128)
      x = ~static_cast<std::uint32_t>(i - 64); // and the upper one
    // Both halves as the lower one (Phi(-z) = 1 - Phi(z)), exactly.
    const bool upper = x >= 0x80000000u;
    double p = ((upper ? ~x : x) + 0.5) / 4294967296.0;
    float z = cucl_normal_from_quantile(x);
    const std::uint64_t wide = (std::uint64_t)x << 32 | 0x80000000u;
    double zd = cucl_normal_from_quantile_double(wide);
    double pd = static_cast<double>(((upper ? ~wide : wide) + 0.5L) / 18446744073709551616.0L);
    worstFloat = std::max(worstFloat, std::fabs(phi(upper ? -z : z) - p) / p);
    worstDouble = std::max(worstDouble, std::fabs(phi(upper ? -zd : zd) - pd) / pd);
  }
  EXPECT_LT(worstFloat, 1e-5); // float's precision carried through Phi'
  EXPECT_LT(worstDouble, 1e-12);
}

} // namespace

namespace {

// First numbers cuRAND's own device API gives for these seeds (observed by
// running NVIDIA's curand_kernel.h on the host; no NVIDIA code is used here).
TEST(CuRandCompatibility, FirstNumbersOfXorwowAndMrg32k3aAreCuRands) {
  cucl_xorwow_state x;
  cucl_xorwow_init(1234, 0, 0, &x);
  const std::uint32_t xorwow[4] = {624778773u, 1867875844u, 3739671282u, 1954919316u};
  for (std::uint32_t expected : xorwow)
    EXPECT_EQ(cucl_xorwow_next(&x), expected);
  cucl_mrg32k3a_state m;
  cucl_mrg32k3a_init(0, 0, 0, &m);
  EXPECT_EQ(cucl_mrg32k3a_next(&m), 545508615u);
  EXPECT_EQ(cucl_mrg32k3a_next(&m), 1368065476u);
}

} // namespace
